"""One document retold in the other word for it (issue 14, part 2; found on tests/data/registry8, checked
here on invented texts and readings): a treaty named once and called a bare «соглашение» sentences later
in the same text is one mention; a bare title joins the pair's only treaty when the pair has no agreement
of its own word; «27-страничное соглашение» names no subject; «23 октября прошлого года» dates a year back.
Two documents between one pair stay two."""

from __future__ import annotations

import pytest
from agreement_helpers import agreements
from registry_helpers import agreement_of, reading

from articles.archive import registry
from articles.pipeline.dates import PartialDate
from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.extraction.text import dates_in


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


# - one text: a treaty, and a bare «соглашение» far after it -

FAR = (
    "Чили и Перу в среду подписали договор о добрососедстве и дружбе. Церемония прошла в Лиме. "
    "Переговоры длились два дня. Делегации обсудили торговлю и рыболовство. Погода была тёплой. "
    "«Это важный день для наших народов», — сказал министр после подписания соглашения."
)


def test_a_bare_agreement_far_after_the_texts_only_treaty_is_that_treaty(lexicon):
    found = agreements(FAR, lexicon)
    assert [(a.kind, a.title) for a in found] == [("treaty", "договор о добрососедстве и дружбе")]
    assert sorted(found[0].parties) == ["CL", "PE"]


def test_a_bare_agreement_said_first_takes_the_treatys_kind_and_name(lexicon):
    text = (
        "Министры Чили и Перу прибыли на церемонию подписания соглашения. Переговоры длились два дня. "
        "Делегации обсудили торговлю. Погода была тёплой. Затем Чили и Перу подписали договор о "
        "добрососедстве и дружбе."
    )
    found = agreements(text, lexicon)
    assert [(a.kind, a.title) for a in found] == [("treaty", "договор о добрососедстве и дружбе")]


def test_with_a_second_named_document_the_bare_noun_stays_apart(lexicon):
    text = (
        "Чили и Перу подписали договор о добрососедстве и дружбе. Кроме того, Чили и Перу подписали "
        "соглашение о рыболовстве. Переговоры длились два дня. Делегации обсудили торговлю. Погода была "
        "тёплой. «Это важный день», — сказал министр после подписания соглашения."
    )
    kinds = sorted(a.kind for a in agreements(text, lexicon))
    assert kinds.count("treaty") == 1 and kinds.count("agreement") >= 1


def test_a_bare_agreement_of_another_pair_is_not_the_treaty(lexicon):
    text = (
        "Чили и Перу подписали договор о добрососедстве и дружбе. Церемония прошла в Лиме. Переговоры "
        "длились два дня. Делегации обсудили торговлю. Аргентина и Уругвай подписали соглашение."
    )
    found = agreements(text, lexicon)
    assert len(found) == 2


# - the registry: a bare title and the pair's only treaty -


@pytest.mark.django_db
def test_a_bare_agreement_joins_the_pairs_only_treaty():
    treaty = agreement_of(reading("договор о добрососедстве и дружбе", key="CL-PE"))
    assert registry.resolve(reading("соглашение", kind="agreement", key="CL-PE")) == treaty


@pytest.mark.django_db
def test_a_bare_agreement_joins_the_pairs_only_agreement_before_its_treaty():
    agreement_of(reading("договор о добрососедстве и дружбе", key="CL-PE"))
    fishing = agreement_of(reading("соглашение о рыболовстве", kind="agreement", key="CL-PE"))
    assert registry.resolve(reading("соглашение", kind="agreement", key="CL-PE")) == fishing


@pytest.mark.django_db
def test_a_bare_agreement_joins_no_treaty_of_two():
    agreement_of(reading("договор о добрососедстве и дружбе", key="CL-PE"))
    agreement_of(reading("договор о границе", key="CL-PE"))
    assert registry.resolve(reading("соглашение", kind="agreement", key="CL-PE")) is None


