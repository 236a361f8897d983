"""people21 round (issue 19): a post does not reach across a line break into the headline above; a name where
the copy stops mid-word is no person; a register's order with a patronymic the dictionary lacks («Кошербаева
Ермека Беделбаевича»); a region's executive committee («Гродненский облисполком») is its state's; «В Чили …
президентом страны» is Chile's. Pure tests, made-up texts; the first test of each rule failed before it.
"""

import pytest
from web_text_helpers import parse

from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.extraction.pipeline import extract


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


def _officials(text, lexicon, title="Сотрудничество в сфере безопасности"):
    found = extract(parse(title, "", text), lexicon).officials
    return {o.name: (o.position, o.country) for o in found}


def test_a_post_does_not_reach_across_a_line_break(lexicon):
    text = (
        "Сото встретилась с президентом Перу\n\n"
        "Председатель сената Чили Анна Сото встретилась с президентом Перу Хуаном Пересом в Лиме."
    )
    assert _officials(text, lexicon)["Анна Сото"] == ("председатель сената Чили", "CL")


def test_a_name_where_the_copy_stops_mid_word_is_no_person(lexicon):
    text = (
        "Министр иностранных дел Перу Хуан Перес посетил Чили и провел переговоры с коллегой.\n\n"
        "Министр обороны Перу Луис Ра"
    )
    assert list(_officials(text, lexicon)) == ["Хуан Перес"]
    # a whole name closing the text with no stop (a word the dictionary knows) is still a name
    whole = "Стороны подписали план сотрудничества с Перу, — отметил председатель Государственной Думы Вячеслав Петров"
    assert "Вячеслав Петров" in _officials(whole, lexicon)


def test_a_registers_order_with_a_patronymic_the_dictionary_lacks(lexicon):
    text = (
        "Опубликован указ о назначении на пост главы МИД Ермека Кошербаева. «Назначить Кошербаева Ермека "
        "Беделбаевича министром иностранных дел Республики Казахстан», — говорится в тексте указа."
    )
    assert [name for name in _officials(text, lexicon) if "Кошербаев" in name] == ["Ермек Кошербаев"]


def test_a_regions_executive_committee_is_its_states(lexicon):
    text = (
        "Начальник пограничной службы Перу Хуан Перес встретился с председателем Гродненского облисполкома "
        "Владимиром Петровым."
    )
    assert _officials(text, lexicon)["Владимир Петров"][1] == "BY"


def test_where_a_sentence_opens_is_the_state_of_a_later_common_noun(lexicon):
    text = (
        "Министр обороны Перу Хуан Перес посетил Чили. В Чили министр обороны Перу встретился с президентом "
        "страны Мигелем Сото."
    )
    assert _officials(text, lexicon)["Мигель Сото"][1] == "CL"


def test_ranks_in_a_list_under_one_plural_post(lexicon):
    text = (
        "Министры обороны Перу и Мали генерал армии Хуан Перес и дивизионный генерал Ибрахим Дембеле "
        "подписали межправительственное соглашение о военном сотрудничестве."
    )
    found = extract(parse("Сотрудничество", "", text), lexicon).officials
    got = {o.name: (o.position, o.rank, o.country) for o in found}
    assert got["Хуан Перес"] == ("министр обороны Перу", "генерал армии", "PE")
    assert got["Ибрахим Дембеле"] == ("министр обороны Мали", "дивизионный генерал", "ML")
