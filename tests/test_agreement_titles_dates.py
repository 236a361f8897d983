"""Titles and dates the web-text sets showed misread (issue 14; found on tests/data/webtext3 and
webtext7, checked here on made-up sentences): an official title written with its capital is read whole,
however long, so a shorter later or earlier name of the same document joins it; a sentence that names
the document but says nothing of its stage does not date its signing."""

import pytest
from agreement_helpers import agreements, one

from articles.pipeline.dates import PartialDate
from articles.pipeline.extraction.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


def test_a_long_official_title_is_read_whole_and_its_short_name_joins_it(lexicon):
    text = (
        "Подписание соглашения о создании общей системы ПВО подтвердило высокий уровень доверия Чехии и "
        "Словакии. Как сообщалось, 3 марта в Праге было подписано Соглашение о совместной охране внешней "
        "границы Чехии и Словакии в воздушном пространстве и создании общей системы противовоздушной "
        "обороны."
    )
    found = agreements(text, lexicon, date=PartialDate(None, 3, 5))
    assert len(found) == 1, [(a.title, a.status) for a in found]
    assert found[0].title.endswith("и создании общей системы противовоздушной обороны")
    assert found[0].date == PartialDate(None, 3, 3)


def test_a_title_in_lower_case_still_ends_at_ten_words(lexicon):
    text = (
        "Чехия и Словакия подписали соглашение о совместной охране внешней границы двух стран в воздушном "
        "пространстве и создании общей системы противовоздушной обороны."
    )
    assert not one(text, lexicon).title.endswith("обороны")


def test_a_sentence_naming_the_document_without_its_stage_does_not_date_its_signing(lexicon):
    text = (
        "Правовой портал опубликовал 14 января текст соглашения между министерствами обороны Польши и "
        "Литвы о военном сотрудничестве. Документ был подписан 15 декабря 2025 года во время визита "
        "министра в Вильнюс."
    )
    found = one(text, lexicon, date=PartialDate(2026, 1, 14))
    assert found.status == "signed"
    assert found.date == PartialDate(2025, 12, 15)


@pytest.mark.parametrize(
    ("article_date", "expected"),
    [
        (PartialDate(None, 2, 24), PartialDate(None, 2, 24)),
        (PartialDate(2024, 2, 24), PartialDate(2024, 2, 24)),
    ],
)
def test_todays_adjective_dates_the_signing_at_the_article_dates_precision(lexicon, article_date, expected):
    text = (
        "Главным итогом сегодняшнего дня для Эстонии и Латвии стало подписание соглашения о военном "
        "сотрудничестве."
    )
    assert one(text, lexicon, date=article_date).date == expected


def test_yesterdays_talks_date_the_signing_a_day_before(lexicon):
    text = "По итогам вчерашних переговоров Эстония и Латвия подписали меморандум об обмене курсантами."
    assert one(text, lexicon, date=PartialDate(2024, 2, 24)).date == PartialDate(2024, 2, 23)


# - one document named twice -


def test_a_second_naming_without_parties_is_the_document_named_before(lexicon):
    text = (
        "Премьер-министры Эстонии и Латвии подписали соглашение о сотрудничестве в сфере безопасности. "
        "«Важным результатом сегодня стало подписание двустороннего соглашения по безопасности», — "
        "написал премьер."
    )
    assert len(agreements(text, lexicon, date=PartialDate(2024, 2, 24))) == 1


def test_one_more_in_a_series_with_an_agreeing_name_is_the_same_document(lexicon):
    text = (
        "Эстония и Латвия подписали соглашение о гарантиях безопасности. «Сегодня мы подписали ещё одно "
        "соглашение о безопасности, которое укрепляет наши позиции», — сказал премьер."
    )
    assert len(agreements(text, lexicon, date=PartialDate(2024, 2, 24))) == 1


def test_one_more_document_of_another_subject_stays_another(lexicon):
    text = (
        "Эстония и Латвия подписали соглашение о гарантиях безопасности. Кроме того, Эстония и Латвия "
        "подписали ещё одно соглашение о морском патрулировании."
    )
    assert len(agreements(text, lexicon, date=PartialDate(2024, 2, 24))) == 2


def test_a_naming_without_parties_that_writes_its_own_year_stays_apart(lexicon):
    text = (
        "Сегодня министры обороны Эстонии и Латвии подписали программу стратегического партнерства в "
        "военной сфере. Документ рассчитан на пять лет. Программа стратегического партнерства этих стран "
        "впервые была принята в 2019 году."
    )
    assert len(agreements(text, lexicon, date=PartialDate(2025, 10, 15))) == 2


def test_a_noun_after_the_dash_relates_two_documents_rather_than_restating_one(lexicon):
    text = (
        "Эстония и Латвия подписали соглашение о военном сотрудничестве. «Это соглашение — продолжение "
        "договора, подписанного между нашими странами в 1995 году», — сказал министр."
    )
    found = agreements(text, lexicon, date=PartialDate(2024, 2, 24))
    assert sorted(a.kind for a in found) == ["agreement", "treaty"]


def test_a_name_after_the_dash_restates_the_document(lexicon):
    for text in (
        "Последнее соглашение между Эстонией и Латвией о сокращении вооружений — Договор о сокращении "
        "наступательных вооружений — подписали в 2010 году.",
        "Эстония и Латвия подписали соглашение — новый договор о военном сотрудничестве.",
    ):
        assert len(agreements(text, lexicon, date=PartialDate(2024, 2, 24))) == 1


# - a signing in two cities -


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Соглашение между Эстонией и Латвией о военном сотрудничестве было подписано в Таллине 23 июля "
            "2019 года и в Риге 1 декабря 2020 года.",
            PartialDate(2020, 12, 1),
        ),
        (
            "Сейм ратифицировал соглашение между Эстонией и Латвией о военном сотрудничестве, подписанное "
            "в Таллине 27 марта и в Риге 3 апреля.",
            PartialDate(None, 4, 3),
        ),
        (
            "Правительство одобрило соглашение между Эстонией и Латвией о военном сотрудничестве, "
            "подписанное в г. Таллине 23 июля 2019 г. и в г. Риге 1 декабря 2020 г.",
            PartialDate(2020, 12, 1),
        ),
    ],
)
def test_a_document_signed_in_two_cities_is_signed_on_the_later_day(lexicon, text, expected):
    assert one(text, lexicon, date=PartialDate(None, 10, 7)).date == expected
