"""A letter of intent is a document the states sign (issue 14): «подписали письмо о намерениях» is an
agreement mention of kind "other"; any other letter («письмо министра», «в письме говорится») is none."""

import pytest
from agreement_helpers import agreements, one

from articles.pipeline.extraction.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


def test_a_signed_letter_of_intent_is_a_document(lexicon):
    found = one(
        "Министры обороны Дании и Украины подписали письмо о намерениях по совместному производству "
        "вооружений.",
        lexicon,
    )
    assert found.kind == "other" and found.status == "signed"
    assert found.title.startswith("письмо о намерениях")
    assert set(found.parties) == {"DK", "UA"}


def test_a_letter_of_intent_in_the_singular_and_declined(lexicon):
    found = one("Швеция и Украина подписали письмо о намерении по продаже истребителей Gripen.", lexicon)
    assert found.kind == "other" and found.title.startswith("письмо о намерении")
    found = one(
        "Стороны закрепили договорённость подписанием письма о намерениях между Швецией и Украиной.", lexicon
    )
    assert found.kind == "other"


@pytest.mark.parametrize(
    "text",
    [
        "Министр обороны Дании направил письмо украинскому коллеге.",
        "В письме министра Украины говорится о поставках вооружений из Швеции.",
        "Украина и Швеция обменялись письмами о сотрудничестве.",
    ],
)
def test_other_letters_are_no_documents(text, lexicon):
    assert agreements(text, lexicon) == []
