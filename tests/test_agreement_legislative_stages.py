"""Legislative stages the registry sets showed misread (issue 14; found on tests/data/registry7, checked
here on made-up sentences): the upper chamber's vote approving a ratification ratifies, its committee's
support does not yet; a headline that reports a document ratified raises the body's one document of that
kind, which the body names only by a noun."""

import pytest
from agreement_helpers import agreements, one

from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.extraction.pipeline import extract
from articles.pipeline.parsing import parse_text


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


@pytest.mark.parametrize(
    "text",
    [
        "Совет Федерации одобрил ратификацию договора о дружбе между Чили и Перу.",
        "Совфед поддержал ратификацию соглашения между Норвегией и Эстонией о подготовке пилотов.",
        "Сенаторы на пленарном заседании одобрили ратификацию соглашения о военном сотрудничестве между "
        "Россией и Перу.",
    ],
)
def test_the_chambers_vote_approving_the_ratification_ratifies(text, lexicon):
    assert one(text, lexicon).status == "ratified"


@pytest.mark.parametrize(
    "text",
    [
        "Комитет Совета Федерации по международным делам поддержал ратификацию договора о дружбе между "
        "Чили и Перу.",
        "Комитет Госдумы одобрил ратификацию соглашения между Норвегией и Эстонией о подготовке пилотов.",
        # a government's approval comes before the parliament's
        "Правительство одобрило ратификацию соглашения между Россией и Перу о военном сотрудничестве.",
    ],
)
def test_a_committee_or_government_approving_the_ratification_leaves_it_signed(text, lexicon):
    assert one(text, lexicon).status == "signed"


def _article(title, body):
    return parse_text(f"{title}\n\n{body}\n", "a.txt", {})


BODY = (
    "Чили и Перу подписали договор о дружбе в мае. Договор предусматривает сотрудничество в политической "
    "сфере. В связи с ратификацией договора выступил заместитель министра."
)


def test_a_headline_reporting_the_ratification_raises_the_bodys_document(lexicon):
    found = extract(_article("Перу ратифицировало договор о дружбе с Чили", BODY), lexicon).agreements
    assert [(a.kind, a.status) for a in found] == [("treaty", "ratified")]


def test_a_headline_never_moves_a_document_back_nor_reads_a_signing(lexicon):
    signed = extract(_article("Перу и Чили подписали договор о дружбе", BODY), lexicon).agreements
    assert [a.status for a in signed] == [a.status for a in agreements(BODY, lexicon)]
    body = "Парламент Перу ратифицировал договор о дружбе с Чили. " + BODY
    planned = extract(_article("Перу и Чили планируют подписать договор о дружбе", body), lexicon).agreements
    assert [a.status for a in planned] == ["ratified"]


def test_a_headline_leaves_a_pair_with_two_documents_of_the_kind_alone(lexicon):
    body = (
        "Чили и Перу подписали договор о дружбе в мае. В 1990 году они подписали договор о границе. "
        "В связи с ратификацией договора выступил заместитель министра."
    )
    found = extract(_article("Перу ратифицировало договор с Чили", body), lexicon).agreements
    assert "ratified" not in {a.status for a in found}


def test_a_body_document_named_by_its_noun_takes_the_headlines_name(lexicon):
    body = "Чили и Перу подписали договор в мае, сообщили министры."
    found = extract(
        _article("Перу и Чили подписали договор о дружбе и сотрудничестве", body), lexicon
    ).agreements
    assert [a.title for a in found] == ["договор о дружбе и сотрудничестве"]
    named = "Чили и Перу подписали договор о границе в мае, сообщили министры."
    kept = extract(
        _article("Перу и Чили подписали договор о дружбе и сотрудничестве", named), lexicon
    ).agreements
    assert [a.title.split()[:3] for a in kept] == [["договор", "о", "границе"]]
