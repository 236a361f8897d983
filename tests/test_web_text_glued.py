"""Web text, fifth round: what a page runs into its headline (a counter, a date, the lead), clocks and
timestamps with bare counters, a site's own dateline, and outlets that name themselves.

Made-up pages. The test of each rule failed before it; the others guard what the rule must leave alone.
"""

import pytest
from web_text_helpers import OUTLETS, parse

from articles.pipeline.datelines import find_publication_line, split_dateline
from articles.pipeline.dates import PartialDate
from articles.pipeline.furniture import LineKind, classify
from articles.pipeline.headlines import split_title_lead, without_counter

HEADLINE = "Чили и Перу договорились о совместном патрулировании побережья"
LEAD = (
    "Министры обороны Чили и Перу договорились о совместном патрулировании побережья. "
    "Стороны также обсудили обмен курсантами военно-морских училищ."
)


# --- what runs into the headline ---------------------------------------------------------------------


def test_a_comment_count_glued_to_the_headline_is_cut():
    assert parse(HEADLINE + "42", "", LEAD).title == HEADLINE
    assert parse(" date 2024-05-06 " + HEADLINE + "7", "", LEAD).title == HEADLINE


def test_a_number_that_belongs_to_the_headline_stays():
    assert without_counter("Египет получит первые Су35") == "Египет получит первые Су35"
    assert without_counter("Индия закупит танки Т-90") == "Индия закупит танки Т-90"
    assert without_counter("Учения пройдут в 2025") == "Учения пройдут в 2025"


def test_a_date_glued_before_the_headline_dates_the_page_and_leaves_the_headline():
    article = parse("06.05.2024 " + HEADLINE, "", LEAD)
    assert article.title == HEADLINE
    assert article.date == PartialDate(2024, 5, 6)


def test_a_scraped_title_holding_the_lead_keeps_only_its_first_sentence():
    article = parse(f" date 2024-05-06 {HEADLINE}. В Лиме прошли переговоры министров.", "", LEAD)
    assert article.title == HEADLINE
    assert article.body.startswith("В Лиме прошли переговоры министров.")


def test_a_headline_with_an_initial_is_not_split():
    title = "Генерал А. Рамирес возглавит штаб"
    assert split_title_lead(title) == (title, None)


# --- timestamps and clocks ---------------------------------------------------------------------------


def test_a_timestamp_with_a_bare_views_count_is_a_timestamp():
    assert find_publication_line("06.05.2024 11:20 3817", {}) == (PartialDate(2024, 5, 6), None)
    article = parse("06.05.2024 11:20 3817", HEADLINE, "", LEAD)
    assert article.title == HEADLINE
    assert article.date == PartialDate(2024, 5, 6)


def test_a_date_with_a_number_but_no_time_is_not_a_timestamp():
    assert find_publication_line("06.05.2024 3817", {}) is None


def test_a_site_clock_naming_its_city_time_is_not_the_date():
    assert classify("6 мая 2024, Лимское время 09:14", OUTLETS) == LineKind.WIDGET
    article = parse(
        "Перейти к основному содержанию", "", "6 мая 2024, Лимское время 09:14", "", HEADLINE, "", LEAD
    )
    assert article.title == HEADLINE
    assert article.date == PartialDate()


# --- sources -----------------------------------------------------------------------------------------


def test_a_sites_dateline_with_its_domain_name_is_read_whole():
    found = split_dateline("Andes.Net - 06.05.2024, АНДИНА, ЛИМА. Министры обороны встретились.", {})
    assert found == ("Лима", PartialDate(2024, 5, 6), "АНДИНА", "Министры обороны встретились.")
    found = split_dateline("Andes.Net - 06.05.2024. Министры обороны встретились.", {})
    assert found == ("", PartialDate(2024, 5, 6), "Andes.Net", "Министры обороны встретились.")


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Ранее Курсив писал, что стороны готовят соглашение.", "Курсив"),  # recalling its own report
        ("Министр напомнил, что ранее ТАСС писал об этом.", None),  # mid-sentence: another's report
        ("Об этом Курсиву сказал министр обороны Перу.", "Курсив"),  # the name before the verb: told
        ("Об этом сообщил Курсив.", None),  # the name after the verb: its subject, cited
    ],
)
def test_an_outlet_naming_itself_in_the_text_is_the_source_and_one_cited_is_not(sentence, source):
    assert parse(HEADLINE, "", LEAD + " " + sentence).source == source


def test_a_lone_copyright_sign_over_its_owners_name_names_the_outlet():
    article = parse(HEADLINE, "©", "Лента.ру, " + LEAD)
    assert article.source == "Лента.ру"


# --- what stands above the headline ------------------------------------------------------------------


def test_a_bulleted_menu_opening_the_page_is_not_the_headline():
    article = parse("• Главная", "• Армия", "• Флот", "• Контакты", "", HEADLINE, "", LEAD)
    assert article.title == HEADLINE


def test_a_bulleted_list_under_the_lead_stays_in_the_text():
    article = parse(HEADLINE, "", LEAD, "", "• катера", "• курсанты", "• учения")
    assert "• катера" in article.body


def test_a_rubric_glued_to_a_timestamp_is_a_timestamp():
    assert find_publication_line("Армия6 мая 2024 11:20", {}) == (PartialDate(2024, 5, 6), None)


def test_a_banner_a_widget_and_a_glued_rubric_stand_above_the_headline_and_its_caption():
    article = parse(
        "Лучший сайт года", "Лима", "+18°", "Морские вести", "Армия6 мая 2024 11:20", "", HEADLINE, "",
        "Министры обороны Чили и Перу на встрече в Лиме",
        "Министры обороны Чили и Перу на встрече в Лиме. Фото: пресс-служба", "", LEAD,
    )  # fmt: skip
    assert article.title == HEADLINE
    assert article.date == PartialDate(2024, 5, 6)


def test_a_forum_rubric_list_over_the_headline_is_not_the_headline():
    article = parse("Рубрики", "Армия;", HEADLINE, LEAD)
    assert article.title == HEADLINE


# --- sources in the text and under it ----------------------------------------------------------------


def test_an_author_line_naming_a_known_outlet_names_the_source():
    article = parse(HEADLINE, "", LEAD, "", "Автор: Курсив", "", "Комментарии")
    assert article.source == "Курсив"


def test_an_author_line_naming_a_person_names_no_source():
    article = parse(HEADLINE, "", LEAD, "", "Автор: Иван Горин", "", "Комментарии")
    assert article.source is None


def test_a_reposts_signature_with_the_origins_domain_and_timestamp_names_the_origin():
    article = parse(HEADLINE, "", LEAD, "", "Andes.Net (Перу); 06.05.2024 11:20")
    assert article.source == "Andes.Net"
