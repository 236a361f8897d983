"""What the reader's pages show, as querysets and small data builders (the views stay short).

Readers only ever see visible claims (proposed or confirmed). An official or agreement known only
through rejected claims is hidden too: it was a false extraction; one with no claims at all (entered
by an editor) is shown.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import (
    Count,
    Exists,
    F,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce, Substr
from django.urls import reverse

from articles.models import (
    Agreement,
    AgreementClaim,
    Article,
    ArticlePair,
    Country,
    CountryClaim,
    OfficialClaim,
    PairMonth,
)
from articles.pipeline.dates import PartialDate
from articles.web.counting import DEFAULT, Counting, counted
from articles.web.counts import cached
from articles.web.periods import NO_PERIOD, Period

# Newest first by the earliest day the date can stand for; among articles whose year is unknown,
# by the day and month they do give («18 августа» before «1 мая»); undated last, the newest import
# first. The newest-first indexes in Meta.indexes carry the same keys.
NEWEST = [
    F("date_from").desc(nulls_last=True),
    F("date_month").desc(nulls_last=True),
    F("date_day").desc(nulls_last=True),
    F("id").desc(),
]
OLDEST = [
    F("date_from").asc(nulls_last=True),
    F("date_month").asc(nulls_last=True),
    F("date_day").asc(nulls_last=True),
    F("id").asc(),
]


def pair_slug(a: str, b: str) -> str:
    a, b = sorted((a.lower(), b.lower()))
    return f"{a}-{b}"


def pair_url(a: str, b: str) -> str:
    return reverse("articles:pair", args=[pair_slug(a, b)])


def pair_urls() -> Callable[[str, str], str]:
    """pair_url for many pairs: the URL is reversed once and each pair's slug put in its place
    (a matrix links 600 cells; 600 reverse() calls cost about 10 ms)."""
    marker = pair_slug("AA", "ZZ")
    head, tail = reverse("articles:pair", args=[marker]).split(marker)
    return lambda a, b: f"{head}{pair_slug(a, b)}{tail}"


def country_url(iso: str) -> str:
    return reverse("articles:country", args=[iso.lower()])


# --- querysets -----------------------------------------------------------------------------------


def article_rows(queryset: QuerySet | None = None) -> QuerySet:
    """Articles as list rows: outlet and visible pairs loaded, a lead instead of the whole body."""
    queryset = Article.objects.all() if queryset is None else queryset
    return (
        queryset.select_related("source")
        .defer("body", "raw_text", "fingerprint", "edited_fields", "url", "place")
        .annotate(lead=Substr("body", 1, 300))
        .prefetch_related(
            Prefetch(
                "pairs",
                queryset=ArticlePair.objects.visible()
                .select_related("country_a", "country_b")
                .order_by("-primary", "country_a_id", "country_b_id"),
                to_attr="visible_pairs",
            )
        )
    )


def articles_mentioning_official(official) -> QuerySet:
    return Article.objects.filter(
        Exists(OfficialClaim.objects.visible().filter(article=OuterRef("pk"), official=official))
    )


def articles_mentioning_country(iso: str) -> QuerySet:
    return Article.objects.filter(
        Exists(CountryClaim.objects.visible().filter(article=OuterRef("pk"), country_id=iso))
    )


def articles_mentioning_agreement(agreement) -> QuerySet:
    return Article.objects.filter(
        Exists(AgreementClaim.objects.visible().filter(article=OuterRef("pk"), agreement=agreement))
    )


def agreements_between(*isos: str) -> QuerySet:
    """Visible agreements with every one of `isos` among their parties (a pair's or a country's).

    `expect_most`: a frequent pair walks `agreement_newest_idx` and stops at the 50th (3 ms at
    44,000 agreements, see `ShownQuerySet.visible`). Rare pairs still start from the rarer
    country's parties (index `agreement_party_country_idx`) and sort a few rows."""
    queryset = Agreement.objects.visible(expect_most=True)
    for iso in isos:
        queryset = queryset.filter(
            Exists(Agreement.parties.through.objects.filter(agreement=OuterRef("pk"), country_id=iso))
        )
    return queryset


# --- the pair matrix -----------------------------------------------------------------------------


