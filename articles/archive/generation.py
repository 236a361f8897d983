"""The archive's generation: a token in the shared cache that every write to the archive replaces.

Readers' cached pages (articles/web/page_cache.py) and archive totals (articles/web/counts.py) are
keyed by it, so nothing computed before a write is served after the write commits, in any process.
The writer side owns the token: it is replaced when a write commits.
"""

from __future__ import annotations

import logging
import uuid

from django.apps import apps
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

log = logging.getLogger(__name__)

GENERATION_KEY = "coopnews:generation"


def generation() -> str:
    """The archive's current generation token (made on first use)."""
    token = cache.get(GENERATION_KEY)
    if token is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        token = cache.get(GENERATION_KEY) or ""
    return token


def bump() -> None:
    """Make every cached page and total stale: the archive has changed."""
    try:
        cache.set(GENERATION_KEY, uuid.uuid4().hex, None)
    except Exception:  # a full disk must not fail the writer; pages then age out after their TTL
        log.exception("cannot replace the cache generation")


def bump_on_commit(using: str | None = None) -> None:
    """bump() when the current transaction commits (at once outside one), once per transaction:
    an import writes dozens of rows an article, and each would otherwise replace the token."""
    connection = connections[using or DEFAULT_DB_ALIAS]
    if not connection.in_atomic_block:
        bump()
        return
    pending = getattr(connection, "coopnews_pending_bump", None)
    # Still queued for this transaction? (A rollback drops it from run_on_commit: queue a new one.)
    if pending is not None and any(entry[1] is pending for entry in connection.run_on_commit):
        return

    def bump_once() -> None:
        if getattr(connection, "coopnews_pending_bump", None) is bump_once:
            connection.coopnews_pending_bump = None
        bump()

    connection.coopnews_pending_bump = bump_once
    transaction.on_commit(bump_once, using=using, robust=True)


def _archive_changed(sender, using=None, **kwargs) -> None:
    if sender._meta.app_label == "articles":
        bump_on_commit(using)


def _migrated(sender, **kwargs) -> None:
    bump()


def connect() -> None:
    """Called from ArticlesConfig.ready()."""
    post_save.connect(_archive_changed, dispatch_uid="page_cache_save")
    post_delete.connect(_archive_changed, dispatch_uid="page_cache_delete")
    m2m_changed.connect(_archive_changed, dispatch_uid="page_cache_m2m")
    post_migrate.connect(_migrated, sender=apps.get_app_config("articles"), dispatch_uid="page_cache_migrate")
