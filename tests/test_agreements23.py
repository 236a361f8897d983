"""Documents read on agreements23 (issue 14; found there, checked here on made-up texts): «…, совершенной 26 октября
2018 г.» ends the name; a plan «в 2012 г.» holds its year in its name, and that year dates none of the documents
listed with it; a quoted name in the rest of one item does not end the list; «а не о выходе из договора» is no
withdrawal."""

import pytest
from agreement_helpers import agreements

from articles.pipeline.extraction.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


def test_where_and_when_a_treaty_was_done_is_no_part_of_its_name(lexicon):
    text = (
        "Закон необходим для ратификации соглашения между Перу и Чили о реадмиссии, совершенной 26 октября "
        "2018 г. в городе Арика."
    )
    (found,) = agreements(text, lexicon)
    assert found.title == "соглашение о реадмиссии"


def test_a_plans_year_is_its_name_and_dates_no_document_of_the_list(lexicon):
    text = (
        "Перу и Чили подписали соглашение о совместном патрулировании границы, протокол о проведении "
        'эксперимента в пункте пропуска "Такна-Арика" на территории Перу и план развития сотрудничества в 2012 г.'
    )
    found = {a.kind: a for a in agreements(text, lexicon)}
    assert set(found) == {"agreement", "protocol", "plan"}
    assert found["plan"].title == "план развития сотрудничества в 2012 г"
    assert all(a.date.year is None for a in found.values())


def test_a_withdrawal_denied_is_no_termination(lexicon):
    text = (
        "Парламент Перу одобрил закон о приостановке действия перуанско-чилийского Договора о сокращении "
        "вооружений. Президент уточнил, что речь идет именно о приостановке участия, а не о выходе из договора."
    )
    assert [a.status for a in agreements(text, lexicon)] == ["suspended"]
