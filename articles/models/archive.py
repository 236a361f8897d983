"""The archive: import batches, articles, officials and agreements."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from articles.models.common import (
    DATE_FIELDS,
    EditorJudgement,
    EditorProtected,
    PartialDateFields,
    ReviewState,
    ShownQuerySet,
    SortedIndex,
)
from articles.models.history import History
from articles.models.reference import Country, Outlet
from articles.pipeline.dates import PartialDate
from articles.pipeline.name_keys import surname_key
from articles.pipeline.text import normalise


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


class Official(EditorProtected, models.Model):
    PROTECTS = {"full_name": ("full_name",), "position": ("position",), "country": ("country",)}

    full_name = models.CharField("имя", max_length=200, help_text="Полное имя в именительном падеже.")
    normalised = models.CharField(max_length=200, editable=False)
    position = models.CharField("должность", max_length=500, blank=True)
    name_en = models.CharField(
        "имя по-английски",
        max_length=200,
        blank=True,
        help_text="Для английских страниц. Пусто — транслитерация имени (схема «Википедии»).",
    )
    country = models.ForeignKey(
        Country,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="officials",
        verbose_name="страна",
    )
    review_state = models.CharField(
        "проверка", max_length=16, choices=ReviewState.choices, default=ReviewState.UNREVIEWED
    )
    edited_fields = models.JSONField("поля, изменённые редактором", default=list, blank=True)
    # The blocking key of the review list's near-identical names (articles/pipeline/name_keys.py).
    surname_key = models.CharField(max_length=100, blank=True, editable=False)
    # Its articles' visible claims name two countries: on the review list until an editor picks one
    # (kept by articles/archive/official_countries.py).
    country_disputed = models.BooleanField("страна спорная", default=False, editable=False)
    created_at = models.DateTimeField("создан", auto_now_add=True)
    updated_at = models.DateTimeField("изменён", auto_now=True)

    objects = ShownQuerySet.as_manager()
    history = History()

    class Meta:
        verbose_name = "должностное лицо"
        verbose_name_plural = "должностные лица"
        ordering = ["full_name", "id"]
        constraints = [
            # One person is one Official: imports match on the normalised name (and aliases).
            models.UniqueConstraint(fields=["normalised"], name="official_unique_name"),
        ]
        indexes = [
            # A country's officials on /countries/<iso>/ and the pair dossier.
            models.Index(fields=["country", "full_name"], name="official_country_idx"),
            # The review list: officials sharing a surname key (GROUP BY over the index, then a lookup).
            models.Index(fields=["surname_key"], name="official_surname_key_idx"),
            # The review list: officials whose articles disagree on their country.
            models.Index(
                fields=["full_name"], condition=Q(country_disputed=True), name="official_disputed_idx"
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        # the public page: the admin's «view on site» link
        return reverse("articles:official", args=[self.pk])

    def clean(self) -> None:
        if not self.full_name.strip():
            raise ValidationError({"full_name": "Имя не может быть пустым."})

    def save(self, *args, **kwargs):
        self.full_name = " ".join(self.full_name.split())
        self.normalised = normalise(self.full_name)
        self.surname_key = surname_key(self.full_name)
        super().save(*args, **kwargs)


class OfficialJudgement(EditorJudgement):
    """An editor's word that two officials with near-identical names are different people: the
    pair never returns to the review list. («The same person» is a merge, recorded as MergedAway.)"""

    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="+", verbose_name="лицо")
    other = models.ForeignKey(
        Official, on_delete=models.CASCADE, related_name="+", verbose_name="другое лицо"
    )

    class Meta:
        verbose_name = "решение «разные лица»"
        verbose_name_plural = "решения «разные лица»"
        ordering = ["official_id", "other_id"]
        constraints = [
            # Stored once per pair, the lower id first.
            models.CheckConstraint(
                condition=Q(official__lt=models.F("other")), name="official_judgement_order"
            ),
            models.UniqueConstraint(fields=["official", "other"], name="official_judgement_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.official_id} ≠ {self.other_id}"

    @classmethod
    def different(cls, a: int, b: int, editor=None) -> OfficialJudgement:
        low, high = sorted((int(a), int(b)))
        judgement, _ = cls.objects.get_or_create(official_id=low, other_id=high, defaults={"editor": editor})
        return judgement


class OfficialAlias(models.Model):
    """Another form of an official's name seen in the text or left by a merge."""

    official = models.ForeignKey(
        Official, on_delete=models.CASCADE, related_name="aliases", verbose_name="лицо"
    )
    name = models.CharField("форма имени", max_length=200)
    normalised = models.CharField(max_length=200, editable=False)

    class Meta:
        verbose_name = "форма имени"
        verbose_name_plural = "формы имён"
        ordering = ["official_id", "name"]
        constraints = [
            # Import resolves a name form to one official.
            models.UniqueConstraint(fields=["normalised"], name="official_alias_unique_name"),
        ]

    def __str__(self) -> str:
        return f"{self.name} → {self.official}"

    def save(self, *args, **kwargs):
        self.normalised = normalise(self.name)
        super().save(*args, **kwargs)


