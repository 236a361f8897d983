"""people23 round (issue 19): a state named by its form of government alone («посол Исламской Республики»)
is the one of that form the text names; «начальник Генштаба этой страны» is a post, of the state named just
before. Pure tests, made-up texts; the first test of each rule failed before it.
"""

from web_text_helpers import LEXICON, officials, parse

from articles.pipeline.extraction.pipeline import extract


def test_a_state_named_by_its_form_of_government_alone():
    text = (
        "Пакистан готов расширить сотрудничество с Перу. Об этом заявил посол Исламской Республики в Перу "
        "Имран Кхан на встрече с министром обороны Перу Хуаном Пересом. Перес пригласил министра обороны "
        "Исламской Республики Асифа Навада посетить Лиму."
    )
    found = officials(text)
    assert found["Имран Кхан"] == ("посол Исламской Республики в Перу", "PK")
    assert found["Асиф Навад"][1] == "PK"


def test_a_form_of_government_named_before_its_state():
    text = (
        "Посол Исламской Республики в Перу Имран Кхан встретился с министром обороны Перу Хуаном Пересом. "
        "Стороны обсудили сотрудничество Пакистана и Перу."
    )
    assert officials(text)["Имран Кхан"][1] == "PK"


def test_a_post_of_this_country_is_of_the_state_named_just_before():
    text = (
        "Министерство обороны Чили сообщило о переговорах в Перу министра обороны Чили Анны Сото с "
        "министром обороны Перу Хуаном Пересом и начальником Генштаба этой страны Луисом Мендосой."
    )
    assert officials(text)["Луис Мендоса"] == ("начальник Генштаба этой страны", "PE")


def test_a_plural_post_set_off_from_its_list_of_names_by_a_comma():
    text = (
        "Министр обороны Чили прибыл в Лиму\n\n"
        "Министры обороны Перу и Чили, Хуан Перес и Анна Сото, обсудили вопросы военного сотрудничества. "
        "Делегацию возглавил министр обороны Чили."
    )
    found = officials(text)
    assert found["Хуан Перес"] == ("министр обороны Перу", "PE")
    assert found["Анна Сото"] == ("министр обороны Чили", "CL")


def test_a_post_with_no_state_and_a_rank_after_it_takes_its_bodys_state():
    text = (
        "Руководство Министерства обороны Чили находится с рабочим визитом в Перу.\n\n"
        "Как сообщили в Минобороны Чили, состоялась встреча министра обороны генерал-полковника Хуана Переса "
        "с государственным министром Перу по вопросам обороны Луисом Сото."
    )
    assert officials(text)["Хуан Перес"] == ("министр обороны", "CL")


def test_another_persons_post_does_not_give_its_state():
    text = (
        "Как сообщили в Минобороны Чили, в рамках визита состоялась встреча министра обороны Хуана Переса "
        "с государственным министром Перу по вопросам обороны Луисом Сото."
    )
    assert officials(text)["Хуан Перес"] == ("министр обороны", "CL")


def test_a_heading_in_capitals_with_two_initialled_names():
    text = (
        "ВСТРЕЧА Л. СОТО С Х. ПЕРЕСОМ\n"
        "Лима, 3 мая. — В Лиме состоялась встреча министра иностранных дел Перу Луиса Сото с министром "
        "обороны Чили Хуаном Пересом."
    )
    found = officials(text, title="Встреча")
    assert sorted(found) == ["Луис Сото", "Хуан Перес"]


def test_an_initial_and_surname_after_a_full_name_start_a_second_name():
    text = (
        "В Лиму прибыл министр обороны Чили Хуан Перес. В аэропорту Хорхе Чавес Х.Переса встретил министр "
        "обороны Перу Луис Сото."
    )
    found = officials(text)
    assert "Хуан Перес" in found and not [name for name in found if "Чавес" in name and "Перес" in name]


def test_a_long_post_with_the_rank_major_general_before_the_name():
    text = (
        "Протокол подписали министр обороны Перу Хуан Перес и заместитель министра обороны по вопросам "
        "развития Боливарианской Республики Венесуэла майор-генерал Энри Давид Сото Мартинес."
    )
    found = extract(parse("Сотрудничество", "", text), LEXICON).officials
    other = next(o for o in found if o.name.endswith("Сото Мартинес"))
    assert other.name == "Энри Давид Сото Мартинес"
    assert (
        other.position
        == "заместитель министра обороны по вопросам развития Боливарианской Республики Венесуэла"
    )
    assert (other.rank, other.country) == ("майор-генерал", "VE")


def test_a_visited_state_goes_before_the_nearest_for_this_country():
    text = (
        "Находящийся с официальным визитом в Перу начальник Генерального штаба Чилийской армии Хуан Перес "
        "встретился с министром обороны этой страны Луисом Сото."
    )
    assert officials(text)["Луис Сото"] == ("министр обороны этой страны", "PE")
