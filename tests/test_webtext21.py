"""Web text, twenty-first round (found on tests/data/webtext21, webtext22 and agreements14): a page's
timestamp alone under the subtitle dates the page; a headline labelled «Видео:» loses its label; quotes
a page escaped are plain quotes; a numeric date run into the lead is the page's date; a rubric after a
bar, menu items run together in a scraper's header, a site's slogan over a dated headline and account
links («Авторизация») are no headline and name no outlet; a headline repeated with another dash and a
rubric is still the headline; a masthead naming an agency by its kind, a copyright line of a paper
whose name holds a known one («© Вечерние ведомости»), an author writing «специально для» a site, a
dateline «Лима, ИА Пример24.» and a name with a date between slashes name the source; a date line may
end with a rubric after a backslash or «— Новости Общества», a period, a link «Читати українською», or
write «ноября,2014».

Made-up pages. The first test of each rule failed before it; the others guard what it must leave alone.
"""

from web_text_helpers import parse

HEADLINE = "Министры обороны Перу и Чили подписали план военного сотрудничества"
# A subtitle long enough to read as the text's first paragraph: the page's head ends above it.
SUBTITLE = (
    "Как отметил на встрече министр обороны Перу, армиями двух стран накоплен большой опыт совместных "
    "учений, в основе которого многолетняя дружба и взаимовыгодное сотрудничество."
)
LEAD = (
    "Министры обороны Перу и Чили подписали в Лиме план военного сотрудничества на будущий год, "
    "сообщило министерство обороны Перу."
)


def test_a_timestamp_alone_under_the_subtitle_is_the_pages_date():
    page = parse(HEADLINE, "", SUBTITLE, "", "2021-12-01 16:41:01", "", LEAD)
    assert (page.date.year, page.date.month, page.date.day) == (2021, 12, 1)
    assert page.title == HEADLINE
    assert "16:41" not in page.body
    assert page.body.startswith(SUBTITLE)


def test_a_timestamp_under_a_paragraph_of_several_sentences_is_not_the_pages_date():
    lead = LEAD + " Документ предусматривает более сорока мероприятий."
    page = parse(HEADLINE, "", lead, "", "2021-12-01 16:41:01", "", "Ранее стороны провели учения.")
    assert page.date.year is None


def test_a_date_without_a_clock_or_a_year_under_the_subtitle_is_left_in_the_text():
    page = parse(HEADLINE, "", SUBTITLE, "", "1 декабря", "", LEAD)
    assert page.date.year is None
    assert "1 декабря" in page.body


def _ymd(page):
    return (page.date.year, page.date.month, page.date.day)


def test_a_headline_labelled_as_a_video_is_the_headline_without_its_label():
    page = parse(f"Видео: {HEADLINE}", LEAD)
    assert page.title == HEADLINE


def test_a_video_credit_is_no_headline():
    page = parse(HEADLINE, "", "Видео: пресс-служба Минобороны Перу", "", LEAD)
    assert page.title == HEADLINE
    assert "пресс-служба" not in page.body


def test_quotes_a_page_escaped_are_plain_quotes():
    page = parse('Министр обороны Перу наблюдает за учениями \\"Южный щит\\"', "", LEAD)
    assert page.title == 'Министр обороны Перу наблюдает за учениями "Южный щит"'


def test_a_numeric_date_run_into_the_lead_is_the_pages_date():
    page = parse(HEADLINE, "24 / 08 / 2010" + LEAD)
    assert _ymd(page) == (2010, 8, 24)
    assert page.body.startswith("Министры обороны")


def test_a_date_with_slashes_alone_on_a_line_is_no_photo_credit():
    page = parse(HEADLINE, "", "24/08/2010", "", LEAD)
    assert _ymd(page) == (2010, 8, 24)


def test_a_rubric_after_a_bar_is_cut_from_the_headline():
    page = parse(f"{HEADLINE} | Мировые новости", "", LEAD)
    assert page.title == HEADLINE


def test_words_after_a_bar_that_say_something_stay():
    headline = "Перу и Чили: учения | армии двух стран провели стрельбы в пустыне Атакама"
    assert parse(headline, "", LEAD).title == headline


def test_menu_items_run_together_in_a_scrapers_header_are_no_title():
    page = parse(
        " date 2025-09-22 экономикаобществополитикановости компанийпроисшествияспорт", HEADLINE, "", LEAD
    )
    assert page.title == HEADLINE
    assert _ymd(page) == (2025, 9, 22)


