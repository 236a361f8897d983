"""The CoopNews data model, built for curation and provenance.

Articles are linked to countries, officials and agreements through *claims*: each claim keeps the
evidence (character spans into the article body), where it came from (the extractor or an editor)
and what an editor decided about it (proposed, confirmed, rejected). Import and re-extraction only
ever replace machine claims that are still proposed; every editor decision survives.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from articles.dates import PRECISION_LABELS, PartialDate, Precision


def normalise_form(text: str) -> str:
    """The key a name, alias or spelling is matched on: case-folded, ё→е, single spaces."""
    return " ".join(text.replace("ё", "е").replace("Ё", "Е").casefold().split())


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


# --- reference tables the extractor reads and editors extend -------------------------------------


class Country(models.Model):
    iso = models.CharField("код ISO 3166-1", max_length=2, primary_key=True)
    name_ru = models.CharField("название", max_length=120)
    name_en = models.CharField("название (англ.)", max_length=120)

    class Meta:
        verbose_name = "страна"
        verbose_name_plural = "страны"
        ordering = ["name_ru"]
        indexes = [
            # The countries list and admin search order and look up by the Russian name.
            models.Index(fields=["name_ru"], name="country_name_ru_idx"),
        ]

    def __str__(self) -> str:
        return self.name_ru


class CountryAlias(models.Model):
    """A form the extractor matches for a country: official name, short name, adjective, capital…"""

    class Kind(models.TextChoices):
        NAME = "name", "название"
        OFFICIAL = "official", "официальное название"
        ADJECTIVE = "adjective", "прилагательное"
        ABBREVIATION = "abbreviation", "сокращение"
        CAPITAL = "capital", "столица"

    country = models.ForeignKey(
        Country, on_delete=models.CASCADE, related_name="aliases", verbose_name="страна"
    )
    form = models.CharField("форма", max_length=200)
    normalised = models.CharField(max_length=200, editable=False)
    kind = models.CharField("вид", max_length=16, choices=Kind.choices, default=Kind.NAME)
    origin = models.CharField(
        "источник", max_length=16, choices=ClaimOrigin.choices, default=ClaimOrigin.EXTRACTED
    )

    class Meta:
        verbose_name = "форма названия страны"
        verbose_name_plural = "формы названий стран"
        ordering = ["country_id", "kind", "form"]
        constraints = [
            # One form names one country: an alias can't silently belong to two (editor input check).
            models.UniqueConstraint(fields=["normalised"], name="country_alias_unique_form"),
        ]

    def __str__(self) -> str:
        return f"{self.form} → {self.country_id}"

    def save(self, *args, **kwargs):
        self.normalised = normalise_form(self.form)
        super().save(*args, **kwargs)


class Outlet(models.Model):
    """A news outlet; its spellings (INTERFAX.RU, ИНТЕРФАКС…) normalise to this one name."""

    name = models.CharField("название", max_length=120, unique=True)

    class Meta:
        verbose_name = "издание"
        verbose_name_plural = "издания"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OutletAlias(models.Model):
    outlet = models.ForeignKey(
        Outlet, on_delete=models.CASCADE, related_name="aliases", verbose_name="издание"
    )
    spelling = models.CharField("написание", max_length=120)
    normalised = models.CharField(max_length=120, editable=False)

    class Meta:
        verbose_name = "написание издания"
        verbose_name_plural = "написания изданий"
        ordering = ["outlet_id", "spelling"]
        constraints = [
            # A spelling resolves to exactly one outlet when parsing datelines.
            models.UniqueConstraint(fields=["normalised"], name="outlet_alias_unique_spelling"),
        ]

    def __str__(self) -> str:
        return f"{self.spelling} → {self.outlet}"

    def save(self, *args, **kwargs):
        self.normalised = normalise_form(self.spelling)
        super().save(*args, **kwargs)


class Organisation(models.Model):
    """An organisation name (or abbreviation) the extractor maps to a country: ФСВТС → RU."""

    name = models.CharField("название или сокращение", max_length=250)
    normalised = models.CharField(max_length=250, editable=False)
    full_name = models.CharField("полное название", max_length=400, blank=True)
    country = models.ForeignKey(
        Country, on_delete=models.CASCADE, related_name="organisations", verbose_name="страна"
    )
    origin = models.CharField(
        "источник", max_length=16, choices=ClaimOrigin.choices, default=ClaimOrigin.EXTRACTED
    )

    class Meta:
        verbose_name = "организация"
        verbose_name_plural = "организации"
        ordering = ["name"]
        constraints = [
            # The organisation → country lookup is by normalised name.
            models.UniqueConstraint(fields=["normalised"], name="organisation_unique_name"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.country_id})"

    def save(self, *args, **kwargs):
        self.normalised = normalise_form(self.name)
        super().save(*args, **kwargs)


# --- import provenance ---------------------------------------------------------------------------


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

    class Meta:
        verbose_name = "пакет импорта"
        verbose_name_plural = "пакеты импорта"
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"Импорт №{self.pk} от {self.started_at:%Y-%m-%d %H:%M}"


# --- the archive ---------------------------------------------------------------------------------


class ArticleQuerySet(models.QuerySet):
    def with_pair(self, a: str, b: str) -> ArticleQuerySet:
        a, b = sorted((a.upper(), b.upper()))
        return self.filter(
            models.Exists(
                ArticlePair.objects.visible().filter(article=models.OuterRef("pk"), country_a=a, country_b=b)
            )
        )


class Article(PartialDateFields):
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

    history = HistoricalRecords(excluded_fields=["raw_text", "body", "fingerprint", "date_from", "date_to"])

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
            models.Index(fields=["date_to"], name="article_date_to_idx"),
            # source= filter on the list and the outlet admin filter.
            models.Index(fields=["source", "date_from"], name="article_source_date_idx"),
            # Review queue: unreviewed articles, oldest first.
            models.Index(fields=["review_state", "created_at"], name="article_review_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        self.clean_partial_date()
        if not self.title.strip():
            raise ValidationError({"title": "Заголовок не может быть пустым."})


class Official(models.Model):
    full_name = models.CharField("имя", max_length=200, help_text="Полное имя в именительном падеже.")
    normalised = models.CharField(max_length=200, editable=False)
    position = models.CharField("должность", max_length=500, blank=True)
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
    created_at = models.DateTimeField("создан", auto_now_add=True)
    updated_at = models.DateTimeField("изменён", auto_now=True)

    history = HistoricalRecords()

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
        ]

    def __str__(self) -> str:
        return self.full_name

    def clean(self) -> None:
        if not self.full_name.strip():
            raise ValidationError({"full_name": "Имя не может быть пустым."})

    def save(self, *args, **kwargs):
        self.full_name = " ".join(self.full_name.split())
        self.normalised = normalise_form(self.full_name)
        super().save(*args, **kwargs)


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
        self.normalised = normalise_form(self.name)
        super().save(*args, **kwargs)


class Agreement(PartialDateFields):
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
        OTHER = "other", "другое"

    kind = models.CharField("вид", max_length=16, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField("название", max_length=500)
    status = models.CharField("статус", max_length=16, choices=Status.choices, default=Status.OTHER)
    parties = models.ManyToManyField(Country, related_name="agreements", blank=True, verbose_name="стороны")
    signatories = models.ManyToManyField(
        Official, related_name="agreements_signed", blank=True, verbose_name="подписанты"
    )
    review_state = models.CharField(
        "проверка", max_length=16, choices=ReviewState.choices, default=ReviewState.UNREVIEWED
    )
    edited_fields = models.JSONField("поля, изменённые редактором", default=list, blank=True)
    created_at = models.DateTimeField("создано", auto_now_add=True)
    updated_at = models.DateTimeField("изменено", auto_now=True)

    history = HistoricalRecords(m2m_fields=[parties, signatories])

    class Meta:
        verbose_name = "соглашение"
        verbose_name_plural = "соглашения"
        ordering = ["-date_from", "-id"]
        indexes = [
            # /agreements/ filtered by kind and status, newest first.
            models.Index(fields=["kind", "status", "date_from"], name="agreement_kind_status_idx"),
            # /agreements/?year= and recent agreements on the home page.
            models.Index(fields=["date_year", "date_from"], name="agreement_year_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        self.clean_partial_date()
        if not self.title.strip():
            raise ValidationError({"title": "Название не может быть пустым."})

    @property
    def signed(self) -> bool:
        return self.status in {self.Status.SIGNED, self.Status.RATIFIED, self.Status.IN_FORCE}


# --- claims: article ↔ entity, with evidence and an editor's decision ----------------------------


class ClaimQuerySet(models.QuerySet):
    def visible(self):
        """The one definition of what readers and exports see: proposed or confirmed, never rejected."""
        return self.filter(state__in=VISIBLE_STATES)

    def machine_proposed(self):
        """What re-extraction may replace: machine claims nobody has decided on."""
        return self.filter(origin=ClaimOrigin.EXTRACTED, state=ClaimState.PROPOSED)


class Claim(models.Model):
    """Evidence that an article speaks of an entity. `spans` is a list of [start, end] offsets into
    the article body (every mention); `start`/`end`/`quote` are the first, shown to editors."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, verbose_name="статья")
    start = models.PositiveIntegerField("начало", null=True, blank=True)
    end = models.PositiveIntegerField("конец", null=True, blank=True)
    quote = models.CharField("цитата", max_length=1000, blank=True)
    spans = models.JSONField("все упоминания", default=list, blank=True)
    origin = models.CharField(
        "источник", max_length=16, choices=ClaimOrigin.choices, default=ClaimOrigin.EXTRACTED
    )
    state = models.CharField(
        "решение", max_length=16, choices=ClaimState.choices, default=ClaimState.PROPOSED
    )
    decided_at = models.DateTimeField("когда решено", null=True, blank=True)
    created_at = models.DateTimeField("создано", auto_now_add=True)

    objects = ClaimQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def mentions(self) -> int:
        return len(self.spans) or (1 if self.start is not None else 0)