@dataclass
class Cell:
    count: int
    url: str
    label: str  # «Россия — Китай: 12»


@dataclass
class Matrix:
    countries: list[Country] = field(default_factory=list)
    rows: list[tuple[Country, list[Cell | None]]] = field(default_factory=list)
    maximum: int = 0
    top_pairs: list[tuple[Country, Country, int, str]] = field(default_factory=list)
    pair_total: int = 0


def pair_counts(period: Period = NO_PERIOD, counting: Counting = DEFAULT) -> list[dict]:
    """Stories or articles per visible pair (primary or all), from the pair × month table (one
    query); pairs with none left out."""
    return list(
        PairMonth.objects.filter(period.months_q())
        .order_by()
        .values("country_a", "country_b")
        .annotate(n=Sum(counting.column))
        .filter(n__gt=0)
        .order_by("-n", "country_a", "country_b")
    )


def build_matrix(
    limit: int = 20,
    top: int = 10,
    name=lambda c: c.name_ru,
    period: Period = NO_PERIOD,
    counting: Counting = DEFAULT,
) -> Matrix:
    """The `limit` countries with the most pair stories (or articles) in the period, each cell the
    count of that pair, linking to the pair's dossier for the same period and counting (2 queries;
    the pair totals, an aggregate over the whole pair × month table, once per archive generation,
    period and counting)."""
    counts = cached(("pair-counts", *period.key, *counting.key), lambda: pair_counts(period, counting))
    pair_url_of, suffix = pair_urls(), counting.extend(period.query())

    def url(a, b):
        return pair_url_of(a, b) + suffix

    totals: dict[str, int] = defaultdict(int)
    by_pair: dict[tuple[str, str], int] = {}
    for row in counts:
        by_pair[(row["country_a"], row["country_b"])] = row["n"]
        totals[row["country_a"]] += row["n"]
        totals[row["country_b"]] += row["n"]
    wanted = sorted(totals, key=lambda iso: (-totals[iso], iso))[:limit]
    needed = set(wanted) | {iso for row in counts[:top] for iso in (row["country_a"], row["country_b"])}
    countries = {c.iso: c for c in Country.objects.filter(iso__in=needed)}
    matrix = Matrix(countries=[countries[iso] for iso in wanted], pair_total=len(counts))
    for iso_row in wanted:
        cells: list[Cell | None] = []
        for iso_col in wanted:
            if iso_row == iso_col:
                cells.append(None)
                continue
            n = by_pair.get(tuple(sorted((iso_row, iso_col))), 0)
            label = f"{name(countries[iso_row])} — {name(countries[iso_col])}: {n}"
            cells.append(Cell(n, url(iso_row, iso_col), label))
            matrix.maximum = max(matrix.maximum, n)
        matrix.rows.append((countries[iso_row], cells))
    matrix.top_pairs = [
        (
            countries[r["country_a"]],
            countries[r["country_b"]],
            r["n"],
            url(r["country_a"], r["country_b"]),
        )
        for r in counts[:top]
    ]
    return matrix


# --- timelines -----------------------------------------------------------------------------------


def posts_over_time(official, limit: int = 20, counting: Counting = DEFAULT) -> tuple[list[dict], int]:
    """The official's posts in visible claims with the first and last article dates — the `limit`
    most mentioned, earliest first — and the number of stories (or articles) naming the official.
    Two queries over the official's claims (a partial index covers them, migration 0010); a claim
    is unique per article and official, so the claims counted are the articles."""
    claims = OfficialClaim.objects.visible().filter(official=official).order_by()
    rows = list(
        claims.values("position").annotate(
            first=Min("article__date_from"), last=Max("article__date_to"), n=counted(counting)
        )
    )
    # A story naming the official under two posts counts once in the total.
    total = claims.aggregate(n=counted(counting))["n"] if not counting.articles else sum(r["n"] for r in rows)
    posts = sorted((row for row in rows if row["position"]), key=lambda row: (-row["n"], row["position"]))[
        :limit
    ]
    posts.sort(key=lambda row: (row["first"] is None, row["first"] or 0, row["position"]))
    return posts, total


