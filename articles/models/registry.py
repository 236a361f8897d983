"""Editors' judgements on the agreements registry: a mention and the document it is (or is not)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from articles.models.archive import Agreement, Article


class AgreementJudgement(models.Model):
    """An editor's word on one article's mention (article + the claim's match_key) and an agreement.

    "same": the mention is this document — resolution puts it there whatever the similarity;
    "different": it is not — resolution never puts it there again. Recorded by merges, by moving or
    splitting off a claim in the admin and by the duplicates review; read by articles/archive/registry.py.
    """

    class Verdict(models.TextChoices):
        SAME = "same", "тот же документ"
        DIFFERENT = "different", "не этот документ"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+", verbose_name="статья")
    match_key = models.CharField("ключ извлечения", max_length=300, blank=True)
    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="judgements", verbose_name="соглашение"
    )
    verdict = models.CharField("решение", max_length=16, choices=Verdict.choices)
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
        verbose_name = "решение о соглашении"
        verbose_name_plural = "решения о соглашениях"
        ordering = ["article_id", "match_key", "agreement_id"]
        constraints = [
            # One verdict per mention and agreement; a later judgement replaces the earlier.
            models.UniqueConstraint(
                fields=["article", "match_key", "agreement"], name="agreement_judgement_unique"
            ),
        ]
        indexes = [
            # The duplicates review: which agreement pairs an editor already called different.
            models.Index(fields=["agreement", "verdict"], name="agreement_judgement_agr_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id}/{self.match_key} — №{self.agreement_id}: {self.get_verdict_display()}"
