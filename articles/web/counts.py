"""Whole-archive totals and rankings computed once per archive generation, not per page view.

Kept in the shared cache under the archive's generation token (articles/archive/generation.py): every
committed write — an import's article, an editor's change — makes them stale at once, in every
process, so a total never lags the articles it counts (readers' whole pages, which hold totals, may
lag during an import by the bound stated there; editors' pages never do). `ttl` only bounds their life between writes. Only
totals, form choices and aggregates over whole groups of claims (an official's posts, a pair's
most mentioned officials) are kept this way; the rows a reader sees are always read fresh (or
served in a whole page cached under the same generation).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache

from articles.archive.generation import generation

COUNT_TTL = 600  # seconds

T = TypeVar("T")


def _key(*parts: object) -> str:
    return "coopnews:count:" + hashlib.sha1(repr(parts).encode()).hexdigest()


def cached(key: tuple, compute: Callable[[], T], ttl: int = COUNT_TTL) -> T:
    """compute() once per archive generation (and at most `ttl` seconds) for this key; None is not kept."""
    full_key = _key(generation(), *key)
    value = cache.get(full_key)
    if value is None:
        value = compute()
        if value is not None:
            cache.set(full_key, value, ttl)
    return value
