"""The tables the extractor reads — country forms, outlet spellings, organisations — and import batches.

What an editor adds here is used by the next `reextract` (archive.reference.lexicon_from_db reads these tables).
"""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Q
from django.utils.html import format_html, format_html_join

from articles.admin.counts import count_of
from articles.admin.derived import RecountsPairsOnDelete
from articles.admin.forms import CountryAliasForm, OrganisationForm, OutletAliasForm, UniqueKeysFormSet
from articles.admin.writes import ArchiveAdmin
from articles.models import (
    Article,
    ClaimOrigin,
    Country,
    CountryAlias,
    ImportBatch,
    Organisation,
    Outlet,
    OutletAlias,
)


class EditorOriginInline(admin.TabularInline):
    """Rows an editor adds or changes are marked as the editor's."""

    formset = UniqueKeysFormSet
    extra = 0
    classes = ("desk-table",)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)

        class MarkEditorRows(formset):
            def save_new(self, form, commit=True):
                form.instance.origin = ClaimOrigin.EDITOR
                return super().save_new(form, commit)

            def save_existing(self, form, obj, commit=True):
                obj.origin = ClaimOrigin.EDITOR
                return super().save_existing(form, obj, commit)

        return MarkEditorRows if hasattr(self.model, "origin") else formset


class CountryAliasInline(EditorOriginInline):
    model = CountryAlias
    form = CountryAliasForm
    fields = ("form", "kind", "origin")
    readonly_fields = ("origin",)
    verbose_name_plural = "Формы названия, по которым извлечение узнаёт страну"


@admin.register(Country)
class CountryAdmin(RecountsPairsOnDelete, ArchiveAdmin):
    list_display = ("iso", "name_ru", "name_en", "forms")
    search_fields = ("iso", "name_ru", "name_en", "aliases__form")
    inlines = (CountryAliasInline,)

    class Media:
        css = {"all": ("admin-extra/desk.css",)}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(form_total=count_of(CountryAlias, "country"))

    def get_readonly_fields(self, request, obj=None):
        return ("iso",) if obj else ()

    @staticmethod
    def pairs_of(pks: list) -> Q:
        return Q(country_a__in=pks) | Q(country_b__in=pks)

    @admin.display(description="форм названия", ordering="form_total")
    def forms(self, country):
        return country.form_total


class OutletAliasInline(EditorOriginInline):
    model = OutletAlias
    form = OutletAliasForm
    fields = ("spelling",)
    verbose_name_plural = "Написания (в датлайнах и подписях), которые означают это издание"


@admin.register(Outlet)
class OutletAdmin(ArchiveAdmin):
    list_display = ("name", "spellings", "article_total")
    search_fields = ("name", "aliases__spelling")
    inlines = (OutletAliasInline,)

    class Media:
        css = {"all": ("admin-extra/desk.css",)}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related("aliases")
            .annotate(article_count=count_of(Article, "source"))
        )

    @admin.display(description="написания")
    def spellings(self, outlet):
        return ", ".join(a.spelling for a in outlet.aliases.all()) or "—"

    @admin.display(description="статей", ordering="article_count")
    def article_total(self, outlet):
        return outlet.article_count


@admin.register(Organisation)
class OrganisationAdmin(ArchiveAdmin):
    form = OrganisationForm
    list_display = ("name", "full_name", "country", "origin")
    list_filter = ("origin", ("country", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("country",)
    search_fields = ("name", "full_name", "country__name_ru")
    autocomplete_fields = ("country",)
    fields = ("name", "full_name", "country", "origin")
    readonly_fields = ("origin",)

    def save_model(self, request, obj, form, change):
        obj.origin = ClaimOrigin.EDITOR
        super().save_model(request, obj, form, change)


@admin.register(ImportBatch)
class ImportBatchAdmin(ArchiveAdmin):
    """A read-only record of every import run."""

    list_display = (
        "__str__",
        "status",
        "dry_run",
        "new_count",
        "unchanged_count",
        "updated_count",
        "failed_count",
        "finished_at",
    )
    list_filter = ("status", "dry_run")
    date_hierarchy = "started_at"
    fields = (
        "started_at",
        "finished_at",
        "status",
        ("host", "pid"),
        "dry_run",
        ("new_count", "unchanged_count", "updated_count", "failed_count"),
        "path_list",
        "error_list",
    )
    readonly_fields = (
        "started_at",
        "finished_at",
        "status",
        "host",
        "pid",
        "dry_run",
        "new_count",
        "unchanged_count",
        "updated_count",
        "failed_count",
        "path_list",
        "error_list",
    )

    class Media:
        css = {"all": ("admin-extra/desk.css",)}

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="пути")
    def path_list(self, batch):
        return format_html_join(format_html("<br>"), "{}", ((p,) for p in batch.paths or [])) or "—"

    @admin.display(description="ошибки по файлам")
    def error_list(self, batch):
        errors = batch.errors or []
        if not errors:
            return "—"
        rows = (
            (e.get("file") or e.get("source_file") or "", e.get("line") or "", e.get("reason") or "")
            if isinstance(e, dict)
            else (str(e), "", "")
            for e in errors
        )
        return format_html(
            '<table class="desk-errors"><tr><th>файл</th><th>строка</th><th>причина</th></tr>{}</table>',
            format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", rows),
        )
