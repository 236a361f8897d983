"""Posts and states a list gives: «консулы: Канады – А, Египта – Б», «коллега из Перу».

Pure tests: no database. Countries are marked by hand, as in test_extraction_officials.py; every
text is made up for the rule it tests.
"""

import pytest
from extraction_helpers import officials

from articles.pipeline.extraction.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


def test_a_plural_post_before_a_colon_gives_each_state_and_holder(lexicon):
    text = (
        "На приём в мэрию пришли послы: Канады - Джон Смит, Египта – Ахмед Саид и Бразилии – "
        "Паулу Сантуш, а также почетные консулы: Норвегии – И. П. Петров, Чили – С. А. Сидоров."
    )
    found = officials(
        text, lexicon, CA=["Канады"], EG=["Египта"], BR=["Бразилии"], NO=["Норвегии"], CL=["Чили"]
    )
    assert (found["Джон Смит"].position, found["Джон Смит"].country) == ("посол", "CA")
    assert (found["Ахмед Саид"].position, found["Ахмед Саид"].country) == ("посол", "EG")
    assert (found["Паулу Сантуш"].position, found["Паулу Сантуш"].country) == ("посол", "BR")
    assert (found["И. П. Петров"].position, found["И. П. Петров"].country) == ("почетный консул", "NO")
    assert (found["С. А. Сидоров"].position, found["С. А. Сидоров"].country) == ("почетный консул", "CL")


def test_a_list_ends_at_an_item_without_a_state_and_dash(lexicon):
    text = "В мэрию пришли консулы: Канады – Джон Смит и прибывший из Оттавы посол Египта Ахмед Саид."
    found = officials(text, lexicon, CA=["Канады"], EG=["Египта"])
    assert (found["Джон Смит"].position, found["Джон Смит"].country) == ("консул", "CA")
    assert found["Ахмед Саид"].position == "посол Египта"
    assert found["Ахмед Саид"].country == "EG"


def test_a_colleague_from_a_state_holds_the_post_named_before_him(lexicon):
    text = "Глава МИД Чили Хуан Перес провел переговоры со своим коллегой из Перу Марио Лопесом."
    found = officials(text, lexicon, CL=["Чили"], PE=["Перу"])
    assert found["Марио Лопес"].position == "глава МИД"
    assert found["Марио Лопес"].country == "PE"
    assert found["Хуан Перес"].country == "CL"


def test_an_indeclinable_post_is_singular_unless_a_plural_adjective_says_otherwise(lexicon):
    text = (
        "Министр обороны Чили встретился с атташе по вопросам обороны при посольстве Перу "
        "в Сантьяго генерал-майором Хуаном Лопесом."
    )
    found = officials(text, lexicon, CL=["Чили"], PE=["Перу"])
    assert found["Хуан Лопес"].position == "атташе по вопросам обороны при посольстве Перу в Сантьяго"
    assert found["Хуан Лопес"].rank == "генерал-майор"
    text = "Министр обороны Чили встретился с военными атташе Перу и Бразилии Хуаном Лопесом и Педро Гомесом."
    found = officials(text, lexicon, CL=["Чили"], PE=["Перу"], BR=["Бразилии"])
    assert (found["Хуан Лопес"].country, found["Педро Гомес"].country) == ("PE", "BR")


def test_an_abbreviated_deputy_is_a_post(lexicon):
    text = "Гостей приняли Олег Сидоров и Анна Белова, зам. председателя облсовета, в понедельник."
    found = officials(text, lexicon)
    assert found["Анна Белова"].position == "зам. председателя облсовета"
    found = officials("Делегацию встретил зам. губернатора Иван Петров.", lexicon)
    assert found["Иван Петров"].position == "зам. губернатора"


def test_names_after_between_are_two_sides_not_one_state(lexicon):
    text = (
        "Министр обороны Заур Мамедов принял посла Египта в Азербайджане Ахмеда Саида. "
        "На встрече между послом Египта в Азербайджане Ахмедом Саидом и министром обороны "
        "Зауром Мамедовым стороны обсудили подготовку кадров. "
        "Стороны обсудили ситуацию в Азербайджане."
    )
    found = officials(text, lexicon, EG=["Египта"], AZ=["Азербайджане"])
    assert found["Ахмед Саид"].country == "EG"
    assert found["Заур Мамедов"].country == "AZ"


def test_a_name_in_the_genitive_holds_the_complement_and_the_next_name_the_post(lexicon):
    text = "Об этом заявил пресс-секретарь президента Молдавии Игоря Попова Андрей Сидоренко."
    found = officials(text, lexicon, MD=["Молдавии"])
    assert found["Игорь Попов"].position == "президент Молдавии"
    assert found["Андрей Сидоренко"].position == "пресс-секретарь президента Молдавии Игоря Попова"
    assert found["Андрей Сидоренко"].country == "MD"


def test_a_role_over_a_possessor_does_not_take_his_country(lexicon):
    text = "Тренер бразильского боксера Ивана Климова Олег Сорокин прокомментировал поражение."
    found = officials(text, lexicon, BR=["бразильского"])
    assert found["Олег Сорокин"].position == "тренер бразильского боксера Ивана Климова"
    assert found["Олег Сорокин"].country is None


def test_an_author_is_a_role_and_a_state_in_his_book_title_is_not_his(lexicon):
    text = 'Автор книги "Забытая Бразилия" Джон Смит заявил, что выборы прошли спокойно.'
    found = officials(text, lexicon, BR=["Бразилия"])
    assert found["Джон Смит"].position == 'автор книги "Забытая Бразилия"'
    assert found["Джон Смит"].country is None


def test_a_colleague_opening_the_next_sentence_holds_the_post_before(lexicon):
    text = (
        "Министр финансов Чили Хуан Перес выступил на форуме в Лиме. "
        "Его перуанский коллега Марио Лопес с ним не согласился."
    )
    found = officials(text, lexicon, CL=["Чили"], PE=["перуанский"])
    assert found["Марио Лопес"].position == "министр финансов"
    assert found["Марио Лопес"].country == "PE"


def test_a_genitive_looking_name_with_no_name_after_it_keeps_its_whole_post(lexicon):
    """A foreign name that declines no ending may be tagged genitive; with no name after it to hold
    the post word, the whole post is its own («заместитель министра обороны …»)."""
    text = (
        "Генеральный директор компании Игорь Савельев и заместитель министра обороны Кении "
        "Ондиеки Эрмаван Мванги подписали в Найроби контракт на поставку вертолетов."
    )
    found = officials(text, lexicon, KE=["Кении"])
    assert found["Ондиеки Эрмаван Мванги"].position == "заместитель министра обороны Кении"


def test_a_name_cut_by_an_ellipsis_is_no_person(lexicon):
    text = (
        "Странам нужно укреплять сотрудничество, заявил министр обороны РФ Андрей... Агентство, 08.10.2031\n"
        "Странам нужно укреплять сотрудничество, заявил министр обороны РФ Андрей Белоусов."
    )
    found = officials(text, lexicon, RU=["РФ"])
    assert set(found) == {"Андрей Белоусов"}


def test_a_whole_name_before_a_teaser_s_ellipsis_stays_a_name(lexicon):
    text = "В Найроби начались переговоры министра обороны РФ Андрея Белоусова и министра Кении Ондиеки Мванги...."
    found = officials(text, lexicon, RU=["РФ"], KE=["Кении"])
    assert set(found) == {"Андрей Белоусов", "Ондиеки Мванга"}  # «министра … Мванги»: genitive of -а
