"""registry12 round: the agreements registry's seen misses (issue 14), each checked here on a made-up
text: a plural state noun in a post («глав республик …») names no single state.

Pure tests: no database; countries marked by hand where the officials are read.
"""

import pytest
from extraction_helpers import officials

from articles.pipeline.extraction.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


def test_heads_of_republics_are_each_of_their_own_state(lexicon):
    text = (
        "Сербия и Черногория подписали договор о границе. Документ скрепили подписями в Брюсселе "
        "в присутствии глав республик Александра Вучича и Милы Джукановича."
    )
    found = officials(
        text,
        lexicon,
        RS=["Сербия"],
        ME=["Черногория"],
    )
    assert found["Александр Вучич"].country != found["Мила Джуканович"].country


def test_the_head_of_the_republic_is_still_of_the_state_named_before(lexicon):
    text = "Президент Сербии прибыл в Брюссель. Его сопровождал посол республики в Бельгии Марко Петрович."
    found = officials(text, lexicon, RS=["Сербии"], BE=["Бельгии"])
    assert found["Марко Петрович"].country == "RS"
