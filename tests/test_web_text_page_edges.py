"""Web text at a page's edges: the site's contact block over the headline, a headline opening with a
quote, a page title ending with its rubric and site, the timestamp under a «Сегодня:» label or glued
to a trail of rubrics, a separator left after the time, a newsroom's signed timestamp and a bracketed
credit closing the last paragraph.

Made-up pages. The test of each rule failed before it; the others guard what the rule must leave alone.
"""

from web_text_helpers import OUTLETS, parse

from articles.pipeline.datelines import find_date_line, find_publication_line
from articles.pipeline.dates import PartialDate
from articles.pipeline.furniture import LineKind, classify
from articles.pipeline.page_outlets import split_site_name

HEADLINE = "Корабли Балтийского флота зашли в порт Гдыни"
LEAD = (
    "Отряд кораблей Балтийского флота прибыл с дружественным визитом в польский порт Гдыня, "
    "где моряки проведут четверо суток."
)
MORE = "После визита отряд возьмет курс на Киль, а затем вернется в Балтийск."


# --- the site's contact block -----------------------------------------------------------------------


def test_a_postal_address_and_opening_hours_are_page_furniture():
    assert classify("Москва, Ломоносовский проспект, д.4, корпус 1", OUTLETS) == LineKind.WIDGET
    assert classify("Адрес: 119192, Москва, Ломоносовский пр-т, 4", OUTLETS) == LineKind.WIDGET
    assert (
        classify("понедельник-пятница: 09:00-21:00 суббота-воскресенье: 10:00-18:00", OUTLETS)
        == LineKind.WIDGET
    )
    assert classify("Пн-Пт: 9:00 - 18:00", OUTLETS) == LineKind.WIDGET


def test_a_sentence_naming_a_street_or_a_weekday_is_text():
    assert classify("На улице Ленина в доме 5 прошли учения", OUTLETS) == LineKind.TEXT
    assert classify("Совещание в пятницу продлится с 10:00 до 12:00", OUTLETS) == LineKind.TEXT
    assert classify("Министры встретились на Красной площади 9 мая", OUTLETS) == LineKind.TEXT


def test_the_headline_under_the_sites_contact_block_is_the_title():
    article = parse(
        "Калининград, ул. Портовая, д. 12, офис 3",
        "понедельник-пятница: 09:00-18:00",
        "",
        '"Визит дружбы" в порт Гдыни',
        "",
        "07.11.2005, Понедельник Просмотров: 227",
        LEAD,
        MORE,
    )
    assert article.title == '"Визит дружбы" в порт Гдыни'
    assert article.date == PartialDate(2005, 11, 7)


def test_a_headline_opening_with_a_quote_over_a_timestamp_is_the_title():
    article = parse("«Визит дружбы» в порт Гдыни", "", "12.05.2019 10:20", LEAD, MORE)
    assert article.title == "«Визит дружбы» в порт Гдыни"


# --- a page title ending with its trail -------------------------------------------------------------


def test_a_title_ending_with_its_rubric_and_site_loses_them():
    assert split_site_name(f"{HEADLINE} - «Общество» » «Вести Балтики»", OUTLETS)[0] == HEADLINE
    assert split_site_name(f"{HEADLINE} | Политика › Новости Балтики", OUTLETS)[0] == HEADLINE
    article = parse(f"{HEADLINE} - «Общество» » «Вести Балтики»", "", LEAD, MORE)
    assert article.title == HEADLINE


def test_a_headline_with_a_lower_case_tail_after_a_dash_keeps_it():
    headline = "Россия и Китай - новые горизонты » аналитика"
    assert split_site_name(headline, OUTLETS)[0] == headline


# --- timestamps ---------------------------------------------------------------------------------------


def test_a_timestamp_under_a_today_label_is_the_date():
    article = parse("Калининград", "+14°", "Сегодня:", "12.05.2019 10:20", "", HEADLINE, "", LEAD, MORE)
    assert article.date == PartialDate(2019, 5, 12)


def test_a_timestamp_under_a_read_also_label_is_another_articles():
    article = parse(
        "Читайте также:", "11.05.2019 09:00", "Другая новость о флоте и море", "", HEADLINE, "", LEAD, MORE
    )
    assert article.date != PartialDate(2019, 5, 11)


def test_a_timestamp_glued_to_a_trail_of_rubrics_is_read():
    assert find_publication_line("НовостиПолитика26 марта 2019 5:44", {}) == (PartialDate(2019, 3, 26), None)


def test_a_separator_after_the_time_and_slashes_in_an_iso_date():
    assert find_date_line("20.08.2012 10:51   -") == PartialDate(2012, 8, 20)
    assert find_date_line("2022/01/06 20:25") == PartialDate(2022, 1, 6)
    assert find_date_line("2022/01-06 20:25") is None  # mixed separators: no date


def test_a_newsroom_signed_timestamp_under_the_text_is_the_date():
    article = parse(
        HEADLINE, "", LEAD, "", MORE, "", "Редакция. 2022/01/06 20:25", "", "Рубрика: Мир", "", "Лента"
    )
    assert article.date == PartialDate(2022, 1, 6)


def test_an_unsigned_date_in_the_footer_is_not_the_date():
    article = parse(HEADLINE, "", LEAD, "", MORE, "", "Архив: 2022/01/06", "", "Рубрика: Мир", "", "Лента")
    assert article.date != PartialDate(2022, 1, 6)


# --- a bracketed credit closing the last paragraph ----------------------------------------------------


def test_a_known_outlet_in_brackets_closing_the_last_paragraph_is_the_source():
    article = parse(HEADLINE, "", LEAD, "", MORE + " (gazeta.ru)", "", "Рубрика: Мир", "", "Лента")
    assert article.source == "Газета.Ru"


def test_a_bracketed_note_that_is_no_outlet_is_not_the_source():
    article = parse(HEADLINE, "", LEAD, "", MORE + " (фото: архив)", "", "Рубрика: Мир")
    assert article.source is None


# --- the views counter and the title's dated site suffix ----------------------------------------------


def test_a_views_counter_under_the_timestamp_keeps_the_date():
    article = parse(
        "Медиахолдинг Балтики",
        "29 июня 2024 (обновлено: 29.06.2024 10:01:07)",
        "2 просмотров",
        "",
        HEADLINE,
        "",
        LEAD,
        MORE,
    )
    assert article.date == PartialDate(2024, 6, 29)


def test_a_date_over_the_sites_widget_bar_is_still_the_clock():
    article = parse(
        "29 июня 2024 10:01", "+14° USD 90.5", "Главная Новости Политика", "", HEADLINE, "", LEAD, MORE
    )
    assert article.date != PartialDate(2024, 6, 29)


def test_the_date_after_the_site_in_the_page_title_is_the_date():
    article = parse(
        f"{HEADLINE} - РИА Новости, 24.12.2019", "", "Регистрация пройдена успешно!", "", LEAD, MORE
    )
    assert article.title == HEADLINE
    assert article.date == PartialDate(2019, 12, 24)


def test_a_date_after_an_unknown_word_in_the_title_is_not_the_date():
    article = parse(f"{HEADLINE} - Итоги, 24.12.2019", "", LEAD, MORE)
    assert article.date != PartialDate(2019, 12, 24)
