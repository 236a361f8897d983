"""import_articles PATH [PATH …]: read .txt, .jsonl and saved .html files into the archive, one transaction each."""

from __future__ import annotations

import argparse
import datetime as dt
import signal
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.archive import generation, writers
from articles.archive.batches import die_with_parent, process_all
from articles.archive.importing import (
    Counts,
    FileResult,
    Importer,
    Outcome,
    connection_sockets,
    failed,
    finish_batch,
    mark_abandoned_batches,
    relax_commits,
    start_batch,
)
from articles.archive.planner_statistics import PlannerStatistics
from articles.archive.reference import lexicon_from_db
from articles.archive.sources import collect
from articles.models import ImportBatch
from articles.pipeline.parsing import ParseError

BAR_WIDTH = 30


class Interrupted(BaseException):
    """The run was asked to stop (SIGTERM, Ctrl-C).

    A BaseException, like KeyboardInterrupt, so that no `except Exception` on the way swallows it.
    """


class Command(BaseCommand):
    help = (
        "Import article files: .txt (one article a file) and .jsonl (one article a line: text required; "
        "title, date, source, url, collected optional: strings or null) and saved web pages (.html, .htm). PATH may be a file, a directory "
        "(searched recursively) or a glob. Re-importing is safe: unchanged content is skipped and editor "
        "decisions are kept. "
        "Exit status: 0 all imported, 1 some paths or files failed (each is named, the rest imported), "
        "2 bad usage, 130 interrupted."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", metavar="PATH", help="files, directories or glob patterns")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="parse and extract, print what would happen, write nothing",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=1,
            help="processes that parse and extract in parallel (writes stay in this process); default 1",
        )
        parser.add_argument(
            "--writers",
            type=int,
            default=1,
            help="processes that each parse, extract and write their share of the files, on PostgreSQL "
            "(SQLite takes one writer at a time: there it runs as --workers); default 1",
        )
        # A writer started by --writers: its share of the files, the batch, how it reports (internal).
        parser.add_argument("--share", help=argparse.SUPPRESS)
        parser.add_argument("--batch", type=int, help=argparse.SUPPRESS)
        parser.add_argument("--report", choices=["jsonl"], help=argparse.SUPPRESS)
        parser.add_argument("--parent", type=int, help=argparse.SUPPRESS)
        parser.add_argument(
            "--collected-on",
            metavar="YYYY-MM-DD",
            help="when the batch was collected: a date given without a year gets an estimated year from it",
        )
        parser.add_argument(
            "--no-extract",
            action="store_true",
            help="import text and metadata only, without entity extraction",
        )

    def handle(self, *args, **options):
        paths: list[str] = options["paths"]
        if not paths:
            raise CommandError(
                "no PATH given: name files, directories or glob patterns to import", returncode=2
            )
        for option in ("workers", "writers"):
            if options[option] < 1:
                raise CommandError(f"--{option} must be at least 1 (got {options[option]})", returncode=2)
        collected_on = _collected_on(options["collected_on"])
        sources, problems = collect(paths)
        self.verbosity = options["verbosity"]
        self.dry_run = options["dry_run"]
        self.jsonl = options["report"] == "jsonl"
        self.tty = self.stdout.isatty() and self.verbosity >= 1 and not self.dry_run and not self.jsonl
        if options["share"]:  # one writer of several: its files; the command that started it reports the rest
            k, n = _share(options["share"])
            sources, problems = sources[k::n], []
        if options["parent"]:
            die_with_parent(options["parent"])
        writing = options["writers"] > 1 and not options["share"]
        if writing and self.dry_run:  # nothing to write: the writers' share of the work is reading
            options["workers"], writing = max(options["workers"], options["writers"]), False
        if writing and not writers.possible():
            self.stderr.write(
                f"note: SQLite takes one writer at a time: --writers {options['writers']} runs as "
                f"--workers {options['writers']}"
            )
            options["workers"], writing = max(options["workers"], options["writers"]), False
        lexicon = lexicon_from_db()  # once per run: workers receive a copy
        batch = None
        if options["batch"] is not None and not self.dry_run:
            batch = ImportBatch.objects.get(pk=options["batch"])  # a writer's: the command finishes it
            relax_commits()
        elif not self.dry_run:
            for abandoned in mark_abandoned_batches():
                self.stderr.write(
                    f"note: import batch {abandoned.pk} was left running by process {abandoned.pid}, "
                    "which is gone: marked interrupted"
                )
            batch = start_batch(paths)
            relax_commits()
        if writing:
            return self._through_writers(paths, sources, problems, batch, options)
        importer = Importer(
            lexicon, batch, extract=None if options["no_extract"] else _extract, collected_on=collected_on
        )
        counts = Counts()
        for problem in problems:
            counts.add(FileResult(problem.name, Outcome.FAILED, reason=problem.reason))

        status = ImportBatch.Status.FINISHED
        work = process_all(
            sources,
            lexicon,
            workers=options["workers"],
            max_bytes=settings.COOPNEWS_MAX_FILE_BYTES,
            extract=not options["no_extract"],
            parent_sockets=connection_sockets(),
        )
        # Readers' pages follow the batch's commits at a bounded delay, and all of them at its end.
        statistics = None if self.dry_run or options["share"] else PlannerStatistics()
        with StopRequest() as stop, generation.batch():
            try:
                for done in range(1, len(sources) + 1):
                    with stop.at_once():  # reading and extracting: nothing to finish
                        _source, results = next(work, (None, []))
                    for item in results:
                        result = self._one(importer, item)
                        counts.add(result)
                        self._report(result, item.warning, done, len(sources), counts)
                        if statistics is not None and result.outcome == Outcome.NEW:
                            statistics.added_one()
                        if stop.requested:
                            raise Interrupted()
                    if self.jsonl and _source is not None:
                        self.stdout.write(writers.done_line(_source.name))
            except (KeyboardInterrupt, Interrupted):
                status = ImportBatch.Status.INTERRUPTED
            finally:
                work.close()  # ends the worker pool now, also when interrupted
                if self.tty:
                    self.stdout.write("")
                if batch is not None and options["batch"] is None:
                    finish_batch(batch, counts, status)
        if statistics is not None and status == ImportBatch.Status.FINISHED:
            statistics.finish()

        if self.jsonl:  # a writer: the command that started it counts and says how it ended
            if status == ImportBatch.Status.INTERRUPTED:
                raise CommandError("interrupted", returncode=writers.INTERRUPTED)
            return
        self._summary(counts, batch)
        self._exit(counts, status)

    def _exit(self, counts: Counts, status: str) -> None:
        if status == ImportBatch.Status.INTERRUPTED:
            raise CommandError(
                "interrupted: run the same command again to complete the batch", returncode=130
            )
        if counts.failed:
            others = " (the others were imported)" if counts.new + counts.updated + counts.unchanged else ""
            raise CommandError(f"{counts.failed} failed{others}", returncode=1)

    def _through_writers(self, paths, sources, problems, batch, options) -> None:
        """`--writers N`: N processes each write their share (articles/archive/writers.py); this one
        reports what they write, counts the batch and finishes it."""
        count = min(options["writers"], max(len(sources), 1))
        extra = ["--workers=1", f"--verbosity={options['verbosity']}"]
        if options["no_extract"]:
            extra.append("--no-extract")
        if options["collected_on"]:
            extra.append(f"--collected-on={options['collected_on']}")
        counts = Counts()
        for problem in problems:
            counts.add(FileResult(problem.name, Outcome.FAILED, reason=problem.reason))
        status = ImportBatch.Status.FINISHED
        done: set[str] = set()
        statistics = PlannerStatistics()  # the writers' planner: this process keeps it current
        team = writers.Writers(paths, count, batch.pk, extra)
        with StopRequest(on_signal=team.stop) as stop, generation.batch():
            try:
                for reported in team.lines():
                    if reported.done is not None:
                        done.add(reported.done)
                        continue
                    counts.add(reported.result)
                    self._report(reported.result, reported.warning, len(done) + 1, len(sources), counts)
                    if reported.result.outcome == Outcome.NEW:
                        statistics.added_one()
            except BaseException:
                team.kill()
                raise
            finally:
                statuses = team.wait()
                for k, code in enumerate(statuses):
                    if code == writers.INTERRUPTED or stop.requested:
                        status = ImportBatch.Status.INTERRUPTED
                    elif code not in (0, 1):
                        names = [source.name for source in sources[k::count]]
                        for result in writers.not_reported(names, done, code):
                            counts.add(result)
                            self._report(result, "", len(done), len(sources), counts)
                if self.tty:
                    self.stdout.write("")
                finish_batch(batch, counts, status)
        if status == ImportBatch.Status.FINISHED:
            statistics.finish()
        self._summary(counts, batch)
        self._exit(counts, status)

    def _one(self, importer: Importer, item) -> FileResult:
        if isinstance(item.parsed, ParseError):
            return failed(item.parsed)
        if self.dry_run:
            return importer.preview(item.parsed)
        return importer.write(item.parsed, item.extraction, item.story)

    def _report(self, result: FileResult, warning: str, done: int, total: int, counts: Counts) -> None:
        if self.jsonl:
            self.stdout.write(writers.result_line(result, warning))
            return
        if warning:
            self.stderr.write(f"warning: {result.where}: {warning}")
        if self.tty:
            filled = BAR_WIDTH * done // max(total, 1)
            bar = "#" * filled + "." * (BAR_WIDTH - filled)
            self.stdout.write(f"\r[{bar}] {done}/{total} files  {counts.summary()}", ending="")
            self.stdout.flush()
        elif self.verbosity >= 1 and (
            self.verbosity >= 2 or result.outcome != Outcome.UNCHANGED or self.dry_run
        ):
            verb = f"would be {result.outcome}" if self.dry_run else str(result.outcome)
            note = f" ({result.note})" if result.note else ""
            reason = f": {result.reason}" if result.reason else ""
            self.stdout.write(f"[{done}/{total}] {verb}: {result.where}{reason}{note}")

    def _summary(self, counts: Counts, batch: ImportBatch | None) -> None:
        prefix = "dry run, nothing written: " if self.dry_run else ""
        style = self.style.SUCCESS if not counts.failed else self.style.WARNING
        suffix = f" (import batch {batch.pk})" if batch is not None else ""
        self.stdout.write(style(prefix + counts.summary() + suffix))
        for error in counts.errors:
            where = f"{error['file']}:{error['line']}" if error.get("line") is not None else error["file"]
            self.stderr.write(f"failed: {where}: {error['reason']}")


