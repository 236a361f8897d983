"""Whole-archive totals and rankings computed once per archive generation, not per page view.

Kept in the shared cache under a generation token (articles/archive/generation.py,
`totals_generation()`). For editors and commands it is the archive generation, which every
committed write replaces — an import's article, an editor's change — so their totals never lag
the articles they count. For a reader's page being rendered for the page cache it is the pages
generation: the totals lag exactly as the page holding them may (during an import, by the bound
stated there), and a page rendered afresh mid-import reuses them instead of counting again.
`ttl` only bounds their life between writes. Only totals, form choices and aggregates over whole
groups of claims (an official's posts, a pair's most mentioned officials) are kept this way; the
rows a reader sees are always read fresh (or served in a whole page cached under the same
generation)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache

from articles.archive.generation import totals_generation

COUNT_TTL = 600  # seconds

T = TypeVar("T")


def _key(*parts: object) -> str:
    return "coopnews:count:" + hashlib.sha1(repr(parts).encode()).hexdigest()


def cached(key: tuple, compute: Callable[[], T], ttl: int = COUNT_TTL) -> T:
    """compute() once per archive generation (and at most `ttl` seconds) for this key; None is not kept."""
    full_key = _key(totals_generation(), *key)
    value = cache.get(full_key)
    if value is None:
        value = compute()
        if value is not None:
            cache.set(full_key, value, ttl)
    return value
