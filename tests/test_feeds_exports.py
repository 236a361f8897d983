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
    # parties for the chunk; the same for the form's validation at most.
    with django_assert_max_num_queries(8):
        body(client.get("/articles/export.jsonl"))


def test_exports_are_linked_from_the_list_with_its_filters(client, archive):
    html = client.get("/articles/?pair=CN-RU&page=1").content.decode()
    assert 'href="/articles/export.csv?pair=CN-RU"' in html
    assert 'href="/articles/export.jsonl?pair=CN-RU"' in html
