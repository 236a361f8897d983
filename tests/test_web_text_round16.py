"""Web text, sixteenth round: a period named in the lead («С 4 по 6 марта проходит визит») is no
day of the article; a first paragraph opening with its day and month is the lead, not a subtitle; a
site's cookie banner is never the headline; a section's name run onto the headline
(«Политика: …») is cut from it; a Ukrainian or Belarusian site's interface line is furniture.

Made-up pages. The test of each rule failed before it; the others guard what the rule must leave alone.
"""

from web_text_helpers import parse

from articles.pipeline.cleaning import is_consent_banner
from articles.pipeline.date_ranges import bounds_a_span
from articles.pipeline.datelines import find_lead_date, subtitle_over_lead
from articles.pipeline.dates import PartialDate
from articles.pipeline.furniture import in_other_language
from articles.pipeline.page_rubrics import without_rubric_prefix

HEADLINE = "Флоты Перу и Чили начали совместные манёвры"
MORE = "Учения проходят ежегодно с 2015 года, в них участвуют корабли и авиация двух стран и их штабы."


# --- a period in the lead ------------------------------------------------------------------------------


def test_a_period_in_the_lead_gives_no_date():
    lead = "С 4 по 6 марта проходит визит в Чили делегации флота Перу во главе с командующим."
    assert find_lead_date(lead) is None
    assert (
        parse(HEADLINE, "", lead, "", "Вчера состоялась встреча командующих.", "", MORE).date == PartialDate()
    )


def test_both_ends_of_a_period_are_no_day_of_the_article():
    for lead in (
        "Учения флотов Перу и Чили идут 4–6 марта у побережья Кальяо.",
        "С 4 марта по 6 апреля корабли Перу и Чили отрабатывают совместные действия.",
        "Визит длится 4 марта – 6 марта, сообщили в штабе флота.",
    ):
        assert find_lead_date(lead) is None, lead


def test_a_single_day_in_the_lead_still_dates_the_article():
    assert find_lead_date("4 марта в Кальяо начались учения флотов Перу и Чили.") == PartialDate(None, 3, 4)
    assert find_lead_date("Учения начались 4 марта, сообщили в штабе по итогам дня.") == PartialDate(
        None, 3, 4
    )


def test_bounds_a_span_looks_at_the_words_around_the_day():
    text = "с 10 по 12 ноября"
    assert bounds_a_span(text, text.index("12"), len(text))
    text = "Встреча прошла 12 ноября по просьбе сторон."
    assert not bounds_a_span(text, text.index("12"), text.index(" по"))


# --- a dated first paragraph under the headline ----------------------------------------------------------


def test_a_first_paragraph_opening_with_its_date_is_the_lead():
    first = "8 марта командующий флотом Перу провел рабочую встречу с коллегой из Чили."
    assert not subtitle_over_lead([first, MORE + " " + MORE])
    article = parse("Соблюдать договоренности", first, MORE + " " + MORE)
    assert article.date == PartialDate(None, 3, 8)


def test_a_short_sentence_under_the_headline_is_still_a_subtitle():
    assert subtitle_over_lead(["Командующие обсудили учения флотов двух стран.", MORE + " " + MORE])


# --- a cookie banner ---------------------------------------------------------------------------------------

BANNER = "Этот сайт использует файлы cookies. Оставаясь на сайте, вы соглашаетесь с политикой"


def test_a_cookie_banner_is_no_headline():
    assert is_consent_banner(BANNER)
    lead = "Моряки Перу и Чили начали совместные манёвры у побережья Кальяо, они продлятся неделю."
    assert parse(BANNER, HEADLINE, "", lead, "", MORE).title == HEADLINE
    assert parse(f" date 2024-03-05 {BANNER}", HEADLINE, "", lead, "", MORE).title == HEADLINE


def test_a_headline_about_cookies_stays():
    assert not is_consent_banner("Куки-партия вышла на выборы в Перу")
    assert not is_consent_banner(HEADLINE)


# --- a section's name run onto the headline ------------------------------------------------------------


def test_a_section_name_before_the_headline_is_cut():
    assert without_rubric_prefix(f"Политика: {HEADLINE}") == HEADLINE
    lead = "Моряки Перу и Чили начали совместные манёвры у побережья Кальяо, они продлятся неделю."
    assert parse(f"Общество: {HEADLINE}", "", lead, "", MORE).title == HEADLINE


def test_a_speaker_a_place_or_a_body_before_the_headline_stays():
    for headline in (
        f"Кастильо: {HEADLINE}",
        f"Эксперт: {HEADLINE}",
        f"Перу: {HEADLINE}",
        f"Минобороны: {HEADLINE}",
        f"СМИ: {HEADLINE}",
        "Экономика: рост продолжится в будущем году",
    ):
        assert without_rubric_prefix(headline) == headline, headline


# --- a Ukrainian or Belarusian site's interface ------------------------------------------------------------


def test_a_line_in_ukrainian_over_a_russian_text_is_the_sites_interface():
    ticker = "ГОЛОВНЕ ЗА ДЕНЬ: Уряд ухвалив нові правила для водіїв  Погода на вихідні: де чекати снігу"
    assert in_other_language(ticker)
    lead = "Моряки Перу и Чили начали совместные манёвры у побережья Кальяо, они продлятся неделю."
    assert parse(ticker, "Політика", "05.03.2024, 10:15", "", HEADLINE, "", lead, "", MORE).title == HEADLINE


def test_a_russian_line_with_a_ukrainian_name_is_not():
    assert not in_other_language("Министр обороны встретился с коллегой в Києві и обсудил учения флотов")
    assert not in_other_language(HEADLINE)
