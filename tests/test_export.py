"""export_articles and the record builder: exactly the documented keys, only visible claims."""

import csv
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import (
    Agreement,
    AgreementClaim,
    Article,
    ArticlePair,
    ClaimOrigin,
    ClaimState,
    CountryClaim,
    Official,
    OfficialClaim,
    Outlet,
)
from articles.web.exporting import RECORD_KEYS, article_records, csv_header, csv_row

pytestmark = pytest.mark.django_db

KEYS = [
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
]


def csv_cells(**fields) -> dict:
    """The CSV row of a record with these fields (the others empty), by column."""
    record = {
        "id": 1,
        "source_file": "a.txt",
        "url": None,
        "title": "Статья",
        "title_derived": False,
        "date": None,
        "date_estimated": None,
        "date_estimated_from": None,
        "source": None,
        "countries": [],
        "pairs": [],
        "officials": [],
        "agreements": [],
        **fields,
    }
    return dict(zip(csv_header(), csv_row(record), strict=True))


def make_article(n: int, **fields) -> Article:
    defaults = dict(
        title=f"Статья {n}",
        body=f"Россия и Китай. Текст {n}.",
        raw_text=f"Россия и Китай. Текст {n}.",
        source_file=f"{n:03d}.txt",
        fingerprint=f"{n:064d}",
    )
    article = Article(**{**defaults, **fields})
    article.save()
    return article


@pytest.fixture
def archive():
    """One richly claimed article, with a rejected claim of each kind next to the visible ones."""
    tass = Outlet.objects.get_or_create(name="ТАСС")[0]
    article = make_article(1, source=tass, date_year=2026, date_month=1, date_day=27, url="https://e.org/1")
    CountryClaim.objects.create(
        article=article, country_id="CN", spans=[[10, 15], [20, 25]], start=10, end=15
    )
    CountryClaim.objects.create(article=article, country_id="RU", spans=[[0, 6]], state=ClaimState.CONFIRMED)
    CountryClaim.objects.create(article=article, country_id="US", spans=[[30, 33]], state=ClaimState.REJECTED)
    ArticlePair.objects.create(article=article, country_a_id="CN", country_b_id="RU", primary=True)
    ArticlePair.objects.create(
        article=article, country_a_id="RU", country_b_id="US", state=ClaimState.REJECTED
    )
    belousov = Official.objects.create(full_name="Андрей Белоусов", position="министр", country_id="RU")
    someone = Official.objects.create(full_name="Отклонённый Человек")
    OfficialClaim.objects.create(
        article=article,
        official=belousov,
        position="министр обороны",
        rank="генерал армии",
        country_id="RU",
        start=0,
    )
    OfficialClaim.objects.create(article=article, official=someone, state=ClaimState.REJECTED)
    memo = Agreement.objects.create(
        kind="memorandum", title="меморандум", status="signed", date_year=None, date_month=8, date_day=15
    )
    memo.parties.set(["RU", "CN"])
    AgreementClaim.objects.create(article=article, agreement=memo, origin=ClaimOrigin.EDITOR)
    rejected = Agreement.objects.create(kind="plan", title="план")
    AgreementClaim.objects.create(article=article, agreement=rejected, state=ClaimState.REJECTED)
    return article


def export(*args) -> str:
    out = StringIO()
    call_command("export_articles", *args, stdout=out)
    return out.getvalue()


def test_jsonl_record_has_exactly_the_documented_keys_and_values(archive):
    lines = export().splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert list(record) == KEYS == list(RECORD_KEYS)
    assert record == {
        "id": archive.pk,
        "source_file": "001.txt",
        "url": "https://e.org/1",
        "title": "Статья 1",
        "title_derived": False,
        "date": "2026-01-27",
        "date_estimated": None,
        "date_estimated_from": None,
        "source": "ТАСС",
        "story": None,  # made here, not imported: the writer puts articles in stories
        "countries": [
            {"iso": "CN", "name": "Китай", "mentions": 2},
            {"iso": "RU", "name": "Россия", "mentions": 1},
        ],
        "pairs": [{"countries": ["CN", "RU"], "primary": True}],
        "officials": [
            {
                "id": Official.objects.get(full_name="Андрей Белоусов").pk,
                "name": "Андрей Белоусов",
                "position": "министр обороны",
                "current_position": "министр",
                "rank": "генерал армии",
                "country": "RU",
            }
        ],
        "agreements": [
            {
                "id": Agreement.objects.get(kind="memorandum").pk,
                "kind": "memorandum",
                "title": "меморандум",
                "parties": ["CN", "RU"],
                "signed": True,
                "status": "signed",
                "date": "--08-15",
                "signatories": [],
            }
        ],
    }


