"""Shared pieces of the data model: choices, name normalisation, dates at their precision."""

from __future__ import annotations

import functools

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.manager import HistoryManager
from simple_history.models import HistoricalRecords

from articles.pipeline.dates import PRECISION_LABELS, PartialDate, Precision


def normalise_form(text: str) -> str:
    """The key a name, alias or spelling is matched on: case-folded, ё→е, single spaces."""
    return " ".join(text.replace("ё", "е").replace("Ё", "Е").casefold().split())


class _HistoryManager(HistoryManager):
    @classmethod
    @functools.cache
    def from_queryset(cls, queryset_class, class_name=None):
        return super().from_queryset(queryset_class, class_name)


class History(HistoricalRecords):
    """simple-history's HistoricalRecords, but `Model.history` builds its manager class once, not
    on every access: the library reads it for each historical row it writes, and building a class
    (inspect.getmembers over the queryset) cost the import about 3 ms an article."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("history_manager", _HistoryManager)
        super().__init__(*args, **kwargs)


class ReviewState(models.TextChoices):
    UNREVIEWED = "unreviewed", "не проверено"
    REVIEWED = "reviewed", "проверено"


class ClaimState(models.TextChoices):
    PROPOSED = "proposed", "предложено"
    CONFIRMED = "confirmed", "подтверждено"
    REJECTED = "rejected", "отклонено"


class ClaimOrigin(models.TextChoices):
    EXTRACTED = "extracted", "извлечено"
    EDITOR = "editor", "редактор"


VISIBLE_STATES = (ClaimState.PROPOSED, ClaimState.CONFIRMED)


class PartialDateFields(models.Model):
    """A date at the precision the text gives: year, month and day are each optional.

    `date_from`/`date_to` are the earliest and latest day the date can stand for (null when the
    year is unknown); they are derived on save and serve range filters and sorting.
    """

    date_year = models.PositiveSmallIntegerField("год", null=True, blank=True)
    date_month = models.PositiveSmallIntegerField("месяц", null=True, blank=True)
    date_day = models.PositiveSmallIntegerField("день", null=True, blank=True)
    date_precision = models.CharField(
        "точность даты",
        max_length=16,
        choices=[(p.value, label) for p, label in PRECISION_LABELS.items()],
        default=Precision.UNKNOWN.value,
    )
    date_from = models.DateField("не раньше", null=True, blank=True, editable=False)
    date_to = models.DateField("не позже", null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def partial_date(self) -> PartialDate:
        return PartialDate(self.date_year, self.date_month, self.date_day)

    @partial_date.setter
    def partial_date(self, value: PartialDate | None) -> None:
        value = value or PartialDate()
        self.date_year, self.date_month, self.date_day = value.year, value.month, value.day

    def clean_partial_date(self) -> None:
        try:
            PartialDate(self.date_year, self.date_month, self.date_day).validate()
        except ValueError as exc:
            raise ValidationError({"date_day": str(exc)}) from None

    def sync_partial_date(self) -> None:
        date = PartialDate(self.date_year, self.date_month, self.date_day)
        self.date_precision = date.precision
        self.date_from, self.date_to = date.bounds()

    def save(self, *args, **kwargs):
        self.sync_partial_date()
        super().save(*args, **kwargs)