def test_a_masthead_naming_an_agency_by_its_kind_names_the_source():
    page = parse(
        "16+",
        "Информационное агентство «Пример-Инфо» Новости Лимы и окрестностей",
        "12:29 Воскресенье 28 апреля 2024",
        "",
        HEADLINE,
        "",
        "5:51 – 5 декабря 2013",
        "",
        LEAD,
    )
    assert (page.title, page.source) == (HEADLINE, "Пример-Инфо")
    assert _ymd(page) == (2013, 12, 5)


def test_the_headline_repeated_with_another_dash_and_a_rubric_is_the_headline():
    headline = "Перу и Чили — новый план военного сотрудничества"
    subtitle = "Подробности плана военных связей двух стран на будущий год"
    page = parse(
        headline,
        "",
        "Перу и Чили - новый план военного сотрудничества Новости",
        subtitle,
        "",
        subtitle,
        "",
        LEAD,
    )
    assert page.title == headline


def test_a_slogan_over_a_dated_headline_is_no_headline():
    page = parse(
        "Новости Южной Америки",
        "Честные и полезные новости для думающих людей",
        "",
        HEADLINE,
        "",
        "21 января 2020",
        "Просмотров: 1125",
        "",
        LEAD,
    )
    assert page.title == HEADLINE
    assert _ymd(page) == (2020, 1, 21)


def test_a_subtitle_with_a_verb_over_a_dated_headline_is_not_taken_for_a_slogan():
    page = parse(HEADLINE, "", "Военные Перу провели учения", "", "21 января 2020", "", LEAD)
    assert page.title == HEADLINE


def test_an_account_link_over_the_headline_names_no_outlet():
    page = parse("Авторизация", "", HEADLINE, "", HEADLINE, "", LEAD)
    assert (page.title, page.source) == (HEADLINE, None)


def test_a_copyright_line_of_a_paper_whose_name_holds_a_known_one_names_the_whole():
    page = parse(HEADLINE, "", LEAD, "© Вечерние ведомости", "Читать этот материал в источнике")
    assert page.source == "Вечерние ведомости"
    assert parse(HEADLINE, "", LEAD, "© Издательский дом Коммерсантъ").source == "Коммерсантъ"


def test_an_author_writing_for_a_site_names_it():
    page = parse(HEADLINE, "", "Хуан Перес, специально для limanews.pe", "", LEAD)
    assert page.source.lower() == "limanews.pe"


def test_a_place_and_an_agency_named_as_one_open_a_dateline():
    page = parse(HEADLINE, "", "Лима, ИА Пример24. " + LEAD)
    assert page.source == "Пример24"
    assert page.body.startswith("Министры обороны")


def test_a_date_line_with_a_rubric_after_a_backslash_or_a_news_rubric_after_a_dash():
    assert _ymd(parse(HEADLINE, "", "24-09-2014, 11:59 \\\\ Военторг", "", LEAD)) == (2014, 9, 24)
    page = parse(HEADLINE, "", "06.05.2015 17:26 — Новости Общества", "Лима, 6 мая. " + LEAD)
    assert _ymd(page) == (2015, 5, 6)


def test_a_name_and_a_date_between_slashes_sign_the_dispatch():
    page = parse(HEADLINE, "Южноамериканские Новости, /14 сентября 2005 года/", LEAD)
    assert (page.title, page.source, _ymd(page)) == (HEADLINE, "Южноамериканские Новости", (2005, 9, 14))


def test_a_first_line_ending_on_a_verb_of_telling_is_a_wrapped_lead_not_a_headline():
    page = parse(
        "Министры обороны Перу и Чили провели телефонный разговор, сообщает",
        "Limanews.pe со ссылкой на пресс-службу министерства.",
        LEAD,
    )
    assert page.title_derived
    assert page.body.startswith("Министры обороны Перу и Чили провели телефонный разговор, сообщает")


def test_date_lines_with_a_glued_comma_a_closing_period_or_a_language_link():
    assert _ymd(parse(HEADLINE, "", "Общество11 ноября,2014 16:34", "", LEAD)) == (2014, 11, 11)
    assert _ymd(parse("", "04 февраля 2022.", "/46ТВ/.", LEAD)) == (2022, 2, 4)
    assert _ymd(parse("10 ноября 2022, 19:43 Читати українською", LEAD)) == (2022, 11, 10)


def test_a_sentence_ending_on_a_year_is_no_date_line():
    page = parse(HEADLINE, "", "Совещание прошло в Лиме в 2022.", "", LEAD)
    assert page.date.day is None
