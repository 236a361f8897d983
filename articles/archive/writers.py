"""Several writing processes for one import on PostgreSQL: `import_articles --writers N`.

With `--workers N` the workers parse and extract, and the command's own process writes every
article; on two cores that one writer is the bound (docs/performance.md: about 43 ms of an
article's 63 ms of CPU are writing, not extracting). With `--writers N` the command starts N
`import_articles` processes instead, each parsing, extracting and writing every N-th file of the
batch (`--share k/N`) into the same import batch (`--batch ID`), one transaction an article, as N
imports run side by side — which the unique constraints and the stories' and the registry's locks
make safe. Each reports every article's outcome as one JSON line (`--report jsonl`); this process
prints the report, counts the batch and finishes it.

SQLite takes one writer at a time: there the command runs `--writers N` as `--workers N`.
"""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

from django.conf import settings
from django.db import connection

from articles.archive.importing import FileResult, Outcome

INTERRUPTED = 130  # a writer's exit status when it was asked to stop (as the command's own)


def possible() -> bool:
    """Whether this database takes several writers at once."""
    return connection.vendor == "postgresql"


# --- a writer's side ---------------------------------------------------------------------------------


def share(value: str) -> tuple[int, int]:
    """`--share k/N`: this writer's files are the k-th of every N (0 ≤ k < N)."""
    try:
        k, n = (int(part) for part in value.split("/"))
    except ValueError:
        raise ValueError(f"--share must be k/N (got {value!r})") from None
    if not 0 <= k < n:
        raise ValueError(f"--share must be k/N with 0 ≤ k < N (got {value!r})")
    return k, n


def result_line(result: FileResult, warning: str) -> str:
    return json.dumps(
        {
            "file": result.source_file,
            "outcome": str(result.outcome),
            "id": result.article_id,
            "reason": result.reason,
            "line": result.line,
            "note": result.note,
            "warning": warning,
        },
        ensure_ascii=False,
    )


def done_line(name: str) -> str:
    return json.dumps({"done": name}, ensure_ascii=False)


# --- the command's side ------------------------------------------------------------------------------


@dataclass
class Reported:
    """One line from a writer: an article's outcome, or a file done (`done` set, `result` None)."""

    result: FileResult | None = None
    warning: str = ""
    done: str | None = None


def database_url() -> str:
    """The database this process writes to, as a URL for the writers (under a test runner that is
    the test database, not the one DATABASE_URL names)."""
    base = urlsplit(os.environ.get("DATABASE_URL", "postgres://"))
    db = connection.settings_dict
    user = quote(db.get("USER") or "", safe="")
    password = quote(db.get("PASSWORD") or "", safe="")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = db.get("HOST") or ""
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return urlunsplit(("postgres", f"{credentials}{host}{port}", "/" + quote(db["NAME"]), base.query, ""))


class Writers:
    """The N writing processes of one import. `lines()` yields what they report as they report it;
    `stop()` asks them to finish the article each is writing and end (a second call: at once)."""

    def __init__(self, paths: list[str], count: int, batch_id: int, extra: list[str]):
        env = {**os.environ, "DATABASE_URL": database_url(), "PYTHONUNBUFFERED": "1"}
        manage = Path(settings.BASE_DIR) / "manage.py"
        if manage.exists():
            program = [sys.executable, str(manage)]
        else:  # installed as a package: Django's own entry point, with the same settings module
            program = [sys.executable, "-m", "django"]
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(settings.BASE_DIR), env.get("PYTHONPATH")]))
        self.processes = [
            subprocess.Popen(
                [
                    *program,
                    "import_articles",
                    f"--share={k}/{count}",
                    f"--batch={batch_id}",
                    "--report=jsonl",
                    f"--parent={os.getpid()}",
                    *extra,
                    "--",
                    *paths,
                ],
                stdout=subprocess.PIPE,
                env=env,
                start_new_session=True,  # a terminal's Ctrl-C reaches this process, which passes it on
            )
            for k in range(count)
        ]

    def lines(self) -> Iterator[Reported]:
        selector = selectors.DefaultSelector()
        for process in self.processes:
            selector.register(process.stdout, selectors.EVENT_READ)
        open_pipes = len(self.processes)
        while open_pipes:
            for key, _ in selector.select():
                line = key.fileobj.readline()
                if not line:
                    selector.unregister(key.fileobj)
                    open_pipes -= 1
                    continue
                reported = parse(line)
                if reported is not None:
                    yield reported
        selector.close()

    def wait(self) -> list[int]:
        return [process.wait() for process in self.processes]

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                try:
                    os.kill(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass

    def kill(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.kill()
        self.wait()


def parse(line: bytes) -> Reported | None:
    """A writer's JSON line; anything else (a library printing to stdout) is ignored."""
    try:
        data = json.loads(line)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    if "done" in data:
        return Reported(done=str(data["done"]))
    try:
        outcome = Outcome(data["outcome"])
    except (KeyError, ValueError):
        return None
    result = FileResult(
        str(data.get("file", "")),
        outcome,
        data.get("id"),
        reason=data.get("reason") or "",
        line=data.get("line"),
        note=data.get("note") or "",
    )
    return Reported(result=result, warning=data.get("warning") or "")


def not_reported(names: list[str], reported: set[str], status: int) -> list[FileResult]:
    """The files of a writer that ended without reporting them (killed, crashed): failed, with why."""
    why = f"not imported: the process writing it ended with status {status}; run the same command again"
    return [FileResult(name, Outcome.FAILED, reason=why) for name in names if name not in reported]