class Agreement(EditorProtected, PartialDateFields):
    PROTECTS = {
        "title": ("title",),
        "kind": ("kind",),
        "status": ("status",),
        **dict.fromkeys(DATE_FIELDS, DATE_FIELDS),
        "parties": ("parties",),
        "signatories": ("signatories",),
    }

    class Kind(models.TextChoices):
        MEMORANDUM = "memorandum", "меморандум"
        PROTOCOL = "protocol", "протокол"
        AGREEMENT = "agreement", "соглашение"
        TREATY = "treaty", "договор"
        DECLARATION = "declaration", "декларация"
        PLAN = "plan", "план"
        PROGRAMME = "programme", "программа"
        ROADMAP = "roadmap", "дорожная карта"
        CONTRACT = "contract", "контракт"
        STATEMENT = "statement", "заявление"
        OTHER = "other", "другое"

    class Status(models.TextChoices):
        PLANNED = "planned", "планируется"
        DRAFT = "draft", "проект"
        INITIALLED = "initialled", "парафировано"
        SIGNED = "signed", "подписано"
        RATIFIED = "ratified", "ратифицировано"
        IN_FORCE = "in_force", "вступило в силу"
        EXTENDED = "extended", "продлено"
        SUSPENDED = "suspended", "приостановлено"
        TERMINATED = "terminated", "прекращено"
        OTHER = "other", "другое"

    kind = models.CharField("вид", max_length=16, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField("название", max_length=500)
    status = models.CharField("статус", max_length=16, choices=Status.choices, default=Status.OTHER)
    parties = models.ManyToManyField(Country, related_name="agreements", blank=True, verbose_name="стороны")
    signatories = models.ManyToManyField(
        Official, related_name="agreements_signed", blank=True, verbose_name="подписанты"
    )
    # The registry's candidate key (articles/archive/registry.py): the parties' ISO codes sorted,
    # joined by "-" («BY-RU»); a new mention is compared only with agreements of the same key.
    parties_key = models.CharField("ключ сторон", max_length=120, blank=True, editable=False)
    # What resolution compares a new mention with, folded from the visible claims: each distinct
    # title's content lemmas, the signatories' ids, the signing date (registry.terms_of).
    terms = models.JSONField("признаки для сопоставления", default=dict, blank=True, editable=False)
    review_state = models.CharField(
        "проверка", max_length=16, choices=ReviewState.choices, default=ReviewState.UNREVIEWED
    )
    edited_fields = models.JSONField("поля, изменённые редактором", default=list, blank=True)
    created_at = models.DateTimeField("создано", auto_now_add=True)
    updated_at = models.DateTimeField("изменено", auto_now=True)

    objects = ShownQuerySet.as_manager()
    history = History(m2m_fields=[parties, signatories], excluded_fields=["terms"])

    class Meta:
        verbose_name = "соглашение"
        verbose_name_plural = "соглашения"
        ordering = ["-date_from", "-id"]
        indexes = [
            # /agreements/ filtered by kind and status, newest first.
            models.Index(fields=["kind", "status", "date_from"], name="agreement_kind_status_idx"),
            # /agreements/?year= and recent agreements on the home page.
            models.Index(fields=["date_year", "date_from"], name="agreement_year_idx"),
            # The registry's candidate lookup: every agreement between the same parties, one index scan.
            models.Index(fields=["parties_key"], name="agreement_parties_key_idx"),
            # /agreements/, the home page's recent agreements and agreements_between (newest first, LIMIT).
            SortedIndex(
                F("date_from").desc(nulls_last=True),
                F("date_month").desc(nulls_last=True),
                F("date_day").desc(nulls_last=True),
                F("id").desc(),
                name="agreement_newest_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        # the public page: the admin's «view on site» link
        return reverse("articles:agreement", args=[self.pk])

    def clean(self) -> None:
        self.clean_partial_date()
        if not self.title.strip():
            raise ValidationError({"title": "Название не может быть пустым."})

    # Stages a document reaches only once signed: a suspended or denounced treaty was signed.
    SIGNED_STAGES = frozenset({"signed", "ratified", "in_force", "extended", "suspended", "terminated"})
    # A document's life in order, the one ordering of stages: the latest one its claims support is
    # its status (ratified after signed, terminated after in force); "other" says no stage at all.
    STAGE_ORDER = (
        "other",
        "planned",
        "draft",
        "initialled",
        "signed",
        "ratified",
        "in_force",
        "extended",
        "suspended",
        "terminated",
    )

    @classmethod
    def stage_rank(cls, status: str) -> int:
        return cls.STAGE_ORDER.index(status) if status in cls.STAGE_ORDER else 0

    @property
    def signed(self) -> bool:
        return self.status in self.SIGNED_STAGES
