"""The pair's Atom feed and the web exports: the list's filters, export_articles' format, streamed."""

from __future__ import annotations

import csv
import html
import io
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from reader_helpers import add_articles, build_archive, claim_pair, make_article

from articles.models import Outlet

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def archive():
    return build_archive()


def body(response) -> str:
    return b"".join(response.streaming_content).decode()


def command_output(*args) -> str:
    out = io.StringIO()
    call_command("export_articles", *args, stdout=out)
    return out.getvalue()


def test_pair_feed_is_atom_with_the_pairs_latest_articles(client, archive):
    response = client.get("/pairs/cn-ru/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    assert "Китай — Россия" in root.find(f"{ATOM}title").text
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == [
        archive.a2.title,
        archive.a1.title,
        archive.a5.title,
    ]
    link = entries[1].find(f"{ATOM}link").get("href")
    assert link.endswith(f"/articles/{archive.a1.pk}/")


def test_pair_feed_escapes_article_text(client, archive):
    response = client.get("/pairs/in-ru/feed/")
    root = ET.fromstring(response.content)  # well-formed despite <script> in the title
    assert root.find(f"{ATOM}entry/{ATOM}title").text.startswith("<script>")


class Elements(HTMLParser):
    """The elements an HTML renderer would build from a piece of text."""

    def __init__(self, text: str):
        super().__init__()
        self.found: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.found.append(tag)


def test_pair_feed_summaries_reach_a_feed_reader_as_text_not_markup(client):
    outlet = Outlet.objects.create(name="<script>alert('outlet')</script>")
    article = make_article(
        "Статья с разметкой", "<img src=x onerror=alert(1)> Поставки техники.", source=outlet
    )
    claim_pair(article, "CN", "RU")
    root = ET.fromstring(client.get("/pairs/cn-ru/feed/").content)
    summary = root.find(f"{ATOM}entry/{ATOM}summary")
    assert summary.get("type") == "html"
    # What a reader renders: the summary decoded from XML once, then read as HTML.
    assert Elements(summary.text).found == []
    shown = html.unescape(summary.text)
    assert "<img src=x onerror=alert(1)>" in shown and "<script>alert('outlet')</script>" in shown
    assert Elements(root.find(f"{ATOM}entry/{ATOM}author/{ATOM}name").text).found == ["script"]  # Atom text


def test_pair_feed_query_count_does_not_grow_with_items(client, archive, django_assert_num_queries):
    add_articles(40)
    # the two countries; the latest 25 articles (outlet joined).
    with django_assert_num_queries(2):
        client.get("/pairs/cn-ru/feed/")


def test_csv_export_streams_the_filtered_articles_in_the_commands_format(client, archive):
    response = client.get("/articles/export.csv?pair=CN-RU&sort=oldest")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = body(response)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:4] == ["id", "source_file", "url", "title"]
    assert [r[3] for r in rows[1:]] == [archive.a1.title, archive.a2.title, archive.a5.title]
    assert text == command_output("--format", "csv", "--pair", "CN-RU", "--sort", "oldest")


def test_jsonl_export_matches_the_command_record_for_record(client, archive):
    response = client.get("/articles/export.jsonl?country=CN&q=Китай&sort=newest")
    assert response.status_code == 200
    text = body(response)
    records = [json.loads(line) for line in text.splitlines()]
    assert {r["title"] for r in records} >= {archive.a1.title, archive.a3.title}
    assert text == command_output("--country", "CN", "--q", "Китай", "--sort", "newest")


def test_exports_carry_only_visible_claims(client, archive):
    records = [json.loads(line) for line in body(client.get("/articles/export.jsonl")).splitlines()]
    a1 = next(r for r in records if r["id"] == archive.a1.pk)
    assert {c["iso"] for c in a1["countries"]} == {"RU", "CN"}  # India was rejected
    assert "Иван Призраков" not in json.dumps(records, ensure_ascii=False)
    a6 = next(r for r in records if r["id"] == archive.a6.pk)
    assert a6["pairs"] == []  # its pair was rejected


