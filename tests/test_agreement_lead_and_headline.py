"""Wordings the seen sets showed misread (issue 14, round agreements13; found on tests/data/agreements10 and
agreements7, checked here on made-up sentences): a plan «на ближайшее время» that is the plan named with
its years, and a document only the headline stages while the body refers to it by its noun (the list
under its lead across empty lines is in test_agreement_lists_under_a_lead.py)."""

from types import SimpleNamespace

import pytest
from agreement_helpers import agreements

from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.extraction.pipeline import extract
from articles.pipeline.extraction.same_document import compatible_titles
from articles.pipeline.parsing import parse_text


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


# - one plan, its term said two ways -


def test_a_plan_for_the_near_future_is_the_plan_named_with_its_years(lexicon):
    text = (
        "Чили и Перу разработали План сотрудничества военных ведомств на 2030–2031 годы. «Подготовлен "
        "большой план сотрудничества на ближайшее время, мы его рассмотрим и утвердим», — сказал министр."
    )
    found = agreements(text, lexicon)
    assert [(a.kind, a.parties) for a in found] == [("plan", ["CL", "PE"])]


def _named(complement):
    return SimpleNamespace(complement=complement, title="план " + complement, status="draft")


def test_a_near_term_drops_out_of_the_names_only_against_a_written_term():
    dated = _named("сотрудничества военных ведомств на 2030–2031 годы")
    assert compatible_titles(dated, _named("сотрудничества на ближайшее время"))
    assert not compatible_titles(dated, _named("учений флотов на ближайшее время"))
    assert not compatible_titles(_named("учений флотов на 2030 год"), _named("учений флотов и армий"))


# - a document only the headline stages -

BODY = (
    "Документ определяет порядок взаимодействия в области военного образования. Соглашение направлено на "
    "развитие сотрудничества между Перу и Чили в военной сфере."
)


def _article(title, body):
    return parse_text(f"{title}\n\n{body}\n", "a.txt", {})


def test_a_document_the_headline_ratifies_and_the_body_refers_to_is_the_articles(lexicon):
    found = extract(
        _article("Парламент Перу ратифицировал военное соглашение с Чили", BODY), lexicon
    ).agreements
    assert [(a.kind, a.status, a.parties) for a in found] == [("agreement", "ratified", ["CL", "PE"])]
    assert all(BODY[s:e].lower().startswith("соглашени") for s, e in found[0].spans)


def test_a_headline_signing_or_a_body_without_the_noun_adds_nothing(lexicon):
    signed = extract(_article("Перу и Чили подписали военное соглашение", BODY), lexicon).agreements
    assert signed == []
    other = BODY.replace("Соглашение направлено", "Решение направлено")
    ratified = extract(_article("Парламент Перу ратифицировал военное соглашение с Чили", other), lexicon)
    assert ratified.agreements == []
