"""Stages read on agreements25 (found there, checked here on made-up texts): a legislature's approval still
to come («должно быть одобрено парламентом») is no ratification; talks on a document make it a draft, not
dated by the news; a government's approval with no word of a signing is a draft; a signing put in a year
after the article's is still to come; a plural document with a list of partners («соглашения … с Кубой и Того») is
one document with each, a singular one of three states stays one."""

import pytest
from agreement_helpers import agreements, one

from articles.pipeline.dates import PartialDate
from articles.pipeline.extraction.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


def test_an_approval_by_parliament_still_to_come_is_no_ratification(lexicon):
    text = (
        "Эквадор и Колумбия подписали соглашение о военном сотрудничестве. Соглашение должно быть одобрено "
        "парламентом Эквадора."
    )
    assert one(text, lexicon).status == "signed"


def test_talks_on_a_document_make_it_a_draft_with_no_date(lexicon):
    text = (
        "Переговоры между Эквадором и Колумбией по соглашению о совместном патрулировании границы завершены. "
        "Соглашение должно быть одобрено парламентом."
    )
    found = one(text, lexicon, date=PartialDate(2024, 3, 5))
    assert found.status == "draft"
    assert found.date == PartialDate()


def test_a_governments_approval_alone_is_a_draft(lexicon):
    approved = "Правительство Эквадора одобрило протокол о военном сотрудничестве с Колумбией."
    assert one(approved, lexicon).status == "draft"
    signed = (
        "Правительство Эквадора одобрило соглашение о военном сотрудничестве с Колумбией, подписанное в мае."
    )
    assert one(signed, lexicon).status == "signed"
    parliament = "Парламент Эквадора одобрил соглашение о военном сотрудничестве с Колумбией."
    assert one(parliament, lexicon).status == "ratified"


def test_a_signing_in_a_later_year_than_the_articles_is_planned(lexicon):
    text = (
        "Президенты Эквадора и Колумбии объявили о подписании в 2026 году договора о военном сотрудничестве."
    )
    assert one(text, lexicon, date=PartialDate(2025, 4, 2)).status == "planned"
    done = (
        "Президенты Эквадора и Колумбии объявили о подписании в 2025 году договора о военном сотрудничестве."
    )
    assert one(done, lexicon, date=PartialDate(2025, 4, 2)).status == "signed"


def test_a_vote_on_amendments_goes_to_the_protocol_that_makes_them(lexicon):
    text = (
        "Парламент Эквадора одобрил законопроект о поправках в соглашении о военном сотрудничестве между "
        "Эквадором и Колумбией. Стороны в марте подписали протокол о внесении изменений в соглашение."
    )
    found = {a.kind: a.status for a in agreements(text, lexicon)}
    assert found == {"agreement": "in_force", "protocol": "ratified"}


def test_amendments_with_no_amending_document_named_stay_with_the_document(lexicon):
    text = "Парламент Эквадора ратифицировал поправки к соглашению о военном сотрудничестве с Колумбией."
    assert one(text, lexicon).status == "ratified"


def test_the_start_of_a_term_does_not_date_the_signing(lexicon):
    text = "Подписанное соглашение о военном сотрудничестве между Эквадором и Колумбией вступит в силу с 2027 года."
    assert one(text, lexicon).date == PartialDate()


def test_a_relative_clause_about_something_else_does_not_date_the_signing(lexicon):
    text = (
        "Эквадор, который вступил в ОПЕК в мае 1973 года, в декабре подписал с Колумбией соглашение о "
        "военном сотрудничестве."
    )
    assert one(text, lexicon).date.year is None
    told = (
        "Эквадор и Колумбия ратифицировали соглашение о военном сотрудничестве, которое было заключено в мае "
        "2020 года."
    )
    assert one(told, lexicon).date == PartialDate(2020, 5)
    visit = (
        "Соглашение было заключено в ходе визита президента Эквадора в Колумбию, который состоялся в мае "
        "2021 года."
    )
    assert one(visit, lexicon).date == PartialDate(2021, 5)


def test_a_plural_document_with_listed_partners_is_one_document_with_each(lexicon):
    text = (
        "Депутаты парламента ратифицировали соглашения о военном сотрудничестве Эквадора с Колумбией и "
        "Республикой Панама."
    )
    found = agreements(text, lexicon)
    assert sorted(tuple(a.parties) for a in found) == [("CO", "EC"), ("EC", "PA")]
    assert {a.status for a in found} == {"ratified"}


def test_a_partners_document_named_again_on_its_own_is_one_record(lexicon):
    text = (
        "Депутаты парламента ратифицировали соглашения о военном сотрудничестве Эквадора с Колумбией и "
        "Панамой. По ратификации соглашения с Панамой выступил депутат."
    )
    found = agreements(text, lexicon)
    assert sorted(tuple(a.parties) for a in found) == [("CO", "EC"), ("EC", "PA")]
    assert {a.status for a in found} == {"ratified"}


def test_one_document_of_three_states_stays_one(lexicon):
    text = "Эквадор подписал соглашение о сотрудничестве в области обороны с Колумбией и Панамой."
    assert len(agreements(text, lexicon)) == 1


@pytest.mark.parametrize(
    "naming",
    [", получивший название «Соглашение о", " под названием «Соглашение о", ", известный как Соглашение о"],
)
def test_a_document_and_the_name_given_to_it_are_one_document(lexicon, naming):
    text = (
        "Министры обороны Эквадора и Колумбии подписали договор о взаимодействии вооруженных сил"
        f"{naming} совместном патрулировании»."
    )
    found = one(text, lexicon)
    assert (found.kind, found.title) == ("agreement", "Соглашение о совместном патрулировании")


def test_a_participle_clause_on_another_document_does_not_date_this_one(lexicon):
    text = (
        "Парламент Эквадора ратифицировал соглашение о военном сотрудничестве с Колумбией. Соглашение с "
        "Колумбией заменит действующий договор, заключенный министерствами обороны в марте 1999 года."
    )
    found = {a.kind: a.date for a in agreements(text, lexicon)}
    assert found["agreement"] == PartialDate()
    own = (
        "Парламент Эквадора ратифицировал соглашение о военном сотрудничестве с Колумбией, заключенное "
        "министерствами обороны в марте 2019 года."
    )
    assert one(own, lexicon).date == PartialDate(2019, 3)


def test_a_listed_partners_document_named_alone_keeps_the_lists_other_side(lexicon):
    text = (
        "Колумбия приветствовала решение. Депутаты парламента ратифицировали соглашения о военном "
        "сотрудничестве Эквадора с Колумбией и Панамой. По ратификации соглашения с Панамой выступил депутат."
    )
    found = agreements(text, lexicon)
    assert sorted(tuple(a.parties) for a in found) == [("CO", "EC"), ("EC", "PA")]
