"""The list pages' plumbing: 25 rows a page with 400s for bad input, capped counts for search,
the filter form's country choices and the chips that each remove one filter."""

from __future__ import annotations

import re

from django.core.paginator import Paginator
from django.db.models import CharField, Count, Exists, IntegerField, OuterRef, Sum, Value
from django.db.models.functions import Cast
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from articles.models import Agreement, Article, Country, CountryClaim, Outlet, PairMonth
from articles.models.stories import earliest_first
from articles.web.counts import cached
from articles.web.filters import ArticleFilter
from articles.web.presentation import cname, english_name, official_name, source_name

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


FOLD = "fold"  # ?fold=story: the list folds a story's reprints under its lead


def folded(request) -> bool:
    """Whether the list folds stories (`?fold=story`; any other value: every article)."""
    return request.GET.get(FOLD) == "story"


def fold_reprints(items) -> None:
    """For the leads on a page: `reprints`, the story's other articles, and `reprint_outlets`,
    their outlets earliest first, each once (one query for the page, none without a story of two)."""
    stories = {item.story_id for item in items if item.story_id is not None}
    others: dict[int, list] = {}
    if stories:
        rows = (
            Article.objects.filter(story__in=stories)
            .exclude(pk__in=[item.pk for item in items])
            .order_by("story_id", *earliest_first())
            .values_list("story_id", "source__name", "source__name_en")
        )
        for story, name, name_en in rows:
            others.setdefault(story, []).append(english_name(name, name_en) if name else "")
    for item in items:
        reports = others.get(item.story_id, [])
        item.reprints = len(reports)
        item.reprint_outlets = list(dict.fromkeys(name for name in reports if name))


def export_params(request) -> list[tuple[str, str]]:
    """The list's query as (name, value) pairs for a download form's hidden fields (no page)."""
    return [
        (name, value)
        for name, values in request.GET.lists()
        if name not in ("page", "excel")
        for value in values
    ]


def rejected(f) -> HttpResponse:
    """400 for a list's, feed's or export's invalid parameters: what was wrong, one line each."""
    problems = "\n".join(f"{name}: {' '.join(errors)}" for name, errors in f.errors.items())
    return HttpResponse(
        _("Параметры не приняты:") + "\n" + problems + "\n",
        status=400,
        content_type="text/plain; charset=utf-8",
    )


def _countries_and_pairs() -> tuple[list[tuple[str, str, str]], list[tuple[str, str, int]]]:
    """The countries some article names, and the pairs the archive has with their article totals,
    in one statement (UNION ALL): the list page's query budget is pinned, and both lists change
    only with the archive."""
    countries = (
        Country.objects.filter(Exists(CountryClaim.objects.visible().filter(country=OuterRef("pk"))))
        .order_by()
        .annotate(kind=Value(0, output_field=IntegerField()))
        .values_list("kind", "iso", "name_ru", "name_en")
    )
    pairs = (
        PairMonth.objects.order_by()
        .values("country_a", "country_b")
        .annotate(kind=Value(1, output_field=IntegerField()), n=Cast(Sum("articles"), CharField()))
        .values_list("kind", "country_a", "country_b", "n")
    )
    country_rows, pair_rows = [], []
    for kind, a, b, c in countries.union(pairs, all=True):
        if kind == 0:
            country_rows.append((a, b, c))
        elif int(c):
            pair_rows.append((a, b, int(c)))
    pair_rows.sort(key=lambda row: (-row[2], row[0], row[1]))
    return country_rows, pair_rows


def countries_and_pairs():
    """`_countries_and_pairs()` once per archive generation. A country typed into the URL is still
    validated against every country by the filter."""
    return cached(("list-countries-and-pairs",), _countries_and_pairs)


def outlet_choices() -> list[tuple[int, str]]:
    """(id, «ТАСС (312)») for the outlets the archive has articles from, most articles first —
    not every outlet the reference data knows. Once per archive generation."""

    def compute():
        return list(
            Outlet.objects.annotate(n=Count("articles"))
            .filter(n__gt=0)
            .order_by("-n", "name")
            .values_list("pk", "name", "name_en", "n")
        )

    return [
        (pk, f"{english_name(name, name_en)} ({n})") for pk, name, name_en, n in cached(("outlets",), compute)
    ]


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
            {"label": _("Лицо"), "value": official_name(data["official"]), "remove": without("official")}
        )
    if data.get("agreement_kind"):
        label = _(Agreement.Kind(data["agreement_kind"]).label)
        active.append({"label": _("Вид соглашения"), "value": label, "remove": without("agreement_kind")})
    if data.get("source"):
        active.append(
            {"label": _("Издание"), "value": source_name(data["source"]), "remove": without("source")}
        )
    for name, label in (("date_after", _("С даты")), ("date_before", _("По дату"))):
        if data.get(name):
            active.append({"label": label, "value": data[name].isoformat(), "remove": without(name)})
    if data.get("q"):
        active.append({"label": _("Поиск"), "value": f"«{data['q']}»", "remove": without("q")})
    return active
