"""The agreements registry on the editors' desk: mentions moved or split off, likely duplicates.

- Mentions («упоминания соглашений»): an action moves the chosen ones to another agreement (its
  number in the field beside the action) or splits them off into a new one. Each records judgements
  ("not this document" for the one left, "same document" for the one joined) that imports and
  `reextract` respect (articles/archive/registry.py).
- Likely duplicates (/admin/articles/agreement/duplicates/): agreement pairs with the same parties,
  compatible kinds and similar titles, with a score; one click merges them (a merge records "same")
  or marks them different (recorded, so the pair is not proposed again).
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from articles.admin.writes import ArchiveAdmin
from articles.archive import registry, registry_editing
from articles.archive.merging import MergeError, merge_agreements
from articles.models import Agreement, AgreementClaim, AgreementJudgement


class MoveForm(helpers.ActionForm):
    target = forms.IntegerField(
        label="в соглашение №", required=False, min_value=1, help_text="пусто — отделить в новое"
    )


@admin.register(AgreementClaim)
class AgreementClaimAdmin(ArchiveAdmin):
    list_display = ("pk", "agreement_link", "article", "title", "status", "stage_date", "state")
    list_filter = ("status", "kind", "state", "origin")
    search_fields = ("title", "agreement__title", "article__title")
    raw_id_fields = ("article", "agreement", "signatories")
    readonly_fields = ("match_key", "spans", "start", "end", "quote", "created_at", "decided_at")
    action_form = MoveForm
    actions = ("move_to_agreement", "split_off")
    list_select_related = ("agreement", "article")

    def has_add_permission(self, request):
        return False  # mentions are added on the article page

    @admin.display(description="соглашение", ordering="agreement_id")
    def agreement_link(self, claim):
        url = reverse("admin:articles_agreement_change", args=[claim.agreement_id])
        return format_html('<a href="{}">№{} {}</a>', url, claim.agreement_id, claim.agreement.title)

    @admin.display(description="дата стадии")
    def stage_date(self, claim):
        return claim.partial_date.iso() or "—"

    @admin.action(description="Перенести в соглашение № (поле рядом) или отделить", permissions=["change"])
    def move_to_agreement(self, request, queryset):
        raw = request.POST.get("target", "").strip()
        if raw and not raw.isdigit():
            self.message_user(request, "Номер соглашения — целое число.", messages.ERROR)
            return
        self._move(request, queryset, int(raw) if raw else None)

    @admin.action(description="Отделить выбранные в новое соглашение", permissions=["change"])
    def split_off(self, request, queryset):
        self._move(request, queryset, None)

    def _move(self, request, queryset, target):
        try:
            agreement = registry_editing.move_claims(
                queryset.values_list("pk", flat=True), target, editor=request.user
            )
        except registry_editing.RegistryError as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return
        except DatabaseError:
            self.message_user(request, "Записи сейчас изменяет другой процесс; повторите.", messages.ERROR)
            return
        self.message_user(
            request, f"Упоминания теперь у соглашения №{agreement.pk} «{agreement}».", messages.SUCCESS
        )


@admin.register(AgreementJudgement)
class AgreementJudgementAdmin(ArchiveAdmin):
    list_display = ("article", "match_key", "agreement", "verdict", "editor", "created_at")
    list_filter = ("verdict",)
    raw_id_fields = ("article", "agreement")
    readonly_fields = ("editor", "created_at")


class DuplicatesReview:
    """For the agreements' ModelAdmin: the review list of likely duplicates and its two buttons."""

    def save_related(self, request, form, formsets, change):
        """The registry compares a new mention with agreements of the same parties: an editor's
        parties are that key from now on."""
        super().save_related(request, form, formsets, change)
        agreement = form.instance
        key = registry.parties_key(agreement.parties.values_list("iso", flat=True))
        if key != agreement.parties_key:
            Agreement.objects.filter(pk=agreement.pk).update(parties_key=key)
            agreement.parties_key = key
            registry.store_keys(agreement)  # its candidate keys move to the new parties

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("duplicates/", view(self.duplicates_view), name="articles_agreement_duplicates"),
            path("duplicates/decide/", view(self.decide_view), name="articles_agreement_duplicates_decide"),
            *super().get_urls(),
        ]

    def duplicates_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": "Вероятные дубликаты соглашений",
            "opts": self.model._meta,
            "duplicates": registry_editing.likely_duplicates(),
            "can_change": self.has_change_permission(request) and self.has_delete_permission(request),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/desk/agreement_duplicates.html", context)

    @staticmethod
    def _pair(request) -> tuple[int, int] | None:
        first, second = request.POST.get("first", ""), request.POST.get("second", "")
        if not (first.isdigit() and second.isdigit()) or first == second:
            return None
        return int(first), int(second)

    @staticmethod
    def _decide(request, pair, verdict) -> str:
        if verdict == "merge":
            survivor, other = pair
            try:
                result = merge_agreements(survivor, [other], editor=request.user)
            except MergeError as exc:
                return str(exc)
            return f"Объединено в «{result.survivor}»."
        registry_editing.mark_different(*pair, editor=request.user)
        return f"№{pair[0]} и №{pair[1]} отмечены как разные документы."

    def decide_view(self, request):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not (self.has_change_permission(request) and self.has_delete_permission(request)):
            raise PermissionDenied
        pair, verdict = self._pair(request), request.POST.get("verdict")
        if (
            pair is None
            or verdict not in ("merge", "different")
            or not Agreement.objects.filter(pk__in=pair).count() == 2
        ):
            self.message_user(
                request, "Пара изменилась или указана неверно; обновите список.", messages.ERROR
            )
        else:
            self.message_user(request, self._decide(request, pair, verdict), messages.SUCCESS)
        return redirect("admin:articles_agreement_duplicates")
