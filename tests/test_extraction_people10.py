"""people10 round: a name after «и.о.»/«врио» keeps its own case; a Russian fleet tells the state.

Pure tests: no database. Countries are marked by hand, as in test_extraction_officials.py; every
text is made up for the rule it tests.
"""

import pytest
from extraction_helpers import officials

from articles.pipeline.extraction.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


def test_a_name_after_an_acting_abbreviation_is_read_in_its_own_case(lexicon):
    text = (
        "Глава делегации встретился с и.о. министра финансов Молдовы Виктором Чобану, "
        "а затем с врио губернатора Тверской области Игорем Руденко."
    )
    found = officials(text, lexicon, MD=["Молдовы"])
    assert "Виктор Чобану" in found
    assert found["Виктор Чобану"].country == "MD"
    assert found["Виктор Чобану"].position.startswith("министр финансов")
    assert "Игорь Руденко" in found


def test_a_name_after_an_acting_abbreviation_in_the_genitive_stays_genitive_read(lexicon):
    text = "Поступило письмо и.о. министра обороны Молдовы Анатолия Носатого."
    found = officials(text, lexicon, MD=["Молдовы"])
    assert "Анатолий Носатый" in found


@pytest.mark.parametrize("fleet", ["командующим ТОФ", "командующим Балтийским флотом"])
def test_a_russian_fleet_gives_its_commander_the_state(lexicon, fleet):
    text = f"Делегация ВМС Индонезии встретилась с {fleet} адмиралом Павлом Орловым."
    found = officials(text, lexicon, ID=["Индонезии"])
    assert found["Павел Орлов"].country == "RU"


def test_a_name_after_a_comma_takes_the_case_of_the_post_after_it(lexicon):
    text = (
        "Визит включал встречи с Т. Ван Хоангом, президентом Лаоса, Ф. Минь Куангом, "
        "премьер-министром, и другими лицами."
    )
    found = officials(text, lexicon, LA=["Лаоса"])
    assert "Ф. Минь Куанг" in found
    assert found["Ф. Минь Куанг"].position == "премьер-министр"


def test_a_post_after_a_name_without_its_case_ending_leaves_the_name_alone(lexicon):
    text = "Об этом сообщил Иван Смирнов, а министром обороны назначен другой генерал."
    found = officials(text, lexicon)
    assert "Иван Смирнов" in found
    assert found["Иван Смирнов"].position == ""


def test_two_posts_of_two_states_joined_by_and_are_two_peoples(lexicon):
    text = "Ожидается, что встреча между главой МИД Чили и госсекретарём США Джоном Смитом состоится в мае."
    found = officials(text, lexicon, CL=["Чили"], US=["США"])
    assert (found["Джон Смит"].position, found["Джон Смит"].country) == ("госсекретарь США", "US")


def test_two_posts_of_one_state_joined_by_and_stay_one_persons(lexicon):
    text = "С речью выступил премьер-министр и министр иностранных дел Катара Мухаммед Абдаррахман."
    found = officials(text, lexicon, QA=["Катара"])
    assert found["Мухаммед Абдаррахман"].position == "премьер-министр и министр иностранных дел Катара"
