"""Web text, thirty-first round (found on tests/data/webtext31 and webtext32): rates between bars «| 91.6918 |
98.5602», «Доллар 92.26», the site's age rating «Возрастная категория сайта 16+» and a promo card's title said
twice are no headline; the page's title «Заголовок » The Asia Times - события …» or «Заголовок | 360°» over the
headline is dropped, its suffix naming the site; a timestamp «22:11 / 03.05.2022 Мир» ends with a rubric.

Made-up pages. The first test of each rule failed before it; the others guard what it must leave alone.
"""

from web_text_helpers import HEADLINE, LEAD, MORE, parse

from articles.pipeline.datelines import find_date_line


def test_rates_between_bars_and_a_currencys_rate_are_no_headline():
    assert parse("| 91.6918 | 98.5602", "Общество", "", HEADLINE, "", LEAD, MORE).title == HEADLINE
    assert parse("Лима погода", "Доллар 92.26", "Евро 99.71", "", HEADLINE, "", LEAD, MORE).title == HEADLINE


def test_a_sites_age_rating_is_no_headline():
    page = parse("АНОНС", "Возрастная категория сайта 16+", "ОБЩЕСТВО", "", HEADLINE, "", LEAD, MORE)
    assert page.title == HEADLINE


def test_a_promo_cards_title_said_twice_is_no_headline():
    promo = "Инициативам прописали долгий путь Инициативам прописали долгий путь спецпроект"
    assert parse(promo, "Доллар 92.26", "", HEADLINE, "", LEAD, MORE).title == HEADLINE


def test_the_pages_title_over_the_headline_is_dropped():
    title = f"{HEADLINE} » Вестник Анд - события в Латинской Америке: темы дня, фото, видео, инфографика."
    assert parse(title, "", HEADLINE, "", LEAD, MORE).title == HEADLINE


def test_the_pages_title_with_the_sites_name_names_it():
    page = parse(f"{HEADLINE} | 360°", "20 июля 2018, 18:13", "", HEADLINE, "", LEAD, MORE)
    assert page.title == HEADLINE
    assert page.source == "360"
    assert (page.date.year, page.date.month, page.date.day) == (2018, 7, 20)


def test_a_dated_suffix_stays_for_the_headline_to_give():
    page = parse(
        f"{HEADLINE} - РИА Новости, 24.12.2019", "Регистрация пройдена успешно!", "", HEADLINE, "", LEAD
    )
    assert page.title == HEADLINE
    assert page.source == "РИА Новости"


def test_a_rubric_word_after_the_timestamp():
    assert find_date_line("22:11 / 03.05.2022 Мир") is not None
    assert find_date_line("03.05.2022 Перес подписал указ") is None  # a sentence, not a rubric


def test_the_authors_byline_over_a_repeated_headline_names_no_outlet():
    page = parse("Хуан Перес", "9-12-2016, 10:02", HEADLINE, HEADLINE, LEAD, MORE)
    assert page.title == HEADLINE
    assert page.source is None
    assert (page.date.year, page.date.month, page.date.day) == (2016, 12, 9)


def test_a_section_label_between_bars_is_no_headline():
    page = parse("| ДАЙДЖЕСТ: |", LEAD, MORE)
    assert "ДАЙДЖЕСТ" not in page.title


def test_a_feeds_footer_names_the_site_it_first_appeared_on():
    page = parse(
        HEADLINE, "", LEAD, MORE, "The post Перу и Чили подписали план first appeared on Вестник Анд."
    )
    assert page.source == "Вестник Анд"


def test_a_sites_name_after_an_angle_quote_ends_the_pages_title():
    from web_text_helpers import OUTLETS

    from articles.pipeline.page_outlets import split_site_name

    title = "Франция вывела свой контингент с одной из баз в Чаде"
    assert split_site_name(f"{title} » Lima-News.pe - Все новости в одном месте", OUTLETS) == (
        title,
        "Lima-News.pe",
    )
    assert split_site_name("Учения «Щит» » завершились", OUTLETS)[1] is None  # no site's name after it


def test_a_sites_terms_of_reprinting_are_no_headline():
    page = parse("© Вестник Анд", "При размещении материалов на сторонних ресурсах, гиперссылка на источник обязательна",
                 HEADLINE, "", LEAD, MORE)  # fmt: skip
    assert page.title == HEADLINE


def test_an_agencys_marker_opening_the_lead_names_it():
    page = parse('ИА "Вестник Анд" Корабли ВМС Перу и Чили провели совместное учение в Тихом океане.', MORE)
    assert page.source == "Вестник Анд"
    assert not page.title.startswith("ИА")


def test_a_feed_of_bulleted_items_with_the_time_run_in_and_a_follow_prompt_are_no_headline():
    feed = [f"- {h}:15Чили и Эквадор обсудили поставки рыбы в регион номер {h}" for h in range(10, 16)]
    page = parse(*feed, "Следите за нами в Facebook", HEADLINE, "", LEAD, MORE)
    assert page.title == HEADLINE


def test_a_time_run_into_a_lower_case_word_is_no_feed_item():
    from web_text_helpers import OUTLETS

    from articles.pipeline.furniture import LineKind, classify

    assert classify("15:00часов утра министры обороны встретились в Лиме", OUTLETS) != LineKind.TEASER
