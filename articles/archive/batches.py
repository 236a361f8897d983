"""Finding, reading, parsing and extracting the files of an import batch — no database here.

`collect()` turns command-line paths (files, directories, globs) into sources; `process()` reads one
source and returns its parsed articles (or errors) with their extractions. `process_all()` runs it
in this process or in a pool of worker processes, each loading the NLP models once.
"""

from __future__ import annotations

import glob
import logging
import multiprocessing
import signal
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from articles.pipeline.extraction.entities import Extraction
from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.parsing import (
    DEFAULT_MAX_BYTES,
    ParsedArticle,
    ParseError,
    parse_file,
    parse_jsonl,
    too_large,
)
from articles.pipeline.webpage import parse_html

log = logging.getLogger(__name__)

FORMATS = {".txt": "txt", ".jsonl": "jsonl", ".html": "html", ".htm": "html"}


@dataclass(frozen=True)
class Source:
    path: Path
    name: str  # the article's source_file: the file name (relative to a directory given)
    kind: str  # "txt", "jsonl" or "html"


@dataclass
class Processed:
    """One article's worth of work from a source: parsed (or an error) and extracted."""

    parsed: ParsedArticle | ParseError
    extraction: Extraction | None = None
    warning: str = ""


def _kind(path: Path) -> str:
    return FORMATS.get(path.suffix.lower(), "txt")


def collect(paths: list[str]) -> tuple[list[Source], list[str]]:
    """Sources for the given paths, and the paths that matched nothing.

    A file is taken whatever its extension (the operator named it, .jsonl read as a batch, anything
    else as text); a directory contributes its .txt, .jsonl and .html/.htm files, recursively; anything else
    is a glob pattern.
    """
    sources: dict[Path, Source] = {}
    unmatched = []
    for arg in paths:
        path = Path(arg)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.suffix.lower() in FORMATS and (p.is_file() or p.is_symlink())
            )
            for p in found:
                sources.setdefault(p.resolve(), Source(p, p.relative_to(path).as_posix(), _kind(p)))
            if not found:
                unmatched.append(f"{arg} (a directory with no .txt, .jsonl or .html files)")
        elif path.exists() or path.is_symlink():
            sources.setdefault(path.resolve(), Source(path, path.name, _kind(path)))
        else:
            matched = sorted(glob.glob(arg, recursive=True))
            files = [Path(m) for m in matched if not Path(m).is_dir()]
            for m in matched:
                if Path(m).is_dir():
                    inner, _ = collect([m])
                    files.extend(s.path for s in inner)
            if not files:
                unmatched.append(arg)
            for p in files:
                sources.setdefault(p.resolve(), Source(p, p.name, _kind(p)))
    return list(sources.values()), unmatched


def read(source: Source, outlets: dict[str, str], max_bytes: int) -> Iterator[ParsedArticle | ParseError]:
    """Parsed articles (or errors) of one source; an unreadable path is an error, not an exception."""
    try:
        if source.kind == "jsonl":
            with source.path.open("rb") as fh:
                yield from parse_jsonl(fh, source.name, outlets, max_bytes)
            return
        size = source.path.stat().st_size
        if size > max_bytes:  # don't read a huge file only to reject it
            yield ParseError(source.name, too_large(max_bytes))
            return
        data = source.path.read_bytes()
    except OSError as exc:
        yield ParseError(source.name, f"cannot read: {exc.strerror or exc}")
        return
    if source.kind == "html":
        yield parse_html(data, source.name, outlets, max_bytes)
        return
    yield parse_file(data, source.name, outlets, max_bytes)


def extract_safely(parsed: ParsedArticle, lexicon: Lexicon) -> tuple[Extraction, str]:
    """Run the extractor; a crash in it costs the article its entities, not its import."""
    from articles.pipeline.extraction import pipeline

    try:
        return pipeline.extract(parsed, lexicon), ""
    except Exception as exc:
        log.exception("extraction failed for %s", parsed.source_file)
        return Extraction(), f"extraction failed: {type(exc).__name__}: {exc}"


def process(source: Source, lexicon: Lexicon, max_bytes: int, extract: bool = True) -> list[Processed]:
    results = []
    for parsed in read(source, lexicon.outlets, max_bytes):
        if isinstance(parsed, ParseError) or not extract:
            results.append(Processed(parsed, Extraction() if not isinstance(parsed, ParseError) else None))
            continue
        extraction, warning = extract_safely(parsed, lexicon)
        results.append(Processed(parsed, extraction, warning))
    return results


# --- worker processes ----------------------------------------------------------------------------

_worker_state: dict = {}


def _init_worker(lexicon: Lexicon, max_bytes: int, extract: bool) -> None:
    # The parent decides about interruptions: Ctrl-C and SIGTERM stop it, and it ends the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _worker_state.update(lexicon=lexicon, max_bytes=max_bytes, extract=extract)


def _work(source: Source) -> list[Processed]:
    try:
        return process(source, _worker_state["lexicon"], _worker_state["max_bytes"], _worker_state["extract"])
    except Exception as exc:  # never lose the batch to one file
        return [Processed(ParseError(source.name, f"cannot process: {type(exc).__name__}: {exc}"))]


IN_FLIGHT_PER_WORKER = 4  # files queued ahead per worker: keeps workers busy and memory flat


def process_all(
    sources: list[Source],
    lexicon: Lexicon,
    *,
    workers: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    extract: bool = True,
) -> Iterator[tuple[Source, list[Processed]]]:
    """(source, its results) in the order given; parsing and extraction in `workers` processes.

    A worker that dies (killed, out of memory, crashed in a native library) breaks the pool: a new
    pool takes over, and the files that were in flight are tried again one at a time, so that the
    file that kills a worker on its own is reported as failed and the others still import.
    """
    if workers <= 1 or len(sources) <= 1:
        for source in sources:
            yield source, process(source, lexicon, max_bytes, extract)
        return
    # Workers never touch the database: they inherit the parent's connection but leave it alone
    # (a forked worker ends with os._exit, so nothing is closed behind the parent's back).
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)

    def start() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            workers, mp_context=context, initializer=_init_worker, initargs=(lexicon, max_bytes, extract)
        )

    waiting = deque(sources)
    in_flight: deque[tuple[Source, Future]] = deque()
    suspects: set[Path] = set()  # in flight when a worker died: each now runs alone
    executor = start()
    try:
        while waiting or in_flight:
            while waiting and len(in_flight) < workers * IN_FLIGHT_PER_WORKER:
                alone = waiting[0].path in suspects
                if (alone and in_flight) or (in_flight and in_flight[-1][0].path in suspects):
                    break
                source = waiting.popleft()
                in_flight.append((source, executor.submit(_work, source)))
                if alone:
                    break
            source, future = in_flight.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                executor.shutdown(wait=False, cancel_futures=True)
                executor = start()
                if source.path in suspects and not in_flight:  # it killed a worker on its own
                    log.warning("%s kills the worker process reading it", source.name)
                    yield source, [Processed(ParseError(source.name, "a worker process died reading it"))]
                    continue
                log.warning("a worker process died; retrying the files it may have been reading")
                retry = [source, *(s for s, _ in in_flight)]
                in_flight.clear()
                suspects.update(s.path for s in retry)
                waiting.extendleft(reversed(retry))
                continue
            suspects.discard(source.path)
            yield source, results
    finally:
        executor.shutdown(wait=False, cancel_futures=True)
