"""Stories: one event reported by several outlets. Every article belongs to exactly one story.

The near-duplicate index lives here too: each article's MinHash signature and its LSH band keys,
in the database so that every import process and every later import sees them.
"""

from __future__ import annotations

from django.db import models
from django.db.models import ExpressionWrapper, F, Q

from articles.models.archive import Article
from articles.models.common import EditorJudgement


def earliest_first():
    """The order of a story's articles: its lead (the earliest dated, the first imported when none
    is dated) first. A date whose year is only estimated (a copy's year lent by its story) comes
    after the dates that give their year: a copy never leads with a year it borrowed."""
    estimated = ExpressionWrapper(Q(date_year__isnull=True), output_field=models.BooleanField())
    return (estimated.asc(), F("date_from").asc(nulls_last=True), "id")


class Story(models.Model):
    # Kept by archive/stories.py whenever an article joins or leaves: the article page asks for the
    # other reports only when there are some, and counts by story need no join.
    size = models.PositiveIntegerField("статей", default=1)
    # Its earliest dated article (`earliest_first`), kept with the counts by articles/archive/pair_months.py:
    # the article list folded by story shows the leads only.
    lead = models.ForeignKey(
        Article,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="ведущая статья",
    )
    created_at = models.DateTimeField("создан", auto_now_add=True)

    class Meta:
        verbose_name = "сюжет"
        verbose_name_plural = "сюжеты"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"Сюжет №{self.pk}"


class ArticleSignature(models.Model):
    """The MinHash signature of an article's cleaned body (uint32 values, little-endian)."""

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="signature", verbose_name="статья"
    )
    minhash = models.BinaryField("подпись MinHash")
    # The content words of its headline and body (pipeline/eventwords.py), for the event rule.
    words = models.TextField("слова события", blank=True, default="")
    # Its headline's and lead sentence's words and the stages their verbs tell (story_events.EventText),
    # read at every placement of its pair's next reports; empty for a row indexed before it was kept.
    event_text = models.TextField("заголовок и первая фраза", blank=True, default="")

    class Meta:
        verbose_name = "подпись текста"
        verbose_name_plural = "подписи текстов"
        ordering = ["article_id"]

    def __str__(self) -> str:
        return f"MinHash статьи {self.article_id}"


class StoryBand(models.Model):
    """One LSH band of an article's signature: articles sharing a (band, hash) are candidates."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+", verbose_name="статья")
    band = models.PositiveSmallIntegerField("полоса")
    hash = models.BigIntegerField("хеш полосы")

    class Meta:
        verbose_name = "полоса LSH"
        verbose_name_plural = "полосы LSH"
        ordering = ["article_id", "band"]
        indexes = [
            # The candidate lookup at import: hash IN (…the new article's bands…), one index scan.
            models.Index(fields=["hash", "band"], name="story_band_lookup_idx"),
            # Replacing an article's bands when its body changes.
            models.Index(fields=["article", "band"], name="story_band_article_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id}: {self.band}/{self.hash}"


class StoryJudgement(EditorJudgement):
    """An editor's word on two articles; the resolver consults it before any similarity."""

    class Verdict(models.TextChoices):
        SAME = "same", "один сюжет"
        DIFFERENT = "different", "не этот сюжет"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+", verbose_name="статья")
    other = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="+", verbose_name="другая статья"
    )
    verdict = models.CharField("решение", max_length=16, choices=Verdict.choices)

    class Meta:
        verbose_name = "решение о сюжете"
        verbose_name_plural = "решения о сюжетах"
        ordering = ["article_id", "other_id"]
        constraints = [
            # Stored once per pair, the lower id first; a later judgement replaces the earlier.
            models.CheckConstraint(condition=Q(article__lt=models.F("other")), name="story_judgement_order"),
            models.UniqueConstraint(fields=["article", "other"], name="story_judgement_unique"),
        ]
        indexes = [
            # The resolver reads an article's judgements from either side.
            models.Index(fields=["other", "article"], name="story_judgement_other_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id} / {self.other_id}: {self.get_verdict_display()}"


class StoryPair(models.Model):
    """One pair a story counts for in the pair × month table, in the month it counts under.

    A story is counted once per pair however many of its articles name it: PairMonth.stories is the
    number of these rows per cell. The month is the story's lead's (its earliest dated article), so a
    reprint without a date counts where its story does. An article outside any story counts as a
    story of its own (`article` set, `story` null). Kept by articles/archive/pair_months.py, which
    recomputes a story's rows from its articles after every write that touches it and adds the
    difference to PairMonth: the rows are what the table has counted for the story.
    """

    story = models.ForeignKey(
        Story, null=True, on_delete=models.CASCADE, related_name="+", verbose_name="сюжет"
    )
    article = models.ForeignKey(
        Article, null=True, on_delete=models.CASCADE, related_name="+", verbose_name="статья без сюжета"
    )
    country_a = models.ForeignKey(
        "articles.Country", on_delete=models.CASCADE, related_name="+", verbose_name="страна A"
    )
    country_b = models.ForeignKey(
        "articles.Country", on_delete=models.CASCADE, related_name="+", verbose_name="страна B"
    )
    year = models.PositiveSmallIntegerField("год", help_text="0 — без даты.")
    month = models.PositiveSmallIntegerField("месяц", help_text="0 — известен только год или нет даты.")
    primary = models.BooleanField("основная пара хотя бы одной статьи", default=False)

    class Meta:
        verbose_name = "пара сюжета"
        verbose_name_plural = "пары сюжетов"
        ordering = ["story_id", "article_id", "country_a_id", "country_b_id"]
        constraints = [
            # Exactly one of story and article: a story's rows, or a lone article's.
            models.CheckConstraint(
                condition=(Q(story__isnull=True) & Q(article__isnull=False))
                | (Q(story__isnull=False) & Q(article__isnull=True)),
                name="story_pair_one_owner",
            ),
            # One row a pair a story (also the lookup of a story's or a lone article's rows): a
            # concurrent writer that missed the other's row fails and retries.
            models.UniqueConstraint(
                fields=["story", "country_a", "country_b"], name="story_pair_unique_story"
            ),
            models.UniqueConstraint(
                fields=["article", "country_a", "country_b"], name="story_pair_unique_article"
            ),
        ]

    def __str__(self) -> str:
        owner = f"сюжет {self.story_id}" if self.story_id else f"статья {self.article_id}"
        return f"{owner}: {self.country_a_id}–{self.country_b_id} {self.year}-{self.month:02d}"
