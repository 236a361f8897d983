"""The import's write path: history rows inserted once a kind at the end of the article's
transaction, and officials remembered between articles only while nobody else changes them."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from articles.archive import generation
from articles.archive.importing import Importer, Outcome
from articles.archive.merging import merge_officials
from articles.archive.reference import lexicon_from_db
from articles.models import Agreement, Article, Official, OfficialClaim
from articles.models.history import deferred_history
from articles.pipeline.dates import PartialDate
from articles.pipeline.extraction.entities import (
    AgreementMention,
    CountryMention,
    Extraction,
    OfficialMention,
    PairMention,
)
from articles.pipeline.parsing import parse_file

pytestmark = pytest.mark.django_db

BODY = (
    "Министр обороны России Андрей Белоусов и министр обороны Китая Дун Цзюнь подписали в Пекине "
    "соглашение о военном сотрудничестве."
)


def parsed(name: str, body: str = BODY):
    return parse_file(f"Переговоры в Пекине\n\n{body}".encode(), name, {})


def extraction(body: str = BODY, official: str = "Дун Цзюнь") -> Extraction:
    def span(word: str) -> list[tuple[int, int]]:
        at = body.find(word)
        return [(at, at + len(word))] if at >= 0 else []

    return Extraction(
        countries=[CountryMention("RU", span("России")), CountryMention("CN", span("Китая"))],
        pairs=[PairMention(("CN", "RU"), primary=True, score=1.0, spans=span("Китая"))],
        officials=[
            OfficialMention(
                "Андрей Белоусов", position="министр обороны", country="RU", spans=span("Белоусов")
            ),
            OfficialMention(official, aliases=["Дун Цзюнем"], country="CN", spans=span("Дун")),
        ],
        agreements=[
            AgreementMention(
                kind="agreement",
                title="соглашение о военном сотрудничестве",
                status="signed",
                parties=["RU", "CN"],
                signatories=["Андрей Белоусов"],
                date=PartialDate(2024, 5, 16),
                spans=span("соглашение"),
                key="a1",
            )
        ],
    )


def history_inserts(queries) -> dict[str, int]:
    tables: dict[str, int] = {}
    for query in queries:
        sql = query["sql"]
        if sql.startswith('INSERT INTO "articles_historical'):
            table = sql.split('"')[1]
            tables[table] = tables.get(table, 0) + 1
    return tables


def test_a_new_article_writes_each_kind_of_history_row_in_one_insert():
    importer = Importer(lexicon_from_db())
    with CaptureQueriesContext(connection) as queries:
        result = importer.write(parsed("a.txt"), extraction())
    assert result.outcome == Outcome.NEW
    assert history_inserts(queries.captured_queries) == {
        "articles_historicalarticle": 1,
        "articles_historicalcountryclaim": 1,
        "articles_historicalarticlepair": 1,
        "articles_historicalofficial": 1,  # both new officials in one statement
        "articles_historicalofficialclaim": 1,
        "articles_historicalagreement": 1,
        "articles_historicalagreement_parties": 1,
        "articles_historicalagreement_signatories": 1,
        "articles_historicalagreementclaim": 1,
    }


def test_an_agreement_created_and_linked_in_one_transaction_has_one_history_row_with_its_links():
    Importer(lexicon_from_db()).write(parsed("a.txt"), extraction())
    agreement = Agreement.objects.get()
    rows = list(agreement.history.all())
    assert [r.history_type for r in rows] == ["+"]
    assert sorted(p.country_id for p in rows[0].parties.all()) == ["CN", "RU"]
    assert [s.official.full_name for s in rows[0].signatories.all()] == ["Андрей Белоусов"]
    assert Article.objects.get().history.count() == 1
    assert sorted(Official.history.values_list("full_name", flat=True)) == ["Андрей Белоусов", "Дун Цзюнь"]


def test_history_written_outside_a_deferred_write_is_at_once_and_inside_not_until_its_end():
    Official.objects.create(full_name="Ли Шанфу")
    assert Official.history.count() == 1
    with transaction.atomic(), deferred_history():
        Official.objects.create(full_name="Дун Цзюнь")
        assert Official.history.count() == 1
    assert Official.history.count() == 2


def test_a_deferred_write_that_fails_leaves_no_history_row():
    with pytest.raises(RuntimeError), transaction.atomic(), deferred_history():
        Official.objects.create(full_name="Дун Цзюнь")
        raise RuntimeError("the article's write failed")
    assert Official.history.count() == 0


def test_an_editor_changing_an_official_at_once_keeps_its_own_history_row():
    importer = Importer(lexicon_from_db())
    importer.write(parsed("a.txt"), extraction())
    official = Official.objects.get(full_name="Дун Цзюнь")
    official.position = "министр обороны"
    official.save()
    assert [r.history_type for r in official.history.all()] == ["~", "+"]


def test_a_known_official_is_resolved_without_a_query_once_its_article_committed(
    django_capture_on_commit_callbacks,
):
    importer = Importer(lexicon_from_db())
    with django_capture_on_commit_callbacks(execute=True):
        importer.write(parsed("a.txt"), extraction())
    body = "Андрей Белоусов и Дун Цзюнь провели переговоры."
    with django_capture_on_commit_callbacks(execute=True), CaptureQueriesContext(connection) as queries:
        importer.write(parsed("b.txt", body), extraction(body))
    lookups = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith(('SELECT "articles_official"', 'SELECT "articles_officialalias"'))
        # the registry reading an agreement's signatories is not a lookup of a name
        and "articles_agreement_signatories" not in q["sql"]
    ]
    assert lookups == []
    assert Official.objects.count() == 2
    assert OfficialClaim.objects.filter(article__source_file="b.txt").count() == 2


def test_an_official_merged_by_an_editor_is_not_remembered_by_a_running_import(
    django_capture_on_commit_callbacks,
):
    importer = Importer(lexicon_from_db())
    with django_capture_on_commit_callbacks(execute=True):
        importer.write(parsed("a.txt"), extraction(official="Дун Цзюнем"))
    wrong = Official.objects.get(full_name="Дун Цзюнем")
    right = Official.objects.create(full_name="Дун Цзюнь")
    with django_capture_on_commit_callbacks(execute=True):  # the editor's merge, its bump on commit
        merge_officials(right.pk, [wrong.pk])
    body = "Дун Цзюнем принял делегацию."
    with django_capture_on_commit_callbacks(execute=True):
        result = importer.write(parsed("b.txt", body), extraction(body, official="Дун Цзюнем"))
    assert result.outcome == Outcome.NEW
    claims = OfficialClaim.objects.filter(article__source_file="b.txt", official__country="CN")
    assert [c.official_id for c in claims] == [right.pk]
    assert not Official.objects.filter(pk=wrong.pk).exists()


def test_an_imported_article_leaves_remembered_officials_as_they_are(django_capture_on_commit_callbacks):
    generation.bump()
    remembered = generation.Remembered()
    remembered.current()["key"] = 1
    assert remembered.current() == {"key": 1}
    with django_capture_on_commit_callbacks(execute=True):
        Importer(lexicon_from_db()).write(parsed("a.txt"), extraction())
    assert remembered.current() == {"key": 1}
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        generation.bump_on_commit()  # any other writer: an editor's save
    assert remembered.current() == {}
