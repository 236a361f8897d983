"""Stages and dates the older sets showed misread (issue 14, round agreements10; found on
tests/data/agreements7 and agreements9, checked here on made-up sentences): the items of a series under
one lead take the lead's stage and pair; «Данное соглашение …» after a named document with no stage
of its own is that document; a document's own rule for its entry into force is not its entry; a date
beside another predicate is not the date of a participle's signing; a legislature voting for a document
or adopting it ratifies; a decree signed about a document does not sign it."""

import pytest
from agreement_helpers import agreements, one

from articles.pipeline.dates import PartialDate
from articles.pipeline.extraction.lexicon import Lexicon

DAY = PartialDate(2024, 5, 10)


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


SERIES = (
    "Парламент Литвы денонсировал четыре соглашения с Беларусью в сфере обороны.\n"
    "Среди этих документов — межправительственное соглашение между Литвой и Беларусью о воинских перевозках.\n"
    "Данное соглашение было подписано 3 марта 1996 года в Вильнюсе и ратифицировано сеймом 5 мая 1997 года.\n"
    "Соглашение об обмене секретной информацией, подписанное 8 октября 2001 года в Минске и "
    "ратифицированное сеймом 9 июня 2002 года.\n"
)


def test_the_items_of_a_series_take_the_leads_stage_and_pair(lexicon):
    found = sorted(agreements(SERIES, lexicon, date=DAY), key=lambda a: a.spans[0])
    assert [(a.title, a.status, a.parties) for a in found] == [
        ("межправительственное соглашение о воинских перевозках", "terminated", ["BY", "LT"]),
        ("соглашение об обмене секретной информацией", "terminated", ["BY", "LT"]),
    ]
    assert [a.date for a in found] == [PartialDate(1996, 3, 3), PartialDate(2001, 10, 8)]


def test_a_document_signed_in_the_news_keeps_its_own_stage_beside_a_series(lexicon):
    text = (
        "Парламент Литвы денонсировал четыре соглашения с Беларусью в сфере обороны.\n"
        "В тот же день министры Литвы и Польши подписали соглашение о совместном патрулировании границы.\n"
    )
    found = agreements(text, lexicon, date=DAY)
    assert [(a.status, a.parties) for a in found] == [("signed", ["LT", "PL"])]


def test_a_pointing_noun_tells_the_stage_of_the_document_named_before_it(lexicon):
    text = (
        "Среди обсуждавшихся документов — соглашение между Арменией и Грецией о военном образовании.\n"
        "Данное соглашение было подписано 14 февраля 2019 года в Афинах.\n"
    )
    a = one(text, lexicon, date=DAY)
    assert (a.title, a.status, a.parties, a.date) == (
        "соглашение о военном образовании",
        "signed",
        ["AM", "GR"],
        PartialDate(2019, 2, 14),
    )


def test_a_documents_own_rule_for_its_entry_into_force_is_not_its_entry(lexicon):
    text = (
        "Соглашение между Казахстаном и Узбекистаном о военных перевозках подписано министрами 2 апреля. "
        "«Соглашение вступает в силу по истечении 30 дней с даты получения последнего уведомления», — "
        "говорится в документе."
    )
    a = one(text, lexicon, date=DAY)
    assert (a.status, a.date) == ("signed", PartialDate(2024, 4, 2))


def test_a_participles_signing_is_not_dated_by_the_sentences_other_predicate(lexicon):
    text = (
        "Вступление в силу соглашения о военных перевозках, заключенного Казахстаном и Узбекистаном, "
        "ожидается в 2026 году. Соглашение подписано министрами двух стран 2 апреля."
    )
    a = one(text, lexicon, date=PartialDate(2026, 1, 15))
    assert (a.status, a.date) == ("signed", PartialDate(2025, 4, 2))


def test_a_participle_still_gives_the_date_inside_its_own_phrase(lexicon):
    text = "Соглашение между Россией и Индией, подписанное 3 мая, предусматривает обмен курсантами."
    assert one(text, lexicon, date=DAY).date == PartialDate(2024, 5, 3)


def test_a_legislature_voting_for_the_document_ratifies_it(lexicon):
    text = "Сейм Латвии проголосовал за соглашение с Эстонией о совместной охране границы."
    assert one(text, lexicon, date=DAY).status == "ratified"


def test_a_document_adopted_by_a_legislature_is_ratified_and_dated_by_its_signing(lexicon):
    text = (
        "Договор о союзнических отношениях между Таджикистаном и Узбекистаном ратифицирован. "
        "Документ был принят Маджлиси Оли 12 марта. Договор подписан 2 октября в Душанбе."
    )
    a = one(text, lexicon, date=DAY)
    assert (a.status, a.date) == ("ratified", PartialDate(2023, 10, 2))


def test_a_decree_signed_about_a_document_does_not_sign_it(lexicon):
    text = (
        "Президент Казахстана подписал распоряжение о проведении переговоров с Китаем о заключении "
        "соглашения о военном сотрудничестве. Казахстан и Китай намерены подписать соглашение в ближайшее "
        "время."
    )
    a = one(text, lexicon, date=DAY)
    assert (a.status, a.parties) == ("planned", ["CN", "KZ"])
