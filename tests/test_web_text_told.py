"""Web text, twelfth round: event days in the lead that are not the article's, a date line written
month first, and a site named as the one told («Об этом Site.info сообщили …», «сообщили «Brand» в …»).

Made-up pages. The test of each rule failed before it; the others guard what the rule must leave alone.
"""

from web_text_helpers import parse

from articles.pipeline.datelines import find_date_line, find_lead_date
from articles.pipeline.dates import PartialDate

HEADLINE = "Флоты Перу и Чили начали совместные манёвры"


# --- event days in the lead -------------------------------------------------------------------------


def test_a_later_lead_sentences_event_day_is_not_the_date():
    lead = (
        "Моряки Перу и Чили начали совместные манёвры у Кальяо. "
        "Парад открытия 12 марта приняли командующие обоими флотами."
    )
    assert find_lead_date(lead) is None
    assert parse(HEADLINE, "", lead).date == PartialDate()


def test_the_lead_first_sentences_day_stays_the_date():
    assert find_lead_date("10 мая в штабе флота состоялись консультации.") == PartialDate(None, 5, 10)


def test_a_later_lead_sentence_reporting_on_its_day_stays_the_date():
    lead = "Армии Перу и Чили провели штабную игру. Об этом 4 апреля сообщили в ведомстве."
    assert find_lead_date(lead) == PartialDate(None, 4, 4)


def test_a_later_lead_sentence_of_the_same_news_stays_the_date():
    lead = "Перу и Чили подписали меморандум о военном сотрудничестве. Документ подписали 7 июня в Лиме."
    assert find_lead_date(lead) == PartialDate(None, 6, 7)


def test_a_day_inside_what_someone_told_is_not_a_report_of_that_day():
    story = "Сенат одобрил ратификацию меморандума, передает агентство."
    paragraph = "Как рассказал замминистра, меморандум подписан 3 июня 2019 года в Лиме."
    assert find_lead_date(paragraph, story) is None


# --- a date line written month first ----------------------------------------------------------------


def test_a_month_first_date_line_is_the_date():
    assert find_date_line("Март 14/ 2011") == PartialDate(2011, 3, 14)
    assert find_date_line("Октябрь 2, 2018 09:15") == PartialDate(2018, 10, 2)
    article = parse("Новости", "", HEADLINE, "", "Октябрь 2/ 2018", "", "Манёвры продлятся неделю.")
    assert article.date == PartialDate(2018, 10, 2)


def test_a_month_and_year_alone_or_a_sentence_is_not_a_date_line():
    assert find_date_line("Март 2011") is None
    assert find_date_line("Март 14 прошёл спокойно") is None


def test_a_date_line_with_an_english_month_is_the_date():
    # an English template's timestamp, the time before or after the date, the month first or second
    assert find_date_line("12:50 - July 07, 2021") == PartialDate(2021, 7, 7)
    assert find_date_line("Sept. 3, 2020 at 5:30 pm") == PartialDate(2020, 9, 3)
    assert find_date_line("7 Jul 2021, 09:15") == PartialDate(2021, 7, 7)
    assert find_date_line("Dec 31st, 2019") == PartialDate(2019, 12, 31)
    article = parse("Новости", "", HEADLINE, "", "14:05 - March 02, 2018", "", "Манёвры продлятся неделю.")
    assert article.date == PartialDate(2018, 3, 2)
    assert article.title == HEADLINE


def test_an_english_word_or_an_impossible_day_is_no_date_line():
    assert find_date_line("Mayday 7, 2021") is None
    assert find_date_line("March 32, 2021") is None
    assert find_date_line("July 2021") is None
    assert find_date_line("Updated July 7, 2021 with comments") is None


# --- a site named as the one told -------------------------------------------------------------------


def test_a_site_address_before_the_verb_of_telling_is_the_source():
    article = parse(HEADLINE, "", "Флоты вышли в море. Об этом NordSud.info сообщили в штабе флота.")
    assert article.source == "NordSud.info"


def test_a_quoted_brand_told_by_a_plural_verb_is_the_source():
    article = parse(
        HEADLINE, "", "Министр прибыл в Лиму, сообщили «ЮгПресс» в ведомстве. Визит продлится два дня."
    )
    assert article.source == "ЮгПресс"


def test_a_quoted_plain_word_after_telling_is_not_a_source():
    article = parse(HEADLINE, "", "Министр прибыл в Лиму, сообщили в ведомстве «Прибой».")
    assert article.source is None


def test_a_later_lead_sentence_opening_with_its_day_stays_the_date():
    lead = (
        "В Перу одобрен договор о чилийской военной миссии. Об этом пишет агентство. "
        "2 ноября договор утвердил сенат республики."
    )
    assert find_lead_date(lead) == PartialDate(None, 11, 2)
