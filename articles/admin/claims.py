"""Claims on the article page: one table per kind, with state, origin and the evidence.

Editors confirm or reject a claim by its state, and add what the extractor missed: a row they add is
an editor claim (origin "editor"), confirmed, and survives every later import and re-extraction.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import Truncator

from articles.admin.forms import ClaimForm, ClaimFormSet, OfficialClaimForm, PairForm, PairFormSet
from articles.admin.highlight import Mark, find_spans
from articles.archive import official_countries, registry, registry_editing
from articles.archive.posts import set_current_post
from articles.models import (
    Agreement,
    AgreementClaim,
    ArticlePair,
    ClaimOrigin,
    ClaimState,
    CountryAlias,
    CountryClaim,
    OfficialAlias,
    OfficialClaim,
)

CLAIM_MODELS = (CountryClaim, OfficialClaim, AgreementClaim, ArticlePair)


def anchor(kind: str, pk: int) -> str:
    return f"claim-{kind}-{pk}"


def decision(claim) -> str:
    """«подтвердил nina, 06.12.2026 14:03» — who decided and when; «ждёт решения» if nobody has."""
    if claim.state == ClaimState.PROPOSED:
        return "ждёт решения"
    verb = "подтвердил" if claim.state == ClaimState.CONFIRMED else "отклонил"
    who = claim.decided_by.get_username() if claim.decided_by_id else "кто — не записано"
    when = (
        date_format(timezone.localtime(claim.decided_at), "SHORT_DATETIME_FORMAT") if claim.decided_at else ""
    )
    return f"{verb}: {who}, {when}" if when else f"{verb}: {who}"


class ClaimInline(admin.TabularInline):
    kind = ""
    entity = ""
    form = ClaimForm
    formset = ClaimFormSet
    extra = 0
    readonly_fields = ("evidence", "provenance")
    classes = ("claims",)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.entity_fields = (self.entity,)
        return formset

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        widget = getattr(field, "widget", None)
        if isinstance(widget, RelatedFieldWidgetWrapper):
            # A claims table is for choosing; only a missing person may be created from here.
            widget.can_change_related = widget.can_delete_related = widget.can_view_related = False
            widget.can_add_related = widget.can_add_related and db_field.name == "official"
        return field

    @admin.display(description="в тексте")
    def evidence(self, claim):
        if not claim.pk:
            return "—"
        if claim.start is None:
            return "нет цитаты"
        quote = Truncator(claim.quote or "").chars(80)
        more = f" (+{claim.mentions - 1})" if claim.mentions > 1 else ""
        return format_html('<a href="#{}">{}</a>{}', anchor(self.kind, claim.pk), quote or "…", more)

    @admin.display(description="источник, кто и когда решил")
    def provenance(self, claim):
        if not claim.pk:
            return "редактор"
        return format_html("{}<br>{}", claim.get_origin_display(), decision(claim))

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("decided_by")


class CountryClaimInline(ClaimInline):
    model = CountryClaim
    kind = "country"
    entity = "country"
    fields = ("country", "evidence", "state", "provenance")
    autocomplete_fields = ("country",)
    verbose_name_plural = "Страны в статье"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("country")


class OfficialClaimInline(ClaimInline):
    model = OfficialClaim
    kind = "official"
    entity = "official"
    form = OfficialClaimForm
    fields = (
        "official",
        "position",
        "official_post",
        "also_official",
        "country",
        "evidence",
        "state",
        "provenance",
    )
    readonly_fields = ("official_post", *ClaimInline.readonly_fields)
    autocomplete_fields = ("official", "country")
    verbose_name_plural = "Должностные лица в статье (должность — как в этой статье)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("official", "country")

    @admin.display(description="должность лица сейчас")
    def official_post(self, claim):
        if not claim.pk:
            return "—"
        url = reverse("admin:articles_official_change", args=[claim.official_id])
        return format_html('<a href="{}">{}</a>', url, claim.official.position or "не указана")


class AgreementClaimInline(ClaimInline):
    model = AgreementClaim
    kind = "agreement"
    entity = "agreement"
    fields = ("agreement", "evidence", "agreement_signatories", "state", "provenance")
    readonly_fields = ("agreement_signatories", *ClaimInline.readonly_fields)
    autocomplete_fields = ("agreement",)
    verbose_name_plural = "Соглашения в статье"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("agreement")
            .prefetch_related("agreement__signatories")
        )

    @admin.display(description="подписанты")
    def agreement_signatories(self, claim):  # the document's (the claim's own field is the article's reading)
        if not claim.pk:
            return "—"
        names = ", ".join(o.full_name for o in claim.agreement.signatories.all()) or "не указаны"
        url = reverse("admin:articles_agreement_change", args=[claim.agreement_id])
        return format_html('{} · <a href="{}#id_signatories">указать</a>', names, url)


class PairInline(ClaimInline):
    model = ArticlePair
    kind = "pair"
    entity = "country_a"
    form = PairForm
    formset = PairFormSet
    fields = ("country_a", "country_b", "primary", "strength", "state", "provenance")
    readonly_fields = ("strength", "provenance")
    autocomplete_fields = ("country_a", "country_b")
    verbose_name_plural = "Пары стран (основная — о ком статья)"

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.entity_fields = ("country_a", "country_b")
        return formset

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("country_a", "country_b")

    @admin.display(description="сила по тексту")
    def strength(self, pair):
        if not pair.pk or pair.origin != ClaimOrigin.EXTRACTED:
            return "—"
        return format_html('<span title="{}">{}</span>', STRENGTH_HELP, _strength_word(pair.score))


STRENGTH_HELP = (
    "Сколько признаков связи двух стран нашло извлечение: общее соглашение, «между», «с», обе страны "
    "в заголовке или в начале текста (машинная оценка, для сравнения пар одной статьи; "
    "на решение не влияет)."
)


def _strength_word(score: float) -> str:
    """The extractor's pair score (a sum of weighted signals) in words an editor can use."""
    word = "сильная" if score >= 6 else "средняя" if score >= 3 else "слабая"
    return f"{word} ({score:.1f})"


