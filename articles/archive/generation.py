"""The archive's generations: tokens in the shared cache that the writer replaces when a write commits.

Two tokens, because readers and editors are promised different things:

- the archive generation (`generation()`) changes on every committed write. Archive totals
  (articles/web/counts.py) are kept under it, so an editor's page, never cached, is always exact;
- the pages generation (`pages_generation()`) keys readers' cached whole pages
  (articles/web/page_cache.py). Outside a batch it changes with the archive generation. Inside a
  batch (`batch()`: an import, a re-extraction) it changes at most once every
  COOPNEWS_PAGE_STALE_SECONDS and once more when the batch ends, succeeded or not: a batch of 400
  articles would otherwise empty readers' cache 400 times, and the site would render every page
  afresh while it runs. A reader's page is thus at most that many seconds behind a commit.

Only the writer replaces them, by explicit calls: the importer and `reextract` (through
`claims.apply_extraction`), merges (`merging.py`), the editors' admin (`admin/writes.py`),
`load_reference_data` and `migrate`. No request a reader can send reaches any of these.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models.signals import post_migrate

log = logging.getLogger(__name__)

GENERATION_KEY = "coopnews:generation"
PAGES_GENERATION_KEY = "coopnews:pages-generation"
RECORDS_GENERATION_KEY = "coopnews:records-generation"
CLOCK: Callable[[], float] = time.monotonic
WALL_CLOCK: Callable[[], float] = time.time  # shared by machines: when a token was made


def _new_token() -> str:
    """A fresh generation token that says when it was made (`made_at`)."""
    return f"{WALL_CLOCK():.3f}:{uuid.uuid4().hex}"


def made_at(token: str) -> float | None:
    """When `token` was made (the time it was published), None for a token that does not say."""
    try:
        return float(token.split(":", 1)[0])
    except ValueError:
        return None


def _token(key: str) -> str:
    token = cache.get(key)
    if token is None:
        cache.add(key, _new_token(), None)
        token = cache.get(key) or ""
    return token


def generation() -> str:
    """The archive's current generation token: changes with every committed write."""
    return _token(GENERATION_KEY)


def pages_generation() -> str:
    """The token readers' cached pages are kept under: during a batch it lags by a bounded time."""
    return _token(PAGES_GENERATION_KEY)


def _replace(*keys: str) -> None:
    try:
        cache.set_many({key: _new_token() for key in keys}, None)
    except Exception:  # a full disk must not fail the writer; pages then age out after their TTL
        log.exception("cannot replace the cache generation")


_rendering_for_readers: ContextVar[bool] = ContextVar("coopnews_rendering_for_readers", default=False)


@contextmanager
def rendering_for_readers() -> Iterator[None]:
    """Around a reader's page being rendered for the page cache (articles/web/page_cache.py)."""
    token = _rendering_for_readers.set(True)
    try:
        yield
    finally:
        _rendering_for_readers.reset(token)


def totals_generation() -> str:
    """The token archive totals (articles/web/counts.py) are kept under: for a reader's page, the pages
    generation — its totals may lag as the page may, and during an import each page rendered afresh
    does not count the archive again after every article; for anyone else, the archive generation."""
    return pages_generation() if _rendering_for_readers.get() else generation()


def bump() -> None:
    """Make every cached page and total stale now, and what importers remember (`Remembered`):
    the archive has changed."""
    _replace(GENERATION_KEY, PAGES_GENERATION_KEY, RECORDS_GENERATION_KEY)


class Remembered(dict):
    """A per-process cache of records the importer looks up again and again (officials and outlets
    by normalised name), emptied whenever any other write commits — an editor's save or merge,
    `load_reference_data` — in any process: those may rename, merge or delete the records (the
    token RECORDS_GENERATION_KEY). An import's own commits (`bump_on_commit(records=False)`) only
    add rows (a new official, a new alias), which leave every remembered answer true. Call
    `current()` before each use: one read of the shared cache."""

    def __init__(self) -> None:
        super().__init__()
        self.token: str | None = None

    def current(self) -> Remembered:
        token = _token(RECORDS_GENERATION_KEY)
        if token != self.token:
            self.clear()
            self.token = token
        return self


