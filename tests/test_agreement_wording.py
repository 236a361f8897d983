"""General wordings of real news the per-article reading used to miss (issue 14, found on the registry
development set and checked here on made-up sentences): the other word for a treaty, a dash that
restates a document, a stage told a sentence later, laws and decisions about a stage, and dates."""

import pytest
from agreement_helpers import agreements, one

from articles.pipeline.dates import PartialDate
from articles.pipeline.extraction.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


# - one document, whatever word the text uses for it -


def test_a_bare_agreement_after_a_treaty_is_that_treaty(lexicon):
    text = (
        "Россия и Монголия подписали договор о стратегическом партнёрстве. Об этом сообщает агентство. "
        "Соглашение было подписано 3 марта 2023 года в Улан-Баторе."
    )
    found = one(text, lexicon)
    assert found.kind == "treaty"
    assert found.date == PartialDate(2023, 3, 3)
    assert len(found.spans) == 2


def test_a_bare_treaty_in_the_sentence_of_an_agreement_is_not_joined_to_it(lexicon):
    text = "По соглашению сторон договор между Россией и Монголией может быть продлён в течение месяца."
    assert "treaty" in {a.kind for a in agreements(text, lexicon)}


@pytest.mark.parametrize(
    "second",
    [
        "Кроме того, Рада денонсировала договор с Россией.",
        "Рада денонсировала и договор, согласно которому войска России могли проходить через Украину.",
    ],
)
def test_one_more_bare_treaty_or_one_its_clause_defines_is_another_document(second, lexicon):
    text = f"Рада расторгла соглашение с Россией о военном сотрудничестве. {second}"
    assert sorted(a.kind for a in agreements(text, lexicon)) == ["agreement", "treaty"]


def test_a_treaty_and_an_agreement_about_the_same_subject_are_one_document(lexicon):
    text = (
        "Россия и Лаос подписали договор о взаимной охране секретной информации. "
        "Парламент Лаоса ратифицировал соглашение России и Лаоса о взаимной охране информации."
    )
    found = one(text, lexicon)
    assert found.kind == "treaty"
    assert found.status == "ratified"


def test_a_treaty_and_an_agreement_sharing_one_word_stay_two(lexicon):
    text = (
        "Россия и Лаос подписали договор о дружбе и сотрудничестве. "
        "Россия и Лаос также подписали соглашение о военном сотрудничестве."
    )
    assert sorted(a.kind for a in agreements(text, lexicon)) == ["agreement", "treaty"]


def test_a_time_in_the_locative_is_not_part_of_the_name(lexicon):
    found = one("Россия и Куба подписали соглашение в начале марта.", lexicon)
    assert found.title == "соглашение"


def test_an_abbreviation_and_the_words_it_stands_for_name_one_document(lexicon):
    text = (
        "Россия и Армения подписали соглашение о создании объединённой системы ПВО. "
        "Проект соглашения о создании объединённой системы противовоздушной обороны Армения одобрила в мае."
    )
    assert len(agreements(text, lexicon)) == 1


# - a dash restates the document; the next sentence may tell its stage -


def test_a_dash_restates_the_document_and_the_fuller_name_gives_kind_and_title(lexicon):
    text = (
        "Последнее соглашение между Россией и Японией в сфере рыболовства — Договор о сохранении "
        "морских живых ресурсов — прекратило своё действие 5 февраля."
    )
    found = one(text, lexicon)
    assert found.kind == "treaty"
    assert found.title == "Договор о сохранении морских живых ресурсов"
    assert found.status == "terminated"


def test_a_named_document_takes_its_stage_from_the_next_sentence(lexicon):
    text = (
        "Договор о сотрудничестве в области космоса (ДСК) — соглашение между Россией и Бразилией. "
        "Документ подписали в 2015 году в Бразилиа. Он вступил в силу в 2017 году."
    )
    found = one(text, lexicon)
    assert found.kind == "treaty"
    assert found.status == "in_force"
    assert found.date == PartialDate(2015)


def test_a_named_document_nothing_happens_to_is_no_agreement(lexicon):
    text = (
        "Договор о сотрудничестве в области космоса между Россией и Бразилией обсуждают эксперты. "
        "Документ интересен многим."
    )
    assert agreements(text, lexicon) == []


# - the stage as worded -


