"""Per-article readings the registry sets showed wrong (issue 14, branch registry7; found on
tests/data/registry4, checked here on made-up sentences): one plural noun naming two documents, a
quoted kind noun, an abbreviation in brackets inside a party's name, a memorandum called «соглашение»
later in its text, and «предлагал подписать»."""

import pytest
from agreement_helpers import agreements, one

from articles.pipeline.extraction.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


def _read(text, lexicon):
    return sorted((a.kind, a.title, a.status, tuple(a.parties)) for a in agreements(text, lexicon))


# - a plural noun that lists two subjects: two documents -


@pytest.mark.parametrize(
    "text",
    [
        # the preposition said again before the second subject
        "Ливия и Эритрея в конце ноября подписали меморандумы о сотрудничестве в военной сфере и о "
        "взаимопонимании по морским границам.",
        # counted two
        "Ливия и Эритрея подписали два меморандума о военном сотрудничестве и разграничении морских границ.",
    ],
)
def test_a_plural_noun_listing_two_subjects_names_two_documents(lexicon, text):
    found = _read(text, lexicon)
    assert [(kind, status, parties) for kind, _title, status, parties in found] == [
        ("memorandum", "signed", ("ER", "LY"))
    ] * 2
    titles = sorted(title for _kind, title, _status, _parties in found)
    assert titles[0].startswith("меморандум о ") and titles[1].startswith("меморандум о ")
    assert not any(" и " in title for title in titles)


@pytest.mark.parametrize(
    "text",
    [
        # counted, but not two: several of each
        "Ливия и Эритрея подписали ряд соглашений о торговле и об инвестициях.",
        # no sign that there are two: one document about both, or several
        "Ливия и Эритрея подписали меморандумы о торговле и инвестициях.",
    ],
)
def test_a_plural_noun_without_a_sign_of_two_names_no_document(lexicon, text):
    assert agreements(text, lexicon) == []


def test_an_abbreviation_in_brackets_does_not_end_the_partys_name(lexicon):
    text = (
        "Эритрея подписала меморандум с Правительством национального согласия (ПНС) Ливии о военном "
        "сотрудничестве."
    )
    found = one(text, lexicon)
    assert found.title.startswith("меморандум о военном сотрудничестве")


# - a quoted kind noun -


def test_a_quoted_kind_noun_keeps_the_name_after_the_quote(lexicon):
    text = "Эритрея и Ливия подписали «дорожную карту» военного сотрудничества на 2021-2025 годы."
    found = one(text, lexicon)
    assert (found.kind, found.status) == ("roadmap", "signed")
    assert "военного сотрудничества" in found.title


def test_proposing_to_sign_is_a_plan(lexicon):
    text = (
        "Министр обороны Эритреи предлагал министру обороны Ливии подписать «дорожную карту» развития "
        "сотрудничества в военной области между Эритреей и Ливией на 2017—2020 годы."
    )
    assert one(text, lexicon).status == "planned"


# - a memorandum called «соглашение» later in one text -


def test_a_memorandum_called_an_agreement_later_is_one_memorandum(lexicon):
    text = (
        "Президент Эритреи утвердил меморандум о военном сотрудничестве между Эритреей и Ливией. "
        "Соглашение о военном сотрудничестве между Эритреей и Ливией было подписано 28 ноября."
    )
    found = one(text, lexicon)
    assert found.kind == "memorandum"
    assert found.date.month == 11 and found.date.day == 28


@pytest.mark.parametrize(
    "text",
    [
        # a step now, the document later
        "Эритрея и Ливия подписали меморандум о военном сотрудничестве. Соглашение о военном "
        "сотрудничестве стороны подпишут в следующем году.",
        # two listed in one sentence
        "Эритрея и Ливия подписали меморандум о военном сотрудничестве и соглашение о военном сотрудничестве.",
        # about different things
        "Эритрея и Ливия подписали меморандум о военном сотрудничестве. Соглашение о торговле между "
        "Эритреей и Ливией было подписано там же.",
    ],
)
def test_a_memorandum_and_an_agreement_stay_two_documents(lexicon, text):
    assert sorted(a.kind for a in agreements(text, lexicon)) == ["agreement", "memorandum"]
