"""people11 round: regions named with «автономная» between adjective and noun tell the state.

Pure tests: no database. Countries are marked by hand, as in test_extraction_officials.py; every
text is made up for the rule it tests.
"""

import pytest
from extraction_helpers import officials

from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.extraction.regions import region_spans


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


@pytest.mark.parametrize("text", ["Еврейской автономной области", "Ханты-Мансийского автономного округа"])
def test_an_autonomous_region_is_a_region(text):
    assert region_spans(f"в администрации {text} прошла встреча") != []


def test_an_adjective_alone_is_no_region():
    assert region_spans("представители Еврейской общины города") == []


def test_a_governor_in_an_autonomous_region_is_of_its_state(lexicon):
    text = (
        "В администрации Еврейской автономной области губернатор Олег Смирнов встретился "
        "с делегацией провинции Цзилинь КНР. Стороны обсудили поставки зерна в КНР."
    )
    found = officials(text, lexicon, CN=["КНР", "КНР"])
    assert found["Олег Смирнов"].country == "RU"


def test_a_region_just_before_a_post_is_its_state(lexicon):
    # a name of no telling origin: the post, not the name, must give the state
    text = (
        "В правительстве Амурской области губернатор Эдуард Гессен принял делегацию КНР "
        "и обсудил китайские инвестиции и китайское оборудование."
    )
    found = officials(text, lexicon, CN=["КНР", "китайские", "китайское"])
    assert found["Эдуард Гессен"].country == "RU"


def test_a_region_after_a_place_preposition_is_not_the_posts_state(lexicon):
    text = (
        "В Амурской области генконсул Чжан Вэй открыл выставку. Консул КНР отметил, "
        "что КНР поддерживает такие выставки."
    )
    found = officials(text, lexicon, CN=["КНР", "КНР"])
    assert found["Чжан Вэй"].country != "RU"


def test_a_region_ending_a_dash_joined_post_is_the_next_posts_state(lexicon):
    text = (
        "Консул КНР встретился с членом правительства Самарской области — председателем "
        "комитета по туризму Эдуардом Гессеном и обсудил китайские инвестиции."
    )
    found = officials(text, lexicon, CN=["КНР", "китайские"])
    assert found["Эдуард Гессен"].country == "RU"
