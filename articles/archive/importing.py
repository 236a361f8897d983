"""Writing parsed and extracted articles to the database: one transaction per article.

The natural key is `Article.source_file`; the fingerprint makes a second import of the same content
`unchanged`. A changed file updates its article without touching editor decisions: fields listed
in `Article.edited_fields` keep the editor's value, and only machine claims nobody has decided on
(`machine_proposed()`) are ever deleted. Confirmed, rejected and editor-made claims stay; a
rejected claim's row stays too, so the same entity is never proposed again for that article.

Concurrent imports (PostgreSQL) rely on the unique constraints, not on luck: a row another process
created first surfaces as an IntegrityError inside a savepoint, and we read the winner's row.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from django.db import IntegrityError, OperationalError, connection, connections, transaction
from django.utils import timezone

from articles.archive import generation, pair_months, stories
from articles.archive.claims import apply_extraction
from articles.models import (
    Article,
    ImportBatch,
    Outlet,
    OutletAlias,
)
from articles.models.history import deferred_history
from articles.pipeline.dates import estimate_year
from articles.pipeline.extraction.entities import Extraction
from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.parsing import ParsedArticle, ParseError
from articles.pipeline.story_text import StoryText
from articles.pipeline.text import normalise

log = logging.getLogger(__name__)

WRITE_ATTEMPTS = 3  # a deadlock or a lost race on PostgreSQL is retried with a fresh transaction


class Outcome(StrEnum):
    NEW = "new"
    UNCHANGED = "unchanged"
    UPDATED = "updated"
    FAILED = "failed"


@dataclass
class FileResult:
    source_file: str
    outcome: Outcome
    article_id: int | None = None
    reason: str = ""
    line: int | None = None
    note: str = ""  # e.g. "same content as 002.txt"

    @property
    def where(self) -> str:
        return f"{self.source_file}:{self.line}" if self.line is not None else self.source_file


@dataclass
class Counts:
    new: int = 0
    unchanged: int = 0
    updated: int = 0
    failed: int = 0
    errors: list[dict] = field(default_factory=list)

    def add(self, result: FileResult) -> None:
        setattr(self, result.outcome.value, getattr(self, result.outcome.value) + 1)
        if result.outcome == Outcome.FAILED:
            self.errors.append({"file": result.source_file, "line": result.line, "reason": result.reason})

    def summary(self) -> str:
        return f"{self.new} new, {self.unchanged} unchanged, {self.updated} updated, {self.failed} failed"


def failed(error: ParseError) -> FileResult:
    return FileResult(error.source_file, Outcome.FAILED, reason=error.reason, line=error.line)


# --- the writer ----------------------------------------------------------------------------------


class Importer:
    """Writes articles of one run. Holds the run's caches (outlets, known countries), not data."""

    def __init__(
        self,
        lexicon: Lexicon,
        batch: ImportBatch | None = None,
        extract: Callable[[ParsedArticle, Lexicon], Extraction] | None = None,
        collected_on: dt.date | None = None,
    ):
        self.lexicon = lexicon
        self.collected_on = collected_on  # the operator's hint: when the batch was collected
        self.batch = batch
        self._extract = extract
        self._outlets = generation.Remembered()  # normalised spelling → Outlet
        self.known_countries = set(lexicon.country_names)

    # - outlets -

    def outlet(self, spelling: str | None) -> Outlet | None:
        """The Outlet a spelling names; an unknown spelling becomes a new outlet (with itself as spelling)."""
        if not spelling or not spelling.strip():
            return None
        spelling = spelling.strip()[:120]
        key = normalise(spelling)
        if key in self._outlets.current():
            return self._outlets[key]
        name = self.lexicon.outlets.get(key)
        alias = OutletAlias.objects.select_related("outlet").filter(normalised=key).first()
        if alias is not None:
            self._outlets[key] = outlet = alias.outlet
            return outlet
        outlet, _ = Outlet.objects.get_or_create(name=name or spelling)
        try:
            with transaction.atomic():
                OutletAlias.objects.create(outlet=outlet, spelling=spelling)
        except IntegrityError:
            pass  # another process recorded this spelling first
        # Remembered once committed: a rolled-back article must not leave a phantom outlet behind.
        transaction.on_commit(lambda: self._outlets.setdefault(key, outlet))
        return outlet

    # - one article -

    def preview(self, parsed: ParsedArticle) -> FileResult:
        """What `write` would do, reading only (for --dry-run)."""
        existing = Article.objects.filter(source_file=parsed.source_file).only("id", "fingerprint").first()
        if existing is not None:
            outcome = Outcome.UNCHANGED if existing.fingerprint == parsed.fingerprint else Outcome.UPDATED
            return FileResult(parsed.source_file, outcome, existing.id)
        twin = Article.objects.filter(fingerprint=parsed.fingerprint).only("id", "source_file").first()
        if twin is not None:
            return FileResult(
                parsed.source_file, Outcome.UNCHANGED, twin.id, note=f"same content as {twin.source_file}"
            )
        return FileResult(parsed.source_file, Outcome.NEW)

    def write(
        self, parsed: ParsedArticle, extraction: Extraction, story: StoryText | None = None
    ) -> FileResult:
        """One article in one transaction; retried when a concurrent import got in the way.
        `story`: what the stories read of the parsed text, when a worker computed it already."""
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                with transaction.atomic(), deferred_history():
                    return self._write(parsed, extraction, story)
            except (IntegrityError, OperationalError) as exc:
                if attempt == WRITE_ATTEMPTS:
                    return FileResult(parsed.source_file, Outcome.FAILED, reason=f"database: {exc}")
                log.info("retrying %s after %s", parsed.source_file, exc)
            except Exception as exc:  # one article's problem must not stop the batch
                log.exception("cannot write %s", parsed.source_file)
                return FileResult(
                    parsed.source_file, Outcome.FAILED, reason=f"cannot write: {type(exc).__name__}: {exc}"
                )
        raise AssertionError("unreachable")

    def _write(
        self, parsed: ParsedArticle, extraction: Extraction, story: StoryText | None = None
    ) -> FileResult:
        article = Article.objects.select_for_update().filter(source_file=parsed.source_file).first()
        if article is not None and article.fingerprint == parsed.fingerprint:
            return FileResult(parsed.source_file, Outcome.UNCHANGED, article.id)
        twin = (
            Article.objects.filter(fingerprint=parsed.fingerprint)
            .exclude(source_file=parsed.source_file)
            .only("id", "source_file")
            .first()
        )
        if twin is not None:  # the same content under another name is the same article
            return FileResult(
                parsed.source_file, Outcome.UNCHANGED, twin.id, note=f"same content as {twin.source_file}"
            )
        if article is None:
            article = Article(source_file=parsed.source_file)
            outcome = Outcome.NEW
        else:
            outcome = Outcome.UPDATED
        dated = (article.timeline_year, article.timeline_month)
        protected = article.protected()
        if "body" in protected and parsed.body != article.body and self._extract is not None:
            # The editor's body stays, so the evidence must point into it, not into the file's body.
            extraction = self._extract(self._with_body(parsed, article.body), self.lexicon)
        self._fill(article, parsed, extraction, protected)
        # A concurrent import that created it first makes this an IntegrityError: the transaction
        # rolls back and the retry in write() reads the article as existing.
        article.save()
        if outcome == Outcome.UPDATED:
            pair_months.article_moved(article, *dated)
        apply_extraction(
            article, extraction, self.known_countries, fresh=outcome == Outcome.NEW, placing=True
        )
        stories.place(article, fresh=outcome == Outcome.NEW, text=story)
        return FileResult(parsed.source_file, outcome, article.id)

    @staticmethod
    def _with_body(parsed: ParsedArticle, body: str) -> ParsedArticle:
        from dataclasses import replace

        return replace(parsed, body=body)

    def _fill(
        self, article: Article, parsed: ParsedArticle, extraction: Extraction, protected: set[str]
    ) -> None:
        day_before = (article.date_month, article.date_day)
        values = {
            "title": parsed.title[:500],
            "title_derived": parsed.title_derived,
            "body": parsed.body,
            "place": parsed.place[:120],
            "url": parsed.url[:1000],
            "date_year": parsed.date.year,
            "date_month": parsed.date.month,
            "date_day": parsed.date.day,
        }
        for name, value in values.items():
            if name not in protected:
                setattr(article, name, value)
        if "source" not in protected:
            article.source = self.outlet(parsed.source or extraction.source)
        if "date_estimated_year" not in protected:
            year, origin = estimate_year(
                article.partial_date, parsed.date_text_year, parsed.collected or self.collected_on
            )
            # A re-import without a hint keeps the estimate of the same day; another day drops it.
            if year is not None or day_before != (article.date_month, article.date_day):
                article.date_estimated_year, article.date_estimated_from = year, origin
        article.raw_text = parsed.raw_text
        article.fingerprint = parsed.fingerprint
        if self.batch is not None:
            article.import_batch = self.batch


