"""Stories: one event reported by several outlets. Every article belongs to exactly one story.

The near-duplicate index lives here too: each article's MinHash signature and its LSH band keys,
in the database so that every import process and every later import sees them.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from articles.models.archive import Article
from articles.models.common import EditorJudgement


class Story(models.Model):
    # Kept by archive/stories.py whenever an article joins or leaves: the article page asks for the
    # other reports only when there are some, and counts by story need no join.
    size = models.PositiveIntegerField("статей", default=1)
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