def _committed(records: bool) -> None:
    throttle = _batch
    keys = [RECORDS_GENERATION_KEY] if records else []
    if throttle is None:
        _replace(GENERATION_KEY, PAGES_GENERATION_KEY, *keys)
    else:
        _replace(GENERATION_KEY, *keys)
        throttle.changed()


def bump_on_commit(using: str | None = None, *, records: bool = True) -> None:
    """The writer's call: the archive changes when the current transaction commits (at once outside
    one). Once per transaction: an import writes dozens of rows an article. A rollback changes nothing.
    `records=False`: the write only added officials, outlets and aliases, or wrote claims (an import,
    a re-extraction), so what importers remember (`Remembered`) stays true."""
    connection = connections[using or DEFAULT_DB_ALIAS]
    if not connection.in_atomic_block:
        _committed(records)
        return
    pending = getattr(connection, "coopnews_pending_bump", None)
    # Still queued for this transaction? (A rollback drops it from run_on_commit: queue a new one.)
    if pending is not None and any(entry[1] is pending for entry in connection.run_on_commit):
        pending.records = pending.records or records
        return

    def bump_once() -> None:
        if getattr(connection, "coopnews_pending_bump", None) is bump_once:
            connection.coopnews_pending_bump = None
        _committed(bump_once.records)

    bump_once.records = records
    connection.coopnews_pending_bump = bump_once
    transaction.on_commit(bump_once, using=using, robust=True)


# --- batches -------------------------------------------------------------------------------------


class Throttle:
    """Replaces the pages generation at most once every `seconds` while changes come in, and once
    more at close() if a change is still unpublished. A timer publishes a change that no later
    commit follows (a slow file, the batch's last minutes), so the bound holds between commits too."""

    def __init__(self, seconds: float, clock: Callable[[], float] | None = None):
        self.seconds = seconds
        self.clock = clock or CLOCK
        # From the batch's start: the first change is published `seconds` in, not at once, so a
        # batch of d seconds publishes at most ceil(d / seconds) + 1 times, its end included.
        self.last = self.clock()
        self.pending = False
        self.published = 0
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def changed(self) -> None:
        with self._lock:
            self.pending = True
            self._publish_if_due()

    def close(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self.pending:
                self._publish()

    def _publish(self) -> None:
        _replace(PAGES_GENERATION_KEY)
        self.pending = False
        self.last = self.clock()
        self.published += 1

    def _publish_if_due(self) -> None:
        wait = self.last + self.seconds - self.clock()
        if wait <= 0:
            self._publish()
        elif self._timer is None:
            self._timer = threading.Timer(wait, self._on_timer)
            self._timer.daemon = True
            self._timer.start()

    def _on_timer(self) -> None:
        with self._lock:
            self._timer = None
            if self.pending:
                self._publish_if_due()


_batch: Throttle | None = None


@contextmanager
def batch(seconds: float | None = None) -> Iterator[Throttle | None]:
    """Readers' pages follow the writes made inside at a bounded delay (see the module doc); the
    pages generation is replaced on the way out, also when the batch fails. Nested: the outer one rules."""
    global _batch
    if _batch is not None:
        yield _batch
        return
    throttle = Throttle(settings.COOPNEWS_PAGE_STALE_SECONDS if seconds is None else seconds)
    _batch = throttle
    try:
        yield throttle
    finally:
        _batch = None
        throttle.close()


# --- migrate -------------------------------------------------------------------------------------


def _migrated(sender, **kwargs) -> None:
    bump()


def connect() -> None:
    """Called from ArticlesConfig.ready(): `migrate` may load reference data and change tables."""
    post_migrate.connect(_migrated, sender=apps.get_app_config("articles"), dispatch_uid="page_cache_migrate")