# --- batches -------------------------------------------------------------------------------------


def relax_commits() -> None:
    """For this import session on PostgreSQL: don't wait for each commit to reach the disk. A crash
    loses at most the last fraction of a second of commits, whole articles only (one transaction
    each); running the same batch again completes it. 61 → 39 ms an article written."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO OFF")


def start_batch(paths: list[str]) -> ImportBatch:
    return ImportBatch.objects.create(paths=paths, host=socket.gethostname(), pid=os.getpid())


def mark_abandoned_batches() -> list[ImportBatch]:
    """Batches still "running" whose process on this host is gone (killed, or the machine rebooted)
    become "interrupted". Another host's batches are left alone: their processes cannot be seen."""
    abandoned = [
        batch
        for batch in ImportBatch.objects.filter(
            status=ImportBatch.Status.RUNNING, host=socket.gethostname(), pid__isnull=False
        )
        if not _alive(batch.pid)
    ]
    for batch in abandoned:
        # Only if still running: a batch finishing right now keeps its own status.
        ImportBatch.objects.filter(pk=batch.pk, status=ImportBatch.Status.RUNNING).update(
            status=ImportBatch.Status.INTERRUPTED
        )
    return abandoned


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    try:  # a killed process nobody has reaped yet is a zombie: gone all the same
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True