def test_export_query_count_does_not_grow_with_rows(client, archive, django_assert_max_num_queries):
    add_articles(60)
    # ids; one chunk of articles (outlet joined); countries, pairs, officials, agreements and their
    # parties and signatories, the claims' own signatories for the chunk; the form's validation at most.
    with django_assert_max_num_queries(9):
        body(client.get("/articles/export.jsonl"))


def test_exports_are_linked_from_the_list_with_its_filters(client, archive):
    html = client.get("/articles/?pair=CN-RU&page=1").content.decode()
    assert 'href="/articles/export.csv?pair=CN-RU"' in html
    assert 'href="/articles/export.jsonl?pair=CN-RU"' in html


# --- every article list as a feed: a saved search ----------------------------------------------------


def entries_of(response) -> list:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content).findall(f"{ATOM}entry")


def entry_titles(response) -> list[str]:
    return [e.find(f"{ATOM}title").text for e in entries_of(response)]


@pytest.mark.parametrize(
    "query",
    [
        {"pair": "Россия-Китай"},
        {"q": "Китай", "source": "ТАСС"},
        {"country": ["RU", "CN"], "date_after": "2024-01-01"},
        {"agreement_kind": "memorandum"},
    ],
)
def test_any_list_query_has_a_feed_of_the_same_articles_newest_first(client, archive, query):
    listed = [a.title for a in client.get("/articles/", {**query, "sort": "newest"}).context["page"]]
    assert listed and entry_titles(client.get("/articles/feed/", query)) == listed


def test_the_list_page_links_its_own_query_as_a_feed(client, archive):
    html = client.get("/articles/", {"q": "Китай", "pair": "CN-RU", "page": "1"}).content.decode()
    assert (
        '<link rel="alternate" type="application/atom+xml" href="/articles/feed/?q=%D0%9A%D0%B8%D1%82%D0%B0%D0%B9&amp;pair=CN-RU"'
        in html
    )


def test_the_feed_names_the_query_and_links_back_to_the_list(client, archive):
    root = ET.fromstring(client.get("/articles/feed/", {"pair": "CN-RU"}).content)
    assert "Китай — Россия" in root.find(f"{ATOM}title").text
    assert root.find(f"{ATOM}link").get("href").endswith("/articles/?pair=CN-RU")


def test_a_feed_with_a_bad_query_is_a_400_saying_why(client, archive):
    response = client.get("/articles/feed/", {"pair": "Россия-Атлантида", "date_after": "вчера"})
    assert response.status_code == 400
    message = response.content.decode()
    assert "pair:" in message and "date_after:" in message


def test_an_article_without_a_year_is_never_published_today(client, archive):
    entries = {e.find(f"{ATOM}title").text: e for e in entries_of(client.get("/articles/feed/"))}
    no_year = entries[archive.a4.title]  # 18 August, year unknown
    assert no_year.find(f"{ATOM}published") is None
    assert no_year.find(f"{ATOM}updated").text.startswith(str(archive.a4.updated_at.year))
    dated = entries[archive.a3.title]  # 2024: published on the first day it can stand for
    assert dated.find(f"{ATOM}published").text.startswith("2024-01-01")


def test_the_list_feed_query_count_does_not_grow_with_items(client, archive, django_assert_num_queries):
    add_articles(40)
    # the pair's countries validated by the form; the latest 25 matches (outlet joined).
    with django_assert_num_queries(2):
        client.get("/articles/feed/", {"pair": "CN-RU"})


# --- exports for Excel, the missing columns, the officials ---------------------------------------------


