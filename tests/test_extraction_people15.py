"""people15 round: a post naming its state by a regional adjective and a common noun (issue 19).

«Буркина-Фасо хочет сотрудничать с Россией. Об этом рассказала глава МИД африканского государства …»: the
African state, not the nearer Russia (articles/data/world_regions.csv). Pure tests, made-up texts."""

import pytest
from web_text_helpers import parse

from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.extraction.pipeline import extract


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


def _countries(text, lexicon):
    return {
        o.name: o.country
        for o in extract(parse("Сотрудничество в сфере безопасности", "", text), lexicon).officials
    }


def test_a_regional_adjective_picks_the_state_of_that_region(lexicon):
    text = (
        "Уганда хочет наладить сотрудничество с Россией в сфере безопасности. Об этом рассказала глава МИД "
        "африканского государства Оливия Нанденга."
    )
    assert _countries(text, lexicon)["Оливия Нанденга"] == "UG"


def test_an_asian_state_among_an_african_and_a_european_one(lexicon):
    text = (
        "Вьетнам, Египет и Франция провели переговоры. Об этом сообщил министр обороны азиатской страны "
        "Нгуен Ван Тхань."
    )
    assert _countries(text, lexicon)["Нгуен Ван Тхань"] == "VN"


def test_without_a_regional_adjective_the_subject_state_is_still_meant(lexicon):
    text = "Сербия получит от Китая зенитные комплексы, заявил министр обороны республики Братислав Гашич."
    assert _countries(text, lexicon)["Братислав Гашич"] == "RS"


def test_a_regional_adjective_with_no_state_of_its_region_named_gives_no_state(lexicon):
    text = (
        "Уганда хочет наладить сотрудничество с Россией в сфере безопасности. Об этом рассказал министр "
        "обороны латиноамериканской страны Хуан Перес."
    )
    assert _countries(text, lexicon)["Хуан Перес"] is None


def test_initials_and_a_surname_in_the_instrumental_are_read_in_the_nominative(lexicon):
    text = (
        "Атташе встретился с генералами армии Перу — З. Молдошевым, А. Джамаловым, Б. Югаем и "
        "А. Шамкеевым. Генералы обсудили подготовку учений с военными Чили."
    )
    names = set(_countries(text, lexicon))
    assert {"А. Джамалов", "Б. Югай", "А. Шамкеев"} <= names
    assert not any(n.endswith(("ым", "ем")) for n in names)
