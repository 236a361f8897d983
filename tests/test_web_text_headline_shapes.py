"""Web text, fifteenth round: a headline with the page's date run onto its end, a headline broken
over two lines above the date line, one printed under the text over the byline, and one run into
its lead.

Made-up pages. The test of each rule failed before it; the others guard what the rule must leave alone.
"""

from web_text_helpers import parse

from articles.pipeline.dates import PartialDate
from articles.pipeline.headline_broken import join_broken_headline, split_run_in_headline
from articles.pipeline.headlines import split_glued_date

HEADLINE = "Чили и Перу договорились о совместном патрулировании побережья"
LEAD = (
    "Министры обороны Чили и Перу договорились о совместном патрулировании побережья. "
    "Стороны также обсудили обмен курсантами военно-морских училищ."
)


# --- a date run onto the headline's end -----------------------------------------------------------


def test_a_date_after_the_headline_is_the_pages_date():
    assert split_glued_date(HEADLINE + " 16.03.2016") == (PartialDate(2016, 3, 16), HEADLINE)
    article = parse(HEADLINE + " 16.03.2016", "", HEADLINE, "", LEAD)
    assert article.title == HEADLINE
    assert article.date == PartialDate(2016, 3, 16)


def test_a_headline_ending_in_a_year_keeps_it():
    assert split_glued_date("Чили и Перу подвели итоги сотрудничества за 2016") is None
    assert split_glued_date("Чили и Перу подвели итоги 16.03") is None


# --- a headline broken over two lines -------------------------------------------------------------

BROKEN = ("О заседании Совета министров обороны", "при Тихоокеанском союзе", "3 декабря 2015 года")


def test_a_headline_broken_over_two_lines_above_the_date_is_joined():
    article = parse(*BROKEN, LEAD)
    assert article.title == f"{BROKEN[0]} {BROKEN[1]}"
    assert article.date == PartialDate(2015, 12, 3)


def test_a_wrapped_lead_is_not_joined():
    lines = [
        "Министры обороны Чили и Перу в среду",
        "обсудили патрулирование побережья.",
        "3 декабря 2015 года",
    ]
    join_broken_headline(lines)
    assert len(lines) == 3
    lines = [
        "ТАСС – > 53",
        "orig date 2023-12-14 12:00:53",
        "14:20 14-12-2023",
    ]  # a banner over a scraper's line
    join_broken_headline(lines)
    assert len(lines) == 3
    lines = [BROKEN[0], BROKEN[1], LEAD]  # no date line under it: nothing tells a wrapped lead apart
    join_broken_headline(lines)
    assert len(lines) == 3


# --- a headline printed under the text, over the byline -------------------------------------------

UNDER = "Чили и Перу договорились о патрулировании побережья"
MORE = "Учения флотов пройдут весной у берегов Антофагасты."


def test_a_headline_over_the_byline_under_the_text_is_the_title():
    article = parse(LEAD, "", MORE, "", UNDER, "", "Автор: Мария Соколова")
    assert article.title == UNDER
    assert UNDER not in article.body


def test_a_closing_line_over_a_byline_that_says_something_else_is_not_the_title():
    other = "Флоты соседних стран проведут учения весной"
    article = parse(LEAD, "", MORE, "", other, "", "Автор: Мария Соколова")
    assert article.title != other
    article = parse(LEAD, "", MORE, "", UNDER)  # no byline under it: a closing line of the text
    assert article.title != UNDER


# --- a headline run into its lead -----------------------------------------------------------------

RUN_IN_HEAD = "Встреча министров обороны Чили и Перу"
RUN_IN_LEAD = (
    "5 февраля в Сантьяго состоялась встреча министров обороны Чили и Перу. "
    "Стороны обсудили патрулирование побережья."
)


def test_a_headline_run_into_its_lead_is_split_off():
    assert split_run_in_headline(f"{RUN_IN_HEAD} {RUN_IN_LEAD}") == (RUN_IN_HEAD, RUN_IN_LEAD)
    article = parse(f"{RUN_IN_HEAD} {RUN_IN_LEAD}", "", MORE)
    assert article.title == RUN_IN_HEAD
    assert article.body.startswith("5 февраля")


def test_a_lead_with_its_subject_before_the_date_is_not_split():
    lead = "Министры обороны Чили и Перу 5 февраля встретились в Сантьяго. Министр обороны Чили сказал речь."
    assert split_run_in_headline(lead) is None
