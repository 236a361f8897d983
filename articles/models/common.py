"""Shared pieces of the data model: choices, dates at their precision, the fields an editor protects."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.db.models.lookups import Exact

from articles.pipeline.dates import PRECISION_LABELS, PartialDate, Precision


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


class SortedIndex(models.Index):
    """An index whose columns carry an order such as DESC NULLS LAST, on SQLite too.

    SQLite takes NULLS FIRST/LAST in ORDER BY but not in CREATE INDEX, where Django writes it; it
    sorts NULL as the smallest value, so the modifier that asks for its own order (DESC NULLS LAST,
    ASC NULLS FIRST) is left out there and the index sorts the same way.
    """

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "sqlite":
            return super().create_sql(model, schema_editor, using=using, **kwargs)
        index = self.clone()
        index.expressions = tuple(
            models.OrderBy(e.expression, descending=e.descending)
            if isinstance(e, models.OrderBy) and e.descending == bool(e.nulls_last)
            else e
            for e in self.expressions
        )
        return models.Index.create_sql(index, model, schema_editor, using=using, **kwargs)


class ShownQuerySet(models.QuerySet):
    """Officials and agreements: records that the claims under their `claims` relation speak of."""

    def visible(self, *, expect_most: bool = False):
        """The one definition of which officials and agreements readers, feeds and exports see:
        shown unless every claim on them was rejected (one with no claims is an editor's own).

        Written as COALESCE(a visible claim's 1, any claim's 0, 1) = 1, two scalar subqueries with
        LIMIT 1, rather than NOT EXISTS … OR EXISTS …: PostgreSQL runs that OR as two hashes over the
        whole claims table before the first row (31 ms at 47,000 agreements); this is one or two
        index probes a row, so the newest 25 cost under a millisecond — and an official named in
        40,000 articles is one probe, not an aggregate over all of them.

        `expect_most=True`: the same rows, written as NOT (… = 0) (the verdict is never NULL), for a
        query that should walk an index in order and stop early. PostgreSQL guesses an unknown
        `= 1` keeps 0.5 % of the rows and `<> 0` 99.5 % (98 % really); with 0.5 % it hashes and
        sorts everything instead (the pair dossier's agreements: 35 → 3 ms at 44,000).
        """
        verdict = self._verdict()
        return self.filter(~Q(Exact(verdict, 0)) if expect_most else Q(Exact(verdict, 1)))

    def _verdict(self):
        """1 if the row has a visible claim, else 0 if it has any claim, else 1."""
        relation = self.model._meta.get_field("claims")
        every = relation.related_model.objects.filter(**{relation.field.name: OuterRef("pk")}).order_by()
        return Coalesce(
            Subquery(every.visible().annotate(verdict=Value(1)).values("verdict")[:1]),
            Subquery(every.annotate(verdict=Value(0)).values("verdict")[:1]),
            Value(1),
        )


class EditorJudgement(models.Model):
    """Who gave an editor's word on two records, and when (StoryJudgement, OfficialJudgement)."""

    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="редактор",
    )
    created_at = models.DateTimeField("когда", auto_now_add=True)

    class Meta:
        abstract = True


DATE_FIELDS = ("date_year", "date_month", "date_day")  # a date is protected as a whole


class EditorProtected:
    """A record an editor curates: the fields they change are kept in `edited_fields`, and the
    importer and re-extraction leave those fields as the editor left them.

    `PROTECTS` is the one vocabulary both sides read: each name that can be recorded (a field an
    editor changes) → the model fields that change protects.
    """

    PROTECTS: ClassVar[Mapping[str, tuple[str, ...]]] = {}

    def record_edits(self, changed: Iterable[str]) -> None:
        """Record that an editor changed `changed` (field names; ones that protect nothing are ignored)."""
        edited = set(self.edited_fields or [])
        for name in changed:
            edited.update(self.PROTECTS.get(name, ()))
        self.edited_fields = sorted(edited)

    def protected(self) -> set[str]:
        """The model fields an import or a re-extraction must not overwrite."""
        fields: set[str] = set()
        for name in self.edited_fields or []:
            fields.update(self.PROTECTS.get(name, (name,)))
        return fields


class HasPartialDate:
    """`partial_date` over a row's `date_year`/`date_month`/`date_day`: the one accessor for an
    archive date and for an agreement claim's stage date."""

    @property
    def partial_date(self) -> PartialDate:
        return PartialDate(self.date_year, self.date_month, self.date_day)

    @partial_date.setter
    def partial_date(self, value: PartialDate | None) -> None:
        value = value or PartialDate()
        self.date_year, self.date_month, self.date_day = value.year, value.month, value.day


class PartialDateFields(HasPartialDate, models.Model):
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
