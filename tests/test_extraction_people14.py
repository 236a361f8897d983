"""people14 round: people, posts and countries (issue 19).

Pure tests: no database. Countries are marked by hand, or read by the extractor where the rule is in it;
every text is made up for the rule it tests.
"""

import pytest
from extraction_helpers import officials
from web_text_helpers import parse

from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.extraction.pipeline import extract


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


def test_a_country_word_inside_a_known_organisations_name_gives_the_organisations_state(lexicon):
    text = (
        "Во встрече приняли участие посол России в Пхеньяне Иван Петров и замначальника главного "
        "политического управления Корейской народной армии Пак Ён Иль."
    )
    found = {o.name: o for o in extract(parse("Встреча в Пхеньяне", "", text), lexicon).officials}
    assert found["Пак Ён Иль"].country == "KP"
    assert found["Иван Петров"].country == "RU"


def test_a_country_named_in_a_post_outside_any_organisation_is_the_posts_state(lexicon):
    text = "Во встрече принял участие министр обороны Республики Корея Ли Чон Соп."
    found = officials(text, lexicon, KR=["Республики Корея"])
    assert found["Ли Чон Соп"].country == "KR"


def test_a_quotation_of_the_whole_sentence_is_no_quoted_name_hiding_the_posts_state(lexicon):
    text = (
        '"В ходе разговора министр обороны Перу генерал Хуан Перес и министр обороны Чили генерал Карлос '
        'Лопес обсудили ситуацию на границе", — говорится в сообщении.'
    )
    found = officials(text, lexicon, PE=["Перу"], CL=["Чили"])
    assert (found["Хуан Перес"].country, found["Карлос Лопес"].country) == ("PE", "CL")


def test_a_country_inside_a_quoted_name_in_the_post_is_not_the_persons(lexicon):
    text = 'Об этом рассказал автор книги "Неизвестная Чили" Хуан Перес.'
    found = officials(text, lexicon, CL=["Чили"])
    assert "Хуан Перес" not in found or found["Хуан Перес"].country != "CL"
