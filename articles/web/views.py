"""The reader's pages: short function-based views over FilterSets and articles/web/reader.py."""

from __future__ import annotations

import csv
import re

from django.db import connection
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from articles.models import Agreement, Article, ArticlePair, Country, OfficialClaim, Outlet
from articles.web import charts, exporting, reader, search
from articles.web.counts import cached
from articles.web.feeds import PairFeed
from articles.web.filters import AgreementFilter, ArticleFilter, OfficialFilter
from articles.web.listing import active_filters, article_countries, render_list
from articles.web.presentation import (
    claim_links,
    cname,
    country_choices,
    linked_body,
    month_label,
    public_aliases,
)

MAX_ID = 2**63 - 1  # larger ids overflow PostgreSQL's bigint: they are simply not found
_PAIR_SLUG = re.compile(r"([A-Za-z]{2})-([A-Za-z]{2})")
_ISO = re.compile(r"[A-Za-z]{2}")


@never_cache  # a probe asks whether the database answers now, not what a cached page said
def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


# --- helpers -------------------------------------------------------------------------------------


def _by_id(queryset, pk: int):
    if pk > MAX_ID:
        raise Http404
    return get_object_or_404(queryset, pk=pk)


def _country(iso: str) -> Country:
    if not _ISO.fullmatch(iso):
        raise Http404
    return get_object_or_404(Country, iso=iso.upper())


def _countries_sorted(countries):
    return sorted(countries, key=cname)


def _with_urls(claims, attr, url) -> list:
    claims = list(claims)
    for claim in claims:
        setattr(claim, attr, url(claim))
    return claims


# --- pages ---------------------------------------------------------------------------------------


def home(request):
    matrix = reader.build_matrix(limit=10, top=8, name=cname)
    # Whole-archive totals grow with it: computed once per archive generation (articles/web/counts.py).
    context = {
        "article_count": cached(("articles",), Article.objects.count),
        "official_count": cached(("officials",), reader.visible_officials().count),
        "agreement_count": cached(("agreements",), reader.visible_agreements().count),
        "latest": reader.article_rows(Article.objects.order_by(*reader.NEWEST))[:10],
        "matrix": matrix,
        "agreements": reader.visible_agreements().order_by(*reader.NEWEST)[:8],
    }
    return render(request, "articles/home.html", context)


def article_list(request):
    f = ArticleFilter(request.GET, queryset=Article.objects.all())
    invalid = not f.is_valid()
    q = f.query_text
    selected = [c.iso for c in f.form.cleaned_data.get("country") or []]
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

    context = {
        "filter": f,
        "active": active_filters(request, f),
        "countries": [choice for choice in country_choices(article_countries()) if choice[0] not in selected],
        "outlets": Outlet.objects.values_list("pk", "name"),
        "kinds": [(value, _(label)) for value, label in Agreement.Kind.choices],
        "q": q,
        "selected_countries": selected,
    }
    cap = search.PAGE_LIMIT if q else None
    return render_list(
        request, "articles/article_list.html", rows, context, invalid=invalid, prepare=prepare, cap=cap
    )


def article_detail(request, pk: int):
    article = _by_id(Article.objects.select_related("source", "import_batch"), pk)
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
    body = linked_body(article.body, claim_links(country_claims, official_claims, agreement_claims))
    context = {
        "article": article,
        "body": body,
        "country_claims": country_claims,
        "official_claims": official_claims,
        "agreement_claims": agreement_claims,
        "pairs": [(p, reader.pair_url(p.country_a_id, p.country_b_id)) for p in pairs],
    }
    return render(request, "articles/article_detail.html", context)


def pair_matrix(request):
    matrix = reader.build_matrix(limit=25, top=30, name=cname)
    return render(request, "articles/pair_matrix.html", {"matrix": matrix})