def test_an_article_without_claims_exports_nulls_and_empty_lists(db):
    make_article(2)
    record = json.loads(export())
    assert (record["url"], record["date"], record["source"]) == (None, None, None)
    assert record["countries"] == record["pairs"] == record["officials"] == record["agreements"] == []


def test_records_come_in_id_order(db):
    for n in (3, 1, 2):
        make_article(n, date_year=2020 + n)
    assert [r["source_file"] for r in map(json.loads, export().splitlines())] == [
        "003.txt",
        "001.txt",
        "002.txt",
    ]


def test_country_filter_narrows_the_export(archive):
    make_article(2)
    assert len(export("--country", "CN").splitlines()) == 1
    assert len(export("--country", "US").splitlines()) == 0  # the US claim is rejected
    assert len(export("--pair", "RU-CN").splitlines()) == 1
    assert len(export("--source", "ТАСС").splitlines()) == 1
    assert len(export("--date-after", "2026-01-01", "--date-before", "2026-12-31").splitlines()) == 1


@pytest.mark.parametrize(
    "args, message",
    [
        (["--country", "XYZ"], "--country"),
        (["--pair", "RU"], "--pair"),
        (["--date-after", "27.01.2026"], "--date-after"),
        (["--source", "Нет такого"], "--source"),
    ],
)
def test_a_bad_filter_is_a_clear_error(db, args, message):
    with pytest.raises(CommandError, match=message):
        export(*args)


def test_csv_has_a_header_and_one_row_per_article(archive):
    make_article(2)
    rows = list(csv.reader(StringIO(export("--format", "csv"))))
    assert rows[0] == csv_header()
    assert len(rows) == 3
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["countries"] == "CN:2; RU:1"
    assert row["primary_pair"] == "CN-RU"
    assert row["officials"] == "Андрей Белоусов (министр обороны, генерал армии, RU)"
    assert row["agreements"] == "memorandum: меморандум (CN-RU, signed, XXXX-08-15)"
    assert "US" not in row["countries"] and "план" not in row["agreements"]


def test_csv_cells_that_look_like_formulas_are_defused():
    assert csv_cells(title="=HYPERLINK(1)")["title"] == "'=HYPERLINK(1)"


@pytest.mark.parametrize(
    "value",
    ["-2+3+cmd|' /C calc'!A0", "=HYPERLINK(1)", "+1", "@SUM(A1)", "\tx", "\rx", "-", "--02-28"],
)
def test_every_csv_cell_a_spreadsheet_would_read_as_a_formula_starts_with_a_quote(value):
    official = {"id": 1, "name": value, "position": "", "country": None}
    row = csv_cells(source_file=value, url=value, title=value, source=value, officials=[official])
    for column in ("source_file", "url", "title", "source", "officials"):
        assert row[column] == "'" + value


@pytest.mark.parametrize(
    ("iso", "cell"),
    [
        ("--02-28", "XXXX-02-28"),
        ("2024-02-28", "2024-02-28"),
        ("2024-02", "2024-02"),
        ("2024", "2024"),
        (None, ""),
    ],
)
def test_csv_dates_stay_readable_and_never_start_like_a_formula(iso, cell):
    assert csv_cells(date=iso)["date"] == cell


def test_csv_cells_that_merely_contain_a_dash_are_left_alone():
    row = csv_cells(
        url="https://example.org/a-b",
        title="Россия - Китай",
        pairs=[{"countries": ["CN", "RU"], "primary": True}],
    )
    assert (row["url"], row["title"], row["primary_pair"]) == (
        "https://example.org/a-b",
        "Россия - Китай",
        "CN-RU",
    )


def test_output_file_gets_the_records(archive, tmp_path):
    target = tmp_path / "out.jsonl"
    err = StringIO()
    call_command("export_articles", "--output", str(target), stderr=err)
    assert json.loads(target.read_text(encoding="utf-8"))["id"] == archive.pk
    assert "1 articles written" in err.getvalue()


def test_queries_do_not_grow_with_the_number_of_articles(archive):
    def count_queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            records = list(article_records(Article.objects.all(), chunk_size=100))
        assert records
        return len(ctx.captured_queries)

    few = count_queries()
    for n in range(2, 12):
        article = make_article(n)
        CountryClaim.objects.create(article=article, country_id="RU", spans=[[0, 6]])
        memo = Agreement.objects.create(kind="memorandum", title=f"m{n}")
        memo.parties.set(["RU"])
        AgreementClaim.objects.create(article=article, agreement=memo)
    # ids, then per chunk: articles+outlet, countries, pairs, officials, agreements, agreement parties,
    # agreement signatories, the signatories each article's own claim names
    assert count_queries() == few == 9


def test_chunks_keep_the_querysets_order(db):
    for n in range(1, 8):
        make_article(n)
    ids = [r["id"] for r in article_records(Article.objects.order_by("-id"), chunk_size=3)]
    assert ids == sorted(ids, reverse=True) and len(ids) == 7
