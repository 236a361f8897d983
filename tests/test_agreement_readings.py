"""Per-article readings the registry development sets showed wrong (issue 14; found on
tests/data/registry3 and registry2, checked here on made-up sentences): a document about extending
something is not extended, titles end where the name ends, and a decree or a recommendation dates no
signing."""

import pytest
from agreement_helpers import agreements, one

from articles.pipeline.dates import PartialDate
from articles.pipeline.extraction.lexicon import Lexicon

DAY = PartialDate(2024, 5, 10)


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


# - the stage `extended` needs the document as the thing extended -


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # a stage word inside the document's own name
        (
            "Соглашение по продлению срока размещения базы между Россией и Таджикистаном, как "
            "предполагается, будет подписано весной.",
            "planned",
        ),
        # what the verb extends is the term of something else, under the document
        (
            "Россия и Таджикистан подписали соглашение о военной базе. По новому соглашению срок продлен "
            "еще на 30 лет.",
            "signed",
        ),
        # an extension still to come: the document stands signed
        (
            "Соглашение между Россией и Казахстаном о космодроме может быть пролонгировано на 10 лет.",
            "signed",
        ),
        # the document itself extended
        ("Россия и Таджикистан продлили соглашение о военной базе.", "extended"),
        ("Соглашение о пребывании базы между Россией и Таджикистаном продлено на 30 лет.", "extended"),
        ("Срок действия договора между Россией и Монголией продлён на пять лет.", "extended"),
    ],
)
def test_extended_only_when_the_document_is_extended(lexicon, text, status):
    assert one(text, lexicon, date=DAY).status == status


# - the title ends where the name ends -


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Россия и Киргизия заключили соглашение 16 августа 2022 года в Москве.", "соглашение"),
        ("Правительство России одобрило проект соглашения двух стран с Суданом.", "соглашение"),
        (
            "Ратификация соглашения о недрах между Украиной и США в парламенте ожидается 8 мая.",
            "соглашение о недрах между Украиной и США",
        ),
        (
            "Ратификация соглашения с Таджикистаном со стороны депутатов пройдет в первых числах осени.",
            "соглашение с Таджикистаном",
        ),
        # the parties, when no name follows, are part of the title as written
        ("Соглашение с Таджикистаном было подписано 5 октября 2012 года.", "соглашение с Таджикистаном"),
        (
            "Проект соглашения между нашей страной и Суданом был одобрен правительством России.",
            "соглашение между нашей страной и Суданом",
        ),
        # a field of cooperation stays part of the name
        (
            "Соглашение о сотрудничестве в военной области между Россией и Лаосом подписано в мае.",
            "соглашение о сотрудничестве в военной области между Россией и Лаосом",
        ),
    ],
)
def test_title_takes_no_date_parties_time_or_body(lexicon, text, title):
    assert one(text, lexicon, date=DAY).title == title


def test_a_day_after_the_noun_dates_the_signing(lexicon):
    found = one("Россия и Киргизия заключили соглашение 16 августа 2022 года в Москве.", lexicon, date=DAY)
    assert found.date == PartialDate(2022, 8, 16)


# - a later step's sentence does not date the signing -


def test_a_decree_signed_is_not_the_agreement_signed(lexicon):
    text = (
        "В 2021 году премьер-министр России подписал постановление о внесении на ратификацию соглашения "
        "с Суданом о создании пункта обеспечения флота."
    )
    found = one(text, lexicon, date=DAY)
    assert found.status == "signed"
    assert found.date == PartialDate()


def test_a_recommendation_to_ratify_dates_no_signing(lexicon):
    text = (
        "Комитет 6 мая 2024 года рекомендовал ратифицировать соглашение о недрах между Украиной и США, "
        "заключенное 30 апреля 2024 года."
    )
    assert one(text, lexicon, date=DAY).date == PartialDate(2024, 4, 30)


# - a legislature's approval, a signing soon, a present that may be a future (regread) -


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Меджлис Эритреи утвердил договор о рыболовстве с Россией.", "ratified"),
        ("Сенаторы одобрили соглашение между Россией и Лаосом о военном сотрудничестве.", "ratified"),
        (
            "Договор о рыболовстве между Россией и Эритреей, утвержденный парламентом, вступит в действие летом.",
            "ratified",
        ),
        # a government's approval for signing: the signing is still to come
        (
            "Правительство России одобрило соглашение с Лаосом о связи и представит его на подпись президенту.",
            "planned",
        ),
        (
            "Президент назвал подписание в ближайшее время соглашения о портах с Эритреей большой удачей "
            "для России.",
            "planned",
        ),
        # «ратифицирует» may be a future: the document stands signed
        ("Парламент Лаоса ратифицирует соглашение с Россией о военном сотрудничестве.", "signed"),
    ],
)
def test_a_stage_as_worded(lexicon, text, status):
    assert one(text, lexicon, date=DAY).status == status


def test_an_abbreviation_of_the_subject_stays_in_the_title(lexicon):
    text = "Россия и Эритрея подписали соглашение о создании на побережье ПМТО флота России."
    assert one(text, lexicon, date=DAY).title == "соглашение о создании на побережье ПМТО флота России"


def test_instruments_of_ratification_exchanged_mean_ratified(lexicon):
    text = "В ходе встречи был подписан протокол об обмене грамотами о ратификации соглашения между Россией и Лаосом о базе."
    found = {a.kind: a.status for a in agreements(text, lexicon, date=DAY)}
    assert found == {"protocol": "signed", "agreement": "ratified"}


def test_we_shall_be_able_to_sign_is_a_plan_after_a_draft_prepared(lexicon):
    text = "Мы в ближайшее время подготовим и сможем подписать соглашение о военно-техническом сотрудничестве с Лаосом, сказал министр обороны России."
    assert one(text, lexicon, date=DAY).status == "planned"


def test_a_later_mention_with_no_stage_still_dates_the_document_by_its_name(lexicon):
    text = (
        "Президент России подписал указ о приостановке выполнения Договора о ликвидации ракет средней "
        "дальности между Россией и Лаосом. Решение вызвано нарушением Лаосом обязательств по договору "
        "между Россией и Лаосом о ликвидации этих ракет от 8 декабря 1987 года."
    )
    found = one(text, lexicon, date=DAY)
    assert (found.status, found.date) == ("suspended", PartialDate(1987, 12, 8))
