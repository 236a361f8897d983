"""The officials review list: one person recorded twice, and people whose articles disagree on their country.

(a) Officials with near-identical names (articles/archive/namesakes.py), best first with a score:
    the editor merges the pair in one click (articles/archive/merging.py, which records MergedAway
    so the merged-away page redirects) or marks them different people (OfficialJudgement: the pair
    never returns).
(b) Officials whose articles' visible claims give two countries (`Official.country_disputed`,
    articles/archive/official_countries.py), with each country's articles and quotes: the editor
    picks the country, which then stays theirs (`edited_fields`).
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import DatabaseError
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from articles.admin.writes import ArchiveAdmin, publishes_writes
from articles.archive import namesakes, official_countries
from articles.archive.merging import MergeError, merge_officials
from articles.models import Country, Official, OfficialClaim, OfficialJudgement

DISPUTES_PER_PAGE = 25
QUOTES_PER_COUNTRY = 3


def _evidence(officials: list[Official]) -> dict[int, list[dict]]:
    """For each official: each country its visible claims give, with the count and a few quotes
    (two queries whatever the page: the counts, and the newest quotes per country by a window)."""
    votes = official_countries.votes_of(o.pk for o in officials)
    ranked = (
        OfficialClaim.objects.visible()
        .filter(official__in=[o.pk for o in officials], country__isnull=False)
        .annotate(
            n=Window(RowNumber(), partition_by=[F("official"), F("country")], order_by=F("article").desc())
        )
        .filter(n__lte=QUOTES_PER_COUNTRY)
        .select_related("article")
        .order_by("official", "country", "n")
    )
    quotes: dict[tuple[int, str], list[OfficialClaim]] = {}
    for claim in ranked:
        quotes.setdefault((claim.official_id, claim.country_id), []).append(claim)
    names = dict(
        Country.objects.filter(pk__in={c for v in votes.values() for c in v}).values_list("pk", "name_ru")
    )
    return {
        pk: [
            {"iso": iso, "name": names.get(iso, iso), "count": n, "claims": quotes.get((pk, iso), [])}
            for iso, n in counter.most_common()
        ]
        for pk, counter in votes.items()
    }


@admin.register(OfficialJudgement)
class OfficialJudgementAdmin(ArchiveAdmin):
    list_display = ("__str__", "official", "other", "editor", "created_at")
    raw_id_fields = ("official", "other")
    readonly_fields = ("editor", "created_at")
    list_select_related = ("official", "other", "editor")

    def get_urls(self):
        return [
            path(
                "review/",
                self.admin_site.admin_view(publishes_writes(self.review_view)),
                name="articles_official_review",
            ),
            *super().get_urls(),
        ]

    def _can(self, request, *actions: str) -> bool:
        return all(request.user.has_perm(f"articles.{a}_official") for a in actions)

    def review_view(self, request):
        if not self._can(request, "view"):
            raise PermissionDenied
        if request.method == "POST":
            self._decide(request)
            return HttpResponseRedirect(request.get_full_path())
        disputed = (
            Official.objects.filter(country_disputed=True)
            .select_related("country")
            .order_by("full_name", "pk")
        )
        page = Paginator(disputed, DISPUTES_PER_PAGE).get_page(request.GET.get("page"))
        evidence = _evidence(list(page.object_list))
        context = {
            **self.admin_site.each_context(request),
            "title": "Проверка должностных лиц",
            "opts": Official._meta,
            "pairs": namesakes.candidates(),
            "disputes": [(o, evidence.get(o.pk, [])) for o in page.object_list],
            "page": page,
            "can_merge": self._can(request, "change", "delete"),
            "can_change": self._can(request, "change"),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/desk/officials_review.html", context)

    def _decide(self, request) -> None:
        """One click: merge a pair, mark it different, or pick a disputed official's country."""
        action = request.POST.get("action", "")
        ids = [request.POST.get(k, "") for k in ("first", "second")]
        if action in ("merge", "different"):
            if not all(i.isdigit() for i in ids) or ids[0] == ids[1]:
                self.message_user(request, "Не выбрана пара лиц.", messages.ERROR)
                return
            first, second = map(int, ids)
            if action == "different":
                self._different(request, first, second)
            else:
                self._merge(request, first, second)
        elif action == "country":
            self._country(request)
        else:
            self.message_user(request, "Неизвестное действие.", messages.ERROR)

    def _different(self, request, first: int, second: int) -> None:
        if not self._can(request, "change") or not request.user.has_perm("articles.add_officialjudgement"):
            raise PermissionDenied
        if Official.objects.filter(pk__in=(first, second)).count() != 2:
            self.message_user(request, "Одного из лиц уже нет (объединено или удалено).", messages.ERROR)
            return
        namesakes.mark_different(first, second, editor=request.user)
        self.message_user(
            request, f"№{first} и №{second} — разные лица; пара больше не появится.", messages.SUCCESS
        )

    def _merge(self, request, survivor: int, other: int) -> None:
        if not self._can(request, "change", "delete"):
            raise PermissionDenied
        try:
            result = merge_officials(survivor, [other])
        except MergeError as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return
        except DatabaseError:
            self.message_user(
                request, "Эти записи сейчас изменяет другой процесс. Повторите через минуту.", messages.ERROR
            )
            return
        self.log_change(
            request, result.survivor, f"Объединено из списка проверки: {', '.join(result.merged)}"
        )
        self.message_user(
            request,
            f"Объединено в «{result.survivor}»: {', '.join(result.merged)}; "
            f"перенесено упоминаний: {result.claims_moved}.",
            messages.SUCCESS,
        )

    def _country(self, request) -> None:
        if not self._can(request, "change"):
            raise PermissionDenied
        pk, iso = request.POST.get("official", ""), request.POST.get("country", "").upper()
        official = Official.objects.filter(pk=pk).first() if pk.isdigit() else None
        if official is None:
            self.message_user(request, "Этого лица уже нет.", messages.ERROR)
            return
        if iso and not Country.objects.filter(pk=iso).exists():
            self.message_user(request, f"Нет страны с кодом «{iso}».", messages.ERROR)
            return
        official_countries.settle(official, iso or None)
        self.log_change(request, official, f"Страна выбрана в списке проверки: {iso or 'не указана'}")
        self.message_user(request, f"«{official}»: страна — {iso or 'не указана'}.", messages.SUCCESS)


def review_url() -> str:
    return reverse("admin:articles_official_review")
