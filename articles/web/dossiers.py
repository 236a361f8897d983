"""The reader's dossiers: the pair matrix and a pair, countries, officials and agreements — each a
short function-based view over FilterSets and articles/web/reader.py, counting stories or articles
(articles/web/counting.py) over a period (articles/web/periods.py)."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from articles.models import Agreement, Article, ArticlePair, Country, MergedAway, Official, OfficialClaim
from articles.web import charts, counting, reader, timelines
from articles.web.counts import cached
from articles.web.feeds import PairFeed
from articles.web.filters import AgreementFilter, OfficialFilter
from articles.web.listing import (
    export_params,
    render_list,
)
from articles.web.periods import period_of
from articles.web.presentation import (
    cname,
    country_choices,
    month_label,
    month_short,
    public_aliases,
)
from articles.web.views import MAX_ID, by_id

_PAIR_SLUG = re.compile(r"([A-Za-z]{2})-([A-Za-z]{2})")
_ISO = re.compile(r"[A-Za-z]{2}")


# --- helpers -------------------------------------------------------------------------------------


def _record_or_moved(queryset, pk: int, kind: str, url_name: str):
    """(the visible record `pk`, None), or (None, a 301 to the record it was merged into); 404 if
    neither."""
    try:
        return by_id(queryset, pk), None
    except Http404:
        survivor = pk <= MAX_ID and (
            MergedAway.objects.filter(kind=kind, old_id=pk).values_list("survivor_id", flat=True).first()
        )
        if survivor:
            return None, redirect(url_name, survivor, permanent=True)
        raise


def _country(iso: str) -> Country:
    if not _ISO.fullmatch(iso):
        raise Http404
    return get_object_or_404(Country, iso=iso.upper())


def _countries_sorted(countries):
    return sorted(countries, key=cname)


def _month_chart(series, chart_id: str, title: str, counts: counting.Counting = counting.DEFAULT):
    return charts.month_bars(
        series.months,
        chart_id=chart_id,
        title=title,
        desc=(
            _("Всего статей: %(n)s; с датой до месяца: %(m)s.")
            if counts.articles
            else _("Всего сюжетов: %(n)s; с датой до месяца: %(m)s.")
        )
        % {"n": series.total, "m": series.total - series.year_only - series.undated},
        label=month_label,
        short=month_short,
    )


def _with_period(request, template, context_of, *, pairs: bool = True):
    """Render a page that takes a period (`from`, `to`) and a counting (articles/web/counting.py):
    `context_of(period, counts)` builds its context; a malformed period is a 400 saying what was
    wrong, with the form to correct it. `pairs`: whether the page's counts are of pairs."""
    period, form = period_of(request)
    counts = counting.counting_of(request)
    extra = counting.page_context(request, counts, pairs=pairs)
    if not form.is_valid():
        return render(request, "articles/bad_period.html", {"period_form": form, **extra}, status=400)
    return render(
        request, template, {**context_of(period, counts), "period": period, "period_form": form, **extra}
    )


def pair_matrix(request):
    return _with_period(
        request,
        "articles/pair_matrix.html",
        lambda period, counts: {
            "matrix": reader.build_matrix(limit=25, top=30, name=cname, period=period, counting=counts)
        },
    )


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
        query = request.META.get("QUERY_STRING", "")
        return redirect(
            reverse("articles:pair", args=[canonical]) + (f"?{query}" if query else ""), permanent=True
        )

    def context_of(period, counts):
        articles = Article.objects.with_pair(a.iso, b.iso).filter(period.dates_q())
        series = timelines.month_series(a.iso, b.iso, period, counts)
        # A ranking over every claim in the pair's articles: once per generation and period.
        officials = cached(
            ("pair-officials", a.iso, b.iso, *period.key),
            lambda: reader.officials_in(
                ArticlePair.objects.visible().filter(period.dates_q("article__"), country_a=a, country_b=b)
            ),
        )
        sides = {a.iso: [], b.iso: [], "": []}
        for row in officials:
            side = sides[row["official__country"] if row["official__country"] in sides else ""]
            if len(side) < OFFICIALS_PER_SIDE:
                side.append(row)
        title = (
            _("%(a)s — %(b)s: статьи по месяцам")
            if counts.articles
            else _("%(a)s — %(b)s: сюжеты по месяцам")
        ) % {"a": cname(a), "b": cname(b)}
        return {
            "a": a,
            "b": b,
            "slug": canonical,
            "series": series,
            "chart": _month_chart(series, "pair-months", title, counts),
            "agreements": reader.agreements_between(a.iso, b.iso)
            .filter(period.dates_q())
            .order_by(*reader.NEWEST)[:50],
            "sides": [(a, sides[a.iso]), (b, sides[b.iso])],
            "others": sides[""],
            "latest": reader.article_rows(articles.order_by(*reader.NEWEST))[:10],
            "list_query": _list_query(f"{a.iso}-{b.iso}", period, "pair"),
        }

    return _with_period(request, "articles/pair_detail.html", context_of)


