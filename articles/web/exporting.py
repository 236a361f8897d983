"""The archive handed back: one plain record per article (JSONL) or one flat row (CSV).

Shared by `manage.py export_articles` and the web export. Only visible claims (proposed or
confirmed) are exported, never rejected ones, in a deterministic order. `article_records()`
reads in chunks with a constant number of queries per chunk, so memory stays flat on any archive.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TypeVar

from django.db.models import F, Prefetch, QuerySet

from articles.models import (
    Agreement,
    AgreementClaim,
    Article,
    ArticlePair,
    Country,
    CountryClaim,
    Official,
    OfficialClaim,
)
from articles.models.stories import earliest_first

CHUNK_SIZE = 500
T = TypeVar("T")
# An agreement's stage under the names exported datasets use (planned … terminated). They are the
# model's own values; "other" (a document the text names with no stage) exports as no stage.
EXPORT_STATUS = {value: value for value in Agreement.Status.values} | {Agreement.Status.OTHER: None}
# The JSONL keys, in this order; other tools (extract_eval.py) read them.
RECORD_KEYS = (
    "id",
    "source_file",
    "url",
    "title",
    "title_derived",
    "date",
    "date_estimated",
    "date_estimated_from",
    "source",
    "story",
    "countries",
    "pairs",
    "officials",
    "agreements",
)
CSV_COLUMNS = (
    "id",
    "source_file",
    "url",
    "title",
    "title_derived",
    "date",
    "date_estimated",
    "date_estimated_from",
    "source",
    "story",
    "countries",
    "primary_pair",
    "pairs",
    "officials",
    "agreements",
    "official_posts",
    "agreement_statuses",
    "agreement_signatories",
)
# One row per story (`?per=story`, `export_articles --per-story`): the lead's record and these.
STORY_KEYS = ("reports", "outlets")
# Excel on Windows reads a CSV without a byte order mark in the ANSI code page: Cyrillic garbled.
EXCEL_BOM = "\ufeff"


def _by_start():
    return (F("start").asc(nulls_last=True), "id")


def export_prefetches() -> list[Prefetch]:
    """What a record needs, each visible-claims list in one query per chunk."""
    return [
        Prefetch(
            "country_claims",
            queryset=CountryClaim.objects.visible().select_related("country").order_by("country_id"),
            to_attr="export_countries",
        ),
        Prefetch(
            "pairs",
            queryset=ArticlePair.objects.visible().order_by("-primary", "country_a_id", "country_b_id"),
            to_attr="export_pairs",
        ),
        Prefetch(
            "official_claims",
            queryset=OfficialClaim.objects.visible().select_related("official").order_by(*_by_start()),
            to_attr="export_officials",
        ),
        Prefetch(
            "agreement_claims",
            queryset=AgreementClaim.objects.visible()
            .select_related("agreement")
            .prefetch_related(
                Prefetch("agreement__parties", queryset=Country.objects.only("iso")),
                Prefetch("agreement__signatories", queryset=Official.objects.only("full_name")),
                Prefetch("signatories", queryset=Official.objects.only("full_name")),
            )
            .order_by(*_by_start()),
            to_attr="export_agreements",
        ),
    ]


def article_records(queryset: QuerySet[Article], chunk_size: int = CHUNK_SIZE) -> Iterator[dict]:
    """Records of the queryset's articles, in its order (by id when it has none).

    Queries: one streaming query for the ids, then per chunk one for the articles with their outlet
    and seven for the visible claims (countries, pairs, officials, agreements with their registry
    records, the records' parties and signatories — for a claim an editor added, which has no
    reading of its own — and the signatories each article names).
    """
    if not queryset.ordered:
        queryset = queryset.order_by("id")
    ids = queryset.values_list("pk", flat=True).iterator(chunk_size=chunk_size)
    for chunk in chunked(ids, chunk_size):
        yield from _chunk_records(chunk)


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """`items` in lists of `size` (the last one shorter): what the exports read a query for."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _chunk_records(ids: list[int]) -> Iterator[dict]:
    articles = (
        Article.objects.filter(pk__in=ids).select_related("source").prefetch_related(*export_prefetches())
    )
    by_id = {a.pk: a for a in articles.order_by()}
    for pk in ids:
        if pk in by_id:
            yield article_record(by_id[pk])


def story_records(queryset: QuerySet[Article], chunk_size: int = CHUNK_SIZE) -> Iterator[dict]:
    """One record per story among the queryset's articles, in the order of each story's first
    article there: the record of the story's lead (its earliest dated article, matching the
    filters or not), with `reports` (the story's articles) and `outlets` (theirs, earliest first,
    each once). An article in no story is a story of its own.

    Queries: one streaming query for (id, story), then per chunk of stories one for their articles'
    outlets and the article records' own."""
    if not queryset.ordered:
        queryset = queryset.order_by("id")
    rows = queryset.values_list("pk", "story_id").iterator(chunk_size=chunk_size)
    keys = (("story", story) if story is not None else ("article", pk) for pk, story in rows)
    for chunk in chunked(_first_of_each(keys), chunk_size):
        yield from _story_chunk(chunk)


def _first_of_each(keys: Iterable[T]) -> Iterator[T]:
    seen: set[T] = set()
    for key in keys:
        if key not in seen:
            seen.add(key)
            yield key