def connection_sockets() -> tuple[int, ...]:
    """The sockets of this process's open database connections (SQLite has none)."""
    sockets = []
    for conn in connections.all(initialized_only=True):
        fileno = getattr(conn.connection, "fileno", None)
        if fileno is not None:
            sockets.append(fileno())
    return tuple(sockets)


def finish_batch(batch: ImportBatch, counts: Counts, status: str = ImportBatch.Status.FINISHED) -> None:
    batch.new_count = counts.new
    batch.unchanged_count = counts.unchanged
    batch.updated_count = counts.updated
    batch.failed_count = counts.failed
    batch.errors = counts.errors
    batch.status = status
    batch.finished_at = timezone.now()
    batch.save()


# --- re-extraction of stored articles ------------------------------------------------------------


def parsed_from_article(article: Article) -> ParsedArticle:
    """The stored article as the extractor's input: spans then point into the stored body."""
    return ParsedArticle(
        source_file=article.source_file,
        title=article.title,
        title_derived=article.title_derived,
        body=article.body,
        raw_text=article.raw_text,
        date=article.partial_date,
        place=article.place,
        source=article.source.name if article.source_id else None,
        url=article.url,
        fingerprint=article.fingerprint,
    )


def reextract(
    article: Article, lexicon: Lexicon, extract: Callable[[ParsedArticle, Lexicon], Extraction]
) -> str:
    """Run extraction again on a stored article; only machine claims still proposed are replaced.

    Returns a warning when the extractor failed (the article's claims are then left as they were).
    """
    parsed = parsed_from_article(article)
    try:
        extraction = extract(parsed, lexicon)
    except Exception as exc:
        log.exception("extraction failed for %s", article.source_file)
        return f"extraction failed: {type(exc).__name__}: {exc}"
    with transaction.atomic(), deferred_history():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        if locked.body != article.body:  # edited meanwhile: extract from what is stored now
            return reextract(locked, lexicon, extract)
        apply_extraction(locked, extraction, set(lexicon.country_names))
    return ""
