"""Web text, seventh round: interface words over the headline, credits and datelines that name no
source, and agencies the text tells us were told.

Made-up pages. The test of each rule failed before it; the others guard what the rule must leave alone.
"""

from web_text_helpers import OUTLETS, parse

from articles.pipeline.attribution import find_attribution
from articles.pipeline.datelines import find_publication_line, split_dateline
from articles.pipeline.dates import PartialDate

HEADLINE = "Чили и Перу договорились о совместном патрулировании побережья"
LEAD = (
    "Министры обороны Чили и Перу договорились о совместном патрулировании побережья. "
    "Стороны также обсудили обмен курсантами военно-морских училищ."
)


# --- interface words over the headline -------------------------------------------------------------


def test_a_search_box_taken_as_the_scraped_title_is_not_the_headline():
    article = parse(" date 2024-03-05 Поиск", "", HEADLINE, "", LEAD)
    assert article.title == HEADLINE


def test_a_one_word_link_taken_as_the_scraped_title_is_not_the_headline():
    article = parse(" date 2024-03-05 Подписка", HEADLINE, "", LEAD)
    assert article.title == HEADLINE


def test_fields_that_lost_their_value_stand_above_the_headline():
    assert parse("Автор:", "", "Поделиться:", "", HEADLINE, "", LEAD).title == HEADLINE
    assert parse("Сантьяго:", "Лима:", "", HEADLINE, "", LEAD).title == HEADLINE


def test_a_scraped_headline_of_several_words_stays():
    article = parse(" date 2024-03-05 " + HEADLINE, "", LEAD)
    assert article.title == HEADLINE
    article = parse(" date 2024-03-05 Перу и Чили: итоги", "", LEAD)
    assert article.title == "Перу и Чили: итоги"


# --- datelines and bylines --------------------------------------------------------------------------


def test_a_country_between_slashes_after_the_city_is_not_the_agency():
    found = split_dateline("ИКИКЕ /Чили/, 14 марта. /ТАСС/. " + LEAD, OUTLETS)
    assert found is not None
    place, date, outlet, rest = found
    assert outlet == "ТАСС" and date == PartialDate(None, 3, 14) and rest == LEAD
    article = parse("ИКИКЕ /Чили/, 14 марта. /ТАСС/. " + LEAD)
    assert article.source == "ТАСС"


def test_a_date_then_an_agency_and_a_counter_under_the_headline_dates_and_names_the_page():
    assert find_publication_line("14.03.2023 РИА Новости 12", OUTLETS) == (
        PartialDate(2023, 3, 14),
        "РИА Новости",
    )
    article = parse(HEADLINE, "", "14.03.2023 ТАСС 3", "", LEAD)
    assert article.date == PartialDate(2023, 3, 14)
    assert article.source == "ТАСС"
    assert article.title == HEADLINE


def test_a_date_before_a_sentence_is_not_a_byline():
    assert find_publication_line("14.03.2023 Чили и Перу подписали соглашение", OUTLETS) is None


# --- agencies that were told ------------------------------------------------------------------------


def test_an_agency_given_an_interview_at_the_end_of_the_sentence_is_the_source():
    body = "Об этом министр обороны Чили заявил в интервью ТАСС. " + LEAD
    assert find_attribution(body, OUTLETS) == "ТАСС"


def test_an_agency_closing_a_clause_of_telling_is_still_only_its_subject():
    body = "Как сообщил ТАСС, министры обороны Чили и Перу встретятся в мае. " + LEAD
    assert find_attribution(body, OUTLETS) is None


def test_an_agency_told_with_a_circumstance_before_the_verb_is_the_source():
    body = "Об этом РИА Новости в преддверии визита в Лиму сообщил министр обороны Чили. " + LEAD
    assert find_attribution(body, OUTLETS) == "РИА Новости"


# --- controls acting on the page ----------------------------------------------------------------------


def test_a_lead_under_share_and_text_size_controls_is_kept_and_dates_the_article():
    lead = "В четверг, 14 марта, министры обороны Чили и Перу подписали соглашение о патрулировании"
    article = parse(HEADLINE, "", "Размер текста", "А А А", "Поделиться share", lead, "", LEAD)
    assert article.date == PartialDate(None, 3, 14)
    assert lead in article.body
    assert "Размер текста" not in article.body


def test_another_articles_headline_under_a_read_also_label_is_still_dropped():
    other = "Бразилия закупит патрульные катера у Франции"
    article = parse(HEADLINE, "", "Читайте также", other, "", LEAD)
    assert other not in article.body


# --- a headline under a teaser lead -------------------------------------------------------------------


def test_a_headline_under_a_teaser_lead_that_it_repeats_is_the_title():
    teaser = (
        "Перу получит от Чили патрульные катера для охраны побережья. Об этом министр обороны Чили "
        "заявил на встрече с перуанским коллегой, сообщает пресс-служба ведомства."
    )
    headline = "Чили передаст Перу патрульные катера для охраны побережья"
    article = parse(teaser, "", headline, "", LEAD)
    assert article.title == headline
    assert headline not in article.body


def test_a_subheading_under_the_first_paragraph_is_not_the_title():
    subheading = "Что известно о будущих учениях флотов"
    article = parse(LEAD, "", subheading, "", "Учения пройдут у берегов Антофагасты в апреле.")
    assert article.title != subheading
    assert subheading in article.body


def test_an_agency_relaying_another_names_itself():
    body = (
        "Министры обороны Чили и Перу подписали соглашение. Как передает Арменпресс, об этом сообщает ТАСС."
    )
    assert find_attribution(body, OUTLETS) == "Арменпресс"


def test_a_relayed_agency_alone_is_only_cited():
    body = "Министры обороны Чили и Перу подписали соглашение, сообщает ТАСС."
    assert find_attribution(body, OUTLETS) is None