def test_csv_for_excel_starts_with_a_byte_order_mark_on_the_web_and_from_the_command(client, archive):
    plain = body(client.get("/articles/export.csv", {"pair": "CN-RU"}))
    excel = body(client.get("/articles/export.csv", {"pair": "CN-RU", "excel": "1"}))
    assert not plain.startswith("\ufeff")
    assert excel == "\ufeff" + plain
    assert command_output("--format", "csv", "--excel") == "\ufeff" + command_output("--format", "csv")


def test_the_excel_option_is_for_csv_only(archive):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--excel is for CSV"):
        command_output("--excel")


def test_the_list_offers_an_excel_download_with_its_filters(client, archive):
    html = client.get("/articles/", {"pair": "CN-RU", "q": "Китай", "page": "1"}).content.decode()
    form = html[html.index('<form class="exports exports--excel"') :].split("</form>")[0]
    assert 'action="/articles/export.csv"' in form
    assert '<input type="hidden" name="pair" value="CN-RU">' in form
    assert '<input type="hidden" name="q" value="Китай">' in form
    assert 'name="page"' not in form
    assert '<input type="checkbox" name="excel" value="1" checked>' in form


def test_exports_carry_signatories_statuses_and_posts(client, archive):
    archive.memo.signatories.set([archive.shoigu, archive.dong])
    records = [json.loads(line) for line in body(client.get("/articles/export.jsonl")).splitlines()]
    a1 = next(r for r in records if r["id"] == archive.a1.pk)
    memo = next(a for a in a1["agreements"] if a["id"] == archive.memo.pk)
    assert memo["status"] == "signed"
    assert [s["name"] for s in memo["signatories"]] == ["Дун Цзюнь", "Сергей Шойгу"]
    shoigu = next(o for o in a1["officials"] if o["id"] == archive.shoigu.pk)
    assert shoigu["position"] == shoigu["current_position"] == "министр обороны"
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(body(client.get("/articles/export.csv"))))}
    row = rows[str(archive.a1.pk)]
    assert row["agreement_statuses"] == "signed"
    assert row["agreement_signatories"] == "Дун Цзюнь, Сергей Шойгу"
    assert row["official_posts"] == "министр обороны; министр обороны"


def test_officials_export_as_csv_and_jsonl_with_the_lists_filters(client, archive):
    archive.shoigu.name_en = "Sergei Shoigu"
    archive.shoigu.save()
    response = client.get("/officials/export.csv", {"country": "RU", "excel": "1"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    text = body(response)
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert [r["name"] for r in rows] == ["Сергей Шойгу"]  # Иван Призраков: only a rejected claim
    assert rows[0]["name_en"] == "Sergei Shoigu" and rows[0]["position"] == "министр обороны"
    assert rows[0]["articles"] == "2"
    records = [json.loads(line) for line in body(client.get("/officials/export.jsonl")).splitlines()]
    dong = next(r for r in records if r["name"] == "Дун Цзюнь")
    assert dong["name_en"] == "Dun Tszyun" and dong["country"] == "CN" and dong["articles"] == 1


def test_officials_export_with_a_bad_filter_is_a_400_saying_why(client, archive):
    response = client.get("/officials/export.csv", {"country": "Россия!"})
    assert response.status_code == 400
    assert "country:" in response.content.decode()


def test_officials_export_query_count_does_not_grow_with_rows(client, archive, django_assert_num_queries):
    from articles.models import Official

    Official.objects.bulk_create(Official(full_name=f"Лицо {n}", normalised=f"лицо {n}") for n in range(40))
    # the officials with their article counts; their other name forms.
    with django_assert_num_queries(2):
        body(client.get("/officials/export.jsonl"))


def test_the_officials_list_links_its_exports(client, archive):
    html = client.get("/officials/", {"country": "RU"}).content.decode()
    assert 'href="/officials/export.csv?country=RU"' in html
    assert 'href="/officials/export.jsonl?country=RU"' in html


def test_the_export_command_takes_a_pair_by_name(archive):
    assert command_output("--pair", "Россия-Китай") == command_output("--pair", "CN-RU") != ""
