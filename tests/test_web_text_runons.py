"""Web text, fourteenth round: a site recalling its own report under a quoted name, a repost's
«(По X)», a headline and its lead run together around an image, an agency in capitals after a
dated dateline, and a banner in capitals over the headline.

Made-up pages. The test of each rule failed before it; the others guard what the rule must leave alone.
"""

from web_text_helpers import OUTLETS, parse

from articles.pipeline.cleaning import normalise_lines
from articles.pipeline.datelines import split_dateline
from articles.pipeline.dates import PartialDate
from articles.pipeline.self_naming import self_named

HEADLINE = "Флоты Перу и Чили начали совместные манёвры"
LEAD = "Моряки Перу и Чили начали совместные манёвры у побережья Кальяо, они продлятся неделю."
MORE = "Учения проходят ежегодно с 2015 года, в них участвуют корабли и авиация двух стран."
LONG_LEAD = " ".join([LEAD, MORE, LEAD])


# --- «Ранее "X" писал» ------------------------------------------------------------------------------


def test_a_quoted_name_recalling_its_report_names_the_site():
    assert self_named(f'{LEAD}\nРанее "Южный вестник" писал, что учения отложены.') == "Южный вестник"
    article = parse(HEADLINE, "", LEAD, "", "Ранее «Южный вестник» писал, что учения отложены.")
    assert article.source == "Южный вестник"


def test_a_plain_name_recalling_names_no_site():
    assert self_named(f"{LEAD}\nРанее министр писал, что учения отложены.") is None
    assert self_named(f'{LEAD}\nРанее "не раз" писал об этом.') is None


# --- «(По X)» under a repost ------------------------------------------------------------------------


def test_a_repost_signed_by_its_origin_names_it():
    assert parse(HEADLINE, "", LEAD, "", MORE, "(По ВОВ)").source == "ВОВ"


def test_a_bracketed_by_phrase_names_no_outlet():
    assert parse(HEADLINE, "", LEAD, "", MORE, "(по данным штаба)").source is None


# --- headline, image and lead on one line -----------------------------------------------------------


def test_an_image_between_headline_and_lead_splits_them():
    line = f"12.11.2014 {HEADLINE}![]() {LONG_LEAD}"
    assert normalise_lines(line) == [f"12.11.2014 {HEADLINE}", "![]()", LONG_LEAD]
    article = parse(line, "", MORE)
    assert (article.title, article.date) == (HEADLINE, PartialDate(2014, 11, 12))


def test_an_image_after_a_sentence_keeps_the_line():
    line = f"{LEAD} ![]() {LONG_LEAD}"
    assert normalise_lines(line) == [line]


# --- an agency in capitals after a dated dateline ---------------------------------------------------


def test_a_capitals_agency_after_a_dated_dateline_is_the_outlet():
    place, date, outlet, rest = split_dateline(f"Лима, 3 марта, ПЕРУИНФОРМ. {LEAD}", OUTLETS)
    assert (place, date, outlet, rest) == ("Лима", PartialDate(None, 3, 3), "ПЕРУИНФОРМ", LEAD)
    article = parse(HEADLINE, "Лима, 3 марта,", f"ПЕРУИНФОРМ. {LEAD}")
    assert (article.date, article.source) == (PartialDate(None, 3, 3), "ПЕРУИНФОРМ")


def test_a_short_capitals_word_after_a_dateline_is_no_outlet():
    assert split_dateline(f"Лима, 3 марта, США. {LEAD}", OUTLETS)[2] is None


# --- a banner in capitals over the headline ---------------------------------------------------------


def test_a_capitals_banner_over_the_date_and_headline_is_not_the_title():
    article = parse("ВЫБОРЫ МЭРА - 6 ОКТЯБРЯ", "16 июня 2021 | 11:37", "", HEADLINE, "", LEAD, "", MORE)
    assert (article.title, article.date) == (HEADLINE, PartialDate(2021, 6, 16))


def test_a_headline_in_capitals_over_its_lead_is_the_title():
    article = parse(HEADLINE.upper(), "16 июня 2021 | 11:37", "", LEAD, "", MORE)
    assert article.title == HEADLINE.upper()


# --- a blog engine's lines over the post ------------------------------------------------------------


def test_a_blog_avatar_line_is_not_the_lead():
    lead = (
        "Перу и Чили подписали 3 марта меморандум о взаимопонимании в сфере обороны по итогам встречи "
        "министра обороны Перу Хорхе Чавеса и министра обороны Чили Марии Фернандес, сообщил пресс-центр "
        "оборонного ведомства Перу."
    )
    article = parse(
        "Блог пользователя Moryak", "", HEADLINE, "", "Аватар пользователя Moryak", "", lead, "", MORE
    )
    assert (article.title, article.date) == (HEADLINE, PartialDate(None, 3, 3))
