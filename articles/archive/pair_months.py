"""The pair × month table (`PairMonth`): visible pair articles per pair and month, kept current.

No signals: the writer calls this module at each write that changes what the table counts — a pair
added or removed, rejected or restored, moved to other countries; an article's year or month
changed; an article or a country deleted — inside the writer's own transaction, so an editor's
rejection leaves the matrix the moment it commits, in every process.

- The importer and re-extraction (articles/archive/claims.py, importing.py) know the rows they
  write: `pairs_added`, `pairs_removed` and `article_moved` count them without reading anything back.
- Every other write (the admin's forms, inlines and deletions) runs inside `recounting(where)`,
  which reads the visible cells of the pairs `where` selects before and after the write.

Either way the difference is added with one upsert (`adjust`), safe under concurrent imports: the
increment is done by the database row by row, never read-modify-write in Python. A write that
calls none of these leaves the table stale; `rebuild()` recounts it from the pairs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db import connection
from django.db.models import Q
from django.db.models.functions import Coalesce

from articles.models import Article, ArticlePair, PairMonth

Cell = tuple[str, str, int, int]  # country A, country B, year (0: none), month (0: none)

# The year an article counts under: its own, or the estimate for a day and month given without one
# (Article.timeline_year, as the database computes it).
ARTICLE_YEAR = Coalesce("article__date_year", "article__date_estimated_year")


def cell(a: str, b: str, year: int | None, month: int | None) -> Cell:
    return (a, b, year or 0, (month or 0) if year else 0)


def adjust(delta: Counter) -> None:
    """Add `delta` (cell → articles, negative to remove) to the table; drop the cells left empty."""
    rows = sorted((c, n) for c, n in delta.items() if n)
    if not rows:
        return
    table = connection.ops.quote_name(PairMonth._meta.db_table)
    values = ", ".join(["(%s, %s, %s, %s, %s)"] * len(rows))
    params = [v for (a, b, year, month), n in rows for v in (a, b, year, month, n)]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (country_a_id, country_b_id, year, month, articles) VALUES {values} "
            "ON CONFLICT (country_a_id, country_b_id, year, month) "
            f"DO UPDATE SET articles = {table}.articles + excluded.articles",
            params,
        )
    emptied = [c for c, n in rows if n < 0]
    if emptied:
        where = Q()
        for a, b, year, month in emptied:
            where |= Q(country_a=a, country_b=b, year=year, month=month)
        PairMonth.objects.filter(where, articles__lte=0).delete()


def _negated(cells: Counter) -> Counter:
    return Counter({c: -n for c, n in cells.items()})


def _cells_in_hand(article: Article, pairs: Iterable[ArticlePair]) -> Counter:
    return Counter(
        cell(p.country_a_id, p.country_b_id, article.timeline_year, article.date_month)
        for p in pairs
        if p.is_visible
    )


def pairs_added(article: Article, pairs: Iterable[ArticlePair]) -> None:
    """`pairs` of `article` were just inserted: count the visible ones."""
    adjust(_cells_in_hand(article, pairs))


def pairs_removed(article: Article, pairs: Iterable[ArticlePair]) -> None:
    """`pairs` of `article` are being deleted: uncount the visible ones."""
    adjust(_negated(_cells_in_hand(article, pairs)))


def article_moved(article: Article, year: int | None, month: int | None) -> None:
    """`article` was saved with a new date; it counted under `year` (its timeline year) and `month`:
    move its visible pairs."""
    old, new = cell("", "", year, month)[2:], cell("", "", article.timeline_year, article.date_month)[2:]
    if old == new:
        return
    delta: Counter = Counter()
    for a, b in ArticlePair.objects.visible().filter(article=article).values_list("country_a", "country_b"):
        delta[(a, b, *old)] -= 1
        delta[(a, b, *new)] += 1
    adjust(delta)


def stored_cells(where: Q) -> Counter:
    """The cells of the visible pairs `where` selects, as the database has them now (one query)."""
    rows = (
        ArticlePair.objects.visible()
        .filter(where)
        .values_list("country_a", "country_b", ARTICLE_YEAR, "article__date_month")
    )
    return Counter(cell(*row) for row in rows)


@contextmanager
def recounting(where: Q) -> Iterator[None]:
    """Around a write that may change the pairs `where` selects (their state, countries, article's
    date, existence): their cells before and after, and the difference added."""
    before = stored_cells(where)
    yield
    delta = stored_cells(where)
    delta.subtract(before)
    adjust(delta)


def rebuild() -> None:
    """Recount the whole table from the pairs (after a write that bypassed the calls above)."""
    PairMonth.objects.all().delete()
    adjust(stored_cells(Q()))
