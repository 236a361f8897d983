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
