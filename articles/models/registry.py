"""The agreements registry: each Agreement is one real document; editors' judgements on a mention and
the document it is (or is not)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.urls import reverse

from articles.models.archive import Article
from articles.models.common import (
    DATE_FIELDS,
    EditorProtected,
    PartialDateFields,
    ReviewState,
    ShownQuerySet,
    SortedIndex,
)
from articles.models.history import History
from articles.models.people import Official
from articles.models.reference import Country


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


class AgreementKey(models.Model):
    """One key of an agreement the registry finds its candidates by (articles/archive/registry_keys.py):
    a term of a title it has seen, a signatory, a signing day. Derived from `Agreement.terms` by the
    writer; `parties_key` is the agreement's, so one index scan gives a pair's agreements sharing a key."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="+")
    parties_key = models.CharField(max_length=120)
    key = models.CharField(max_length=200)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agreement", "key"], name="agreement_key_unique")]
        indexes = [models.Index(fields=["parties_key", "key"], name="agreement_key_lookup_idx")]

    def __str__(self) -> str:
        return f"№{self.agreement_id} {self.parties_key} {self.key}"
