"""Officials and agreements: corrections with history, and merging duplicates into one."""

from __future__ import annotations

import functools

from django.contrib import admin, messages
from django.db import DatabaseError
from django.template.response import TemplateResponse

from articles.admin.agreements_review import DuplicatesReview
from articles.admin.claims import decision
from articles.admin.counts import count_of
from articles.admin.forms import OfficialAliasForm, OfficialForm, UniqueKeysFormSet
from articles.admin.history import DeskHistoryAdmin
from articles.archive.merging import MergeError, merge_agreements, merge_officials
from articles.archive.posts import correct_article_posts
from articles.models import (
    Agreement,
    AgreementClaim,
    Official,
    OfficialAlias,
    OfficialClaim,
)
from articles.pipeline.text import normalise
from articles.web.presentation import pdate

SIGNATORIES_HELP = (
    "Лица, подписавшие документ: начните вводить имя. Нет в архиве — добавьте лицо (+) и выберите его. "
    "Изменённый список защищён от повторного импорта."
)


def merge_action(modeladmin, request, queryset, merge, describe):
    """The merge action: a confirmation page choosing the survivor, then one transaction.

    `describe(obj)` gives the line shown for each record; `merge(survivor_id, ids)` does the work.
    """
    opts = modeladmin.model._meta
    records = list(queryset.order_by("pk"))
    if len(records) < 2:
        modeladmin.message_user(
            request,
            "Для объединения выберите хотя бы две записи: запись нельзя объединить саму с собой.",
            messages.ERROR,
        )
        return None
    error = ""
    if request.POST.get("post") == "yes":
        survivor = request.POST.get("survivor", "")
        ids = {r.pk for r in records}
        if not survivor.isdigit() or int(survivor) not in ids:
            error = "Выберите, какая из записей останется."
        else:
            try:
                result = merge(int(survivor), sorted(ids - {int(survivor)}))
            except MergeError as exc:
                modeladmin.message_user(request, str(exc), messages.ERROR)
                return None
            except DatabaseError:
                modeladmin.message_user(
                    request,
                    "Эти записи сейчас изменяет другой процесс (например, импорт). "
                    "Ничего не изменено — повторите объединение через минуту.",
                    messages.ERROR,
                )
                return None
            modeladmin.log_change(request, result.survivor, f"Объединено: {', '.join(result.merged)}")
            modeladmin.message_user(
                request,
                f"Объединено в «{result.survivor}»: {', '.join(result.merged)}. "
                f"Перенесено упоминаний: {result.claims_moved}, сведено в одно: {result.claims_united}, "
                f"новых форм имени: {result.aliases_added}, подписей: {result.signatures_moved}.",
                messages.SUCCESS,
            )
            return None
    default = max(records, key=lambda r: (getattr(r, "claim_total", 0), -r.pk))
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": f"Объединить: {opts.verbose_name_plural}",
        "opts": opts,
        "records": [(r, describe(r)) for r in records],
        "default_survivor": default.pk,
        "action": request.POST.get("action", ""),
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        "error": error,
        "media": modeladmin.media,
    }
    request.current_app = modeladmin.admin_site.name
    return TemplateResponse(request, "admin/desk/merge_confirmation.html", context)


class OfficialAliasInline(admin.TabularInline):
    model = OfficialAlias
    form = OfficialAliasForm
    formset = UniqueKeysFormSet
    extra = 0
    classes = ("desk-table",)
    verbose_name_plural = "Другие формы имени (импорт узнаёт лицо и по ним)"


