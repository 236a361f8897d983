"""The registry across outlets' wordings (issue 14, part 2): a title naming its parties and one that
does not, «дополнительный протокол», one text naming one document twice, the order of a text's mentions.
Invented texts and readings, not the development sets'."""

from __future__ import annotations

from functools import partial

import pytest
from import_helpers import run, write
from registry_helpers import agreement_of as _agreement_of
from registry_helpers import reading

from articles.archive import registry, registry_order
from articles.models import Agreement, AgreementClaim
from articles.pipeline.dates import PartialDate
from articles.pipeline.extraction.entities import AgreementMention

pytestmark = pytest.mark.django_db


_reading = partial(reading, kind="memorandum", key="ER-LY")


# - a title naming its parties («… между A и B») and one naming none -


def test_parties_told_by_number_and_an_updated_version_are_no_subject():
    """«обновлённое соглашение о военном сотрудничестве двух стран» in one report is «соглашение о
    военном сотрудничестве» in another: «двух стран» names the parties, «обновлённое» the version."""
    signed = _agreement_of(
        reading(
            "обновлённое соглашение о военном сотрудничестве двух стран",
            kind="agreement",
            key="LA-RU",
            date=PartialDate(2024, 8, 13),
        )
    )
    ratified = reading(
        "соглашение о военном сотрудничестве", status="ratified", kind="agreement", key="LA-RU"
    )
    assert registry.resolve(ratified) == signed
    other = reading("соглашение о военном образовании наших государств", kind="agreement", key="LA-RU")
    assert registry.resolve(other) is None


def test_a_title_without_its_parties_joins_the_one_that_names_them():
    named = _agreement_of(
        _reading("меморандум о военном сотрудничестве между Эритреей и Правительством народного единства")
    )
    assert registry.resolve(_reading("меморандум о военном сотрудничестве")) == named
    # and the other way round: the record first seen without its parties
    plain = _agreement_of(_reading("меморандум о военном сотрудничестве", key="DJ-ER"))
    later = _reading("меморандум о военном сотрудничестве между Эритреей и Советом безопасности", key="DJ-ER")
    assert registry.resolve(later) == plain


def test_two_titles_naming_different_bodies_stay_two_documents():
    _agreement_of(
        _reading("меморандум о военном сотрудничестве между министерством обороны Эритреи и Генштабом Ливии")
    )
    other = _reading("меморандум о военном сотрудничестве между военно-морскими силами Эритреи и Ливии")
    assert registry.resolve(other) is None


def test_a_core_with_nothing_of_its_own_joins_nothing():
    _agreement_of(
        _reading("меморандум о взаимопонимании между министерством транспорта и авиационным ведомством")
    )
    assert registry.resolve(_reading("меморандум о взаимопонимании в области таможни")) is None


def test_the_subject_after_the_parties_stays_in_the_core():
    reading = _reading("соглашение между Эритреей и Ливией о порядке использования морских портов")
    assert reading.core is None  # nothing left out: the subject follows the parties


# - «дополнительный протокол» -


def test_an_additional_protocol_is_the_pairs_protocol_when_it_has_one():
    assert registry.is_bare(registry.title_terms("дополнительный протокол"))
    protocol = _agreement_of(_reading("протокол", kind="protocol", key="AM-ER"))
    later = _reading("дополнительный протокол", kind="protocol", date=PartialDate(2012), key="AM-ER")
    assert registry.resolve(later) == protocol


# - one text naming one document twice -


def _mention(title, status="signed", spans=((0, 5),)):
    return AgreementMention(
        kind="agreement", title=title, status=status, parties=["ER", "LY"], spans=list(spans)
    )


def _wanted(*pairs):
    return {f"k{i}": (m, r) for i, (m, r) in enumerate(pairs)}


def test_two_wordings_of_one_document_in_one_text_make_one_mention():
    full = "соглашение о сотрудничестве в сфере безопасности между Эритреей и Ливией"
    short = "соглашение по безопасности"
    wanted = _wanted(
        (_mention(short, spans=[(10, 20)]), _reading(short, kind="agreement", status="planned")),
        (_mention(full, spans=[(40, 60)]), _reading(full, kind="agreement", date=PartialDate(2031, 3, 4))),
    )
    merged = registry_order.one_per_document(wanted)
    assert list(merged) == ["k1"]  # the fuller title is kept
    mention, reading = merged["k1"]
    assert sorted(mention.spans) == [(10, 20), (40, 60)]
    assert reading.status == "signed" and reading.date == PartialDate(2031, 3, 4)


