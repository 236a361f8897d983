"""A name of one word, and posts the apposition leaves half-said (issue 19).

A surname or a first name alone is a person when the text treats it as one — the subject of a
verb of speech, a first name after a kinship noun, a post or a church title next to it — and not
otherwise. Pure tests: no database; countries are marked by hand.
"""

import pytest
from extraction_helpers import officials

from articles.pipeline.extraction.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


# --- one word, a person by what the sentence says of it ------------------------------------------


def test_a_single_name_that_speaks_is_a_person(lexicon):
    found = officials("На пресс-конференции Бьянкуцци заявил, что переговоры продолжатся.", lexicon)
    assert "Бьянкуцци" in found


def test_a_single_name_after_its_verb_of_speech_is_a_person(lexicon):
    text = "Конец света в 3797 году предсказал сам Кассиодоро, а в 5079 году — знаменитая Вирсавия."
    assert "Кассиодоро" in officials(text, lexicon)


def test_a_first_name_after_a_kinship_noun_is_a_person(lexicon):
    text = "На свидание с Олегом Варенцовым приедут его 12-летняя дочь Ульяна и мать Зинаида."
    found = officials(text, lexicon)
    assert {"Ульяна", "Зинаида"} <= set(found)
    assert found["Ульяна"].position == ""  # kinship tells a person, not a post


def test_a_single_word_that_neither_speaks_nor_holds_a_post_is_left_out(lexicon):
    text = "Туристы гуляли по набережной Рокфора и обсуждали погоду."
    assert "Рокфор" not in officials(text, lexicon) and "Рокфора" not in officials(text, lexicon)


def test_a_church_title_makes_a_single_name_a_person_with_that_role(lexicon):
    found = officials("Митрополит Афанасий считает, что храм нужно восстановить.", lexicon)
    assert found["Афанасий"].position == "митрополит"
    assert found["Афанасий"].country is None  # a title of the church says nothing of a state


def test_a_capitalised_particle_opening_the_sentence_is_not_part_of_the_name(lexicon):
    found = officials("Всё-таки Бьянкуцци заявил, что уходит в отставку.", lexicon)
    assert "Бьянкуцци" in found and not any(name.startswith("Всё") for name in found)


def test_a_short_foreign_name_word_is_not_read_as_a_particle(lexicon):
    text = "Посол КНР в Лаосе Ван Цзюньмин назвал стройку символом дружбы."
    assert "Ван Цзюньмин" in officials(text, lexicon, CN=["КНР"], LA=["Лаосе"])


# --- posts the apposition leaves half-said ---------------------------------------------------------


def test_one_of_several_holders_of_a_post_keeps_one_of(lexicon):
    text = "Гонщики почтили память Рене Дюфура, одного из основателей компании Dufour, погибшего в мае."
    assert officials(text, lexicon)["Рене Дюфур"].position.startswith("один из основателей компании")


def test_posts_in_a_row_after_the_name_are_all_kept(lexicon):
    text = "Решение удивило Игоря Сабурова, известного борца с коррупцией, члена Общественной палаты."
    position = officials(text, lexicon)["Игорь Сабуров"].position
    assert "член Общественной палаты" in position


def test_a_post_in_another_case_before_the_name_is_the_names_own(lexicon):
    text = (
        "«Так жить нельзя», — сказал в беседе с корреспондентом «Радио Европы» "
        "лидер движения против вырубки лесов Степан Корнилов."
    )
    found = officials(text, lexicon)["Степан Корнилов"]
    assert found.position == "лидер движения против вырубки лесов"


def test_a_country_inside_a_quoted_title_is_not_the_persons_side(lexicon):
    text = "В беседе с корреспондентом «Голоса Литвы» эксперт Степан Корнилов назвал реформу ошибкой."
    found = officials(text, lexicon, LT=["Литвы"])["Степан Корнилов"]
    assert found.country is None


