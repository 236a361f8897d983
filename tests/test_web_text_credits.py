"""Web text, thirteenth round: a dateline with one slash before its outlet, a copyright line with
the year first, a site naming itself with «информирует», and an author's byline naming the outlet.

Made-up pages. The test of each rule failed before it; the others guard what the rule must leave alone.
"""

from web_text_helpers import OUTLETS, parse

from articles.pipeline.cleaning import staff_credit_outlet
from articles.pipeline.datelines import find_lead_date, lookup_outlet, split_dateline
from articles.pipeline.dates import PartialDate
from articles.pipeline.page_outlets import copyright_outlet, split_site_name

HEADLINE = "Флоты Перу и Чили начали совместные манёвры"
LEAD = "Моряки Перу и Чили начали совместные манёвры у побережья Кальяо, они продлятся неделю."


def known(spelling):
    return lookup_outlet(spelling, OUTLETS)


# --- a dateline's outlet after one slash -------------------------------------------------------------


def test_a_dated_dateline_with_one_slash_names_its_outlet():
    place, date, outlet, rest = split_dateline(f"МОСКВА, 18 октября/ Радио Sputnik. {LEAD}", OUTLETS)
    assert (place, date, rest) == ("Москва", PartialDate(None, 10, 18), LEAD)
    assert known(outlet) == "Sputnik"
    article = parse(HEADLINE, "", f"ЛИМА, 3 марта/ ТАСС. {LEAD}")
    assert (article.date, article.source) == (PartialDate(None, 3, 3), "ТАСС")


def test_a_place_with_one_slash_and_no_date_is_no_dateline():
    assert split_dateline(f"Армия/ Флот. {LEAD}", OUTLETS) is None


# --- a copyright line with the year first ------------------------------------------------------------


def test_a_copyright_line_with_the_year_first_names_the_outlet():
    assert copyright_outlet("© 2025, ТАСС", OUTLETS) == "ТАСС"
    assert copyright_outlet("© 2025, РИА «Новый Край»", OUTLETS) == "Новый Край"
    article = parse(HEADLINE, "", LEAD, "", "© 2025, РИА «Новый Край»", "", "Подписывайтесь на каналы")
    assert article.source == "Новый Край"


def test_a_copyright_line_naming_no_outlet_names_none():
    assert copyright_outlet("© 2025, Иван Петров", OUTLETS) is None
    assert copyright_outlet("© 2025, «Все права защищены»", OUTLETS) is None


# --- a site naming itself with «информирует» ---------------------------------------------------------


def test_a_site_shaped_name_after_informs_names_the_site():
    article = parse(HEADLINE, "", "Об этом заявил командующий флотом, информирует Flot.pe.", "", LEAD)
    assert article.source == "Flot.pe"


def test_a_plain_word_after_informs_names_no_site():
    article = parse(HEADLINE, "", "Об этом заявил командующий флотом, информирует министерство.", "", LEAD)
    assert article.source is None


# --- an author's byline ------------------------------------------------------------------------------


def test_an_authors_byline_names_a_known_outlet():
    assert staff_credit_outlet("Тамара Вааль, Vласть", known) == "Vласть"
    assert parse(HEADLINE, "", "Тамара Вааль, Vласть", "", LEAD).source == "Vlast.kz"


def test_a_name_and_a_post_are_no_byline():
    assert staff_credit_outlet("Мартин Вискарра, президент", known) is None
    assert parse(HEADLINE, "", "Мартин Вискарра, президент", "", LEAD).source is None


# --- the date a document bears -----------------------------------------------------------------------


def test_the_date_a_document_bears_is_not_the_articles():
    lead = "Парламент Перу сегодня расторг соглашения с Чили. Было расторгнуто соглашение от 25 ноября 1995 года."
    assert find_lead_date(lead) is None
    assert find_lead_date("Соглашение от 3 мая 2001 года расторгнуто.") is None


def test_a_date_after_a_document_without_from_stays_the_date():
    assert find_lead_date("Соглашение расторгнуто 3 мая 2001 года.") == PartialDate(2001, 5, 3)


# --- a scraper's header title with the site's name ---------------------------------------------------


def test_a_header_titles_outlet_prefix_names_the_source():
    article = parse(f" date 2025-05-01 НГ: {HEADLINE}", "", "10:15 01.05.2025", "", HEADLINE, "", LEAD)
    assert (article.title, article.source) == (HEADLINE, "Независимая газета")
    article = parse(f" date 2025-05-01 {HEADLINE} — ТАСС", "", LEAD)
    assert (article.title, article.source) == (HEADLINE, "ТАСС")


def test_a_header_titles_speaker_prefix_is_no_outlet():
    title = "Вискарра: флоты Перу и Чили начали совместные манёвры"
    article = parse(f" date 2025-05-01 {title}", "", LEAD)
    assert (article.title, article.source) == (title, None)


def test_a_header_sentence_citing_a_latin_name_keeps_it():
    title = "Флоты Перу и Чили провели совместные манёвры у побережья, пишет Reuters."
    article = parse(f" date 2025-05-01 {title}", "", LEAD)
    assert (article.title, article.source) == (title, None)
    assert (
        split_site_name("Флоты Перу и Чили провели совместные манёвры, сообщает Reuters", OUTLETS)[1] is None
    )
