"""Web text, twentieth round: a one-sentence lead giving its day among its opening circumstances
(«В Лиму 8 марта прибыла делегация …») is the lead, not a subtitle; a page opening on «Разделы» and
the menu under it has its headline below; a topic page's link «…: последние новости» and its
description above the headline are not the headline.

Made-up pages. The test of each rule failed before it; the others guard what the rule must leave alone.
"""

from web_text_helpers import parse

from articles.pipeline.datelines import subtitle_over_lead
from articles.pipeline.dates import PartialDate

HEADLINE = "Чили передаст армии Перу грузовики и полевые кухни"
MORE = (
    "Как сообщает министерство обороны, в ходе визита состоится встреча министров, а церемония передачи "
    "техники пройдет в одной из воинских частей под Лимой на следующей неделе."
)


# --- a one-sentence lead under the headline ----------------------------------------------------------------


def test_a_first_paragraph_with_its_date_before_the_verb_is_the_lead():
    first = "В Лиму 8 марта прибыла военная делегация Чили во главе с министром обороны."
    assert not subtitle_over_lead([first, MORE])
    assert parse(HEADLINE, "", first, "", MORE).date == PartialDate(None, 3, 8)


def test_a_subtitle_naming_its_date_after_the_verb_is_still_a_subtitle():
    assert subtitle_over_lead(["Соглашение ратифицировано парламентом Чили 8 марта.", MORE])


# --- a menu under its heading ------------------------------------------------------------------------------


def test_a_menu_under_its_heading_is_no_headline():
    lead = "Армии Перу и Чили впервые провели совместные учения в пустыне Атакама, сообщили в штабе."
    article = parse("Разделы", "", "Новости Перу", "В мире", "", HEADLINE, "", lead, "", MORE)
    assert article.title == HEADLINE


# --- a topic page's link above the headline ----------------------------------------------------------------


def test_a_topic_link_and_its_description_are_no_headline():
    lead = "Командующий пограничной службой Перу заявил о прогрессе в сотрудничестве с Чили."
    article = parse(
        "Перуанско-чилийская граница: последние новости",
        "Перуанско-чилийский участок границы часто становится местом споров",
        "",
        HEADLINE,
        "",
        lead,
        "",
        MORE,
    )
    assert article.title == HEADLINE


def test_a_live_page_headline_of_that_shape_stays_the_headline():
    title = "Перуанско-чилийская граница: последние новости"
    lead = "Командующий пограничной службой Перу заявил о прогрессе в сотрудничестве с Чили."
    assert parse(title, "", lead, "", MORE).title == title
