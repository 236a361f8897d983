"""Parties and one document named twice (issue 14, round agreements16; found on tests/data/agreements16,
checked here on made-up sentences): «долларов США» is a currency, not a party to the document whose sum it
gives, nor a country the text names; «противодействие терроризму» and «борьба с терроризмом» are one
subject, so a memorandum the ministers describe twice in those words is one document."""

import pytest
from agreement_helpers import agreements

from articles.pipeline.extraction.countries import find_countries
from articles.pipeline.extraction.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


def test_a_sum_in_us_dollars_makes_no_party_of_the_us(lexicon):
    text = (
        "В Перу и Чили подписали соглашение о помощи в области безопасности на сумму 10,65 миллиона "
        "долларов США. Это сделано с целью усиления морской безопасности."
    )
    (agreement,) = agreements(text, lexicon)
    assert sorted(agreement.parties) == ["CL", "PE"]


def test_a_currency_names_no_country_but_the_state_does(lexicon):
    isos = {
        c.iso for c in find_countries("Контракт на 5 млн долл. США подписан. США выразили протест.", lexicon)
    }
    assert isos == {"US"}
    assert not find_countries("Контракт стоит 5 млн долларов США.", lexicon)


def test_one_memorandum_described_twice_in_other_words_is_one_document(lexicon):
    text = (
        "Министерства обороны Перу и Чили подписали меморандум о сотрудничестве в военной сфере, области "
        "безопасности и противодействия терроризму. «Министры обороны наших стран подписали меморандум о "
        "сотрудничестве в военной сфере, безопасности и борьбы с терроризмом», — сказал министр обороны Перу."
    )
    assert len(agreements(text, lexicon)) == 1


def test_two_memoranda_on_different_subjects_stay_two(lexicon):
    text = (
        "Министры обороны Перу и Чили подписали меморандум о сотрудничестве в области военного образования и "
        "меморандум о сотрудничестве в области военной медицины."
    )
    assert len(agreements(text, lexicon)) == 2