class CountryClaim(Claim):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="country_claims", verbose_name="статья"
    )
    country = models.ForeignKey(
        Country, on_delete=models.CASCADE, related_name="claims", verbose_name="страна"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "упоминание страны"
        verbose_name_plural = "упоминания стран"
        ordering = ["article_id", "country_id"]
        constraints = [
            # One claim per article and country: a rejected one blocks the extractor from re-adding it.
            models.UniqueConstraint(fields=["article", "country"], name="country_claim_unique"),
        ]
        indexes = [
            # ?country=XX on the article list: Exists() over (country, state) → article.
            models.Index(fields=["country", "state", "article"], name="country_claim_lookup_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.country_id} в «{self.article}»"


class OfficialClaim(Claim):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="official_claims", verbose_name="статья"
    )
    official = models.ForeignKey(
        Official, on_delete=models.CASCADE, related_name="claims", verbose_name="лицо"
    )
    position = models.CharField("должность в статье", max_length=500, blank=True)
    country = models.ForeignKey(
        Country,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="страна в статье",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "упоминание лица"
        verbose_name_plural = "упоминания лиц"
        ordering = ["article_id", "start", "id"]
        constraints = [
            # One claim per article and person; merges move claims and must not double them.
            models.UniqueConstraint(fields=["article", "official"], name="official_claim_unique"),
        ]
        indexes = [
            # ?official=ID on the article list and the official's page.
            models.Index(fields=["official", "state", "article"], name="official_claim_lookup_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.official} в «{self.article}»"


class AgreementClaim(Claim):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="agreement_claims", verbose_name="статья"
    )
    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="claims", verbose_name="соглашение"
    )
    match_key = models.CharField(
        "ключ извлечения",
        max_length=300,
        blank=True,
        help_text="По нему повторное извлечение узнаёт тот же документ в той же статье.",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "упоминание соглашения"
        verbose_name_plural = "упоминания соглашений"
        ordering = ["article_id", "start", "id"]
        constraints = [
            models.UniqueConstraint(fields=["article", "agreement"], name="agreement_claim_unique"),
        ]
        indexes = [
            # Re-extraction looks up an article's earlier claim for the same document.
            models.Index(fields=["article", "match_key"], name="agreement_claim_key_idx"),
            # ?agreement_kind= on the list and an agreement's articles.
            models.Index(fields=["agreement", "state", "article"], name="agreement_claim_lookup_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.agreement} в «{self.article}»"


class ArticlePairQuerySet(ClaimQuerySet):
    pass


class ArticlePair(models.Model):
    """A pair of countries an article is about, stored in alphabetical order of ISO codes."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="pairs", verbose_name="статья"
    )
    country_a = models.ForeignKey(
        Country, on_delete=models.CASCADE, related_name="+", verbose_name="страна A"
    )
    country_b = models.ForeignKey(
        Country, on_delete=models.CASCADE, related_name="+", verbose_name="страна B"
    )
    primary = models.BooleanField("основная пара", default=False)
    score = models.FloatField("вес", default=0)
    origin = models.CharField(
        "источник", max_length=16, choices=ClaimOrigin.choices, default=ClaimOrigin.EXTRACTED
    )
    state = models.CharField(
        "решение", max_length=16, choices=ClaimState.choices, default=ClaimState.PROPOSED
    )
    decided_at = models.DateTimeField("когда решено", null=True, blank=True)
    created_at = models.DateTimeField("создано", auto_now_add=True)

    history = HistoricalRecords()

    objects = ArticlePairQuerySet.as_manager()

    class Meta:
        verbose_name = "пара стран"
        verbose_name_plural = "пары стран"
        ordering = ["article_id", "-primary", "country_a_id", "country_b_id"]
        constraints = [
            # Canonical order: CN-RU, never RU-CN.
            models.CheckConstraint(
                condition=Q(country_a__lt=models.F("country_b")), name="pair_canonical_order"
            ),
            models.UniqueConstraint(
                fields=["article", "country_a", "country_b"], name="pair_unique_per_article"
            ),
            # At most one primary pair an article (a rejected one no longer counts).
            models.UniqueConstraint(
                fields=["article"],
                condition=Q(primary=True) & ~Q(state=ClaimState.REJECTED),
                name="pair_one_primary_per_article",
            ),
        ]
        indexes = [
            # ?pair=CN-RU, the pair dossier and the matrix group by (a, b).
            models.Index(fields=["country_a", "country_b", "state", "article"], name="pair_lookup_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.country_a_id}–{self.country_b_id}"

    def clean(self) -> None:
        if self.country_a_id and self.country_b_id:
            if self.country_a_id == self.country_b_id:
                raise ValidationError("Пара — это две разные страны.")
            if self.country_a_id > self.country_b_id:
                self.country_a_id, self.country_b_id = self.country_b_id, self.country_a_id

    def save(self, *args, **kwargs):
        if self.country_a_id and self.country_b_id and self.country_a_id > self.country_b_id:
            self.country_a_id, self.country_b_id = self.country_b_id, self.country_a_id
        super().save(*args, **kwargs)

    @property
    def slug(self) -> str:
        return f"{self.country_a_id}-{self.country_b_id}".lower()


class PairMonth(models.Model):
    """Articles per visible pair and month, kept current on every write by articles/pair_months.py:
    the matrix, a pair's timeline and a country's partners read these few thousand rows instead of
    grouping every pair of the archive."""

    country_a = models.ForeignKey(
        Country, on_delete=models.CASCADE, related_name="+", verbose_name="страна A"
    )
    country_b = models.ForeignKey(
        Country, on_delete=models.CASCADE, related_name="+", verbose_name="страна B"
    )
    year = models.PositiveSmallIntegerField("год", help_text="0 — без даты.")
    month = models.PositiveSmallIntegerField("месяц", help_text="0 — известен только год или нет даты.")
    # Not Positive…: a decrement lands before the zero row is deleted, in the same transaction.
    articles = models.IntegerField("статей")

    class Meta:
        verbose_name = "статьи пары за месяц"
        verbose_name_plural = "статьи пар по месяцам"
        ordering = ["country_a", "country_b", "year", "month"]
        constraints = [
            # The upsert's conflict target; also a pair's timeline and the partners of country A.
            models.UniqueConstraint(
                fields=["country_a", "country_b", "year", "month"], name="pair_month_unique"
            ),
        ]
        indexes = [
            # The partners of a country that is the pair's second (country_b = XX).
            models.Index(fields=["country_b", "country_a"], name="pair_month_b_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.country_a_id}–{self.country_b_id} {self.year}-{self.month:02d}: {self.articles}"
