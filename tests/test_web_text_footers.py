"""Web text, fourth round: what a page's footer and a subtitle say of the article's date and outlet.

Made-up pages. The test of each rule failed before it; the others guard what the rule must leave alone.
"""

from web_text_helpers import parse

from articles.pipeline.datelines import find_lead_date
from articles.pipeline.dates import PartialDate

HEADLINE = "Вьетнам и Индия договорились о совместном производстве катеров"
LEAD = (
    "Министры обороны Вьетнама и Индии договорились о совместном производстве патрульных катеров "
    "для береговой охраны. Стороны также обсудили подготовку военных специалистов."
)


# --- a publication line among the footer's links --------------------------------------------------


def test_a_labelled_publication_line_among_footer_links_dates_the_page():
    article = parse(
        HEADLINE, "", LEAD, "", "Опубликовано 3 марта 2019 в 16:40", "Все новости", "", "11.11.2024",
        "", "Показать ещё", "Главные темы",
    )  # fmt: skip
    assert article.date == PartialDate(2019, 3, 3)


def test_an_unlabelled_date_among_footer_links_is_not_the_pages_date():
    # the site's clock or a teaser's date in the footer says nothing of this article
    article = parse(
        HEADLINE, "", LEAD, "", "Все новости", "", "11.11.2024", "", "Показать ещё", "Главные темы"
    )
    assert article.date == PartialDate()


def test_an_update_line_in_the_footer_is_not_the_publication_date():
    article = parse(HEADLINE, "", LEAD, "", "Обновлено 4 марта 2019 в 10:00", "Все новости", "Главные темы")
    assert article.date == PartialDate()


# --- a source line above other articles' teasers ---------------------------------------------------


def test_a_source_line_under_the_text_names_the_outlet_even_above_teasers():
    article = parse(
        HEADLINE, "", LEAD, "", "Источник: Полярный вестник", "", "Поделиться:", "Главные новости",
        "Политика", "Парламент одобрил бюджет на следующий год", "Экономика",
        "Цены на нефть выросли на фоне сокращения добычи",
    )  # fmt: skip
    assert article.source == "Полярный вестник"  # a name the outlets table does not know


def test_a_source_line_among_teasers_far_below_the_text_is_not_the_articles():
    article = parse(
        HEADLINE, "", LEAD, "", "Поделиться:", "Главные новости", "Парламент одобрил бюджет",
        "Цены на нефть выросли", "Источник: Полярный вестник", "Курс рубля снизился",
        "Открыт новый мост через реку", "Сборная выиграла турнир",
    )  # fmt: skip
    assert article.source is None


# --- background dates: a subtitle's earlier stage, a document's date in a participle phrase -----


def test_a_subtitle_recalling_an_earlier_stage_does_not_date_the_article():
    article = parse(
        "Президент подписал закон о ратификации соглашения с Ираком",
        "",
        "Закон принят парламентом 4 апреля 2019 года и одобрен сенатом 10 апреля 2019 года.",
        "",
        "Федеральным законом ратифицируется соглашение о военном сотрудничестве, сообщает пресс-служба "
        "президента. Соглашением регулируются условия подготовки военных специалистов двух стран.",
    )
    assert article.date == PartialDate()


def test_a_short_lead_with_the_stories_own_date_still_dates_the_article():
    article = parse(
        "Министры обороны подписали план сотрудничества",
        "",
        "Министры обороны Вьетнама и Индии подписали 12 мая план сотрудничества.",
        "",
        "Документ предусматривает обмен опытом, совместные учения и подготовку кадров. Следующая встреча "
        "министров пройдёт в Ханое, сообщили в пресс-службе министерства обороны.",
    )
    assert article.date == PartialDate(None, 5, 12)


def test_a_documents_date_in_a_participle_phrase_is_not_the_publication_date():
    lead = (
        "Парламент ратифицировал соглашение о военном сотрудничестве, подписанное в Ханое 26 августа "
        "2015 года, сообщает пресс-служба."
    )
    assert find_lead_date(lead) is None
    # the date of what the sentence itself reports still counts
    assert find_lead_date("Соглашение подписано 26 августа 2015 года в Ханое.") == PartialDate(2015, 8, 26)


def test_a_dated_line_with_no_verb_under_the_headline_is_no_subtitle_and_dates_the_article():
    article = parse(HEADLINE, "", "ВЬЕТНАМ - 14 Ноября 2016 - 16:05  |  Просмотров - 452", "", LEAD)
    assert article.date == PartialDate(2016, 11, 14)


def test_a_sentence_looking_back_does_not_date_the_article():
    article = parse(
        HEADLINE,
        "",
        LEAD,
        "",
        "Ранее министр сообщил, что 13 марта вступило в силу соглашение о подготовке кадров.",
    )
    assert article.date == PartialDate()
    assert find_lead_date("Напомним, 5 мая стороны подписали меморандум.") is None


# --- a bare date under a source credit, above the page's tags --------------------------------------


def test_a_bare_date_under_the_source_credit_and_above_tags_dates_the_page():
    article = parse(
        HEADLINE, "", LEAD, "", "Источник: ТАСС", "21.03.2018", "• Новости", "• Военно-политическая", "• Азия",
    )  # fmt: skip
    assert (article.date, article.source) == (PartialDate(2018, 3, 21), "ТАСС")


def test_a_bare_date_alone_under_the_text_is_not_the_pages_date():
    assert parse(HEADLINE, "", LEAD, "", "21.03.2018", "• Новости", "• Азия").date == PartialDate()


def test_a_source_credit_naming_a_channel_or_site_gives_the_outlets_name():
    for credit in ('Источник: Telegram-канал "Известия"', "Источник: сайт «Известия»"):
        assert parse(HEADLINE, "", LEAD, "", credit, "Лента новостей").source == "Известия"


# --- a paper told, its name left undeclined -------------------------------------------------------


def test_an_undeclined_name_after_a_plural_verb_of_telling_is_the_paper_told():
    told = "Как сообщили Казинформ в пресс-службе министерства обороны, стороны обсудили подготовку кадров."
    assert parse(HEADLINE, "", LEAD, "", told).source == "Kazinform"
    # a plural name can be the verb's subject: «Как сообщили Известия, …» only cites
    assert parse(HEADLINE, "", LEAD, "", "Как сообщили Известия, стороны обсудили подготовку.").source is None
