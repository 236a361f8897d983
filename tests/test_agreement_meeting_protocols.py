"""The protocols of one meeting are one document: «подписаны протоколы по итогам заседания …» is the
signed record of that meeting (agreements._protocols_of_a_meeting); other plural documents stay no one
document («подписали протоколы о сотрудничестве», «три протокола по итогам …»)."""

import pytest
from agreement_helpers import agreements, one

from articles.pipeline.extraction.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


def test_the_signed_protocols_of_a_meeting_are_one_document(lexicon):
    found = one(
        "Грузия и Армения подписали протоколы по итогам заседания межправительственной комиссии.", lexicon
    )
    assert found.kind == "protocol"
    assert found.title == "протоколы по итогам заседания межправительственной комиссии"
    assert found.status == "signed"
    assert sorted(found.parties) == ["AM", "GE"]


def test_passive_protocols_of_a_session_are_one_document(lexicon):
    text = (
        "В Ереване прошло заседание армяно-грузинской комиссии по военному сотрудничеству. "
        "В завершение встречи были подписаны протоколы по итогам 5-го заседания комиссии."
    )
    assert one(text, lexicon).title == "протоколы по итогам 5-го заседания комиссии"


def test_counted_or_other_plural_protocols_are_no_one_document(lexicon):
    assert agreements("Грузия и Армения подписали три протокола по итогам заседания комиссии.", lexicon) == []
    assert agreements("Грузия и Армения подписали протоколы о сотрудничестве.", lexicon) == []
    assert agreements("Грузия и Армения обсудили протоколы по итогам заседания комиссии.", lexicon) == []