def test_documents_signed_together_by_the_same_people_stay_apart_in_one_text():
    day, people = PartialDate(2031, 3, 4), [1, 2]
    titles = [
        "меморандум о сотрудничестве в области рыболовства",
        "меморандум о сотрудничестве в области здравоохранения",
        "меморандум о взаимопонимании в области защиты окружающей среды",
    ]
    wanted = _wanted(*((_mention(t), _reading(t, date=day, signatories=people)) for t in titles))
    assert len(registry_order.one_per_document(wanted)) == 3
    bare = _wanted(
        (_mention("соглашение"), _reading("соглашение", kind="agreement")),
        (_mention("соглашение о рыболовстве"), _reading("соглашение о рыболовстве", kind="agreement")),
    )
    assert len(registry_order.one_per_document(bare)) == 2  # a bare mention is the extraction's to join


def test_two_names_written_as_names_or_two_kinds_stay_two_documents_of_one_text():
    one = "Договор о сокращении морских вооружений"
    other = "Договор о морских вооружениях"
    named = _wanted(
        (_mention(one), _reading(one, kind="treaty")),
        (_mention(other), _reading(other, kind="treaty", date=PartialDate(1994))),
    )
    assert len(registry_order.one_per_document(named)) == 2
    kinds = _wanted(
        (_mention("x"), _reading("договор о рыболовстве", kind="treaty")),
        (_mention("y"), _reading("соглашение о рыболовстве", kind="agreement")),
    )
    assert len(registry_order.one_per_document(kinds)) == 2  # the extraction's call, not the registry's


def test_one_more_document_is_counted_not_named():
    assert registry.title_terms("еще одно соглашение по безопасности") == ["безопасность"]


def test_the_fullest_title_of_a_text_is_resolved_first_and_a_bare_one_last():
    items = list(
        _wanted(
            (_mention("соглашение"), _reading("соглашение", kind="agreement")),
            (
                _mention("x"),
                _reading("дорожная карта военного сотрудничества на ближайшие годы", kind="roadmap"),
            ),
            (
                _mention("y"),
                _reading("дорожная карта развития в военной области на 2031-2034 годы", kind="roadmap"),
            ),
        ).items()
    )
    assert [key for key, _ in registry_order.resolution_order(items)] == ["k2", "k1", "k0"]


ONE_TEXT_TWO_WORDINGS = (
    "Эритрея и Джибути подписали соглашение о гарантиях безопасности\n\n"
    "АСМЭРА, 4 марта 2031. Президент Эритреи и президент Джибути подписали в Асмэре Соглашение о "
    "сотрудничестве в сфере безопасности между Эритреей и Джибути.\n\n"
    "«Сегодня мы подписали еще одно соглашение по безопасности, которое укрепляет наши страны», — "
    "сказал президент Эритреи журналистам."
)
OTHER_OUTLET = (
    "Джибути и Эритрея заключили соглашение о сотрудничестве в сфере безопасности\n\n"
    "ДЖИБУТИ, 4 марта 2031. Джибути и Эритрея подписали соглашение о сотрудничестве в сфере "
    "безопасности."
)


def test_two_articles_naming_one_document_in_two_wordings_make_one_record(tmp_path):
    write(tmp_path, "one.txt", ONE_TEXT_TWO_WORDINGS)
    write(tmp_path, "two.txt", OTHER_OUTLET)
    assert run(tmp_path)[2] == 0
    assert AgreementClaim.objects.filter(article__source_file__endswith="one.txt").count() == 1
    assert Agreement.objects.filter(parties_key="DJ-ER").count() == 1


# - a plan, programme or road map that names no period -


def test_a_periodic_document_naming_no_period_joins_no_edition_by_its_title():
    edition = _agreement_of(
        _reading(
            "дорожная карта сотрудничества в военной области на 2017-2020 годы", kind="roadmap", key="ER-SD"
        )
    )
    unknown = _reading("дорожная карта сотрудничества в военной сфере", kind="roadmap", key="ER-SD")
    assert registry.resolve(unknown) is None
    # the same period, or the same signing day, still tell
    again = _reading("дорожная карта военного сотрудничества на 2017-2020 годы", kind="roadmap", key="ER-SD")
    assert registry.resolve(again) == edition


def test_a_periodic_document_seen_without_its_period_is_compared_by_title():
    plain = _agreement_of(_reading("программа военного сотрудничества", kind="programme", key="ER-SD"))
    later = _reading("программа военного сотрудничества", kind="programme", key="ER-SD")
    assert registry.resolve(later) == plain


def test_a_letter_of_intent_is_not_the_agreement_it_announces():
    letter = _agreement_of(
        reading("письмо о намерениях по продаже истребителей", kind="other", key="SE-UA", status="signed")
    )
    sale = reading("соглашение о продаже истребителей", kind="agreement", key="SE-UA", status="planned")
    assert registry.resolve(sale) is None
    # the same letter, as another outlet words it, is the same document
    assert (
        registry.resolve(
            reading("соглашение о намерениях по продаже истребителей", kind="agreement", key="SE-UA")
        )
        == letter
    )
