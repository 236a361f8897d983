"""The archive: import batches and articles (officials: models/people.py; agreements: models/registry.py)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from articles.models.common import (
    DATE_FIELDS,
    EditorProtected,
    PartialDateFields,
    ReviewState,
    SortedIndex,
)
from articles.models.history import History
from articles.models.reference import Outlet
from articles.pipeline.dates import PartialDate


class ImportBatch(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", "идёт"
        FINISHED = "finished", "завершён"
        INTERRUPTED = "interrupted", "прерван"

    started_at = models.DateTimeField("начало", default=timezone.now)
    finished_at = models.DateTimeField("конец", null=True, blank=True)
    paths = models.JSONField("пути", default=list)
    status = models.CharField("состояние", max_length=16, choices=Status.choices, default=Status.RUNNING)
    dry_run = models.BooleanField("пробный прогон", default=False)
    new_count = models.PositiveIntegerField("новых", default=0)
    unchanged_count = models.PositiveIntegerField("без изменений", default=0)
    updated_count = models.PositiveIntegerField("обновлено", default=0)
    failed_count = models.PositiveIntegerField("ошибок", default=0)
    errors = models.JSONField("ошибки по файлам", default=list, blank=True)
    # Who runs the batch: a "running" batch whose process is gone from this host was killed.
    host = models.CharField("компьютер", max_length=255, blank=True)
    pid = models.PositiveIntegerField("процесс", null=True, blank=True)

    class Meta:
        verbose_name = "пакет импорта"
        verbose_name_plural = "пакеты импорта"
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        # In the archive's time zone, as the admin shows every other time (stored in UTC).
        return f"Импорт №{self.pk} от {timezone.localtime(self.started_at):%Y-%m-%d %H:%M}"


class MergedAway(models.Model):
    """An official or agreement an editor merged into another: its public URL answers with a
    permanent redirect to the survivor, so links and bookmarks to it keep working."""

    class Kind(models.TextChoices):
        OFFICIAL = "official", "лицо"
        AGREEMENT = "agreement", "соглашение"

    kind = models.CharField("что", max_length=16, choices=Kind.choices)
    old_id = models.BigIntegerField("прежний номер")
    survivor_id = models.BigIntegerField("номер объединённой записи")
    merged_at = models.DateTimeField("объединено", default=timezone.now)

    class Meta:
        verbose_name = "объединённая запись"
        verbose_name_plural = "объединённые записи"
        ordering = ["kind", "old_id"]
        constraints = [
            # one survivor per merged-away record; the redirect looks it up by (kind, old_id)
            models.UniqueConstraint(fields=["kind", "old_id"], name="merged_away_kind_old_id_uniq"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} №{self.old_id} → №{self.survivor_id}"

    @classmethod
    def record(cls, kind: str, old_ids: list[int], survivor_id: int) -> None:
        """`old_ids` were merged into `survivor_id`; records that pointed at them now point at the
        survivor too, so a redirect is always one hop."""
        cls.objects.filter(kind=kind, survivor_id__in=old_ids).update(survivor_id=survivor_id)
        cls.objects.filter(kind=kind, old_id=survivor_id).delete()  # merged back: it lives again
        cls.objects.bulk_create(
            [cls(kind=kind, old_id=pk, survivor_id=survivor_id) for pk in old_ids],
            update_conflicts=True,
            unique_fields=["kind", "old_id"],
            update_fields=["survivor_id", "merged_at"],
        )


# --- the archive ---------------------------------------------------------------------------------


class ArticleQuerySet(models.QuerySet):
    def with_pair(self, a: str, b: str) -> ArticleQuerySet:
        from articles.models.claims import ArticlePair  # claims.py builds on this module

        a, b = sorted((a.upper(), b.upper()))
        return self.filter(
            models.Exists(
                ArticlePair.objects.visible().filter(article=models.OuterRef("pk"), country_a=a, country_b=b)
            )
        )

    def story_leads(self) -> ArticleQuerySet:
        """One article a story: its lead (Story.lead), or an article in no story."""
        return self.filter(models.Q(story=None) | models.Q(story__lead=models.F("pk")))


class YearEstimate(models.TextChoices):
    """Where an estimated year of a date given without one came from."""

    BATCH = "batch", "подсказка пакета (дата сбора)"
    TEXT = "text", "год, названный в тексте"
    STORY = "story", "датированная перепечатка сюжета"
    EDITOR = "editor", "редактор"


class Article(EditorProtected, PartialDateFields):
    PROTECTS = {
        "title": ("title", "title_derived"),  # the editor's title is no longer derived from the text
        "title_derived": ("title_derived",),
        "body": ("body",),
        **dict.fromkeys(DATE_FIELDS, DATE_FIELDS),
        "source": ("source",),
        "place": ("place",),
        "url": ("url",),
        # names an earlier schema recorded for the date and the outlet
        **dict.fromkeys(("date", "date_precision", "partial_date"), DATE_FIELDS),
        "source_id": ("source",),
        "date_estimated_year": ("date_estimated_year",),
    }

    title = models.CharField("заголовок", max_length=500)
    title_derived = models.BooleanField(
        "заголовок выведен",
        default=False,
        help_text="В файле не было заголовка: он составлен из начала текста.",
    )
    body = models.TextField("текст")
    raw_text = models.TextField("исходный текст", help_text="Текст файла в точности, как он был прочитан.")
    source = models.ForeignKey(
        Outlet,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        verbose_name="издание",
    )
    place = models.CharField("место (из датлайна)", max_length=120, blank=True)
    # A day and month without a year keep that precision as the date; a likely year is kept apart.
    date_estimated_year = models.PositiveSmallIntegerField(
        "оценка года",
        null=True,
        blank=True,
        help_text="Только для даты без года: вероятный год. Сама дата остаётся без года, пока год не подтверждён.",
    )
    date_estimated_from = models.CharField(
        "откуда оценка года", max_length=16, choices=YearEstimate.choices, blank=True
    )
    # A copy whose text gives no day and month at all: the day and month its story lends with the
    # year (YearEstimate.STORY only); the date itself stays unknown.
    date_estimated_month = models.PositiveSmallIntegerField("оценка месяца", null=True, blank=True)
    date_estimated_day = models.PositiveSmallIntegerField("оценка дня", null=True, blank=True)
    url = models.URLField("адрес", max_length=1000, blank=True)
    source_file = models.CharField(
        "файл", max_length=500, help_text="Имя файла (для .jsonl — имя файла и номер строки)."
    )
    fingerprint = models.CharField("отпечаток содержимого", max_length=64)
    import_batch = models.ForeignKey(
        ImportBatch,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        verbose_name="пакет",
    )
    story = models.ForeignKey(
        "articles.Story",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        db_index=False,  # article_story_idx leads with the story
        verbose_name="сюжет",
        help_text="Перепечатки и пересказы одного сообщения — один сюжет.",
    )
    is_generated = models.BooleanField("сгенерирована для замеров", default=False)
    review_state = models.CharField(
        "проверка", max_length=16, choices=ReviewState.choices, default=ReviewState.UNREVIEWED
    )
    edited_fields = models.JSONField(
        "поля, изменённые редактором",
        default=list,
        blank=True,
        help_text="Импорт не перезаписывает эти поля.",
    )
    created_at = models.DateTimeField("создана", auto_now_add=True)
    updated_at = models.DateTimeField("изменена", auto_now=True)

    history = History(excluded_fields=["raw_text", "body", "fingerprint", "date_from", "date_to"])

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = "статья"
        verbose_name_plural = "статьи"
        ordering = ["-date_from", "-id"]
        constraints = [
            # Re-import finds the article of a file by its name; concurrent imports can't duplicate it.
            models.UniqueConstraint(fields=["source_file"], name="article_unique_source_file"),
            # Identical content imported twice (under any name) is one article.
            models.UniqueConstraint(fields=["fingerprint"], name="article_unique_fingerprint"),
        ]
        indexes = [
            # Article list sorted newest/oldest and date_after/date_before filters.
            models.Index(fields=["date_from", "id"], name="article_date_idx"),
            # date_after= on the list (date_to on or after the bound).
            models.Index(fields=["date_to"], name="article_date_to_idx"),
            # source= filter on the list and the outlet admin filter.
            models.Index(fields=["source", "date_from"], name="article_source_date_idx"),
            # The other reports of a story, earliest first (the lead is the first dated one).
            models.Index(fields=["story", "date_from"], name="article_story_idx"),
            # Review queue: unreviewed articles, oldest first.
            models.Index(fields=["review_state", "created_at"], name="article_review_idx"),
            # The article list's default order (newest first, undated last): a page is an index scan.
            SortedIndex(
                F("date_from").desc(nulls_last=True),
                F("date_month").desc(nulls_last=True),
                F("date_day").desc(nulls_last=True),
                F("id").desc(),
                name="article_newest_idx",
            ),
            # Stories' neighbours (story_candidates.pair_neighbours) are the pair's reports within days of
            # a date whose year may be missing: by day and month, not a month's or a pair's every row.
            models.Index(fields=["date_month", "date_day"], name="article_day_idx"),
            # month_series and posts_over_time join thousands of claims to articles for their dates only:
            # with the dates included the join never reads an article row (INCLUDE: PostgreSQL only).
            models.Index(
                fields=["id"],
                include=["date_year", "date_month", "date_from", "date_to"],
                name="article_dates_cover_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        # the public page: the admin's «view on site» link
        return reverse("articles:article", args=[self.pk])

    def clean(self) -> None:
        self.clean_partial_date()
        if not self.title.strip():
            raise ValidationError({"title": "Заголовок не может быть пустым."})
        if (
            self.date_estimated_year is not None and self.date_year is None
        ):  # (a year given ends the estimate)
            month, day = self.estimated_day_month
            if not (month and day):
                raise ValidationError(
                    {"date_estimated_year": "Год оценивают только у даты с днём и месяцем."}
                )
            try:
                PartialDate(self.date_estimated_year, month, day).validate()
            except ValueError as exc:
                raise ValidationError({"date_estimated_year": str(exc)}) from None

    @property
    def estimated_date(self) -> PartialDate | None:
        """The date with its estimated year — or, for a text that gives no day and month, the whole
        date its story lent — or None when there is no estimate (or the date has a year)."""
        if self.date_year is not None or not self.date_estimated_year:
            return None
        month, day = self.estimated_day_month
        if not (month and day):
            return None
        try:
            return PartialDate(self.date_estimated_year, month, day).validate()
        except ValueError:
            return None  # «29 февраля» and a year that has none

    @property
    def estimated_day_month(self) -> tuple[int | None, int | None]:
        """The day and month an estimate stands on: the text's own, else the ones lent with it."""
        if self.date_month is None and self.date_day is None:
            return self.date_estimated_month, self.date_estimated_day
        return self.date_month, self.date_day

    @property
    def timeline_year(self) -> int | None:
        """The year timelines count the article under: its own, else its estimated one."""
        return self.date_year if self.date_year is not None else self.date_estimated_year

    @property
    def timeline_month(self) -> int | None:
        """The month timelines count the article under: its own, else the one lent with its year."""
        if self.date_year is None and self.date_month is None and self.date_estimated_year:
            return self.date_estimated_month
        return self.date_month

    def sync_partial_date(self) -> None:
        """As for any partial date; a day and month with an estimated year sort and filter as that day."""
        super().sync_partial_date()
        if self.date_year is not None:
            self.date_estimated_year, self.date_estimated_from = None, ""
        elif (estimated := self.estimated_date) is not None:
            self.date_from, self.date_to = estimated.bounds()
        if self.date_estimated_year is None:
            self.date_estimated_from = ""
        if self.date_estimated_year is None or self.date_month is not None or self.date_day is not None:
            self.date_estimated_month = self.date_estimated_day = None  # lent only to a text with neither

    def confirm_estimated_year(self) -> bool:
        """The estimate becomes the date's year (an editor's decision imports keep); False if none."""
        estimated = self.estimated_date
        if estimated is None:
            return False
        self.date_year = estimated.year
        self.edited_fields = sorted({*(self.edited_fields or []), "date_year", "date_month", "date_day"})
        return True