@admin.register(Official)
class OfficialAdmin(DeskHistoryAdmin):
    form = OfficialForm
    list_display = ("full_name", "position", "country", "articles", "aliases_count", "review_state")
    list_filter = ("review_state", ("country", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("country",)
    search_fields = ("full_name", "aliases__name", "position")
    date_hierarchy = "created_at"
    autocomplete_fields = ("country",)
    inlines = (OfficialAliasInline,)
    actions = ("merge_selected",)
    fields = (
        "full_name",
        "name_en",
        "position",
        "correct_in_articles",
        "country",
        "review_state",
        "edited_fields",
        "created_at",
        "updated_at",
    )
    readonly_fields = ("edited_fields", "created_at", "updated_at")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                claim_total=count_of(OfficialClaim.objects.visible(), "official"),
                alias_total=count_of(OfficialAlias, "official"),
            )
        )

    @admin.display(description="статей", ordering="claim_total")
    def articles(self, official):
        return official.claim_total

    @admin.display(description="форм имени", ordering="alias_total")
    def aliases_count(self, official):
        return official.alias_total

    def save_model(self, request, obj, form, change):
        # The name it had is kept for save_related: imports that still see it must find this person.
        obj._desk_old_name = Official.objects.filter(pk=obj.pk).values_list("full_name", flat=True).first()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        chosen = form.cleaned_data.get("correct_in_articles") or []
        if chosen:
            changed = correct_article_posts(obj, chosen, obj.position, request.user)
            self.message_user(
                request, f"Должность «{obj.position}» записана и в статьях: {changed}.", messages.SUCCESS
            )
        old = getattr(obj, "_desk_old_name", None)
        if old and normalise(old) != obj.normalised:
            key = normalise(old)
            if not OfficialAlias.objects.filter(normalised=key).exists():
                OfficialAlias.objects.create(official=obj, name=old)

    @admin.action(description="Объединить выбранных в одно лицо…", permissions=["change", "delete"])
    def merge_selected(self, request, queryset):
        def describe(o):
            aliases = ", ".join(a.name for a in o.aliases.all())
            return (
                f"{o.full_name} — {o.position or 'должность не указана'}, {o.country or 'страна не указана'}; "
                f"статей: {o.claim_total}" + (f"; формы: {aliases}" if aliases else "")
            )

        return merge_action(self, request, queryset.prefetch_related("aliases"), merge_officials, describe)


class AgreementClaimInline(admin.TabularInline):
    """Where the agreement is mentioned: decisions are made on the article page."""

    model = AgreementClaim
    fields = ("article", "decided", "origin", "quote")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False
    verbose_name_plural = "Упоминания в статьях (решения — на странице статьи)"
    classes = ("claims",)

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article", "decided_by")

    @admin.display(description="решение")
    def decided(self, claim):
        return decision(claim)


@admin.register(Agreement)
class AgreementAdmin(DuplicatesReview, DeskHistoryAdmin):
    list_display = (
        "title",
        "kind",
        "status",
        "date_display",
        "parties_display",
        "signatory_total",
        "review_state",
    )
    list_filter = ("kind", "status", "review_state", "date_precision")
    search_fields = ("title",)
    date_hierarchy = "created_at"
    autocomplete_fields = ("parties", "signatories")
    inlines = (AgreementClaimInline,)
    actions = ("merge_selected",)
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    ("kind", "status"),
                    ("date_day", "date_month", "date_year"),
                    "parties",
                    "signatories",
                    "review_state",
                )
            },
        ),
        (
            "Происхождение",
            {"classes": ("collapse",), "fields": ("edited_fields", "created_at", "updated_at")},
        ),
    )
    readonly_fields = ("edited_fields", "created_at", "updated_at")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related("parties")
            .annotate(
                claim_total=count_of(AgreementClaim.objects.visible(), "agreement"),
                signatories_total=count_of(Agreement.signatories.through, "agreement"),
            )
        )

    def get_form(self, request, obj=None, **kwargs):
        kwargs.setdefault("help_texts", {"signatories": SIGNATORIES_HELP})
        return super().get_form(request, obj, **kwargs)

    @admin.display(description="дата", ordering="date_from")
    def date_display(self, agreement):
        return pdate(agreement)

    @admin.display(description="стороны")
    def parties_display(self, agreement):
        return ", ".join(sorted(p.iso for p in agreement.parties.all())) or "—"

    @admin.display(description="подписантов", ordering="signatories_total")
    def signatory_total(self, agreement):
        return agreement.signatories_total

    @admin.action(description="Объединить выбранные в одно соглашение…", permissions=["change", "delete"])
    def merge_selected(self, request, queryset):
        def describe(a):
            return (
                f"{a.title} — {a.get_kind_display()}, {a.get_status_display()}, {pdate(a)}; "
                f"стороны: {', '.join(sorted(p.iso for p in a.parties.all())) or '—'}; статей: {a.claim_total}"
            )

        merge = functools.partial(merge_agreements, editor=request.user)  # its judgements name the editor
        return merge_action(self, request, queryset, merge, describe)
