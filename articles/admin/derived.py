"""The admin's writes keep the archive's derived state current through the writer's own calls.

Deleting an article or a country deletes pairs with it (a cascade), so the pair × month table is
recounted around the deletion (articles/archive/pair_months.py), with the stories the articles
belonged to; there are no signals to do it.
"""

from __future__ import annotations

from django.db.models import Q

from articles.archive import pair_months


class RecountsPairsOnDelete:
    """For a ModelAdmin whose rows own pairs: `pairs_of(pks)` selects the pairs they take along."""

    @staticmethod
    def pairs_of(pks: list) -> Q:
        raise NotImplementedError

    @staticmethod
    def articles_of(pks: list) -> list:
        """The articles the rows are (an article's lead date counts for its story even without pairs)."""
        return []

    def delete_model(self, request, obj):
        with pair_months.recounting(self.pairs_of([obj.pk]), self.articles_of([obj.pk])):
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        pks = list(queryset.values_list("pk", flat=True))
        with pair_months.recounting(self.pairs_of(pks), self.articles_of(pks)):
            super().delete_queryset(request, queryset)