@pytest.mark.parametrize(
    "text, status",
    [
        (
            "Президент Казахстана подписал закон о ратификации соглашения с Россией о военном сотрудничестве.",
            "ratified",
        ),
        ("Госдума приняла закон о денонсации договора России и Грузии о дружбе.", "terminated"),
        ("Путин подписал закон о приостановлении договора России и Эстонии о границе.", "suspended"),
        (
            "Президент внёс в Госдуму законопроект о ратификации соглашения России и Кубы о сотрудничестве.",
            "signed",
        ),
        (
            "Правительство приняло решение о подписании соглашения между Россией и Никарагуа о сотрудничестве.",
            "planned",
        ),
        ("Россия и Белоруссия планируют подготовить договор о взаимной обороне к осени.", "planned"),
        (
            "Министр отметил подписание и вступление в силу договора между Россией и Ираном о партнёрстве.",
            "in_force",
        ),
    ],
)
def test_a_stage_is_read_from_laws_decisions_and_nouns_about_it(text, status, lexicon):
    assert one(text, lexicon).status == status


def test_two_documents_subject_of_one_verb_both_take_its_stage(lexicon):
    text = (
        "План сотрудничества между министерствами обороны России и Узбекистана на 2025 год и программа "
        "стратегического партнёрства между двумя странами в военной области на 2026-2030 годы подписаны в среду."
    )
    assert sorted((a.kind, a.status) for a in agreements(text, lexicon)) == [
        ("plan", "signed"),
        ("programme", "signed"),
    ]


def test_a_participle_of_the_draft_is_no_signing(lexicon):
    text = "Россия и Армения обсудили соглашение о связи: его проект, одобренный правительством, готов."
    assert one(text, lexicon).status == "draft"


def test_a_possessive_pronoun_before_a_noun_is_not_the_document(lexicon):
    text = (
        "Минобороны поручено подписать соглашение между Россией и Арменией о связи, внося в его проект, "
        "одобренный правительством, изменения."
    )
    assert one(text, lexicon).status == "planned"


# - dates -


def test_a_later_date_that_agrees_makes_the_signing_date_more_precise(lexicon):
    text = (
        "Подписанный в 2024 году договор о партнёрстве между Россией и Вьетнамом важен. "
        "19 июня 2024 года президенты России и Вьетнама подписали договор о партнёрстве."
    )
    assert one(text, lexicon).date == PartialDate(2024, 6, 19)


def test_a_document_ended_in_the_news_is_not_signed_on_the_news_day(lexicon):
    text = (
        "2 августа прекращено действие договора между Россией и США о ракетах. "
        "Договор был подписан в ходе встречи в Вашингтоне."
    )
    found = one(text, lexicon, date=PartialDate(2019, 8, 2))
    assert found.status == "terminated"
    assert not found.date


def test_a_document_signed_in_the_news_still_takes_the_news_day(lexicon):
    text = "Россия и Вьетнам подписали договор о партнёрстве. Договор вступает в силу с момента подписания."
    assert one(text, lexicon, date=PartialDate(2024, 6, 19)).date == PartialDate(2024, 6, 19)


# - a protocol and the document it amends -


def test_the_document_a_protocol_amends_is_a_document_of_its_own(lexicon):
    text = (
        "Россия и Белоруссия подписали Протокол о внесении изменений в Договор между Белоруссией и "
        "Россией о развитии сотрудничества от 10 декабря 2009 года."
    )
    found = {a.kind: a for a in agreements(text, lexicon)}
    assert sorted(found) == ["protocol", "treaty"]
    assert found["protocol"].status == "signed"
    assert found["treaty"].status == "signed"
    assert found["treaty"].date == PartialDate(2009, 12, 10)


def test_the_draft_of_a_document_is_no_signing_of_it(lexicon):
    text = (
        "Президент Белоруссии одобрил проект протокола о сотрудничестве с Россией в области связи. "
        "Комитет уполномочен на переговоры по проекту документа и его подписание."
    )
    assert one(text, lexicon).status == "draft"


def test_a_new_treaty_with_the_name_of_the_agreement_before_is_that_document(lexicon):
    text = (
        "Турция и Азербайджан подписали соглашение о военной безопасности. "
        "Турция и Азербайджан заключили новый договор о военной безопасности в Стамбуле."
    )
    found = one(text, lexicon)
    assert (found.kind, found.title) == ("agreement", "соглашение о военной безопасности")
    assert len(found.spans) == 2


def test_a_plural_participle_after_another_noun_is_no_stage_of_the_document(lexicon):
    text = (
        "Президенты Бразилии и Аргентины подпишут соглашение об обороне в понедельник. "
        "Соглашение станет итогом решений, принятых на встрече министров в мае 2022 года."
    )
    found = one(text, lexicon)
    assert found.status == "planned"
    assert not found.date.year
    signed = one(
        "Бразилия и Аргентина выполнят положения документов, подписанных в мае 2022 года: соглашения об обороне.",
        lexicon,
    )
    assert signed.status == "signed"
