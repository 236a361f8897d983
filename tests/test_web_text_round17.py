"""Web text, seventeenth round: an advertising disclosure («… erid: …»), a news ticker of dated
headlines run together, a deep breadcrumb trail with a lower-case or foreign segment and a numbered
trail opening the page are the site's blocks, never the headline or the date; a page title «Headline |
SITE.RU» over the headline and a lead opening «4 марта 2024 г., Site.ru – …» name the source.

Made-up pages. The test of each rule failed before it; the others guard what the rule must leave alone.
"""

from web_text_helpers import parse

from articles.pipeline.datelines import split_dateline
from articles.pipeline.dates import PartialDate
from articles.pipeline.page_banners import (
    is_ad_disclosure,
    is_deep_trail,
    is_news_ticker,
    numbered_trail_end,
)

HEADLINE = "Флоты Перу и Чили начали совместные манёвры у побережья"
LEAD = (
    "Корабли военно-морских сил Перу и Чили вышли в море для отработки совместных действий, сообщили в штабе."
)
MORE = "Учения проходят ежегодно с 2015 года, в них участвуют корабли и авиация двух стран и их штабы."


def title_under(*above: str) -> str | None:
    """The title parsed from a page of the lines `above`, then the headline, the lead and more."""
    return parse(*above, "", HEADLINE, "", LEAD, "", MORE).title


# --- an advertising disclosure ---------------------------------------------------------------------------


def test_an_advertising_disclosure_is_not_the_headline():
    ad = (
        "Реклама. 16+. ООО «Пример Медиа». Пример: primer.ru",
        "Условия: primer.ru/docs/rules. erid: 4CQwVszH9pX.",
    )
    assert title_under("Реклама", "", *ad) == HEADLINE


def test_the_disclosure_needs_the_advertisers_token():
    assert is_ad_disclosure("Реклама. ООО «Пример». erid: 4CQwVszH9pX")
    assert is_ad_disclosure("ERID 2VtzqwT5aBc")
    assert not is_ad_disclosure("Условия использования сайта: primer.ru/docs/rules")
    assert not is_ad_disclosure(HEADLINE)


# --- a news ticker ---------------------------------------------------------------------------------------


def test_a_ticker_of_dated_headlines_gives_neither_title_nor_date():
    ticker = (
        "НОВОЕ НА САЙТЕ: Флот Чили получил новый фрегат 14 Март 2024 г., 10:12Министр обороны Перу "
        "посетил базу 14 Март 2024 г., 09:40Перу и Чили обсудили учения 13 Март 2024 г., 18:05"
    )
    page = parse(ticker, "", HEADLINE, "02 Июнь 2019 г., 11:30", "", LEAD, "", MORE)
    assert page.title == HEADLINE
    assert page.date == PartialDate(2019, 6, 2)


def test_one_dated_time_is_no_ticker():
    assert is_news_ticker("Перу и Чили обсудили учения 13 Март 2024 г., 18:05 Другой 12 Март 2024 г., 09:00")
    assert not is_news_ticker("02 Июнь 2019 г., 11:30")
    assert not is_news_ticker("Учения начались в 10:00 и закончились в 18:30, сообщили в 2024 году в штабе.")


# --- breadcrumb trails -------------------------------------------------------------------------------------


def test_a_deep_trail_with_a_lower_case_segment_is_navigation():
    page = parse("网站 : 首页 > russian > Мир > Армия", HEADLINE, "2019-06-02 11:30:00", "", LEAD, "", MORE)
    assert page.title == HEADLINE
    assert is_deep_trail("Главная > news > В мире > Армия и флот")
    assert not is_deep_trail("Главная > Новости > Армия")  # three segments: the older rule's business
    assert not is_deep_trail("Доходы > расходы > прибыль > убыток, считают аналитики.")


def test_a_numbered_trail_opening_the_page_is_dropped():
    trail = ("1. Главная", "  2. Новости флота", f"  3. {HEADLINE}")
    assert title_under(*trail, "", "02 июня 2019   11:30") == HEADLINE


def test_a_numbered_list_is_a_trail_only_opening_the_page_in_order():
    assert numbered_trail_end(["", "1. Главная", "2. Раздел", "Заголовок"]) == 3
    assert numbered_trail_end(["1. Главная", "Заголовок", "2. Раздел"]) == 0  # one item alone
    assert numbered_trail_end(["1. Главная", "3. Раздел", "Заголовок"]) == 0  # not in order
    assert numbered_trail_end(["1. Флоты вышли в море.", "2. Учения идут.", "Текст"]) == 0  # sentences
    assert numbered_trail_end([HEADLINE, "1. Главная", "2. Раздел"]) == 0


# --- a page title naming the site over the headline --------------------------------------------------------


def test_a_page_title_with_the_sites_domain_over_the_headline_names_the_source():
    page = parse(f"{HEADLINE} | ПРИМОРЬЕ-ФЛОТ.RU", "", HEADLINE, "", HEADLINE, "", LEAD, "", MORE)
    assert page.title == HEADLINE
    assert page.source.casefold() == "приморье-флот.ru"


def test_a_page_title_over_another_headline_names_nothing():
    page = parse("Другие новости флота | ПРИМОРЬЕ-ФЛОТ.RU", "", HEADLINE, "", HEADLINE, "", LEAD, "", MORE)
    assert page.source is None


# --- a lead opening with its date, the outlet and a dash ------------------------------------------------------


def test_a_date_the_outlet_and_a_dash_opening_the_lead_name_the_source():
    lead = "2 июня 2019 г., FlotPeru.pe – Корабли Перу и Чили вышли в море для совместных действий."
    page = parse(lead, "", MORE)
    assert page.source == "FlotPeru.pe"
    assert page.date == PartialDate(2019, 6, 2)
    assert split_dateline(lead, {})[2] == "FlotPeru.pe"


def test_a_place_after_the_date_is_no_outlet():
    assert split_dateline("2 июня 2019 г., Лима – Корабли Перу и Чили вышли в море.", {}) is None