def test_a_surname_in_a_score_line_next_to_people_is_a_person(lexicon):
    text = (
        "Голы: 0:1 — 01:23 Сёмин (Овечкин, Фёдоров) • 1:1 — 03:54 Бернс (Гриндельвальд, Грин) "
        "• 2:1 — 09:17 Куниц. Матч завершился победой хозяев."
    )
    assert "Гриндельвальд" in officials(text, lexicon)


def test_a_country_in_brackets_after_a_name_is_that_persons(lexicon):
    text = "Участники турнира: • Коффи Амаду (Бенин) • Эссам Абд Эль Фатах (Египет) • Ли Вэй (Сингапур)"
    found = officials(text, lexicon, BJ=["Бенин"], EG=["Египет"], SG=["Сингапур"])
    assert found["Эссам Абд Эль Фатах"].country == "EG"


def test_a_post_given_by_a_verb_before_the_name_is_the_names(lexicon):
    text = "Новым командующим Балтийским флотом назначен вице-адмирал Тимофей Жаворонков."
    found = officials(text, lexicon)["Тимофей Жаворонков"]
    assert (found.position, found.rank) == ("командующий Балтийским флотом", "вице-адмирал")


def test_a_post_before_a_verb_in_the_middle_of_a_clause_is_not_taken(lexicon):
    text = "Тренер наградил медалью, а затем похвалил Тимофея Жаворонкова."
    assert officials(text, lexicon)["Тимофей Жаворонков"].position == ""


def test_a_word_the_post_list_lacks_and_a_post_after_a_dash_are_kept_together(lexicon):
    text = "В жюри вошли Эрвин Кадар - политик и лидер партии зелёных (Венгрия), а также два режиссёра."
    found = officials(text, lexicon, HU=["Венгрия"])["Эрвин Кадар"]
    assert (found.position, found.country) == ("политик и лидер партии зелёных", "HU")


# --- a plural post a sentence or two before the names ------------------------------------------------


def test_a_plural_post_before_a_list_of_names_gives_each_its_post_and_country_in_order(lexicon):
    text = (
        "Министры обороны Чили и Перу провели переговоры в Лиме. "
        "Гонсало Аррьяса и Мануэль Кинтана обсудили совместные учения."
    )
    found = officials(text, lexicon, CL=["Чили"], PE=["Перу"])
    assert (found["Гонсало Аррьяса"].position, found["Гонсало Аррьяса"].country) == (
        "министр обороны Чили",
        "CL",
    )
    assert (found["Мануэль Кинтана"].position, found["Мануэль Кинтана"].country) == (
        "министр обороны Перу",
        "PE",
    )


def test_a_plural_post_with_fewer_countries_than_names_is_no_ones(lexicon):
    text = (
        "Министры обороны Чили провели переговоры. "
        "Гонсало Аррьяса и Мануэль Кинтана обсудили совместные учения."
    )
    found = officials(text, lexicon, CL=["Чили"])
    assert found["Мануэль Кинтана"].position == ""


# --- two names run together ------------------------------------------------------------------------


def test_two_full_names_run_together_in_different_cases_are_two_people(lexicon):
    text = "Во время встречи с министром обороны РФ Сергеем Шойгу Александр Лукашенко заявил о закупках."
    found = officials(text, lexicon, RU=["РФ"])
    assert {"Сергей Шойгу", "Александр Лукашенко"} <= set(found)
    assert found["Сергей Шойгу"].position == "министр обороны РФ"
    assert found["Александр Лукашенко"].position == ""


def test_a_long_name_with_particles_stays_one_name(lexicon):
    found = officials("Встреча с Мухаммедом бин Салманом Аль Саудом прошла в Эр-Рияде.", lexicon)
    assert list(found) == ["Мухаммед бин Салман Аль Сауд"]


def test_a_plural_post_of_two_states_is_each_names_post_but_says_no_country(lexicon):
    text = (
        "Заседание прошло под руководством министров обороны двух государств Ивана Петрова и Чан Ван Туана."
    )
    found = officials(text, lexicon)
    assert found["Иван Петров"].position == "министр обороны двух государств"
    assert found["Иван Петров"].country is None
