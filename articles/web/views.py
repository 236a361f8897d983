"""The reader's pages of articles: home, the list, its feed, an article. The pages of pairs,
countries, officials and agreements are in articles/web/dossiers.py. Short function-based views
over FilterSets and articles/web/reader.py."""

from __future__ import annotations

from django.db import connection
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from articles.archive import story_editing
from articles.models import Agreement, Article, Official
from articles.web import counting, reader, search
from articles.web.country_names import pair_suggestions
from articles.web.counts import cached
from articles.web.feeds import ArticleListFeed
from articles.web.filters import ArticleFilter
from articles.web.listing import (
    active_filters,
    countries_and_pairs,
    export_params,
    fold_reprints,
    folded,
    outlet_choices,
    rejected,
    render_list,
)
from articles.web.presentation import (
    claim_links,
    cname,
    country_choices,
    linked_body,
)

MAX_ID = 2**63 - 1  # larger ids overflow PostgreSQL's bigint: they are simply not found


@never_cache  # a probe asks whether the database answers now, not what a cached page said
def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


# --- helpers -------------------------------------------------------------------------------------


def by_id(queryset, pk: int):
    if pk > MAX_ID:
        raise Http404
    return get_object_or_404(queryset, pk=pk)


def _with_urls(claims, attr, url) -> list:
    claims = list(claims)
    for claim in claims:
        setattr(claim, attr, url(claim))
    return claims


# --- pages ---------------------------------------------------------------------------------------


def home(request):
    counts = counting.counting_of(request)
    matrix = reader.build_matrix(limit=10, top=8, name=cname, counting=counts)
    # Whole-archive totals grow with it: computed once per archive generation (articles/web/counts.py).
    context = {
        "article_count": cached(("articles",), Article.objects.count),
        "official_count": cached(("officials",), Official.objects.visible().count),
        "agreement_count": cached(("agreements",), Agreement.objects.visible().count),
        "latest": reader.article_rows(Article.objects.order_by(*reader.NEWEST))[:10],
        "matrix": matrix,
        "agreements": Agreement.objects.visible().order_by(*reader.NEWEST)[:8],
        **counting.page_context(request, counts),
    }
    return render(request, "articles/home.html", context)


def article_list(request):
    fold = folded(request)
    f = ArticleFilter(request.GET, queryset=Article.objects.story_leads() if fold else Article.objects.all())
    invalid = not f.is_valid()
    q = f.query_text
    selected = [c.iso for c in f.form.cleaned_data.get("country") or []]
    country_rows, pair_rows = countries_and_pairs()
    countries = country_choices(country_rows)
    # One row over the limit tells the page there are more matches than it ranks.
    rows = reader.article_rows(f.page_qs(search.PAGE_LIMIT + 1))
    prepare = None
    if q and search.is_postgresql():
        rows = search.with_snippets(rows, q)
    elif q:
        rows = rows.defer(None).defer("raw_text")  # the SQLite snippet is cut from the body

        def prepare(items):
            for item in items:
                item.snippet = search.snippet(item.body, q)

    if fold:  # each lead with its story's other reports (one query for the page)
        snippets = prepare

        def prepare(items):
            if snippets:
                snippets(items)
            fold_reprints(items)

    context = {
        "filter": f,
        "active": active_filters(request, f),
        "countries": [choice for choice in countries if choice[0] not in selected],
        "pair_suggestions": pair_suggestions(pair_rows, dict(countries)),
        "outlets": outlet_choices(),
        "kinds": [(value, _(label)) for value, label in Agreement.Kind.choices],
        "q": q,
        "selected_countries": selected,
        "export_params": export_params(request),
        "export_csv_url": reverse("articles:export_csv"),
        "fold": fold,
    }
    cap = search.PAGE_LIMIT if q else None
    return render_list(
        request, "articles/article_list.html", rows, context, invalid=invalid, prepare=prepare, cap=cap
    )


def article_feed(request):
    """The article list with the same query as an Atom feed: a saved search, newest first."""
    f = ArticleFilter(request.GET, queryset=Article.objects.all())
    if not f.is_valid():
        return rejected(f)
    query = request.GET.copy()
    query.pop("page", None)
    link = reverse("articles:article_list") + ("?" + query.urlencode() if query else "")
    described = "; ".join(f"{a['label']}: {a['value']}" for a in active_filters(request, f))
    return ArticleListFeed()(request, article_filter=f, link=link, described=described)


def article_detail(request, pk: int):
    article = by_id(Article.objects.select_related("source", "import_batch", "story"), pk)
    country_claims = _with_urls(
        article.country_claims.visible().select_related("country").order_by("start", "country_id"),
        "country_url",
        lambda c: reader.country_url(c.country_id),
    )
    official_claims = _with_urls(
        article.official_claims.visible().select_related("official", "official__country", "country"),
        "official_url",
        lambda c: reverse("articles:official", args=[c.official_id]),
    )
    agreement_claims = _with_urls(
        article.agreement_claims.visible().select_related("agreement"),
        "agreement_url",
        lambda c: reverse("articles:agreement", args=[c.agreement_id]),
    )
    pairs = list(article.pairs.visible().select_related("country_a", "country_b"))
    reports = story_editing.other_reports(article)
    body = linked_body(article.body, claim_links(country_claims, official_claims, agreement_claims))
    context = {
        "article": article,
        "body": body,
        "country_claims": country_claims,
        "official_claims": official_claims,
        "agreement_claims": agreement_claims,
        "pairs": [(p, reader.pair_url(p.country_a_id, p.country_b_id)) for p in pairs],
        "story_reports": reports,
        # Where a year lent by the story came from (archive/story_dates.py, lend_dates): its earliest
        # fully dated report.
        "date_donor": next((r for r in reports if r.date_year and r.date_month and r.date_day), None),
    }
    return render(request, "articles/article_detail.html", context)