def officials_in(pairs: QuerySet, limit: int = 60) -> list[dict]:
    """Officials with visible claims in the articles of `pairs` (pair claims), most mentioned first,
    at most `limit` (one query: each visible claim is tested for a pair claim on its article — an
    index-only probe, migration 0010 — and grouped by official; the articles are never read)."""
    in_pair = pairs.filter(article=OuterRef("article"))
    return list(
        OfficialClaim.objects.visible()
        .filter(Exists(in_pair))
        .order_by()
        .values(
            "official", "official__full_name", "official__name_en", "official__position", "official__country"
        )
        .annotate(n=Count("id"))
        .order_by("-n", "official__full_name")[:limit]
    )


def _countries(isos) -> dict[str, Country]:
    return {c.iso: c for c in Country.objects.filter(iso__in=set(isos))}


def partners_of(iso: str, period: Period = NO_PERIOD, counting: Counting = DEFAULT) -> list[dict]:
    """Pairs with `iso` ranked by visible pair stories (or articles) in the period, from the pair ×
    month table (two queries); each links to the pair's dossier for the same period and counting."""
    rows = list(
        PairMonth.objects.filter(Q(country_a=iso) | Q(country_b=iso), period.months_q())
        .order_by()
        .values("country_a", "country_b")
        .annotate(n=Sum(counting.column))
        .filter(n__gt=0)
        .order_by("-n", "country_a", "country_b")
    )
    partner_isos = [row["country_b"] if row["country_a"] == iso else row["country_a"] for row in rows]
    countries = _countries(partner_isos)
    url, suffix = pair_urls(), counting.extend(period.query())
    return [
        {"country": countries[partner], "n": row["n"], "url": url(iso, partner) + suffix}
        for row, partner in zip(rows, partner_isos, strict=True)
    ]


def country_article_count(iso: str, counting: Counting = DEFAULT) -> int:
    """Stories or articles mentioning `iso` in a visible claim. Articles: the claims counted from
    their index alone, as an article has at most one claim a country (35 ms → a few at 90,000
    articles naming Russia); stories: their distinct stories."""
    claims = CountryClaim.objects.visible().filter(country_id=iso)
    if counting.articles:
        return claims.count()
    return claims.aggregate(n=counted(counting))["n"]


def countries_ranked() -> list[dict]:
    """Countries with visible claims, by the number of articles mentioning them (two queries)."""
    rows = list(
        CountryClaim.objects.visible()
        .order_by()
        .values("country")
        .annotate(n=Count("id"))
        .order_by("-n", "country")
    )
    countries = _countries(row["country"] for row in rows)
    return [{"country": countries[row["country"]], "n": row["n"]} for row in rows]


def article_count(claims_model, entity_field: str):
    """Articles with a visible claim of the row's entity, as a correlated subquery (no GROUP BY on
    the outer list, so it is computed for the page's rows only)."""
    counts = (
        claims_model.objects.visible()
        .filter(**{entity_field: OuterRef("pk")})
        .order_by()
        .values(entity_field)
        .annotate(c=Count("id"))
        .values("c")
    )
    return Coalesce(Subquery(counts), 0)


def agreement_timeline(agreement) -> list[dict]:
    """A document's life: each stage its visible claims name with the date the articles give, in
    the order of `Agreement.STAGE_ORDER` then by date, with the first article that says so, its
    quoted sentence and how many articles say the same. Two queries however many claims."""
    claims = AgreementClaim.objects.visible().filter(agreement=agreement).order_by()
    groups = list(
        claims.values("status", "date_year", "date_month", "date_day").annotate(
            articles=Count("article", distinct=True), first=Min("pk")
        )
    )
    firsts = {
        c.pk: c
        for c in AgreementClaim.objects.filter(pk__in=[g["first"] for g in groups]).select_related("article")
    }
    stages = []
    for group in groups:
        claim = firsts.get(group["first"])
        if claim is None:
            continue
        stages.append(
            {
                "status": group["status"],
                "status_label": Agreement.Status(group["status"]).label,
                "date": PartialDate(group["date_year"], group["date_month"], group["date_day"]),
                "claim": claim,
                "article": claim.article,
                "others": group["articles"] - 1,
            }
        )
    stages.sort(key=lambda s: (Agreement.stage_rank(s["status"]), s["date"].iso() or ""))
    return stages
