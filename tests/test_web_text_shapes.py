"""Web text, eleventh round: a site's clock with the weather, a rubric and section pair over the
headline, timestamps after a views counter or between slashes, and a byline naming the site.

Made-up pages. The test of each rule failed before it; the others guard what the rule must leave alone.
"""

from web_text_helpers import parse

from articles.pipeline.datelines import find_date_line
from articles.pipeline.dates import PartialDate

HEADLINE = "Перу и Эквадор проведут совместные учения береговой охраны"
LEAD = (
    "Министры обороны Перу и Эквадора договорились провести совместные учения береговой охраны. "
    "Стороны также обсудили обмен курсантами военно-морских училищ."
)


# --- a site's clock with the weather ----------------------------------------------------------------


def test_a_weekday_date_over_the_weather_is_the_sites_clock_not_the_date():
    article = parse("Пятница, 3 марта, 2023", "-3.5 C", "Лима", "", HEADLINE, "", LEAD)
    assert article.title == HEADLINE
    assert article.date == PartialDate()


def test_a_weekday_date_over_the_headline_stays_the_date():
    article = parse("Пятница, 3 марта, 2023", "", HEADLINE, "", LEAD)
    assert article.title == HEADLINE
    assert article.date == PartialDate(2023, 3, 3)


# --- a rubric and a section over the headline -----------------------------------------------------


def test_a_rubric_with_a_capitalised_section_word_is_not_the_headline():
    assert (
        parse("Оборона СТАТЬИ", "", "Учения флотов «Пасифик-2019»", "", LEAD).title
        == "Учения флотов «Пасифик-2019»"
    )


def test_a_two_word_headline_with_an_abbreviation_stays():
    assert parse("Учения ОДКБ", "", LEAD).title == "Учения ОДКБ"


def test_a_two_word_headline_in_ordinary_case_stays():
    assert parse("Учения завершились", "", LEAD).title == "Учения завершились"


# --- timestamps ---------------------------------------------------------------------------------------


def test_a_timestamp_after_a_views_counter_is_the_date():
    assert find_date_line("Просмотров: 4512   09:15   12 АПРЕЛЯ 2019") == PartialDate(2019, 4, 12)


def test_a_slashed_timestamp_with_a_bracketed_zone_is_the_date():
    assert find_date_line("03/11/2016 - 08:40 (по МСК)") == PartialDate(2016, 11, 3)
    assert find_date_line("03/11/2016 08:40 (МСК)") == PartialDate(2016, 11, 3)


def test_a_counter_without_a_date_is_not_a_date():
    assert find_date_line("Просмотров: 4512") is None


# --- a byline naming the site ---------------------------------------------------------------------------


def test_a_dated_byline_naming_the_site_and_its_abbreviation_is_the_source():
    article = parse(HEADLINE, "", "3 марта 2023, 10:15 — Новостное агентство Запада — НАЗ", "", LEAD)
    assert article.title == HEADLINE
    assert article.date == PartialDate(2023, 3, 3)
    assert article.source == "Новостное агентство Запада"


def test_a_dated_byline_naming_a_person_is_not_a_source():
    article = parse(HEADLINE, "", "3 марта 2023, 10:15 — Иван Петров", "", LEAD)
    assert article.source is None


# --- a site naming itself -------------------------------------------------------------------------------


def test_a_site_relaying_with_the_misspelt_s_ssylkoy_names_itself():
    lead = "Чили передала Перу два патрульных катера, передает Okean.cl с ссылкой на агентство EFE."
    assert parse(HEADLINE, "", lead).source == "Okean.cl"


# --- a long headline of many names ------------------------------------------------------------------


def test_a_repeated_headline_of_many_capitalised_names_with_a_verb_is_the_headline():
    headline = "Министр обороны Республики Чили встретился с Министром обороны Республики Перу в Лиме"
    article = parse(headline, "", headline, "", LEAD)
    assert article.title == headline


def test_a_tag_cloud_of_names_without_a_verb_is_still_navigation():
    from web_text_helpers import OUTLETS

    from articles.pipeline.furniture import LineKind, classify

    assert (
        classify("Чили Перу Министр обороны Республики Чили Лима Сантьяго Республики", OUTLETS)
        == LineKind.NAVIGATION
    )


# --- a handle signing the page ------------------------------------------------------------------------------


def test_a_bare_handle_closing_the_page_names_the_source():
    assert parse(HEADLINE, "", LEAD, "", "@okeannews").source == "okeannews"


def test_a_handle_inside_the_text_is_not_the_source():
    lead = "Об учениях написал в своем канале @okeannews министр обороны Перу."
    assert parse(HEADLINE, "", lead, "", LEAD).source is None


def test_a_long_notice_to_the_reader_over_the_headline_is_not_the_headline():
    notice = (
        "Для удобной работы сайта Минобороны Перу и его сервисов установите новые сертификаты Минцифры Перу"
    )
    assert parse(notice, "", HEADLINE, "", LEAD).title == HEADLINE


def test_a_page_run_on_after_a_markdown_image_is_text_not_the_image_caption():
    """A scraper may glue the whole article to the image that opens it on one line: the image is
    its own line (a caption), the text after it the article's."""
    from articles.pipeline.cleaning import normalise_lines

    lead = (
        "Министр обороны Лаоса Чансамон Чаньялат 3 марта встретился с послом Вьетнама, который "
        "передал приглашение на учения. Стороны обсудили подготовку офицеров и поставки техники, "
        "а также график визитов на следующий год, сообщило министерство."
    )
    assert normalise_lines("![](https://example.org/a.jpg) " + lead) == [
        "![](https://example.org/a.jpg)",
        lead,
    ]
    # An image with its short caption stays one line.
    assert normalise_lines("![фото](a.jpg) Министр на встрече. Фото: пресс-служба") == [
        "![фото](a.jpg) Министр на встрече. Фото: пресс-служба"
    ]
