"""Web text, nineteenth round: a headline repeated as a photo's caption inside the text (the lead and
more between the two copies) takes out only that copy, not the lead; a rubric left over the lead
(«Армия») is no paragraph of the story, so the lead's reported day still dates the article; the page's
first line naming the site as a medium («Северное Агентство Новостей») is the outlet, as a known
outlet's name alone there is («Профиль»).

Made-up pages. The first test of each rule failed before it; the others guard what it must leave alone.
"""

from web_text_helpers import parse

HEADLINE = "Министр обороны Перу открыл в Сантьяго аппарат военного атташе"
LEAD = (
    "К открытию аппарата атташе при посольстве Перу 14 сентября в Чили прибыл министр обороны Перу "
    "Хорхе Чавес, сообщает пресс-служба министерства обороны Чили."
)
MORE = (
    "«Сотрудничество наших армий находится на высоком уровне, учения флотов проходят каждый год по "
    "согласованному плану», — заявил министр после встречи с чилийским коллегой в Сантьяго."
)
LAST = "Военный атташе — представитель военного ведомства при посольстве, он входит в дипломатический корпус."


def test_a_headline_repeated_as_a_caption_in_the_text_keeps_the_lead():
    page = parse(
        HEADLINE,
        "",
        "Армия",
        "Фото: mod.gob.pe",
        "",
        LEAD,
        "",
        MORE,
        "",
        HEADLINE,
        "Фото: mod.gob.pe",
        "",
        LAST,
    )
    assert page.title == HEADLINE
    assert "14 сентября в Чили прибыл" in page.body
    assert page.body.count(HEADLINE) == 0


def test_a_rubric_over_the_lead_leaves_the_leads_day_as_the_date():
    page = parse(HEADLINE, "", "Армия", "", LEAD, "", LAST)
    assert (page.date.month, page.date.day) == (9, 14)


def test_a_page_repeating_its_headline_over_the_text_still_drops_its_header():
    page = parse("Главная / Политика", "", HEADLINE, "", "12.09.2025 14:05", "", HEADLINE, "", LEAD, "", MORE)
    assert page.title == HEADLINE
    assert "Главная" not in page.body
    assert (page.date.year, page.date.month, page.date.day) == (2025, 9, 12)


def test_a_sentence_with_its_date_in_a_later_paragraph_still_needs_the_storys_tie():
    later = "Соглашение о сотрудничестве флотов было подписано 3 марта в Лиме."
    lead = (
        "Министры обороны Перу и Чили обсудили в Сантьяго учения флотов, подготовку офицеров и обмен "
        "опытом армий двух стран, сообщили в министерстве."
    )
    page = parse(HEADLINE, "", "Армия", "", lead, "", later)
    assert page.date.day is None


# --- the site's name on the page's first line --------------------------------------------------------------

LEAD2 = "Корабли флотов Перу и Чили вышли в море для совместных учений у побережья, сообщили в штабе флота."


def test_a_first_line_naming_a_medium_is_the_outlet():
    page = parse("Северное Агентство Новостей", "", HEADLINE, "", LEAD2, "", MORE)
    assert page.source == "Северное Агентство Новостей"
    assert page.title == HEADLINE


def test_a_known_outlets_name_alone_on_the_first_line_is_the_outlet():
    page = parse("Профиль", "", HEADLINE, "", "Подзаголовок о визите министра в соседнюю страну", "", LEAD2)
    assert page.source == "Профиль"
    assert page.title == HEADLINE


def test_a_headline_in_sentence_case_is_no_mediums_name():
    page = parse("Агентство по вооружениям Перу заключило контракт", "", LEAD2, "", MORE)
    assert page.source is None
    assert page.title == "Агентство по вооружениям Перу заключило контракт"


def test_a_capitalised_line_with_no_word_for_a_medium_names_nothing():
    page = parse("Северный Флот Перу", "", HEADLINE, "", LEAD2, "", MORE)
    assert page.source is None