def _list_query(value: str, period, name: str) -> str:
    """The article list's query for a pair or a country in a period («pair=CN-RU&date_after=…»)."""
    params = {name: value}
    if period.start:
        params["date_after"] = period.first_day().isoformat()
    if period.end:
        params["date_before"] = period.last_day().isoformat()
    return urlencode(params)


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

    def context_of(period, counts):
        articles = reader.articles_mentioning_country(country.iso).filter(period.dates_q())
        # The chart's months sum to the articles (or stories) mentioning the country: the page's
        # total without another count.
        series = timelines.country_series(country.iso, period, counts)
        title = (_("%(c)s: статьи по месяцам") if counts.articles else _("%(c)s: сюжеты по месяцам")) % {
            "c": cname(country)
        }
        return {
            "country": country,
            "series": series,
            "chart": _month_chart(series, "country-months", title, counts),
            "partners": reader.partners_of(country.iso, period, counts),
            "officials": Official.objects.visible().filter(country=country).order_by("full_name")[:100],
            "agreements": reader.agreements_between(country.iso)
            .filter(period.dates_q())
            .prefetch_related("parties")
            .order_by(*reader.NEWEST)[:50],
            "latest": reader.article_rows(articles.order_by(*reader.NEWEST))[:10],
            "article_count": series.total,
            "list_query": _list_query(country.iso, period, "country"),
        }

    return _with_period(request, "articles/country_detail.html", context_of)


def official_list(request):
    f = OfficialFilter(request.GET, queryset=Official.objects.visible())
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
        "export_params": export_params(request),
        "export_csv_url": reverse("articles:export_officials_csv"),
    }
    return render_list(request, "articles/official_list.html", rows, context, invalid=not f.is_valid())


SIGNED_SHOWN = 20


def official_detail(request, pk: int):
    official, moved = _record_or_moved(
        Official.objects.visible().select_related("country"),
        pk,
        MergedAway.Kind.OFFICIAL,
        "articles:official",
    )
    if moved:
        return moved
    articles = reader.articles_mentioning_official(official)
    # Aggregates over every claim of the official (40,000 for the most named at 100,000 articles):
    # computed once per archive generation like the other totals (articles/web/counts.py).
    counts = counting.counting_of(request)
    posts, article_count = cached(
        ("official-posts", official.pk, *counts.key),
        lambda: reader.posts_over_time(official, counting=counts),
    )
    # The newest SIGNED_SHOWN agreements; one more row fetched tells whether there are older ones.
    agreements = list(
        Agreement.objects.visible()
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
        **counting.page_context(request, counts, pairs=False),
    }
    return render(request, "articles/official_detail.html", context)


def agreement_list(request):
    f = AgreementFilter(request.GET, queryset=Agreement.objects.visible())
    rows = f.qs.prefetch_related("parties")
    context = {
        "filter": f,
        "kinds": [(value, _(label)) for value, label in Agreement.Kind.choices],
        "statuses": [(value, _(label)) for value, label in Agreement.Status.choices],
        "export_params": export_params(request),
        "export_csv_url": reverse("articles:export_agreements_csv"),
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
    total = None if narrowed else cached(("agreements",), Agreement.objects.visible().count)
    return render_list(
        request, "articles/agreement_list.html", rows, context, invalid=not f.is_valid(), count=total
    )


def agreement_detail(request, pk: int):
    agreement, moved = _record_or_moved(
        Agreement.objects.visible(), pk, MergedAway.Kind.AGREEMENT, "articles:agreement"
    )
    if moved:
        return moved
    articles = reader.articles_mentioning_agreement(agreement)
    parties = _countries_sorted(agreement.parties.all())
    context = {
        "agreement": agreement,
        "parties": parties,
        "pair_slug": reader.pair_slug(parties[0].iso, parties[1].iso) if len(parties) == 2 else "",
        "signatories": agreement.signatories.select_related("country").order_by("full_name"),
        "latest": reader.article_rows(articles.order_by(*reader.NEWEST))[:25],
        "article_count": articles.count(),
        "timeline": reader.agreement_timeline(agreement),
    }
    return render(request, "articles/agreement_detail.html", context)
