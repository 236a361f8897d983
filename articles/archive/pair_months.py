"""The pair × month table (`PairMonth`): visible pair articles per pair and month, kept current.

Every write that can change what it counts goes through a model save or delete — the import, an
editor's inline or change form, a cascade — so signals keep it current inside the writer's own
transaction: an editor's rejection leaves the matrix the moment it commits, in every process.
A save compares the row before (read back from the database) with the row after and adds the
difference with one upsert (`adjust`), which is safe under concurrent imports: the increment is
done by the database row by row, never read-modify-write in Python.

Writes that bypass signals (`QuerySet.update()`, `bulk_create`, `bulk_update`) must either not
touch the counted fields — pair state and countries, article year and month — or call `adjust`.
"""

from __future__ import annotations

from collections import Counter

from django.db import connection
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save, pre_save

from articles.models import VISIBLE_STATES, Article, ArticlePair, PairMonth

Cell = tuple[str, str, int, int]  # country A, country B, year (0: none), month (0: none)

PAIR_FIELDS = {"state", "country_a", "country_b"}
DATE_FIELDS = {"date_year", "date_month", "date_estimated_year"}
# The year an article counts under: its own, or the estimate for a day and month given without one.
YEAR = Coalesce("date_year", "date_estimated_year")
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


def _counts(update_fields, watched: set[str]) -> bool:
    return update_fields is None or bool(watched & set(update_fields))


# --- signals: a pair row ----------------------------------------------------------------------


def _pair_before(sender, instance: ArticlePair, update_fields=None, **kwargs) -> None:
    instance._pair_month_before = None
    if instance._state.adding or not _counts(update_fields, PAIR_FIELDS):
        return
    row = (
        ArticlePair.objects.filter(pk=instance.pk, state__in=VISIBLE_STATES)
        .values_list("country_a", "country_b", ARTICLE_YEAR, "article__date_month")
        .first()
    )
    instance._pair_month_before = cell(*row) if row else None


def _pair_after(sender, instance: ArticlePair, update_fields=None, **kwargs) -> None:
    if not _counts(update_fields, PAIR_FIELDS):
        return
    delta: Counter = Counter()
    before = getattr(instance, "_pair_month_before", None)
    if before:
        delta[before] -= 1
    if instance.state in VISIBLE_STATES:
        article = instance.article
        delta[
            cell(instance.country_a_id, instance.country_b_id, article.timeline_year, article.date_month)
        ] += 1
    adjust(delta)


def _pair_deleted(sender, instance: ArticlePair, **kwargs) -> None:
    if instance.state not in VISIBLE_STATES:
        return
    # The article is still there: a cascade deletes its pairs before it.
    dates = Article.objects.filter(pk=instance.article_id).values_list(YEAR, "date_month").first()
    if dates:
        adjust(Counter({cell(instance.country_a_id, instance.country_b_id, *dates): -1}))


# --- signals: an article's date ---------------------------------------------------------------


def _article_before(sender, instance: Article, update_fields=None, **kwargs) -> None:
    instance._pair_month_before = None
    if instance._state.adding or not _counts(update_fields, DATE_FIELDS):
        return
    instance._pair_month_before = (
        Article.objects.filter(pk=instance.pk).values_list(YEAR, "date_month").first()
    )


def _article_after(sender, instance: Article, update_fields=None, **kwargs) -> None:
    before = getattr(instance, "_pair_month_before", None)
    if before is None:
        return
    old, new = cell("", "", *before)[2:], cell("", "", instance.timeline_year, instance.date_month)[2:]
    if old == new:
        return
    delta: Counter = Counter()
    for a, b in ArticlePair.objects.visible().filter(article=instance).values_list("country_a", "country_b"):
        delta[(a, b, *old)] -= 1
        delta[(a, b, *new)] += 1
    adjust(delta)


def connect() -> None:
    """Called once from the app's ready()."""
    pre_save.connect(_pair_before, sender=ArticlePair, dispatch_uid="pair_month_pair_before")
    post_save.connect(_pair_after, sender=ArticlePair, dispatch_uid="pair_month_pair_after")
    post_delete.connect(_pair_deleted, sender=ArticlePair, dispatch_uid="pair_month_pair_deleted")
    pre_save.connect(_article_before, sender=Article, dispatch_uid="pair_month_article_before")
    post_save.connect(_article_after, sender=Article, dispatch_uid="pair_month_article_after")
