"""Readings found on agreements24 (checked here on made-up texts): a document the sides «договорились о» is
agreed (a signing «договорились о подписании» is still to come); a state the document's name sends
something to («о транзите грузов в …») is no party."""

import pytest
from agreement_helpers import one

from articles.pipeline.extraction.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


def test_a_document_agreed_on_is_signed(lexicon):
    agreed = "Эквадор и Колумбия договорились о рабочем плане военного сотрудничества на 2025 год."
    assert one(agreed, lexicon).status == "signed"
    to_sign = "Эквадор и Колумбия договорились о подписании плана военного сотрудничества на 2025 год."
    assert one(to_sign, lexicon).status == "planned"


def test_a_destination_in_the_documents_name_is_no_party(lexicon):
    text = "Министры Эквадора и Колумбии подписали соглашение о транзите военных грузов в Венесуэлу."
    assert one(text, lexicon).parties == ["CO", "EC"]
    through = (
        "Министры Эквадора и Колумбии подписали соглашение о транзите военных грузов через территорию "
        "Колумбии в Венесуэлу."
    )
    assert one(through, lexicon).parties == ["CO", "EC"]
