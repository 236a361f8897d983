"""Claims: article ↔ entity, with evidence and an editor's decision; pairs and their monthly counts."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from articles.models.archive import Article
from articles.models.common import VISIBLE_STATES, ClaimOrigin, ClaimState, HasPartialDate
from articles.models.history import History
from articles.models.people import Official
from articles.models.reference import Country
from articles.models.registry import Agreement


class ClaimQuerySet(models.QuerySet):
    def visible(self):
        """The one definition of what readers and exports see: proposed or confirmed, never rejected."""
        return self.filter(state__in=VISIBLE_STATES)

    def machine_proposed(self):
        """What re-extraction may replace: machine claims nobody has decided on."""
        return self.filter(origin=ClaimOrigin.EXTRACTED, state=ClaimState.PROPOSED)


class Stated:
    """A claim or a pair on an instance in hand: the same test as `ClaimQuerySet.visible`."""

    @property
    def is_visible(self) -> bool:
        return self.state in VISIBLE_STATES


class Claim(Stated, models.Model):
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
    # Who confirmed or rejected it (null: undecided, decided before this was kept, or by a deleted user).
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="кто решил",
    )
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

    history = History()

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
    # A military or special rank, apart from the post: "генерал-полковник" beside "министр обороны".
    rank = models.CharField("звание в статье", max_length=100, blank=True)
    country = models.ForeignKey(
        Country,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="страна в статье",
    )

    history = History()

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
            # posts_over_time: an official's visible claims with their posts, from the index alone.
            models.Index(
                fields=["official", "article"],
                include=["position"],
                condition=Q(state__in=VISIBLE_STATES),
                name="official_claim_visible_idx",
            ),
            # officials_in (a pair dossier's «who speaks»): visible claims matched to articles by article.
            models.Index(
                fields=["article"],
                include=["official"],
                condition=Q(state__in=VISIBLE_STATES),
                name="official_claim_article_vis_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.official} в «{self.article}»"


class AgreementClaim(HasPartialDate, Claim):
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
    # The article's own reading of the document: the registry derives the agreement's fields from
    # these (articles/archive/registry.py), and the per-article export gives them as the article does.
    kind = models.CharField(
        "вид в статье", max_length=16, choices=Agreement.Kind.choices, default=Agreement.Kind.OTHER
    )
    title = models.CharField("название в статье", max_length=500, blank=True)
    status = models.CharField(
        "стадия в статье", max_length=16, choices=Agreement.Status.choices, default=Agreement.Status.OTHER
    )
    date_year = models.PositiveSmallIntegerField("год стадии", null=True, blank=True)
    date_month = models.PositiveSmallIntegerField("месяц стадии", null=True, blank=True)
    date_day = models.PositiveSmallIntegerField("день стадии", null=True, blank=True)
    parties_key = models.CharField(
        "стороны в статье", max_length=120, blank=True, help_text="ISO-коды по алфавиту: CN-RU."
    )
    signatories = models.ManyToManyField(
        Official, related_name="agreement_claims_signed", blank=True, verbose_name="подписанты в статье"
    )

    history = History()

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

    @property
    def signed(self) -> bool:
        return self.status in Agreement.SIGNED_STAGES


class ArticlePairQuerySet(ClaimQuerySet):
    pass


class ArticlePair(Stated, models.Model):
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
    # Who confirmed or rejected it (null: undecided, decided before this was kept, or by a deleted user).
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="кто решил",
    )
    created_at = models.DateTimeField("создано", auto_now_add=True)

    history = History()

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
    """Articles and stories per visible pair and month, kept current on every write by
    articles/archive/pair_months.py: the matrix, a pair's timeline and a country's partners read these
    few thousand rows instead of grouping every pair of the archive.

    Four counts, (articles, stories) × (every visible pair, the article's primary pair only): the
    pages choose one (articles/web/counting.py). A story counts once per pair and month, under its
    lead's month (StoryPair holds what each story counts)."""

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
    articles_primary = models.IntegerField("статей (основная пара)", default=0)
    stories = models.IntegerField("сюжетов", default=0)
    stories_primary = models.IntegerField("сюжетов (основная пара)", default=0)

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