@pytest.mark.django_db
def test_a_bare_agreement_signed_in_another_year_is_not_the_treaty():
    agreement_of(reading("договор о добрососедстве и дружбе", date=PartialDate(2025, 7, 17), key="CL-PE"))
    later = reading("соглашение", kind="agreement", date=PartialDate(2024, 10, 23), key="CL-PE")
    assert registry.resolve(later) is None


def test_a_page_count_names_no_subject():
    assert registry.is_bare(registry.title_terms("27-страничное соглашение"))
    assert registry.title_terms("соглашение о рыболовстве") == ["рыболовство"]


@pytest.mark.django_db
def test_two_documents_between_one_pair_stay_apart():
    agreement_of(reading("договор о добрососедстве и дружбе", key="CL-PE"))
    fishing = reading("соглашение о рыболовстве", kind="agreement", key="CL-PE")
    assert registry.resolve(fishing) is None
    # and a named memorandum never joins the pair's treaty, bare or not
    assert registry.resolve(reading("меморандум", kind="memorandum", key="CL-PE")) is None


# - «23 октября прошлого года» -


@pytest.mark.parametrize(
    "phrase, year",
    [
        ("Документ был подписан 23 октября прошлого года.", 2024),
        ("Документ был подписан 5 марта позапрошлого года.", 2023),
        ("Документ был подписан 5 марта текущего года.", 2025),
    ],
)
def test_a_day_of_a_year_said_relative_to_the_article(phrase, year):
    hits = dates_in(phrase, 0, len(phrase), PartialDate(2025, 10, 27))
    assert len(hits) == 1 and hits[0].date.year == year and hits[0].date.day


def test_a_day_of_last_year_without_the_articles_year_gets_no_year():
    phrase = "Документ был подписан 23 октября прошлого года."
    assert [h.date for h in dates_in(phrase, 0, len(phrase), None)] == [PartialDate(None, 10, 23)]


# - «мирный договор», «мирное соглашение» -


def test_a_peace_adjective_alone_names_peace():
    assert registry.title_terms("мирный договор") == registry.title_terms("мирное соглашение") == ["мир"]
    # with a subject of its own, «мирный» qualifies it
    assert "мир" not in registry.title_terms("соглашение о мирном использовании атомной энергии")


@pytest.mark.django_db
def test_a_peace_treaty_joins_the_agreement_on_establishing_peace():
    peace = agreement_of(
        reading(
            "соглашение об установлении мира и межгосударственных отношений", kind="agreement", key="CL-PE"
        )
    )
    assert registry.resolve(reading("мирный договор", key="CL-PE")) == peace
    assert registry.resolve(reading("мирное соглашение", kind="agreement", key="CL-PE")) == peace


@pytest.mark.django_db
def test_peaceful_atom_is_not_the_peace_agreement():
    agreement_of(reading("мирное соглашение", kind="agreement", key="CL-PE"))
    atom = reading("соглашение о мирном использовании атомной энергии", kind="agreement", key="CL-PE")
    assert registry.resolve(atom) is None


def _one_text(*readings):
    from articles.archive import registry_order
    from articles.pipeline.extraction.entities import AgreementMention

    wanted = {
        f"k{i}": (
            AgreementMention(
                kind=r.kind, title=r.title, status=r.status, parties=["CL", "PE"], spans=[(i, i + 1)]
            ),
            r,
        )
        for i, r in enumerate(readings)
    }
    return registry_order.one_per_document(wanted)


def test_one_texts_peace_agreement_and_peace_treaty_are_one_mention():
    kept = _one_text(
        reading("мирное соглашение", kind="agreement", key="CL-PE"), reading("мирный договор", key="CL-PE")
    )
    assert len(kept) == 1


def test_one_texts_treaty_and_agreement_on_different_subjects_stay_two():
    kept = _one_text(
        reading("соглашение о дружбе и торговле", kind="agreement", key="CL-PE"),
        reading("договор о дружбе", key="CL-PE"),
    )
    assert len(kept) == 2
