"""People: officials, the other forms of their names, editors' "different people" judgements."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from articles.models.common import EditorJudgement, EditorProtected, ReviewState, ShownQuerySet
from articles.models.history import History
from articles.models.reference import Country
from articles.pipeline.name_keys import surname_key
from articles.pipeline.text import normalise


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
