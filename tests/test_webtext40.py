"""Web text, fortieth round (found on tests/data/webtext40 and webtext41): a page's tags printed twice, the second run
cut; a caption closed by «Архивное фото - <credit>»; a picture's alt and title printed twice under its credit; BBCode
and Markdown heading marks around a headline and a lone «# 14:26» under the timestamp; a timestamp with «Фото: …» run
on; a bank's rates in one long line; a scraper's header holding the agency's dateline; «Читайте на site.net» closing a
repost; a site-suffix date lending its year to a dateline of the same day.

Made-up pages. The first test of each rule failed before it; the others guard what it must leave alone.
"""

from web_text_helpers import HEADLINE, LEAD, MORE, parse


def _ymd(page):
    return (page.date.year, page.date.month, page.date.day)


def test_tags_printed_twice_the_second_run_cut_are_no_headline():
    tags = "Перу Чили Боливия Эквадор Колумбия Аргентина Бразилия Лимская обл. военное сотрудничество"
    tags = f"{tags} {' '.join(tags.split()[:-2])}"
    page = parse(tags, "/ lima-news.pe", "", HEADLINE, "", LEAD, MORE)
    assert page.title == HEADLINE
    assert not page.title_derived


def test_a_headline_saying_a_phrase_again_is_still_a_headline():
    headline = "Перу и Чили подписали план сотрудничества, Перу и Чили проведут учения"
    assert parse(headline, "", LEAD, MORE).title == headline


def test_a_caption_closed_by_its_label_and_credit_is_no_headline():
    caption = "Пограничник на вышке на границе Перу. Архивное фото - Andes Press"
    page = parse(caption, "", HEADLINE, "", LEAD, MORE)
    assert page.title == HEADLINE
    assert "Пограничник" not in page.body


def test_a_pictures_alt_and_title_printed_twice_under_its_credit():
    page = parse(
        HEADLINE,
        "",
        "Изображение: Иван Петров © ИА Андес",
        "Перу. Карта мира",
        "Перу. Карта мира",
        "",
        LEAD,
        MORE,
    )
    assert page.title == HEADLINE
    assert "Карта мира" not in page.body


def test_bbcode_and_markdown_heading_marks_around_the_headline():
    page = parse(
        f"[b]{HEADLINE}[/b]", "", f"[b]{HEADLINE}[/b]", "12 апреля 2016", "# 14:26", "", LEAD, MORE, "# 8113"
    )
    assert page.title == HEADLINE
    assert _ymd(page) == (2016, 4, 12)
    assert page.body.startswith("Министры")
    assert "[b]" not in page.body and "#" not in page.body


def test_a_timestamp_with_a_photo_credit_run_on():
    page = parse("24 Декабря 2018, 21:37 Фото: Пресс-служба МО Перу", "", HEADLINE, "", LEAD, MORE)
    assert page.title == HEADLINE
    assert _ymd(page) == (2018, 12, 24)


def test_a_banks_rates_in_one_long_line_are_no_headline():
    rates = "  • USD - 396.02 СОЛ +0,02 EUR - 431.27 СОЛ +0,27 RUB - 5.71 СОЛ +0,71 GBP - 490.04 СОЛ +0,04"
    page = parse("ЛИМА 13 C°", "ЦБ Перу", rates, "", HEADLINE, "", LEAD, MORE)
    assert page.title == HEADLINE


def test_a_scrapers_header_holding_the_agencys_dateline():
    page = parse(f" date 2026-02-01 ЛИМА, 1 фев - РИА Новости. {LEAD}", MORE)
    assert page.source == "РИА Новости"
    assert page.place == "Лима"
    assert _ymd(page) == (2026, 2, 1)
    assert page.body.startswith("Министры")


def test_a_scrapers_header_holding_only_a_date_stays_a_header():
    page = parse(" date 2025-11-03 Понедельник, 3 Ноября 2025 13:13", "", f"Андес Пресс. {LEAD}", MORE)
    assert _ymd(page) == (2025, 11, 3)


def test_read_on_another_site_closing_a_repost_names_it():
    assert parse(HEADLINE, "", LEAD, MORE, "", "Читайте на andes-news.net").source == "andes-news.net"
    # a sentence pointing to a site is no closing pointer
    tail = "Подробнее о плане читайте на andes-news.net и в других изданиях региона."
    assert parse(HEADLINE, "", LEAD, MORE, tail).source is None


def test_a_site_suffix_date_lends_its_year_to_the_dateline_of_that_day():
    page = parse(
        f"{HEADLINE} - РИА Новости, 24.12.2019",
        "",
        HEADLINE,
        "",
        "Министр обороны Перу. Архивное фото",
        "Читать ria.ru в",
        f"ЛИМА, 24 дек - РИА Новости. {LEAD}",
        MORE,
    )
    assert _ymd(page) == (2019, 12, 24)
    assert page.source == "РИА Новости"
