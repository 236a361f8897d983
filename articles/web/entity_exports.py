"""The registries handed back: one record per official or per agreement (JSONL) or one flat row
(CSV), shared by `manage.py export_agreements` and the web exports of /officials/ and /agreements/.
Article records and the shared CSV helpers are in articles/web/exporting.py."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.db.models import Prefetch, QuerySet

from articles.models import Agreement, AgreementClaim, Country, Official, OfficialClaim
from articles.pipeline.dates import PartialDate
from articles.web import reader
from articles.web.exporting import CHUNK_SIZE, EXPORT_STATUS, chunked, csv_cell, csv_date, csv_join
from articles.web.presentation import transliterated

# --- officials: /officials/export.csv|jsonl --------------------------------------------------------

OFFICIAL_COLUMNS = ("id", "name", "name_en", "position", "country", "articles", "aliases")


def official_records(queryset: QuerySet[Official], chunk_size: int = CHUNK_SIZE) -> Iterator[dict]:
    """Records of the queryset's officials in its order: two queries per chunk (the officials with
    their article counts, their other name forms). `articles` counts visible claims, as the pages
    do; `name_en` is the editor's English name or the transliteration the English pages show."""
    rows = (
        queryset.annotate(articles=reader.article_count(OfficialClaim, "official"))
        .prefetch_related("aliases")
        .iterator(chunk_size=chunk_size)
    )
    for official in rows:
        yield {
            "id": official.pk,
            "name": official.full_name,
            "name_en": official.name_en or transliterated(official.full_name),
            "position": official.position,
            "country": official.country_id,
            "articles": official.articles,
            "aliases": sorted(
                alias.name for alias in official.aliases.all() if alias.name != official.full_name
            ),
        }


def official_csv_row(record: dict) -> list[str]:
    row = [str(record[key]) if record[key] is not None else "" for key in OFFICIAL_COLUMNS[:-1]]
    return [csv_cell(v) for v in [*row, csv_join(record["aliases"])]]


# --- agreements: the registry, one row per document (export_agreements, /agreements/export.*) -------

AGREEMENT_COLUMNS = (
    "id",
    "kind",
    "title",
    "parties",
    "signatories",
    "status",
    "signed",
    "date",
    "stages",
    "articles",
)


def agreement_records(queryset: QuerySet[Agreement], chunk_size: int = CHUNK_SIZE) -> Iterator[dict]:
    """One record per document in the queryset's order: three queries per chunk (the agreements,
    their parties and signatories) and one for the chunk's visible claims (its stages)."""
    rows = queryset.prefetch_related(
        Prefetch("parties", queryset=Country.objects.only("iso")),
        Prefetch("signatories", queryset=Official.objects.only("full_name")),
    )
    for chunk in chunked(rows.iterator(chunk_size=chunk_size), chunk_size):
        yield from _agreement_chunk(chunk)


def _agreement_chunk(agreements: list[Agreement]) -> Iterator[dict]:
    claims: dict[int, list] = {}
    visible = AgreementClaim.objects.visible().filter(agreement__in=[a.pk for a in agreements])
    for row in visible.values("agreement_id", "article_id", "status", "date_year", "date_month", "date_day"):
        claims.setdefault(row["agreement_id"], []).append(row)
    for agreement in agreements:
        yield agreement_record(agreement, claims.get(agreement.pk, []))


def agreement_stages(claims: Iterable[dict]) -> list[dict]:
    """A document's life: each stage its claims name, with the date the articles give and their ids,
    in the order of `Agreement.STAGE_ORDER`, then by date (undated first)."""
    stages: dict[tuple, list[int]] = {}
    for claim in claims:
        date = PartialDate(claim["date_year"], claim["date_month"], claim["date_day"])
        stages.setdefault((claim["status"], date.iso()), []).append(claim["article_id"])
    return [
        {"status": EXPORT_STATUS.get(status), "date": date, "articles": sorted(set(articles))}
        for (status, date), articles in sorted(
            stages.items(), key=lambda item: (Agreement.stage_rank(item[0][0]), item[0][1] or "")
        )
    ]


def agreement_record(agreement: Agreement, claims: list[dict]) -> dict:
    return {
        "id": agreement.pk,
        "kind": agreement.kind,
        "title": agreement.title,
        "parties": sorted(p.iso for p in agreement.parties.all()),
        "signatories": [
            {"id": o.pk, "name": o.full_name}
            for o in sorted(agreement.signatories.all(), key=lambda o: (o.full_name, o.pk))
        ],
        "status": EXPORT_STATUS.get(agreement.status),
        "signed": agreement.signed,
        "date": agreement.partial_date.iso(),
        "stages": agreement_stages(claims),
        "articles": sorted({c["article_id"] for c in claims}),
    }


def agreement_csv_row(record: dict) -> list[str]:
    """A document as a CSV row; stages as «signed 2016-02-03 (12, 40); ratified 2016-10 (77)»."""
    stages = (
        " ".join(x for x in (s["status"] or "", csv_date(s["date"])) if x)
        + f" ({', '.join(map(str, s['articles']))})"
        for s in record["stages"]
    )
    row = [
        str(record["id"]),
        record["kind"],
        record["title"],
        "-".join(record["parties"]),
        csv_join(o["name"] for o in record["signatories"]),
        record["status"] or "",
        "1" if record["signed"] else "0",
        csv_date(record["date"]),
        csv_join(stages),
        csv_join(map(str, record["articles"])),
    ]
    return [csv_cell(v) for v in row]
