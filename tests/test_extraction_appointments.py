"""Posts given by verbs of appointing and becoming: «назначил Петрова послом», «стал исполняющим
обязанности министра», «Ещё одним заместителем стал …». Pure tests on made-up sentences."""

import pytest
from extraction_helpers import officials

from articles.pipeline.extraction.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


def test_the_object_of_an_active_appointment_takes_the_post_and_the_subject_does_not(lexicon):
    text = (
        "Указ подписан в среду. Олега Смирнова мэр Павел Орлов назначил директором департамента транспорта."
    )
    found = officials(text, lexicon)
    assert found["Олег Смирнов"].position == "директор департамента транспорта"
    assert found["Павел Орлов"].position != "директор департамента транспорта"


def test_a_post_after_the_appointed_name_is_his(lexicon):
    text = "Накануне президент подписал указ. Он назначил Игоря Лебедева советником по экономике."
    found = officials(text, lexicon)
    assert found["Игорь Лебедев"].position == "советник по экономике"


def test_a_country_after_a_preposition_in_the_appointed_post_is_a_place(lexicon):
    text = "Вчера глава государства назначил Игоря Лебедева послом в Чили."
    found = officials(text, lexicon, CL=["Чили"])
    assert found["Игорь Лебедев"].position == "посол в Чили"
    assert found["Игорь Лебедев"].country is None


def test_becoming_acting_holder_of_a_post_is_that_post(lexicon):
    text = "Указ вступил в силу. Михаил Зорин стал исполняющим обязанности министра строительства."
    found = officials(text, lexicon)
    assert found["Михаил Зорин"].position == "исполняющий обязанности министра строительства"


def test_another_deputy_named_by_becoming_takes_the_post(lexicon):
    text = "Совещание прошло в мэрии. Ещё одним заместителем мэра стал Антон Белов."
    found = officials(text, lexicon)
    assert found["Антон Белов"].position == "заместитель мэра"


def test_a_seat_taken_before_the_name_gives_its_post(lexicon):
    text = "Итоги выборов подведены. Кресло председателя областной думы в новом созыве занял единоросс Олег Карпов."
    found = officials(text, lexicon)
    assert found["Олег Карпов"].position == "председатель областной думы"


def test_holding_a_post_after_the_name_gives_it(lexicon):
    text = "Форум открылся в среду. Сергей Уваров, занимающий пост министра транспорта, выступил первым."
    found = officials(text, lexicon)
    assert found["Сергей Уваров"].position == "министр транспорта"


def test_a_rank_between_the_appointing_verb_and_the_name_does_not_hide_the_post(lexicon):
    text = "Указ опубликован вчера. Глава государства назначил генерал-майора Степана Ворохова начальником училища."
    found = officials(text, lexicon)
    assert found["Степан Ворохов"].position == "начальник училища"
    assert found["Степан Ворохов"].rank == "генерал-майор"


def test_the_noun_of_appointing_gives_the_post_after_the_name(lexicon):
    text = "Губернатор подписал распоряжение о назначении Аркадия Семенихина директором департамента лесного хозяйства."
    found = officials(text, lexicon)
    assert found["Аркадий Семенихин"].position == "директор департамента лесного хозяйства"


def test_a_relative_clause_of_appointing_gives_the_post_to_the_name_before_it(lexicon):
    text = "Его место занял Тимофей Жаворонков, которого ранее назначили командующим флотилией."
    found = officials(text, lexicon)
    assert found["Тимофей Жаворонков"].position == "командующий флотилией"


def test_a_post_held_before_yields_to_the_post_the_person_is_appointed_to(lexicon):
    text = "Занимавший пост губернатора Тверской области Фёдор Кулагин назначен заместителем министра транспорта."
    found = officials(text, lexicon)
    assert found["Фёдор Кулагин"].position == "заместитель министра транспорта"


def test_a_former_post_is_kept_when_no_verb_gives_another(lexicon):
    text = "Бывший губернатор Тверской области Фёдор Кулагин выступил на форуме."
    found = officials(text, lexicon)
    assert found["Фёдор Кулагин"].position == "бывший губернатор Тверской области"


def test_a_former_post_is_not_replaced_by_another_seat_held_in_the_past(lexicon):
    text = "Экс-губернатор Тверской области Фёдор Кулагин молчит. Когда Кулагин занимал пост председателя комитета, было иначе."
    found = officials(text, lexicon)
    assert found["Фёдор Кулагин"].position == "экс-губернатор Тверской области"


def test_a_former_post_in_the_genitive_yields_to_the_post_a_passive_gives(lexicon):
    text = "Занимавший пост полпреда президента России Олег Пушников назначен заместителем министра обороны."
    found = officials(text, lexicon, RU=["России"])
    assert found["Олег Пушников"].position == "заместитель министра обороны"


def test_a_seat_before_a_passive_of_appointing_is_the_post_of_the_name_after_it(lexicon):
    text = "В среду на должность руководителя департамента транспорта был утверждён Олег Смирнов."
    found = officials(text, lexicon)
    assert found["Олег Смирнов"].position == "руководитель департамента транспорта"