def _collected_on(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            f"--collected-on must be a date YYYY-MM-DD (got {value!r})", returncode=2
        ) from None


def _share(value: str) -> tuple[int, int]:
    try:
        return writers.share(value)
    except ValueError as exc:
        raise CommandError(str(exc), returncode=2) from None


def _extract(parsed, lexicon):
    from articles.archive.batches import extract_safely

    return extract_safely(parsed, lexicon)[0]


class StopRequest:
    """SIGTERM or Ctrl-C: finish the article being written, then stop. A second signal stops at once
    (the article being written is rolled back), and so does the first one while the run is only
    reading or extracting: a slow or stuck file is no reason to wait."""

    def __init__(self, on_signal=None):
        self.on_signal = on_signal  # also told of each signal (passes it on to writing processes)
        self.requested = False
        self._at_once = False
        self._previous: dict = {}

    @contextmanager
    def at_once(self):
        if self.requested:
            raise Interrupted()
        self._at_once = True
        try:
            yield
        finally:
            self._at_once = False

    def __enter__(self) -> StopRequest:
        for signum in (signal.SIGTERM, signal.SIGINT):
            try:
                self._previous[signum] = signal.signal(signum, self._handle)
            except ValueError:  # not the main thread (a test runner's thread): leave signals alone
                pass
        return self

    def __exit__(self, *exc) -> None:
        for signum, previous in self._previous.items():
            signal.signal(signum, previous)

    def _handle(self, signum, frame) -> None:
        if self.on_signal is not None:  # the writers finish their articles; this process waits for them
            self.requested = True
            self.on_signal()
            return
        if self.requested or self._at_once:
            self.requested = True
            raise Interrupted()
        self.requested = True