def _pair(slug: str):
    """(country a, country b) for a slug, and its canonical slug (lower case, alphabetical)."""
    match = _PAIR_SLUG.fullmatch(slug)
    if not match or match[1].lower() == match[2].lower():
        raise Http404
    codes = sorted((match[1].upper(), match[2].upper()))
    countries = {c.iso: c for c in Country.objects.filter(iso__in=codes)}
    if len(countries) != 2:
        raise Http404
    return (countries[codes[0]], countries[codes[1]]), reader.pair_slug(*codes)


OFFICIALS_PER_SIDE = 15


def pair_detail(request, slug: str):
    (a, b), canonical = _pair(slug)
    if slug != canonical:
        return redirect("articles:pair", canonical, permanent=True)
    articles = Article.objects.with_pair(a.iso, b.iso)
    series = reader.month_series(a.iso, b.iso)
    # A ranking over every claim in the pair's articles: once per generation (articles/web/counts.py).
    officials = cached(
        ("pair-officials", a.iso, b.iso),
        lambda: reader.officials_in(ArticlePair.objects.visible().filter(country_a=a, country_b=b)),
    )
    sides = {a.iso: [], b.iso: [], "": []}
    for row in officials:
        side = sides[row["official__country"] if row["official__country"] in sides else ""]
        if len(side) < OFFICIALS_PER_SIDE:
            side.append(row)
    title = _("%(a)s — %(b)s: статьи по месяцам") % {"a": cname(a), "b": cname(b)}
    chart = charts.month_bars(
        series.months,
        chart_id="pair-months",
        title=title,
        desc=_("Всего статей: %(n)s; с датой до месяца: %(m)s.")
        % {"n": series.total, "m": series.total - series.year_only - series.undated},
        label=month_label,
    )
    context = {
        "a": a,
        "b": b,
        "slug": canonical,
        "series": series,
        "chart": chart,
        "agreements": reader.agreements_between(a.iso, b.iso).order_by(*reader.NEWEST)[:50],
        "sides": [(a, sides[a.iso]), (b, sides[b.iso])],
        "others": sides[""],
        "latest": reader.article_rows(articles.order_by(*reader.NEWEST))[:10],
    }
    return render(request, "articles/pair_detail.html", context)


def pair_feed(request, slug: str):
    (a, b), canonical = _pair(slug)
    if slug != canonical:
        return redirect("articles:pair_feed", canonical, permanent=True)
    return PairFeed()(request, a=a, b=b)


def country_list(request):
    # A count over every country claim (55 ms at 100,000 articles): once per archive generation.
    countries = cached(("countries-ranked",), reader.countries_ranked)
    return render(request, "articles/country_list.html", {"countries": countries})


def country_detail(request, iso: str):
    if iso != iso.lower():
        if not _ISO.fullmatch(iso):
            raise Http404
        return redirect("articles:country", iso.lower(), permanent=True)
    country = _country(iso)
    articles = reader.articles_mentioning_country(country.iso)
    context = {
        "country": country,
        "partners": reader.partners_of(country.iso),
        "officials": reader.visible_officials().filter(country=country).order_by("full_name")[:100],
        "agreements": reader.agreements_between(country.iso)
        .prefetch_related("parties")
        .order_by(*reader.NEWEST)[:50],
        "latest": reader.article_rows(articles.order_by(*reader.NEWEST))[:10],
        "article_count": reader.country_article_count(country.iso),
    }
    return render(request, "articles/country_detail.html", context)


def official_list(request):
    f = OfficialFilter(request.GET, queryset=reader.visible_officials())
    rows = f.qs.select_related("country").annotate(
        article_count=reader.article_count(OfficialClaim, "official")
    )
    context = {
        "filter": f,
        "countries": country_choices(
            Country.objects.filter(officials__isnull=False)
            .distinct()
            .values_list("iso", "name_ru", "name_en")
        ),
    }
    return render_list(request, "articles/official_list.html", rows, context, invalid=not f.is_valid())


SIGNED_SHOWN = 20


