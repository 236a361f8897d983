"""people13 round: a page that repeats its headline under the lead.

Made-up pages. The first test failed before the rule; the second guards what it must leave alone.
"""

from web_text_helpers import parse

HEADLINE = "Президент Чили принял министра обороны Перу"
LEAD = (
    "Президент Чили Хуан Перес сегодня в Сантьяго принял делегацию во главе с министром обороны "
    "Перу Карлосом Лопесом, находящуюся в стране с рабочим визитом."
)
MORE = (
    "По данным пресс-службы главы государства, стороны обсудили совместное патрулирование побережья "
    "и обмен курсантами военно-морских училищ."
)


def test_a_lead_between_two_copies_of_the_headline_is_the_texts_first_paragraph():
    article = parse(HEADLINE, "", "Чили", "", LEAD, "", HEADLINE, MORE)
    assert article.title == HEADLINE
    assert article.body.startswith(LEAD)
    assert MORE in article.body


def test_a_teaser_the_text_repeats_below_the_second_copy_is_dropped():
    teaser = (
        "Президент Чили Хуан Перес сегодня в Сантьяго принял делегацию во главе с министром обороны Перу."
    )
    article = parse(HEADLINE, "", teaser, "", HEADLINE, LEAD, "", MORE)
    assert article.body.startswith(LEAD)
    assert teaser not in article.body
