"""Reference tables the extractor reads and editors extend: countries and their forms, outlets,
organisations."""

from __future__ import annotations

from django.db import models

from articles.models.common import ClaimOrigin
from articles.pipeline.text import normalise


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
        self.normalised = normalise(self.form)
        super().save(*args, **kwargs)


class Outlet(models.Model):
    """A news outlet; its spellings (INTERFAX.RU, ИНТЕРФАКС…) normalise to this one name."""

    name = models.CharField("название", max_length=120, unique=True)
    name_en = models.CharField(
        "название по-английски",
        max_length=120,
        blank=True,
        help_text="Для английских страниц. Пусто — транслитерация названия (схема «Википедии»).",
    )

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
        self.normalised = normalise(self.spelling)
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
        self.normalised = normalise(self.name)
        super().save(*args, **kwargs)
