"""Web text, twenty-seventh round (found on tests/data/webtext27 and webtext28): a picture's caption a page
prints twice is no repeated headline; a headline in capitals over a hard-wrapped lead is the headline;
bulleted menu items, a radio station's banner («Dipol FM | 105,6 fm»), a clock «Сейчас 09:45» and rates
between bars are no headline; «… . Видеорепортаж Марии Нетребенко» after the headline is its media
credit; «27.01.2009: Индия. …» opens the headline with its date; a date line may end «| Новости общества
…».

Made-up pages. The first test of each rule failed before it; the others guard what it must leave alone.
"""

from web_text_helpers import HEADLINE, LEAD, MORE, parse


def test_a_caption_printed_twice_is_no_repeated_headline():
    caption = "Министр обороны Перу (справа) и министр обороны Чили Хуан Перес. Фото: Andina"
    lead = "8 июня в Лиме министры обороны Перу и Чили провели переговоры о военном сотрудничестве."
    page = parse(HEADLINE, "", lead, "", caption, caption, "", MORE)
    assert page.title == HEADLINE
    assert (page.date.month, page.date.day) == (6, 8)


def test_a_headline_repeated_over_the_text_is_still_read_so():
    page = parse("Новости", "", HEADLINE, "", "12.03.2021 10:15", "", HEADLINE, "", LEAD, MORE)
    assert page.title == HEADLINE


def test_a_headline_in_capitals_over_a_hard_wrapped_lead_is_the_headline():
    lines = [
        "ИСТРЕБИТЕЛИ ЛЕТЯТ В ЛИМУ",
        "",
        "Вчера наши экспортеры оружия преподнесли стране подарок. В Лиме на",
        "аэродроме приземлились первые истребители, купленные у Чили по",
        "контракту, подписанному министрами обороны двух стран в прошлом году.",
    ]
    assert parse(*lines).title == "ИСТРЕБИТЕЛИ ЛЕТЯТ В ЛИМУ"


def test_a_banner_in_capitals_over_a_headline_is_still_no_headline():
    assert parse("ВЫБОРЫ-2025: ВСЕ НОВОСТИ", "", HEADLINE, "", LEAD, MORE).title == HEADLINE


def test_bulleted_menu_items_over_the_headline_are_no_headline():
    assert (
        parse("Яндекс.Метрика", "• Общество", "• Учения стран ШОС", "", HEADLINE, "", LEAD, MORE).title
        == HEADLINE
    )


def test_a_radio_stations_banner_a_clock_and_rates_are_no_headline():
    page = parse(
        "Dipol FM | 105,6 fm", "Сейчас 09:45", "102,34|106,54|66,91",
        "15:04, 21 Июля 2010 | Новости общества Лимы и Кальяо", "", HEADLINE, "", LEAD, MORE,
    )  # fmt: skip
    assert page.title == HEADLINE
    assert (page.date.year, page.date.month, page.date.day) == (2010, 7, 21)


def test_a_video_reports_author_after_the_headline_is_no_part_of_it():
    assert parse(f"{HEADLINE}. Видеорепортаж Марии Нетребенко", LEAD, MORE).title == HEADLINE


def test_a_headline_opening_on_its_date_and_a_colon():
    page = parse("27.01.2009: Перу. Совместные учения в Тихом океане", "", LEAD, MORE)
    assert page.title == "Перу. Совместные учения в Тихом океане"
    assert (page.date.year, page.date.month, page.date.day) == (2009, 1, 27)


# --- more from webtext27/28: sources and dates ------------------------------------------------------


def test_the_agencys_correspondent_told_today_names_it():
    told = "Корабли ВМС Чили в среду прибудут в Кальяо, сообщил сегодня корр. ИТАР-ТАСС заместитель командующего."
    assert parse(HEADLINE, "", LEAD, told).source in ("ТАСС", "ИТАР-ТАСС")


def test_what_the_sites_correspondent_was_told_names_it():
    told = "Учения продлятся до 21 сентября, о чем корреспонденту «Вестник Анд» рассказали в министерстве обороны."
    assert parse(HEADLINE, "", LEAD, told).source == "Вестник Анд"


def test_an_interview_named_before_the_verb_names_the_paper():
    told = "Об этом в интервью “Ъ” рассказал глава государственного экспортера вооружений Перу."
    assert parse(HEADLINE, "", LEAD, told).source in ("Ъ", "Коммерсантъ")


def test_a_ministry_telling_names_no_outlet():
    told = "Как сообщили в министерстве обороны Перу, учения прошли успешно."
    assert parse(HEADLINE, "", LEAD, told).source is None


def test_a_two_digit_year_and_a_time_run_into_the_lead_date_the_page():
    page = parse(
        "14.09.12 / 13:24На базу флота Перу 18 сентября прибудут офицеры вооруженных сил Чили.", MORE
    )
    assert (page.date.year, page.date.month, page.date.day) == (2012, 9, 14)
    assert page.title.startswith("На базу флота Перу")


def test_a_timestamp_followed_by_the_trail_to_the_page_dates_it():
    page = parse(HEADLINE, "", "23-09-2011, 05:36 » «Перу и Чили подписали план»", "", LEAD, MORE)
    assert (page.date.year, page.date.month, page.date.day) == (2011, 9, 23)


def test_a_posts_date_field_in_a_row_of_fields_is_a_date_line():
    from articles.pipeline.datelines import find_publication_line

    row = "Категория: | Просмотров: 494 | Добавил: admin | Дата: 04.04.2013 | Комментарии (0)"
    assert find_publication_line(row, {})[0] == find_publication_line("04.04.2013", {})[0]


def test_an_agency_named_after_ria_is_not_ria_novosti():
    told = "Парк будет открыт 29 сентября, сообщил РИА PrimaMedia начальник отдела пресс-службы флота."
    assert parse(HEADLINE, "", LEAD, told).source == "РИА PrimaMedia"
    told = "Парк будет открыт 29 сентября, сообщил РИА Новости начальник отдела пресс-службы флота."
    assert parse(HEADLINE, "", LEAD, told).source == "РИА Новости"


def test_a_source_label_run_onto_the_last_sentence_names_it():
    lead = LEAD + " Источник: Andina Times"
    assert parse(HEADLINE, "", lead, "Читайте также: другие новости").source == "Andina Times"


def test_a_photo_source_run_onto_a_sentence_names_no_outlet():
    assert parse(HEADLINE, "", LEAD + " Источник фото: архив министерства", MORE).source is None


def test_a_closing_credit_of_origin_and_site_names_the_origin():
    closing = MORE + " (Вестник Анд/Машиностроение Перу и мира)"
    assert parse(HEADLINE, "", LEAD, closing).source == "Вестник Анд"


def test_a_forums_greeting_is_no_headline_and_a_translated_papers_credit_leaves_the_headline():
    page = parse(
        "Форум Перу и мир", "", "Привет, Гость! Войдите или зарегистрируйтесь.", "",
        'Перуанцы возвращаются в Чили ("El Mercurio", Чили)', "Хуан Перес (Juan Perez)", "", LEAD, MORE,
    )  # fmt: skip
    assert page.title == "Перуанцы возвращаются в Чили"


def test_two_states_in_brackets_after_a_headline_stay_in_it():
    headline = "Учения «Анды-2021» (Перу, Чили)"
    assert parse(headline, "", LEAD, MORE).title == headline