def _story_chunk(keys: list[tuple[str, int]]) -> Iterator[dict]:
    story_ids = [pk for kind, pk in keys if kind == "story"]
    members = (
        Article.objects.filter(story__in=story_ids)
        .order_by("story_id", *earliest_first())
        .values_list("story_id", "pk", "source__name")
    )
    leads: dict[tuple[str, int], int] = {}
    reports: dict[tuple[str, int], int] = {}
    outlets: dict[tuple[str, int], list[str]] = {}
    for story, pk, outlet in members:
        key = ("story", story)
        leads.setdefault(key, pk)
        reports[key] = reports.get(key, 0) + 1
        if outlet and outlet not in outlets.setdefault(key, []):
            outlets[key].append(outlet)
    for kind, pk in keys:
        if kind == "article":
            leads[(kind, pk)] = pk
    records = {record["id"]: record for record in _chunk_records(sorted(set(leads.values())))}
    for key in keys:
        record = records.get(leads.get(key))
        if record is None:  # deleted meanwhile
            continue
        own = [record["source"]] if record["source"] else []
        yield {**record, "reports": reports.get(key, 1), "outlets": outlets.get(key, own)}


def article_record(article: Article) -> dict:
    """One article as the export format; expects the prefetches of `export_prefetches()`."""
    countries = sorted(
        (
            {"iso": c.country_id, "name": c.country.name_ru, "mentions": c.mentions}
            for c in article.export_countries
        ),
        key=lambda c: (-c["mentions"], c["iso"]),
    )
    pairs = [
        {"countries": [p.country_a_id, p.country_b_id], "primary": p.primary} for p in article.export_pairs
    ]
    officials = [
        {
            "id": c.official_id,
            "name": c.official.full_name,
            "position": c.position or c.official.position,
            "current_position": c.official.position,
            "rank": c.rank,
            "country": c.country_id or c.official.country_id,
        }
        for c in article.export_officials
    ]
    agreements = [agreement_reading(claim) for claim in article.export_agreements]
    return {
        "id": article.pk,
        "source_file": article.source_file,
        "url": article.url or None,
        "title": article.title,
        "title_derived": article.title_derived,
        "date": article.partial_date.iso(),
        # A likely year for a date given without one: in fields of its own, never as `date`.
        "date_estimated": estimated.iso() if (estimated := article.estimated_date) else None,
        "date_estimated_from": (article.date_estimated_from or None) if estimated else None,
        "source": article.source.name if article.source_id else None,
        "story": article.story_id,
        "countries": countries,
        "pairs": pairs,
        "officials": officials,
        "agreements": agreements,
    }


def agreement_reading(claim: AgreementClaim) -> dict:
    """An article's agreement as that article gives it (kind, title, stage, date, signatories) under
    the registry's stable id; a claim an editor added has no reading of its own: the registry's."""
    agreement = claim.agreement
    own = bool(claim.title)
    status = claim.status if own else agreement.status
    return {
        "id": claim.agreement_id,
        "kind": claim.kind if own else agreement.kind,
        "title": claim.title if own else agreement.title,
        "parties": claim.parties_key.split("-")
        if claim.parties_key
        else sorted(p.iso for p in agreement.parties.all()),
        "signed": status in Agreement.SIGNED_STAGES,
        "status": EXPORT_STATUS.get(status),
        "date": (claim.partial_date if own else agreement.partial_date).iso(),
        "signatories": [
            {"id": o.pk, "name": o.full_name}
            for o in sorted(
                (claim if own else agreement).signatories.all(), key=lambda o: (o.full_name, o.pk)
            )
        ],
    }


def jsonl_line(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False)


# --- CSV: the same fields, flattened -------------------------------------------------------------


def csv_header(per_story: bool = False) -> list[str]:
    return list(CSV_COLUMNS) + (list(STORY_KEYS) if per_story else [])


# A spreadsheet reads a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: str) -> str:
    """The value, with a leading ' when a spreadsheet would read it as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_date(iso: str | None) -> str:
    """A date for a CSV cell: ISO 8601 as in JSONL, but a day and month of an unknown year is
    written XXXX-08-18 (ISO 8601-2, EDTF's unspecified year) instead of --08-18, which a
    spreadsheet would read as a formula — and the ' that defuses it would be left in sight."""
    if not iso:
        return ""
    return "XXXX" + iso[1:] if iso.startswith("--") else iso


def csv_join(items: Iterable[str]) -> str:
    return "; ".join(items)


def csv_row(record: dict) -> list[str]:
    """One article (or story: `story_records`) as a CSV row: lists joined with "; ", each entity as
    compact text."""
    primary = next((p for p in record["pairs"] if p["primary"]), None)
    officials = []
    for o in record["officials"]:
        rank = o.get("rank") if o.get("rank") != o["position"] else ""  # a rank alone is also the post
        details = ", ".join(x for x in (o["position"], rank, o["country"]) if x)
        officials.append(f"{o['name']} ({details})" if details else o["name"])
    agreements = []
    for a in record["agreements"]:
        details = ", ".join(x for x in ("-".join(a["parties"]), a["status"], csv_date(a["date"])) if x)
        agreements.append(f"{a['kind']}: {a['title']} ({details})")
    row = [
        str(record["id"]),
        record["source_file"],
        record["url"] or "",
        record["title"],
        "1" if record["title_derived"] else "0",
        csv_date(record["date"]),
        csv_date(record["date_estimated"]),
        csv_cell(record["date_estimated_from"] or ""),
        record["source"] or "",
        str(record.get("story") or ""),  # records made before stories have none
        csv_join(f"{c['iso']}:{c['mentions']}" for c in record["countries"]),
        "-".join(primary["countries"]) if primary else "",
        csv_join("-".join(p["countries"]) for p in record["pairs"]),
        csv_join(officials),
        csv_join(agreements),
        csv_join(o["position"] or "" for o in record["officials"]),
        csv_join(a["status"] for a in record["agreements"]),
        csv_join(", ".join(o["name"] for o in a.get("signatories", [])) for a in record["agreements"]),
    ]
    if "reports" in record:
        row += [str(record["reports"]), csv_join(record["outlets"])]
    return [csv_cell(v) for v in row]