CLAIM_INLINES = (PairInline, CountryClaimInline, OfficialClaimInline, AgreementClaimInline)


# --- saving -------------------------------------------------------------------------------------


def _evidence_forms(claim) -> list[str]:
    """The names to look for in the body when an editor adds a claim without a quote."""
    if isinstance(claim, CountryClaim):
        forms = [claim.country.name_ru]
        forms += CountryAlias.objects.filter(country=claim.country_id).values_list("form", flat=True)
        return forms
    if isinstance(claim, OfficialClaim):
        name = claim.official.full_name
        forms = [
            name,
            *OfficialAlias.objects.filter(official=claim.official_id).values_list("name", flat=True),
        ]
        surname = name.split()[-1] if name.split() else ""
        return [*forms, surname] if len(surname) >= 4 else forms
    if isinstance(claim, AgreementClaim):
        return [claim.agreement.title]
    return []


def locate_evidence(claim) -> None:
    spans = find_spans(claim.article.body, _evidence_forms(claim))
    if spans:
        claim.spans = spans
        claim.start, claim.end = spans[0]
        claim.quote = claim.article.body[claim.start : claim.end]


def save_claim_formset(formset, user=None) -> None:
    """Save a claims table keeping provenance: who made a claim, who decided it and when.

    - a row the editor added: origin editor, decided now, evidence looked up in the body;
    - a changed state: decided now (back to "proposed": undecided again);
    - any other change to a machine claim still proposed (a corrected post, the primary flag)
      confirms it, so the next re-extraction doesn't replace the editor's correction;
    - an agreement a changed claim belongs to is derived again (registry.refresh): a hidden claim
      no longer supports its status, except fields an editor set on it.
    Rows that give up the primary flag are saved first: one primary pair per article is a constraint.
    """
    formset.save(commit=False)
    # Agreements whose claims are hidden, shown, deleted or added are derived again from them.
    agreements = {obj.agreement_id for obj in formset.deleted_objects if isinstance(obj, AgreementClaim)}
    for obj in formset.deleted_objects:
        obj.delete()
    now = timezone.now()
    to_save = []
    to_forms = []
    for form in formset.forms:
        if form in formset.deleted_forms or not form.has_changed() or not form.is_valid():
            continue
        claim = form.instance
        if isinstance(claim, AgreementClaim) and claim.pk and "agreement" in form.changed_data:
            # The editor moved the mention to another agreement: it stays there, never back.
            left = form.initial.get("agreement")
            if left:
                registry_editing.judge([claim], left, registry.Verdict.DIFFERENT, user)
                agreements.add(left)
            registry_editing.judge([claim], claim.agreement_id, registry.Verdict.SAME, user)
        if claim.pk is None:
            claim.origin = ClaimOrigin.EDITOR
            claim.decided_at, claim.decided_by = now, user
            if not isinstance(claim, ArticlePair) and claim.start is None:
                locate_evidence(claim)
        elif "state" in form.changed_data:
            undecided = claim.state == ClaimState.PROPOSED
            claim.decided_at, claim.decided_by = (None, None) if undecided else (now, user)
        elif claim.origin == ClaimOrigin.EXTRACTED and claim.state == ClaimState.PROPOSED:
            claim.state = ClaimState.CONFIRMED
            claim.decided_at, claim.decided_by = now, user
        to_save.append(claim)
        to_forms.append(form)
    to_save.sort(key=lambda c: bool(getattr(c, "primary", False) and c.state != ClaimState.REJECTED))
    for claim in to_save:
        claim.save()
    formset.save_m2m()
    for form in formset.forms:  # «and the person's post»: after the claims, so the wording is saved
        if form in to_forms and form.cleaned_data.get("also_official"):
            set_current_post(form.instance.official, form.instance.position)
    if formset.model is OfficialClaim:  # a person's country follows their visible claims
        touched = [c.official_id for c in [*formset.deleted_objects, *to_save]]
        touched += [f.initial.get("official") for f in formset.forms if "official" in f.changed_data]
        official_countries.recompute(pk for pk in touched if pk)
    agreements.update(c.agreement_id for c in to_save if isinstance(c, AgreementClaim))
    for agreement in Agreement.objects.filter(pk__in=agreements):
        registry.refresh(agreement)


def claim_marks(article) -> list[Mark]:
    """Every claim span of an article, for the highlighted body."""
    marks: list[Mark] = []
    sources = (
        ("country", article.country_claims.select_related("country"), lambda c: f"страна: {c.country}"),
        ("official", article.official_claims.select_related("official"), lambda c: f"лицо: {c.official}"),
        (
            "agreement",
            article.agreement_claims.select_related("agreement"),
            lambda c: f"соглашение: {c.agreement}",
        ),
    )
    for kind, claims, label in sources:
        for claim in claims:
            spans = claim.spans or ([[claim.start, claim.end]] if claim.start is not None else [])
            for i, (start, end) in enumerate(spans):
                marks.append(
                    Mark(
                        start, end, kind, claim.state, label(claim), anchor(kind, claim.pk) if i == 0 else ""
                    )
                )
    return marks
