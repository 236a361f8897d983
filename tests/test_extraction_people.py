"""People on any Russian news text: names in the nominative, ranks apart from posts, each person's
own country (or none), roles of people who hold no office.

Pure tests: no database. Countries are marked by hand, as in test_extraction_officials.py.
"""

import pytest
from extraction_helpers import officials

from articles.pipeline.extraction.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


# --- ranks apart from posts ---------------------------------------------------------------------


def test_a_rank_after_the_post_goes_to_its_own_field(lexicon):
    text = "Министр обороны Азербайджана генерал-полковник Закир Гасанов встретился с делегацией."
    found = officials(text, lexicon, AZ=["Азербайджана"])["Закир Гасанов"]
    assert (found.position, found.rank, found.country) == (
        "министр обороны Азербайджана",
        "генерал-полковник",
        "AZ",
    )


def test_a_rank_of_several_words_is_kept_whole_and_in_the_nominative(lexicon):
    text = "Встреча с начальником Генштаба генералом армии Валерием Герасимовым прошла в Москве."
    found = officials(text, lexicon)["Валерий Герасимов"]
    assert (found.position, found.rank) == ("начальник Генштаба", "генерал армии")


def test_a_rank_before_the_name_and_a_post_after_it_are_both_kept(lexicon):
    text = "Адмирал Навид Ашраф, командующий ВМС Пакистана, посетил верфь."
    found = officials(text, lexicon, PK=["Пакистана"])["Навид Ашраф"]
    assert (found.position, found.rank, found.country) == ("командующий ВМС Пакистана", "адмирал", "PK")


def test_a_rank_alone_is_the_rank_and_stands_for_the_post(lexicon):
    text = "Капитан первого ранга Иван Сидоров командует крейсером."
    found = officials(text, lexicon)["Иван Сидоров"]
    assert (found.position, found.rank) == ("капитан первого ранга", "капитан первого ранга")


def test_a_post_without_a_rank_has_an_empty_rank(lexicon):
    found = officials("Министр обороны Индии Раджнатх Сингх прибыл.", lexicon, IN=["Индии"])["Раджнатх Сингх"]
    assert (found.position, found.rank) == ("министр обороны Индии", "")


# --- each person's own country, or none ---------------------------------------------------------


def test_a_quoted_sportsman_and_physician_get_no_country_from_the_story(lexicon):
    text = (
        "Боксер Мухаммед Али, а также врач Джон Смит прокомментировали визит делегации Индии в Россию. "
        "Индия и Россия подписали соглашение."
    )
    found = officials(text, lexicon, IN=["Индии", "Индия"], RU=["Россию", "Россия"])
    assert (found["Мухаммед Али"].position, found["Мухаммед Али"].country) == ("боксер", None)
    assert (found["Джон Смит"].position, found["Джон Смит"].country) == ("врач", None)


def test_an_ambassador_is_of_the_state_he_represents_not_the_host(lexicon):
    text = "Посол Ирана в Москве Казем Джалали заявил о сотрудничестве России и Ирана."
    found = officials(text, lexicon, IR=["Ирана"], RU=["России"])["Казем Джалали"]
    assert (found.position, found.country) == ("посол Ирана в Москве", "IR")


def test_a_foreign_person_with_a_nationality_word_gets_that_country(lexicon):
    text = "Россия и Индия обсудили поставки. Американский эксперт Джон Смит назвал сделку крупной."
    found = officials(text, lexicon, RU=["Россия"], IN=["Индия"], US=["Американский"])["Джон Смит"]
    assert (found.position, found.country) == ("эксперт", "US")


def test_an_office_holder_without_a_country_in_the_text_still_leans_to_the_story(lexicon):
    text = "Премьер-министр Санаэ Такаити провела переговоры. Япония расширит оборонные расходы."
    assert officials(text, lexicon, JP=["Япония"])["Санаэ Такаити"].country == "JP"


# --- roles and posts outside the central government --------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        ("Статью прокомментировал военный эксперт Игорь Коротченко.", "Игорь Коротченко", "военный эксперт"),
        ("Тренер сборной Станислав Черчесов остался доволен.", "Станислав Черчесов", "тренер сборной"),
        ("Об этом сообщила корреспондент Анна Смирнова.", "Анна Смирнова", "корреспондент"),
        ("Замгубернатора Иван Петров открыл выставку.", "Иван Петров", "замгубернатора"),
        (
            "Замминистра обороны Алексей Криворучко принял участие.",
            "Алексей Криворучко",
            "замминистра обороны",
        ),
        ("Сенатор Андрей Клишас внес законопроект.", "Андрей Клишас", "сенатор"),
        (
            "Губернатор Тульской области Дмитрий Миляев открыл завод.",
            "Дмитрий Миляев",
            "губернатор Тульской области",
        ),
    ],
)
def test_roles_and_regional_posts_are_read_as_posts(lexicon, text, name, post):
    assert officials(text, lexicon)[name].position == post
