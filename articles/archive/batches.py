"""Reading, parsing and extracting the files of an import batch — no database here.

`process()` reads one source (found by `sources.collect()`) and returns its parsed articles (or
errors) with their extractions. `process_all()` runs it in this process or in a pool of worker
processes, each loading the NLP models once. Workers die with the import: a worker left behind by a
killed parent would keep the parent's database socket open, and with it the parent's transaction.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from articles.archive.sources import NotReadable, Source, bounded_lines, open_regular, reason
from articles.pipeline.extraction.entities import Extraction
from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.jsonl import parse_jsonl
from articles.pipeline.parsing import DEFAULT_MAX_BYTES, ParsedArticle, ParseError, parse_file, too_large
from articles.pipeline.story_text import StoryText, story_text
from articles.pipeline.webpage import parse_html

log = logging.getLogger(__name__)


@dataclass
class Processed:
    """One article's worth of work from a source: parsed (or an error) and extracted."""

    parsed: ParsedArticle | ParseError
    extraction: Extraction | None = None
    warning: str = ""
    story: StoryText | None = None  # what the stories read of it, computed here off the writer


def read(source: Source, outlets: dict[str, str], max_bytes: int) -> Iterator[ParsedArticle | ParseError]:
    """Parsed articles (or errors) of one source; an unreadable path is an error, not an exception."""
    try:
        with open_regular(source.path) as fh:
            if source.kind == "jsonl":
                yield from parse_jsonl(bounded_lines(fh, max_bytes), source.name, outlets, max_bytes)
                return
            if os.fstat(fh.fileno()).st_size > max_bytes:  # don't read a huge file only to reject it
                yield ParseError(source.name, too_large(max_bytes))
                return
            data = fh.read(max_bytes + 1)  # a file still growing stops at the limit
    except NotReadable as exc:
        yield ParseError(source.name, str(exc))
        return
    except OSError as exc:
        yield ParseError(source.name, f"cannot read: {reason(exc)}")
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
        if isinstance(parsed, ParseError):
            results.append(Processed(parsed))
            continue
        extraction, warning = extract_safely(parsed, lexicon) if extract else (Extraction(), "")
        warnings = [*parsed.warnings, warning] if warning else list(parsed.warnings)
        story = story_text(parsed.title, parsed.body)
        results.append(Processed(parsed, extraction, "; ".join(warnings), story))
    return results


# --- worker processes ----------------------------------------------------------------------------

_worker_state: dict = {}
Held = tuple[tuple[int, int, int], ...]  # (descriptor, device, inode) of each parent socket
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
PARENT_CHECK_SECONDS = 1.0


def _init_worker(lexicon: Lexicon, max_bytes: int, extract: bool, parent: int, parent_sockets: Held) -> None:
    # The parent decides about interruptions: Ctrl-C and SIGTERM stop it, and it ends the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    let_go_of(parent_sockets)
    die_with_parent(parent)
    _worker_state.update(lexicon=lexicon, max_bytes=max_bytes, extract=extract)


def identify(sockets: tuple[int, ...]) -> Held:
    """The parent's sockets as the workers will find them: a number alone could by then be reused."""
    held = []
    for fd in sockets:
        try:
            st = os.fstat(fd)
        except OSError:
            continue
        held.append((fd, st.st_dev, st.st_ino))
    return tuple(held)


def let_go_of(sockets: Held) -> None:
    """Drop this process's hold on the parent's database sockets, without a word on the wire.

    A forked worker shares them; while it holds one, the server sees the parent's session alive
    even after the parent is gone. Pointing the descriptor at /dev/null releases the socket and
    keeps the number taken, so a driver object that ever wrote to it would write to nothing.
    """
    if not sockets:
        return
    null = os.open(os.devnull, os.O_RDWR)
    try:
        for fd, device, inode in sockets:
            try:
                st = os.fstat(fd)
                if (st.st_dev, st.st_ino) == (device, inode):
                    os.dup2(null, fd)
            except OSError:
                pass  # not open here: nothing to let go of
    finally:
        os.close(null)


def die_with_parent(parent: int, interval: float = PARENT_CHECK_SECONDS) -> None:
    """End this process when `parent` ends, even by `kill -9`.

    Linux kills it with the parent (PR_SET_PDEATHSIG); elsewhere, and as a second line, a thread
    notices that the process was handed to another parent and exits.
    """
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the thread below still watches
    if os.getppid() != parent:  # the parent died before the request above was made
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent, interval), name="watch-parent", daemon=True).start()


def _watch_parent(parent: int, interval: float) -> None:
    while os.getppid() == parent:
        time.sleep(interval)
    os._exit(1)


def _work(source: Source) -> list[Processed]:
    try:
        return process(source, _worker_state["lexicon"], _worker_state["max_bytes"], _worker_state["extract"])
    except Exception as exc:  # never lose the batch to one file
        return [Processed(ParseError(source.name, f"cannot process: {type(exc).__name__}: {exc}"))]


MANAGER_JOIN_SECONDS = 10  # at most, once the workers are ended (_stop)
IN_FLIGHT_PER_WORKER = 4  # files queued ahead per worker: keeps workers busy and memory flat


def process_all(
    sources: list[Source],
    lexicon: Lexicon,
    *,
    workers: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    extract: bool = True,
    parent_sockets: tuple[int, ...] = (),
) -> Iterator[tuple[Source, list[Processed]]]:
    """(source, its results) in the order given; parsing and extraction in `workers` processes.

    A worker that dies (killed, out of memory, crashed in a native library) breaks the pool: a new
    pool takes over, and the files that were in flight are tried again one at a time, so that the
    file that kills a worker on its own is reported as failed and the others still import.
    `parent_sockets` are this process's database sockets, which workers must not keep open.
    """
    if workers <= 1 or len(sources) <= 1:
        for source in sources:
            yield source, process(source, lexicon, max_bytes, extract)
        return
    # Workers never touch the database. A forked worker inherits the parent's connection and lets
    # go of its socket without closing the session (see let_go_of).
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method != "fork":
        parent_sockets = ()  # a spawned worker inherits none, and those numbers may be its own files

    def start() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(lexicon, max_bytes, extract, os.getpid(), identify(parent_sockets)),
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
        _stop(executor)


def _stop(executor: ProcessPoolExecutor) -> None:
    """End the pool now. A worker busy on a slow file would otherwise keep the interrupted import
    waiting on it at exit (the pool joins its workers); its work is thrown away anyway."""
    busy = list((getattr(executor, "_processes", None) or {}).values())
    manager = getattr(executor, "_executor_manager_thread", None)
    executor.shutdown(wait=False, cancel_futures=True)
    for worker in busy:
        if worker.is_alive():
            worker.terminate()
    # Let the pool's manager thread end now that no worker is busy: left running, it closes its wakeup
    # pipe while the interpreter's exit hook writes to it (Python 3.11's race: «OSError: [Errno 9] Bad
    # file descriptor» printed at exit, after a complete import).
    if manager is not None and manager.is_alive():
        manager.join(timeout=MANAGER_JOIN_SECONDS)
