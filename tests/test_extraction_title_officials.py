"""Officials of the title: a headline may be the only place a person's post, or the person, is named.

Pure tests through extract(): no database; every text is made up for the rule it tests.
"""

import pytest

from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.extraction.pipeline import extract
from articles.pipeline.parsing import ParsedArticle


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


def _article(title: str, body: str, derived: bool = False) -> ParsedArticle:
    return ParsedArticle(source_file="a.txt", title=title, title_derived=derived, body=body, raw_text=body)


def _officials(article, lexicon):
    return {o.name: o for o in extract(article, lexicon).officials}


def test_a_post_named_only_in_the_title_is_the_persons(lexicon):
    article = _article(
        "Губернатор Тверской области Игорь Руднев провёл совещание",
        "На совещании Руднев поручил подготовить дороги к зиме. Итоги подведут в пятницу.",
    )
    found = _officials(article, lexicon)
    assert found["Игорь Руднев"].position == "губернатор Тверской области"
    assert found["Игорь Руднев"].country == "RU"


def test_a_person_named_only_in_the_title_is_found_without_a_span(lexicon):
    article = _article(
        "Министр обороны Чили Карлос Мендоса прибыл в Перу",
        "Переговоры военных делегаций двух стран пройдут в Лиме.",
    )
    found = _officials(article, lexicon)
    assert found["Карлос Мендоса"].country == "CL"
    assert found["Карлос Мендоса"].spans == []


def test_spans_of_body_mentions_point_into_the_body(lexicon):
    body = "Министр обороны Чили Карлос Мендоса встретился с журналистами."
    article = _article("Министр обороны Чили Карлос Мендоса прибыл в Перу", body)
    official = _officials(article, lexicon)["Карлос Мендоса"]
    assert official.spans
    assert all(body[s:e] in ("Карлос Мендоса", "Мендоса") for s, e in official.spans)


def test_a_derived_title_is_not_read_twice(lexicon):
    body = "Министр обороны Чили Карлос Мендоса встретился с журналистами."
    article = _article("Министр обороны Чили Карлос Мендоса встретился", body, derived=True)
    official = _officials(article, lexicon)["Карлос Мендоса"]
    assert all(0 <= s < e <= len(body) for s, e in official.spans)
