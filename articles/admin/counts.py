"""Per-row counts for changelist columns, without N+1 and without GROUP BY over whole tables."""

from __future__ import annotations

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce


def count_of(rows_of, fk: str, **filters):
    """A correlated COUNT per row of `rows_of` (a model, or a queryset such as the visible claims):
    evaluated for the rows on the page only."""
    queryset = rows_of._default_manager.all() if isinstance(rows_of, type) else rows_of
    rows = (
        queryset.filter(**{fk: OuterRef("pk")}, **filters)
        .order_by()
        .values(fk)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)
