"""Forms of the editors' desk: clear errors for names that would clash, claims that keep provenance.

Name forms (country forms, outlet spellings, organisations, officials and their aliases) are unique
by their normalised key, which is not a form field — so Django's own unique check never sees it and a
clash would surface as an IntegrityError. These forms check it up front and name the record that
already owns the form.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.forms.formsets import DELETION_FIELD_NAME
from django.forms.models import BaseInlineFormSet

from articles.archive.posts import wordings
from articles.models import (
    ClaimOrigin,
    ClaimState,
    CountryAlias,
    Official,
    OfficialAlias,
    Organisation,
    OutletAlias,
)
from articles.pipeline.text import normalise


class NormalisedUniqueForm(forms.ModelForm):
    """Checks that the normalised value of `source_field` is not taken by another row."""

    source_field = ""

    def clean(self):
        cleaned = super().clean()
        value = cleaned.get(self.source_field)
        if value is not None:
            if not value.strip():
                self.add_error(self.source_field, "Значение не может быть пустым.")
            else:
                message = self.clash(normalise(value))
                if message:
                    self.add_error(self.source_field, message)
        return cleaned

    def clash(self, key: str) -> str | None:
        other = self._meta.model.objects.filter(normalised=key).exclude(pk=self.instance.pk).first()
        return self.clash_message(other) if other else None

    def clash_message(self, other) -> str:
        raise NotImplementedError


class CountryAliasForm(NormalisedUniqueForm):
    source_field = "form"

    class Meta:
        model = CountryAlias
        fields = ["form", "kind"]

    def clash(self, key):
        other = (
            CountryAlias.objects.filter(normalised=key)
            .exclude(pk=self.instance.pk)
            .select_related("country")
            .first()
        )
        if other is None:
            return None
        if self.instance.country_id and other.country_id == self.instance.country_id:
            return f"Форма «{other.form}» у этой страны уже есть."
        return f"Форма «{other.form}» уже принадлежит стране «{other.country}» ({other.country_id}): одна форма — одна страна."


class OutletAliasForm(NormalisedUniqueForm):
    source_field = "spelling"

    class Meta:
        model = OutletAlias
        fields = ["spelling"]

    def clash_message(self, other):
        return f"Написание «{other.spelling}» уже относится к изданию «{other.outlet}»."


class OrganisationForm(NormalisedUniqueForm):
    source_field = "name"

    class Meta:
        model = Organisation
        fields = ["name", "full_name", "country"]

    def clash_message(self, other):
        return f"Организация «{other.name}» уже записана (страна: {other.country_id})."


class OfficialAliasForm(NormalisedUniqueForm):
    source_field = "name"

    class Meta:
        model = OfficialAlias
        fields = ["name"]

    def clash(self, key):
        other = (
            OfficialAlias.objects.filter(normalised=key)
            .exclude(pk=self.instance.pk)
            .select_related("official")
            .first()
        )
        if other is not None:
            if other.official_id == self.instance.official_id:
                return f"Форма «{other.name}» у этого лица уже есть."
            return f"Форма «{other.name}» уже принадлежит лицу «{other.official}» (№{other.official_id})."
        named = Official.objects.filter(normalised=key).first()
        if named is not None and named.pk != self.instance.official_id:
            return f"Так зовут лицо «{named}» (№{named.pk}): если это один человек, объедините их."
        if named is not None:
            return "Это основное имя лица, отдельная форма не нужна."
        return None


class OfficialForm(NormalisedUniqueForm):
    """A person; their current post, and the posts as articles word them, which a correction of the
    current post may also replace (only those the editor ticks: an old article keeps an old post)."""

    source_field = "full_name"

    correct_in_articles = forms.MultipleChoiceField(
        label="Исправить и в статьях",
        required=False,
        initial=(),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Official
        fields = ["full_name", "position", "country", "review_state"]
        help_texts = {
            "position": "Текущая должность лица: на его странице, в списках и выгрузках. "
            "Каждая статья хранит должность так, как названа в ней самой (см. ниже).",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("correct_in_articles")
        if field is None:
            return
        offered = wordings(self.instance) if self.instance.pk else []
        field.choices = [(post, f"«{post}» — статей: {n}") for post, n in offered]
        field.help_text = (
            "Должность так, как её называют статьи. Отмеченные написания заменятся на новую текущую "
            "должность (выше) в этих статьях; неотмеченные статьи сохранят свои слова."
            if offered
            else "Статьи не называют должность этого лица."
        )

    def clash(self, key):
        other = Official.objects.filter(normalised=key).exclude(pk=self.instance.pk).first()
        if other is not None:
            return f"Лицо «{other}» (№{other.pk}) уже есть: если это один человек, объедините их."
        alias = (
            OfficialAlias.objects.filter(normalised=key)
            .exclude(official=self.instance.pk)
            .select_related("official")
            .first()
        )
        if alias is not None:
            return f"«{alias.name}» записано как форма имени лица «{alias.official}» (№{alias.official_id})."
        return None


class UniqueKeysFormSet(BaseInlineFormSet):
    """Two new rows of one inline with the same normalised name: one error, not an IntegrityError."""

    def clean(self):
        super().clean()
        seen: dict[str, str] = {}
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form in self.deleted_forms:
                continue
            value = form.cleaned_data.get(form.source_field)
            if not value:
                continue
            key = normalise(value)
            if key in seen:
                form.add_error(form.source_field, f"«{value}» уже есть в этой таблице («{seen[key]}»).")
            seen[key] = value


# --- claims -------------------------------------------------------------------------------------


STATE_HELP = (
    "«Отклонено» — упоминание неверно: читатели его не видят, а повторный импорт и повторное извлечение "
    "его не вернут. «Удалить» есть только у строк, добавленных редактором по ошибке: удалённое "
    "найденное извлечением вернулось бы при следующем извлечении."
)
POSITION_HELP = "Как должность названа в этой статье. Текущая должность лица — на его странице."


class ClaimForm(forms.ModelForm):
    """A claim row: the entity of a machine claim is fixed (reject it and add the right one instead);
    a row an editor adds starts confirmed."""

    entity_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "state" in self.fields:
            self.fields["state"].help_text = STATE_HELP
        if self.instance.pk and self.instance.origin == ClaimOrigin.EXTRACTED:
            for name in self.entity_fields:
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[name].help_text = "Найдено извлечением: отклоните и добавьте верное."
        elif not self.instance.pk and "state" in self.fields:
            self.fields["state"].initial = ClaimState.CONFIRMED


class ClaimFormSet(BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if (
            DELETION_FIELD_NAME in form.fields
            and form.instance.pk
            and form.instance.origin == ClaimOrigin.EXTRACTED
        ):
            # Rejection is the tool for a machine claim: its row offers no delete box at all.
            form.fields[DELETION_FIELD_NAME].widget = forms.HiddenInput()
            form.fields[DELETION_FIELD_NAME].disabled = True


class OfficialClaimForm(ClaimForm):
    """A person in an article: the post as this article words it, and optionally the person's own."""

    also_official = forms.BooleanField(
        label="и должность лица",
        required=False,
        help_text="Записать эту должность и как текущую должность лица (на его странице).",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "position" in self.fields:
            self.fields["position"].help_text = POSITION_HELP


class PairForm(ClaimForm):
    entity_fields = ("country_a", "country_b")

    def _get_validation_exclusions(self):
        # The per-article constraints (one primary pair, each pair once) are checked by PairFormSet
        # over the whole table: checked row by row against the database, rejecting the old primary
        # pair and adding a new one in the same save would be refused.
        exclude = super()._get_validation_exclusions()
        exclude.add("article")
        return exclude


class PairFormSet(ClaimFormSet):
    def clean(self):
        super().clean()
        primaries = []
        seen = set()
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or form in self.deleted_forms:
                continue
            a, b = data.get("country_a"), data.get("country_b")
            if a and b and a == b:
                form.add_error("country_b", "Пара — это две разные страны.")
            elif a and b:
                key = tuple(sorted((a.pk, b.pk)))
                if key in seen:
                    form.add_error("country_b", f"Пара {key[0]}–{key[1]} уже есть у статьи.")
                seen.add(key)
            if data.get("primary") and data.get("state") != ClaimState.REJECTED and (a or form.instance.pk):
                primaries.append(form)
        if len(primaries) > 1:
            raise ValidationError(
                "Основная пара у статьи одна: снимите отметку «основная пара» с лишних или отклоните их."
            )
