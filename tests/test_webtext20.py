"""Web text, twentieth round: an outlet told in the dative under a compound name («сказал
"Интерфаксу-АВН"») is the one told, as «сказал "Интерфаксу"» is; a paper calling itself by the initials
of its name in quotes («…, сообщает "ДС".», «По информации источников "КП"») names itself, where an
outlet cited is named in full.

Made-up pages. The first test of each rule failed before it; the others guard what it must leave alone.
"""

from web_text_helpers import parse

HEADLINE = "Флот Перу получит два патрульных корабля чилийской постройки"
LEAD = (
    "Министерство обороны Перу и верфь ASMAR в Вальпараисо согласовали поставку двух патрульных кораблей "
    "для военно-морских сил Перу до конца будущего года."
)


def test_an_agency_told_under_a_compound_name_is_the_source():
    told = '«Первый корабль будет передан заказчику весной», — сказал "Интерфаксу-АВН" представитель верфи.'
    page = parse(HEADLINE, "", LEAD, "", told)
    assert page.source == "Интерфакс"  # the outlets table spells Интерфакс-АВН as Интерфакс


def test_an_agency_reporting_under_a_compound_name_is_only_cited():
    cited = '«Первый корабль будет передан заказчику весной», — сообщает "Интерфакс-АВН" со слов представителя верфи.'
    assert parse(HEADLINE, "", LEAD, "", cited).source is None


def test_a_paper_naming_itself_by_its_initials_in_quotes_is_the_source():
    lead = LEAD[:-1] + ', об этом говорится в сообщении пресс-службы министерства, сообщает "ДП".'
    assert parse(HEADLINE, "", lead).source == "ДП"
    sources = "По информации источников «ДП», стоимость контракта превышает сто миллионов долларов."
    assert parse(HEADLINE, "", LEAD, "", sources).source == "ДП"


def test_an_outlet_cited_by_its_full_name_in_quotes_is_not_the_source():
    lead = LEAD[:-1] + ', сообщают "Ведомости".'
    assert parse(HEADLINE, "", lead).source is None
    lead = LEAD[:-1] + ', сообщает "ДПРК-ТВ" со ссылкой на верфь.'
    assert parse(HEADLINE, "", lead).source is None


def test_a_place_and_a_known_agency_alone_on_a_line_are_a_dateline_over_the_date_line():
    page = parse("Лима – САНА", "29-05-2022", LEAD)
    assert page.source == "SANA"
    assert (page.date.year, page.date.month, page.date.day) == (2022, 5, 29)
    assert page.title != "Лима – САНА"


def test_a_headline_over_a_place_and_a_known_agency_keeps_the_date_line_under_them():
    page = parse(HEADLINE, "", "Лима – САНА", "", "29-05-2022", "", LEAD)
    assert (page.title, page.source) == (HEADLINE, "SANA")
    assert (page.date.year, page.date.month, page.date.day) == (2022, 5, 29)


def test_a_place_and_an_unknown_name_alone_on_a_line_are_no_dateline():
    page = parse("Лима – Сантьяго", "", LEAD)
    assert page.source is None


def test_a_caption_crediting_an_agency_in_brackets_is_no_dateline():
    page = parse(HEADLINE, "", "Хорхе Чавес (Фото: Иван Петров / ТАСС)", "", LEAD)
    assert page.source is None


def test_an_unknown_outlet_of_capitalised_words_after_a_dated_dateline_is_the_source():
    page = parse(HEADLINE, "", "Лима, 26 июля – Андина Экспресс. " + LEAD)
    assert page.source == "Андина Экспресс"
    assert (page.date.month, page.date.day) == (7, 26)


def test_a_sentence_after_a_dated_dateline_names_no_outlet():
    page = parse(HEADLINE, "", "Лима, 26 июля – Министр прибыл в Чили. " + LEAD)
    assert page.source is None


def test_the_editors_of_an_outlet_signing_the_text_name_the_source():
    page = parse(HEADLINE, "", "Редакция портала «Андские вести»", "27.08.2020", "", LEAD)
    assert page.source == "Андские вести"
    assert page.title == HEADLINE


def test_an_editors_line_naming_no_outlet_names_no_source():
    assert parse(HEADLINE, "", "Редакция", "27.08.2020", "", LEAD).source is None
    assert parse(HEADLINE, "", "Редакция портала благодарит читателей", "", LEAD).source is None


def test_a_table_bar_before_the_headline_is_not_part_of_it():
    assert parse("| " + HEADLINE.upper(), LEAD).title == HEADLINE.upper()
    assert parse("• " + HEADLINE, "", LEAD).title == HEADLINE


def test_a_bar_inside_the_headline_stays():
    title = "Перу | Флот получит два патрульных корабля чилийской постройки"
    assert parse(title, "", LEAD).title.startswith("Перу")


BLURB = (
    "Андский оборонный кластер – это объединение верфей, заводов и институтов, которые за счет тесного "
    "взаимодействия друг с другом создают условия для внедрения новых разработок."
)


def test_a_sites_description_of_itself_over_the_headline_is_not_the_title():
    assert parse(BLURB, HEADLINE, LEAD).title == HEADLINE
    assert parse(BLURB, "", HEADLINE, "", LEAD).title == HEADLINE


def test_a_definition_opening_the_text_stays_its_lead():
    more = "Кластер объединяет 40 предприятий. Его возглавляет бывший командующий флотом Перу."
    page = parse(BLURB, "", more)
    assert page.body.startswith("Андский оборонный кластер – это")


def test_a_site_crediting_a_photo_to_its_own_dated_news_names_itself():
    caption = "Министр обороны Перу Хорхе Чавес, фото - Новости Andina.pe от 31.10.2025 11:42 Фото: gob.pe"
    page = parse(HEADLINE, "", caption, LEAD)
    assert page.source == "Andina.pe"


def test_an_agency_credited_for_a_photo_is_not_the_source():
    assert parse(HEADLINE, "", "Хорхе Чавес, фото - Andina.pe", LEAD).source is None
    assert parse(HEADLINE, "", "Фото: Andina.pe", "", LEAD).source is None
