"""people13 round: people, posts and countries (issue 19).

Pure tests: no database. Countries are marked by hand; every text is made up for the rule it tests.
"""

import pytest
from extraction_helpers import officials

from articles.pipeline.extraction.lexicon import Lexicon

# «республики» in a post: (text, the states marked, the person, the state the noun stands for).
REPUBLIC_CASES = {
    # the nearer state promised help; the subject's owner is the state the deputy minister serves
    "the state whose body is the subject": (
        "«Министерство обороны Молдавии получит помощь на сумму свыше $20 млн, без учёта помощи, "
        "обещанной Францией», — заявил заместитель министра обороны республики Ион Чебан.",
        {"MD": ["Молдавии"], "FR": ["Францией"]},
        "Ион Чебан",
        "MD",
    ),
    "the nearest state when two states are subjects": (
        "Париж и Берлин стали главными поставщиками техники в Молдавию, сообщил министр обороны "
        "республики Ион Чебан.",
        {"FR": ["Париж"], "DE": ["Берлин"], "MD": ["Молдавию"]},
        "Ион Чебан",
        "MD",
    ),
    # «армии Молдавии» reads first as a dative: Moldova owns no subject
    "no owner after a dative body": (
        "Франция передаст армии Молдавии технику, обещанную Германией, — заявил министр обороны "
        "республики Жан Дюпон.",
        {"FR": ["Франция"], "MD": ["Молдавии"], "DE": ["Германией"]},
        "Жан Дюпон",
        "FR",
    ),
}


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


@pytest.mark.parametrize("case", REPUBLIC_CASES)
def test_the_republic_of_a_post_is_its_sentences_subject_state(lexicon, case):
    text, marks, name, iso = REPUBLIC_CASES[case]
    assert officials(text, lexicon, **marks)[name].country == iso


# A post before a name that spells out a body's full name, closed by its abbreviation in brackets.
BODY_CASES = {
    "a preposition inside the body's name": (
        "Генеральный секретарь Организации Договора о коллективной безопасности (ОДКБ) Иван Петров "
        "заявил, что учения пройдут осенью.",
        "Иван Петров",
        "генеральный секретарь Организации Договора о коллективной безопасности (ОДКБ)",
    ),
    "a preposition outside the post's reach": (
        "Встреча прошла в Минске с участием России (РФ) Иван Петров заявил, что учения пройдут осенью.",
        "Иван Петров",
        "",
    ),
}


@pytest.mark.parametrize("case", BODY_CASES)
def test_a_bodys_full_name_before_its_bracketed_abbreviation_stays_in_the_post(lexicon, case):
    text, name, post = BODY_CASES[case]
    assert officials(text, lexicon, RU=["России", "РФ"])[name].position == post
