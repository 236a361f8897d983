"""Web text, seventh round: interface words over the headline, credits and datelines that name no
source, and agencies the text tells us were told.

Made-up pages. The test of each rule failed before it; the others guard what the rule must leave alone.
"""

from web_text_helpers import parse

HEADLINE = "Чили и Перу договорились о совместном патрулировании побережья"
LEAD = (
    "Министры обороны Чили и Перу договорились о совместном патрулировании побережья. "
    "Стороны также обсудили обмен курсантами военно-морских училищ."
)


# --- interface words over the headline -------------------------------------------------------------


def test_a_search_box_taken_as_the_scraped_title_is_not_the_headline():
    article = parse(" date 2024-03-05 Поиск", "", HEADLINE, "", LEAD)
    assert article.title == HEADLINE


def test_a_one_word_link_taken_as_the_scraped_title_is_not_the_headline():
    article = parse(" date 2024-03-05 Подписка", HEADLINE, "", LEAD)
    assert article.title == HEADLINE


def test_fields_that_lost_their_value_stand_above_the_headline():
    assert parse("Автор:", "", "Поделиться:", "", HEADLINE, "", LEAD).title == HEADLINE
    assert parse("Сантьяго:", "Лима:", "", HEADLINE, "", LEAD).title == HEADLINE


def test_a_scraped_headline_of_several_words_stays():
    article = parse(" date 2024-03-05 " + HEADLINE, "", LEAD)
    assert article.title == HEADLINE
    article = parse(" date 2024-03-05 Перу и Чили: итоги", "", LEAD)
    assert article.title == "Перу и Чили: итоги"
