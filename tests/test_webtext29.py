"""Web text and pairs, twenty-ninth round (found on tests/data/webtext29, webtext30 and stories15): a date
printed «05. 09. 2014» with spaces, a text-size switch «Шрифт: a a a» after it, a rubric glued to the time
(«10 апр 13:45В мире»), a timestamp followed by a bullet and the author's titles; a site's clock under its
weather reading («6.1 C» / «Бишкек» / «Воскресенье, 8 сентября, 2024») is no publication date. Pairs: two
officials who meet («встретил»), a joint exercise («тренировка»), a structure two states run together
(«Единой региональной системы ПВО»), and one state's forces stationed in another.

Made-up pages and sentences. The first test of each rule failed before it; the others guard what it must
leave alone.
"""

from web_text_helpers import HEADLINE, LEAD, LEXICON, MORE, OUTLETS, parse, primary

from articles.pipeline.datelines import find_date_line, find_publication_line
from articles.pipeline.extraction.pipeline import extract
from articles.pipeline.parsing import parse_file


def test_a_date_with_spaces_after_its_points_and_a_text_size_switch():
    page = parse(
        "Главная страница>Новости", "lima-news.pe | 05. 09. 2014 Шрифт: a a a", "", HEADLINE, "", LEAD, MORE
    )
    assert page.title == HEADLINE
    assert (page.date.year, page.date.month, page.date.day) == (2014, 9, 5)


def test_spaces_after_points_join_only_a_day_a_month_and_a_year():
    assert find_date_line("05. 09. 2014") is not None
    assert find_date_line("5. 9. 14") is None  # no four-digit year: a list's numbering, not a date


def test_a_rubric_glued_to_the_time():
    page = parse(
        "Главная Политика Экономика Общество Спорт", "10 апр 13:45В мире", "", HEADLINE, "", LEAD, MORE
    )
    assert page.title == HEADLINE
    assert (page.date.year, page.date.month, page.date.day) == (None, 4, 10)


def test_a_timestamp_then_a_bullet_and_the_authors_titles():
    byline = (
        "09:27 14.04.2021 • Хуан Перес, старший научный сотрудник Института Латинской Америки, кандидат наук"
    )
    earlier = "27 марта 2021 г. министры обороны Перу и Чили подписали в Лиме план военного сотрудничества."
    page = parse("ГЛАВНАЯ > Аналитика", "", "Перу – Чили: союз?", "", byline, "", earlier, MORE)
    assert page.title == "Перу – Чили: союз?"
    assert (page.date.year, page.date.month, page.date.day) == (2021, 4, 14)


def test_a_bullet_after_a_time_alone_is_still_another_articles_item():
    assert find_publication_line("12:30 • Другой заголовок о поставках оружия", OUTLETS) is None


def test_a_sites_clock_under_its_weather_is_no_publication_date():
    page = parse("6.1 C", "Лима", "Воскресенье, 8 сентября, 2024", "", HEADLINE, "", LEAD, MORE)
    assert page.title == HEADLINE
    assert page.date.year is None and page.date.day is None


def test_a_date_under_a_weather_reading_without_a_place_still_dates():
    page = parse("6.1 C", "8 сентября 2024", "", HEADLINE, "", LEAD, MORE)
    assert (page.date.year, page.date.month, page.date.day) == (2024, 9, 8)


# --- pairs ---------------------------------------------------------------------------------------------


def test_two_leaders_who_meet_make_the_pair():
    body = (
        "В рамках программы визита президент Перу посетил стадион в Сантьяго.\n\n"
        "В спортивном комплексе перуанского лидера встретил президент Чили Хуан Перес."
    )
    assert primary(body) == ("CL", "PE")


def test_a_joint_structure_of_two_states_makes_the_pair():
    body = (
        "С 20 февраля по 10 марта проходит плановая тренировка войск противовоздушной обороны в рамках "
        "Единой региональной системы ПВО Республики Перу и Республики Чили.\n\n"
        "Мероприятие носит плановый характер."
    )
    assert primary(body) == ("CL", "PE")


def test_one_states_forces_stationed_in_another_make_the_pair():
    body = (
        "Чилийские войска в Перу присутствуют очень давно. Сейчас, спустя два века, Перу — независимая "
        "страна, но чилийские солдаты по-прежнему расквартированы в городе Такна.\n\n"
        "Современная история гарнизона начинается в 1992 году."
    )
    assert primary(body) == ("CL", "PE")


def test_two_states_named_apart_make_no_pair():
    body = (
        "Чилийские шахтеры в среду вышли на забастовку. Спустя неделю в Перу прошли выборы мэров.\n\n"
        "Обе новости обсуждают в регионе."
    )
    assert primary(body) is None


# --- a public body's page: display settings, the date bar, the weather, a menu link over the rubric ---


def test_a_display_settings_panel_over_the_page_is_no_headline():
    panel = ["Настройки", "Настройки шрифта", "Arial", "Times New Roman", "Размер шрифта", "A", "A", "A"]
    more = ["Межбуквенное расстояние", "Стандартное", "Увеличенное", "Цветовая схема", "Черным", "по белому"]
    page = parse(
        *panel,
        *more,
        "Районный исполнительный комитет",
        "Главная / Новости",
        "08.02.2024",
        "",
        HEADLINE,
        "",
        LEAD,
    )
    assert page.title == HEADLINE
    assert (page.date.year, page.date.month, page.date.day) == (2024, 2, 8)


def test_the_date_bar_and_the_weather_over_a_menu_link_and_the_rubric():
    page = parse(
        "ГОСОРГАНЫ", "Флаг Четверг, 21 ноября 2024", "Лима Сплошная облачность -1°C", "Все новости", "Все новости",
        "Армия", "08 февраля 2024, 12:07", "", HEADLINE, "", LEAD, MORE,
    )  # fmt: skip
    assert page.title == HEADLINE
    assert (page.date.year, page.date.month, page.date.day) == (2024, 2, 8)


def test_a_weekday_opening_a_timestamp_under_the_text_still_dates_it():
    page = parse(LEAD, MORE, "Источник материала РИА Новости.", "Среда, 10 апреля 2002, 11:06")
    assert (page.date.year, page.date.month, page.date.day) == (2002, 4, 10)


def test_another_articles_date_under_a_read_also_label_is_still_dropped():
    page = parse(HEADLINE, "", "Читайте также:", "Чили закупит фрегаты", "12.03.2019", "", LEAD, MORE)
    assert page.date.year != 2019


# --- people in a results table -------------------------------------------------------------------------


def test_players_in_a_results_table_are_still_persons():
    """General-news benchmarks (factRuEval-2016's book_444) count every person named, the players of a
    results table too: they stay in the article's people."""
    body = (
        "Президент Перу Хуан Перес и президент Чили Мигель Сото посмотрели хоккейный матч в Лиме.\n"
        "Лима - Сантьяго 2:1\n"
        "0:1 - Колобов (Бойко) - 18:59\n"
        "1:1 - Жилов (Кравченко) - 20:26"
    )
    parsed = parse_file(body.encode(), "page.txt", OUTLETS)
    names = {o.name for o in extract(parsed, LEXICON).officials}
    assert {"Хуан Перес", "Мигель Сото", "Колобов", "Жилов"} <= names


def test_an_interviews_speaker_label_is_still_a_person():
    body = "Премьер-министр Перу, Хуан Перес:\n\nМы подписали план военного сотрудничества с Чили на будущий год."
    parsed = parse_file(body.encode(), "page.txt", OUTLETS)
    assert "Хуан Перес" in {o.name for o in extract(parsed, LEXICON).officials}
