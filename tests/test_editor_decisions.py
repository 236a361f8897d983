"""Acceptance: an editor's decisions survive every later import and re-extraction, and a rejected
official never reaches readers — not on a page, not in an export."""

import json
from io import StringIO

import pytest
from admin_helpers import errors_of, form_data, make_editor, set_row
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, ClaimOrigin, ClaimState, Official
from articles.pipeline.extraction.entities import CountryMention, Extraction, OfficialMention, PairMention

pytestmark = pytest.mark.django_db

TEXT = (
    "Китай и Россия обсудили военное сотрудничество\n\n"
    "Министр обороны Китая Ли Шанфу и министр обороны России Андрей Белоусов обсудили в Пекине "
    "военное сотрудничество. Китай готов расширять учения."
)
CHANGED = TEXT + " Стороны договорились встретиться снова."


def fixed_extraction(parsed, lexicon) -> Extraction:
    """What a (deliberately wrong) extractor finds: it takes «Ли Шанфу» for a participant."""
    body = parsed.body

    def spans(word):
        found, at = [], body.find(word)
        while at != -1:
            found.append((at, at + len(word)))
            at = body.find(word, at + 1)
        return found

    return Extraction(
        countries=[CountryMention("CN", spans("Кита")), CountryMention("RU", spans("Росси"))],
        pairs=[PairMention(("CN", "RU"), primary=True, score=1.0, spans=spans("Кита")[:1])],
        officials=[
            OfficialMention("Ли Шанфу", position="министр обороны", country="CN", spans=spans("Ли Шанфу")),
            OfficialMention(
                "Андрей Белоусов", position="министр обороны", country="RU", spans=spans("Белоусов")
            ),
        ],
    )


@pytest.fixture
def extractor(monkeypatch):
    monkeypatch.setattr("articles.pipeline.extraction.pipeline.extract", fixed_extraction)


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "cn-ru-talks.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def import_file(path) -> None:
    out, err = StringIO(), StringIO()
    try:
        call_command("import_articles", str(path), verbosity=0, stdout=out, stderr=err)
    except Exception:
        raise AssertionError(out.getvalue() + err.getvalue()) from None


def decide(client, article: Article) -> None:
    """Through the admin: reject the extracted Ли Шанфу, confirm China, correct the title."""
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(client.get(url))
    li = article.official_claims.get(official__full_name="Ли Шанфу")
    cn = article.country_claims.get(country_id="CN")
    set_row(data, "official_claims", li.pk, state="rejected")
    set_row(data, "country_claims", cn.pk, state="confirmed")
    data["title"] = "Пекин и Москва обсудили военное сотрудничество"
    response = client.post(url, data)
    assert response.status_code == 302, errors_of(response)


def assert_decisions_kept(article_id: int) -> None:
    article = Article.objects.get(pk=article_id)
    li = article.official_claims.get(official__full_name="Ли Шанфу")
    assert (li.state, li.origin) == (ClaimState.REJECTED, ClaimOrigin.EXTRACTED)
    assert article.official_claims.filter(official__full_name="Ли Шанфу").count() == 1  # never re-proposed
    assert article.country_claims.get(country_id="CN").state == ClaimState.CONFIRMED
    assert article.title == "Пекин и Москва обсудили военное сотрудничество"
    # The machine's other findings are still there, still proposed.
    assert article.official_claims.get(official__full_name="Андрей Белоусов").state == ClaimState.PROPOSED


def test_editor_decisions_survive_reimport_a_changed_file_and_reextraction(client, extractor, source):
    client.force_login(make_editor())
    import_file(source)
    article = Article.objects.get()
    decide(client, article)
    assert_decisions_kept(article.pk)

    import_file(source)  # the same file again: unchanged
    assert_decisions_kept(article.pk)

    source.write_text(CHANGED, encoding="utf-8")
    import_file(source)  # a changed version: the article is updated, the decisions stay
    assert Article.objects.get().body.endswith("встретиться снова.")
    assert_decisions_kept(article.pk)

    call_command("reextract", "--all", verbosity=0, stdout=StringIO(), stderr=StringIO())
    assert_decisions_kept(article.pk)


def test_a_rejected_official_reaches_no_reader_page_and_no_export(client, extractor, source):
    editor_client = client
    editor_client.force_login(make_editor())
    import_file(source)
    article = Article.objects.get()
    decide(editor_client, article)
    li = Official.objects.get(full_name="Ли Шанфу")
    editor_client.logout()  # readers need no account

    page = client.get(reverse("articles:article", args=[article.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert (
        f'href="/officials/{article.official_claims.get(official__full_name="Андрей Белоусов").official_id}/"'
        in html
    )
    # The name stays in the article's text, but it is no longer linked, highlighted or listed.
    assert f"/officials/{li.pk}/" not in html
    assert 'title="Ли Шанфу"' not in html
    assert html.count("Ли Шанфу") == article.body.count("Ли Шанфу")

    official_page = client.get(reverse("articles:official", args=[li.pk]))
    assert official_page.status_code in (200, 404)
    assert article.title not in official_page.content.decode()

    listing = client.get(reverse("articles:article_list"), {"official": li.pk})
    assert article.title not in listing.content.decode()

    lines = b"".join(client.get(reverse("articles:export_jsonl")).streaming_content).decode().splitlines()
    exported = [json.loads(line) for line in lines if line.strip()]
    row = next(r for r in exported if r["id"] == article.pk)
    assert [o["name"] for o in row["officials"]] == ["Андрей Белоусов"]
    csv = b"".join(client.get(reverse("articles:export_csv")).streaming_content).decode()
    assert "Ли Шанфу" not in csv

    out = StringIO()
    call_command("export_articles", stdout=out)
    assert "Ли Шанфу" not in out.getvalue()
    assert "Андрей Белоусов" in out.getvalue()
