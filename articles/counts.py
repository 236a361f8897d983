"""Counts and aggregates that stay fast at 100,000 articles.

An exact COUNT(*) reads every matching row: cheap for a narrow filter, slow for «all articles that
say Россия» (80 % of the archive, each row's search vector decompressed). Pages use:

- `cached(key, ttl, compute)`: an aggregate (the pair matrix, a dossier's timeline, a total) kept
  in Django's cache for `ttl` seconds, so repeated page views don't recompute it;
- `cached_count(queryset)`: an exact count, cached under the query's own SQL;
- `fast_count(queryset)`: PostgreSQL's planner estimate when it says the result is large (exact
  counts only where they are cheap), with a flag saying whether the number is exact;
- `CachedCountPaginator`: a Paginator whose count is `cached_count`;
- `FastCountPaginator`: a Paginator whose count is `fast_count` (`paginator.exact` says which).

The default cache is per process (LocMemCache): each gunicorn worker warms its own. Counts may
lag an import by up to `COUNT_TTL` seconds; editors' pages don't use this module.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import cached_property
from typing import TypeVar

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import QuerySet

COUNT_TTL = 300  # seconds
EXACT_BELOW = 2000  # fast_count: below this planner estimate, count exactly

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


def _sql(queryset: QuerySet) -> tuple[str, tuple]:
    return queryset.query.sql_with_params()


def cached_count(queryset: QuerySet, ttl: int = COUNT_TTL) -> int:
    """queryset.count(), cached under the query's SQL and parameters."""
    sql, params = _sql(queryset.order_by())
    return cached(("count", queryset.db, sql, params), queryset.count, ttl)


def planner_estimate(queryset: QuerySet) -> int | None:
    """The row count PostgreSQL's planner expects for the queryset (None on other databases)."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    sql, params = _sql(queryset.order_by().values("pk"))
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):  # psycopg 3 parses json; a text result (other adapters) is parsed here
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def fast_count(queryset: QuerySet, exact_below: int = EXACT_BELOW) -> tuple[int, bool]:
    """(count, exact): the planner's estimate when it is at least `exact_below`, else the exact
    (cached) count."""
    estimate = planner_estimate(queryset)
    if estimate is not None and estimate >= exact_below:
        return estimate, False
    return cached_count(queryset), True


class CachedCountPaginator(Paginator):
    @cached_property
    def count(self) -> int:
        if isinstance(self.object_list, QuerySet):
            return cached_count(self.object_list)
        return super().count


class FastCountPaginator(Paginator):
    """For lists that can match most of the archive (search for a common word): the planner's
    estimate above `EXACT_BELOW`, shown as «около N»; `exact` is False then."""

    exact = True

    @cached_property
    def count(self) -> int:
        if isinstance(self.object_list, QuerySet):
            count, self.exact = fast_count(self.object_list)
            return count
        return super().count
