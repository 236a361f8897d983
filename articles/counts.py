"""Whole-archive totals kept for a few minutes, so repeated page views don't recount them.

The default cache is per process (LocMemCache): each gunicorn worker warms its own, and a total may
lag an import or an editor's change by up to `COUNT_TTL` seconds in a worker that counted before
it. Only totals, form choices and aggregates over whole groups of claims (an official's posts,
a pair's most mentioned officials) are kept this way — never which rows a reader sees: those
(and the pair matrix, from the maintained pair × month table) are always current. A shared cache
(CACHES in settings) would make the lag the same for every worker; one server doesn't need it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache

COUNT_TTL = 300  # seconds

T = TypeVar("T")


def _key(*parts: object) -> str:
    return "coopnews:" + hashlib.sha1(repr(parts).encode()).hexdigest()


def cached(key: tuple, compute: Callable[[], T], ttl: int = COUNT_TTL) -> T:
    """compute() once per `ttl` seconds per process for this key (None is not cached)."""
    full_key = _key(*key)
    value = cache.get(full_key)
    if value is None:
        value = compute()
        if value is not None:
            cache.set(full_key, value, ttl)
    return value
