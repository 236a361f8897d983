"""The list pages' plumbing: 25 rows a page with 400s for bad input, capped counts for search,
the filter form's country choices and the chips that each remove one filter."""

from __future__ import annotations

import re

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from articles.models import Agreement, Country, CountryClaim
from articles.web.counts import cached
from articles.web.filters import ArticleFilter
from articles.web.presentation import cname

PER_PAGE = 25
_PAGE = re.compile(r"[0-9]{1,9}")


class CappedPaginator(Paginator):
    """Counts at most `cap` rows; `capped` tells whether there were more (search pages)."""

    def __init__(self, object_list, per_page, cap=None):
        super().__init__(object_list, per_page)
        self.cap = cap
        self.capped = False

    @cached_property
    def count(self):
        n = super().count
        if self.cap is not None and n > self.cap:
            self.capped = True
            return self.cap
        return n


def render_list(request, template, rows, context, *, invalid=False, prepare=None, cap=None, count=None):
    """Paginate `rows` 25 a page. A malformed page number or invalid filters: 400, the form saying
    what was wrong and no rows. A page past the end: 404. `count`: the rows' number, when it is
    already known (a cached total), so the paginator doesn't count them again."""
    raw = request.GET.get("page") or "1"
    page, page_error = None, None
    if not _PAGE.fullmatch(raw) or int(raw) < 1:
        page_error = _("Номер страницы — целое число, начиная с 1.")
    elif not invalid:
        paginator = CappedPaginator(rows, PER_PAGE, cap=cap)
        if count is not None:
            paginator.count = count
        if int(raw) > paginator.num_pages:
            raise Http404(_("Такой страницы нет."))
        page = paginator.page(int(raw))
        if prepare:
            page.object_list = list(page.object_list)
            prepare(page.object_list)
    status = 400 if invalid or page_error else 200
    return render(request, template, {**context, "page": page, "page_error": page_error}, status=status)


def article_countries() -> list[tuple[str, str, str]]:
    """The article filter's country choices: countries some article names (≈ 50 of 250 options to
    render on every list page). Cached like the other form choices; a country typed into the URL
    is still validated against every country by the filter."""
    return cached(
        ("article-countries",),
        lambda: list(
            Country.objects.filter(Exists(CountryClaim.objects.visible().filter(country=OuterRef("pk"))))
            .order_by()
            .values_list("iso", "name_ru", "name_en")
        ),
    )


def active_filters(request, f: ArticleFilter) -> list[dict]:
    """What narrows the list, each with the link that removes it (and the page number)."""
    if not f.is_valid():
        return []
    data = f.form.cleaned_data

    def without(name, value=None):
        params = request.GET.copy()
        params.pop("page", None)
        if value is None:
            params.pop(name, None)
        else:
            params.setlist(name, [v for v in params.getlist(name) if v.strip().upper() != value])
        return "?" + params.urlencode() if params else "?"

    active = []
    for country in data.get("country") or []:
        active.append(
            {"label": _("Страна"), "value": cname(country), "remove": without("country", country.iso)}
        )
    if data.get("pair"):
        a, b = data["pair"]
        active.append({"label": _("Пара"), "value": f"{cname(a)} — {cname(b)}", "remove": without("pair")})
    if data.get("official"):
        active.append(
            {"label": _("Лицо"), "value": data["official"].full_name, "remove": without("official")}
        )
    if data.get("agreement_kind"):
        label = _(Agreement.Kind(data["agreement_kind"]).label)
        active.append({"label": _("Вид соглашения"), "value": label, "remove": without("agreement_kind")})
    if data.get("source"):
        active.append({"label": _("Издание"), "value": data["source"].name, "remove": without("source")})
    for name, label in (("date_after", _("С даты")), ("date_before", _("По дату"))):
        if data.get(name):
            active.append({"label": label, "value": data[name].isoformat(), "remove": without(name)})
    if data.get("q"):
        active.append({"label": _("Поиск"), "value": f"«{data['q']}»", "remove": without("q")})
    return active
