"""Web text, twenty-fifth round (found on tests/data/webtext25 and webtext26): a theme's «Close this search
box.» and a picture's label «Иллюстративное фото.» are no headline; «… / Фото» after the headline is a
media mark; a timestamp run onto the headline's last word («…танков13-05-2023, 18:00 |») is the page's
date; a theme's short month first («Дек 30, 2019») is a date line; «25 апреля 2014, 17:05, ИА Амител»
names the agency; a first line linking the site's own channels («Свободная Пресса в Телеграм Свободная
Пресса Вконтакте …») names the site.

Made-up pages. The first test of each rule failed before it; the others guard what it must leave alone.
"""

from web_text_helpers import HEADLINE, LEAD, MORE, parse


def test_a_themes_search_box_button_is_no_headline():
    assert parse("Search", "Close this search box.", "", HEADLINE, "", LEAD, MORE).title == HEADLINE


def test_a_pictures_label_over_the_page_is_no_headline():
    page = parse("", "Иллюстративное фото.", "В Перу", "Сегодня 07:14", HEADLINE, "", LEAD, MORE)
    assert page.title == HEADLINE
    assert "Иллюстративное" not in page.body


def test_a_sentence_about_a_photo_stays_text():
    sentence = "Архивное фото показали на выставке в Лиме, где министры обороны Перу и Чили подписали план."
    assert sentence in parse(HEADLINE, "", LEAD, "", sentence).body


def test_a_media_mark_after_a_slash_leaves_the_headline():
    assert parse(f"{HEADLINE} / Фото", "", LEAD, MORE).title == HEADLINE


def test_a_timestamp_run_onto_the_headlines_last_word_is_the_pages_date():
    page = parse("Главная > Новини / Політика > " + HEADLINE, HEADLINE + "13-05-2023, 18:00 |", LEAD, MORE)
    assert page.title == HEADLINE
    assert (page.date.year, page.date.month, page.date.day) == (2023, 5, 13)


def test_a_number_in_a_sentence_is_no_glued_timestamp():
    sentence = "Стороны договорились провести учения в 2024 году, сообщили в министерстве."
    assert parse(HEADLINE, "", sentence, MORE).date.year is None


def test_a_short_month_first_is_a_date_line():
    page = parse(HEADLINE, "", "Дек 30, 2019", "", LEAD, MORE)
    assert (page.date.year, page.date.month, page.date.day) == (2019, 12, 30)


def test_an_agency_by_its_kind_after_the_timestamp_names_the_source():
    page = parse(HEADLINE, "", "25 апреля 2014, 17:05, ИА Пример", "", LEAD, MORE)
    assert (page.date.year, page.date.month, page.date.day) == (2014, 4, 25)
    assert page.source == "Пример"


def test_the_sites_links_to_its_own_channels_name_it():
    bar = "Вестник Анд в Телеграм Вестник Анд Вконтакте Вестник Анд в Одноклассниках Вестник Анд"
    assert parse(bar, "", HEADLINE, "", LEAD, MORE).source == "Вестник Анд"


def test_an_invitation_to_follow_the_site_names_no_outlet():
    assert parse("Подписывайтесь на нас в Телеграм и Вконтакте", "", HEADLINE, "", LEAD, MORE).source is None