def official_detail(request, pk: int):
    official = _by_id(reader.visible_officials().select_related("country"), pk)
    articles = reader.articles_mentioning_official(official)
    # Aggregates over every claim of the official (40,000 for the most named at 100,000 articles):
    # computed once per archive generation like the other totals (articles/web/counts.py).
    posts, article_count = cached(("official-posts", official.pk), lambda: reader.posts_over_time(official))
    # The newest SIGNED_SHOWN agreements; one more row fetched tells whether there are older ones.
    agreements = list(
        reader.visible_agreements()
        .filter(signatories=official)
        .prefetch_related("parties")
        .order_by(*reader.NEWEST)[: SIGNED_SHOWN + 1]
    )
    context = {
        "official": official,
        "aliases": public_aliases(official, official.aliases.order_by("name")),
        "posts": posts,
        "latest": reader.article_rows(articles.order_by(*reader.NEWEST))[:25],
        "article_count": article_count,
        "agreements": agreements[:SIGNED_SHOWN],
        "more_agreements": len(agreements) > SIGNED_SHOWN,
    }
    return render(request, "articles/official_detail.html", context)


def agreement_list(request):
    f = AgreementFilter(request.GET, queryset=reader.visible_agreements())
    rows = f.qs.prefetch_related("parties")
    context = {
        "filter": f,
        "kinds": [(value, _(label)) for value, label in Agreement.Kind.choices],
        "statuses": [(value, _(label)) for value, label in Agreement.Status.choices],
        # A DISTINCT over every agreement's parties: once per archive generation.
        "countries": country_choices(
            cached(
                ("agreement-parties",),
                lambda: list(
                    Country.objects.filter(agreements__isnull=False)
                    .distinct()
                    .values_list("iso", "name_ru", "name_en")
                ),
            )
        ),
    }
    # Unfiltered, the list is every visible agreement: the home page's total, counted once per
    # archive generation (53 ms at 47,000 agreements) instead of on every page of the list.
    narrowed = any(request.GET.get(name, "").strip() for name in f.filters)
    total = None if narrowed else cached(("agreements",), reader.visible_agreements().count)
    return render_list(
        request, "articles/agreement_list.html", rows, context, invalid=not f.is_valid(), count=total
    )


def agreement_detail(request, pk: int):
    agreement = _by_id(reader.visible_agreements(), pk)
    articles = reader.articles_mentioning_agreement(agreement)
    parties = _countries_sorted(agreement.parties.all())
    context = {
        "agreement": agreement,
        "parties": parties,
        "pair_slug": reader.pair_slug(parties[0].iso, parties[1].iso) if len(parties) == 2 else "",
        "signatories": agreement.signatories.select_related("country").order_by("full_name"),
        "latest": reader.article_rows(articles.order_by(*reader.NEWEST))[:25],
        "article_count": articles.count(),
    }
    return render(request, "articles/agreement_detail.html", context)


# --- exports: the list's filters, export_articles' format, streamed --------------------------------


class _Echo:
    """csv.writer target that hands each row back instead of storing it."""

    def write(self, value):
        return value


def _export(request, filename, content_type, lines):
    f = ArticleFilter(request.GET, queryset=Article.objects.all())
    if not f.is_valid():
        problems = "\n".join(f"{name}: {' '.join(errors)}" for name, errors in f.errors.items())
        return HttpResponse(
            _("Параметры не приняты:") + "\n" + problems + "\n",
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    response = StreamingHttpResponse(lines(exporting.article_records(f.qs)), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def export_csv(request):
    def lines(records):
        writer = csv.writer(_Echo(), lineterminator="\n")
        yield writer.writerow(exporting.csv_header())
        for record in records:
            yield writer.writerow(exporting.csv_row(record))

    return _export(request, "coopnews-articles.csv", "text/csv; charset=utf-8", lines)


def export_jsonl(request):
    def lines(records):
        for record in records:
            yield exporting.jsonl_line(record) + "\n"

    return _export(request, "coopnews-articles.jsonl", "application/x-ndjson; charset=utf-8", lines)
