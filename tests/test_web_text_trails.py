"""Web text, sixth round: breadcrumb trails, links over the headline, marks hung on it, timestamps
with weekdays, and sites naming themselves though the outlets table lacks them.

Made-up pages. The test of each rule failed before it; the others guard what the rule must leave alone.
"""

from web_text_helpers import OUTLETS, parse

from articles.pipeline.attribution import find_attribution
from articles.pipeline.datelines import find_date_line, split_dateline
from articles.pipeline.dates import PartialDate
from articles.pipeline.headlines import split_glued_date, without_marks

HEADLINE = "Чили и Перу договорились о совместном патрулировании побережья"
LEAD = (
    "Министры обороны Чили и Перу договорились о совместном патрулировании побережья. "
    "Стороны также обсудили обмен курсантами военно-морских училищ."
)


# --- breadcrumb trails ----------------------------------------------------------------------------


def test_a_rubric_in_a_breadcrumb_trail_is_never_the_source():
    assert split_dateline("Главная / Лента / " + HEADLINE, OUTLETS) is None
    article = parse(HEADLINE, "", "Главная / Экономика / " + HEADLINE, LEAD)
    assert article.source is None
    assert article.title == HEADLINE


def test_a_place_and_a_known_agency_between_slashes_stay_a_dateline():
    found = split_dateline("Москва / ТАСС / " + LEAD, OUTLETS)
    assert found is not None and found[2] == "ТАСС"


def test_links_above_a_trail_that_ends_with_the_headline_are_the_page_header():
    article = parse(
        "Открыть карту региона", "Открыть карту региона", "", "» » " + HEADLINE, "", HEADLINE, "", LEAD
    )
    assert article.title == HEADLINE
    article = parse("На главную", "", "Вы здесь: Мир / Америка Новости " + HEADLINE, "", HEADLINE, "", LEAD)
    assert article.title == HEADLINE


# --- what hangs on the headline -------------------------------------------------------------------


def test_a_media_marker_after_the_headline_is_cut():
    assert without_marks(HEADLINE + ". ФОТО") == HEADLINE
    assert without_marks(HEADLINE + " (ВИДЕО)") == HEADLINE
    assert without_marks(HEADLINE + ": фото и видео") == HEADLINE
    assert parse(HEADLINE + ". ВИДЕО", "", LEAD).title == HEADLINE


def test_a_photo_the_headline_speaks_of_stays():
    assert without_marks("Минобороны показало фото") == "Минобороны показало фото"
    assert without_marks("Новые фото") == "Новые фото"


def test_a_date_badge_glued_before_the_headline_dates_the_page():
    assert split_glued_date("14 Ноя " + HEADLINE) == (PartialDate(None, 11, 14), HEADLINE)
    article = parse("14 Ноя " + HEADLINE, "", LEAD)
    assert article.title == HEADLINE
    assert article.date == PartialDate(None, 11, 14)


def test_a_headline_opening_with_its_own_date_keeps_it():
    assert split_glued_date("9 мая в Сантьяго пройдет парад флота") is None


# --- timestamps -----------------------------------------------------------------------------------


def test_a_timestamp_with_a_weekday_after_its_time_is_read():
    assert find_date_line("09:45, Вторник, 3 Марта, 2015 года") == PartialDate(2015, 3, 3)
    assert parse("09:45, Вторник, 3 Марта, 2015 года", HEADLINE, "", LEAD).date == PartialDate(2015, 3, 3)


def test_a_site_clock_labelled_today_is_not_a_timestamp():
    assert find_date_line("Сегодня: Вторник, 3 Марта, 2015 года") is None


# --- sites naming themselves ----------------------------------------------------------------------


def test_an_outlet_recalling_its_own_report_with_a_perfective_verb():
    body = LEAD + "\n\nРанее ВОЕНИНФОРМБЮРО сообщило, что учения перенесены."
    assert find_attribution(body, OUTLETS) == "ВОЕНИНФОРМБЮРО"


def test_a_site_named_like_a_domain_relaying_the_news():
    assert find_attribution(LEAD + ", передает Пример.НЕТ.\n\nДалее.", OUTLETS) == "Пример.НЕТ"
    assert find_attribution(LEAD[:-1] + ', передает "Вести.UA".', OUTLETS) == "Вести.UA"
    assert find_attribution('Ранее "Новинки.ua" сообщал, что учения перенесены.', OUTLETS) == "Новинки.ua"


def test_a_site_after_reports_is_as_often_cited_and_is_not_read():
    assert find_attribution(LEAD[:-1] + ', сообщает "Вести.UA".', OUTLETS) is None


def test_a_plain_word_after_a_verb_of_telling_is_not_a_site():
    assert find_attribution("Ранее министерство сообщило, что учения перенесены.", OUTLETS) is None
    assert find_attribution("Об учениях сообщает Минобороны. Далее текст.", OUTLETS) is None
    assert find_attribution("Ранее НАТО сообщило, что учения перенесены.", OUTLETS) is None
