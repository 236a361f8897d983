"""Web text, thirty-fifth round (found on tests/data/webtext35 and webtext36): a page's timestamps labelled in
English «Posted 3 марта 2015,, 17:59» / «Modified 31 января, 03:04», currency names left without their rates
and menu items run together across scripts «Темы расследованийFakespertsПодписаться …» are no headline; a
timestamp run into a long lead «20:48 14.01.2003 Министр …» dates the page; a site relaying a paper's own report
by its address «…, сообщили «Ведомостям» источники, передает 24daily.net.» is the article's outlet.

Made-up pages. The first test of each rule failed before it; the others guard what it must leave alone.
"""

from web_text_helpers import HEADLINE, LEAD, LEXICON, MORE, OUTLETS, parse, primary

from articles.pipeline.attribution import find_attribution
from articles.pipeline.datelines import find_date_line
from articles.pipeline.extraction.pipeline import extract
from articles.pipeline.parsing import parse_file


def _ymd(page):
    return (page.date.year, page.date.month, page.date.day)


def test_english_labels_and_a_doubled_comma_make_a_timestamp():
    assert find_date_line("Posted 3 марта 2015,, 17:59") is not None
    assert find_date_line("Modified 31 января, 03:04") is not None
    page = parse("Posted 3 марта 2015,, 17:59", "Modified 31 января, 03:04", "", HEADLINE, "", LEAD, MORE)
    assert page.title == HEADLINE
    assert _ymd(page) == (2015, 3, 3)


def test_currency_names_without_their_rates_are_the_sites_widget():
    page = parse("... Лима", "Доллар", "Евро", "", HEADLINE, "", LEAD, MORE)
    assert page.title == HEADLINE


def test_menu_items_run_together_across_scripts_are_no_headline():
    menu = "Темы расследованийFakespertsПодписаться на еженедельную Email-рассылку"
    assert parse(menu, "Новости", "", HEADLINE, "", LEAD, MORE).title == HEADLINE
    # a brand name written in one script keeps its capital inside: still a headline
    brand = "Минобороны Перу закрыло доступ к WhatsApp для военнослужащих"
    assert parse(brand, "", LEAD, MORE).title == brand


def test_a_timestamp_run_into_a_long_lead_dates_the_page():
    long_lead = LEAD[:-1] + (
        ", и стороны договорились провести совместные учения в горах на юге Перу весной, а также обменяться "
        "группами курсантов военных училищ."
    )
    page = parse(f"20:48 14.01.2003 {long_lead}", MORE)
    assert _ymd(page) == (2003, 1, 14)
    assert page.body.startswith("Министры обороны Перу")
    # a feed's line of several items, each with its time, stays the feed's
    feed = f"12:22 {HEADLINE} 0 16:39 {long_lead}"
    page = parse("Последние новости", feed, "08 фев 09:05", "", HEADLINE, "", LEAD, MORE)
    assert page.title == HEADLINE


def test_a_site_relaying_a_papers_own_report_by_its_address_is_the_outlet():
    body = (
        "Перу договорилось с Чили о сборке бронемашин, сообщили «Ведомостям» источники в отрасли, "
        "передает 24daily.net.\nПо данным издания, контракт заключен в прошлом году."
    )
    assert find_attribution(body, OUTLETS) == "24daily.net"
    # without the relaying site, the paper's own report is the paper's
    assert find_attribution(body.replace(", передает 24daily.net", ""), OUTLETS) == "Ведомостям"


# --- pairs ---------------------------------------------------------------------------------------------


def test_production_under_a_states_licence_makes_the_pair():
    body = (
        "В Перу началось производство бронемашины\n\n"
        "Выпуск бронемашины стартовал на прошлой неделе. Перу стало вторым государством, выпускающим "
        "бронемашину по чилийской лицензии.\n\n"
        "Машину испытывали в Бразилии, Аргентине и Колумбии."
    )
    assert primary(body) == ("CL", "PE")


def test_a_headline_naming_two_states_outweighs_a_later_list_of_three():
    body = (
        "Министр: Перу верно союзу Перу и Чили в области обороны\n\n"
        "Министр обороны Чили Хуан Перес заявил в ходе встречи с президентом Перу, что Чили верно дружбе "
        "двух стран. Ранее в Перу начались совместные учения Чили, Перу и Эквадора."
    )
    assert primary(body) == ("CL", "PE")
    # a headline listing the three keeps the story three states'
    three = body.replace("союзу Перу и Чили", "союзу Перу, Чили и Эквадора")
    assert primary(three) is None


def test_the_plain_korean_adjective_is_the_norths_in_a_text_naming_only_the_north():
    from articles.pipeline.extraction.countries import find_countries

    north = "Делегация Перу посетила КНДР. В Пхеньяне состоялся обмен мнениями с корейскими коллегами."
    assert {c.iso for c in find_countries(north, LEXICON)} == {"KP", "PE"}
    # with no North named, «корейский» stays the South's
    south = "Делегация Перу посетила Сеул. Состоялся обмен мнениями с корейскими коллегами."
    assert "KR" in {c.iso for c in find_countries(south, LEXICON)}


def test_a_document_the_event_carries_out_takes_no_date_from_the_event():
    body = (
        "ЛИМА, 13 сентября. Министр обороны Чили Хуан Перес провел переговоры в Лиме с министром обороны Перу.\n\n"
        "Подчеркивается, что встреча прошла «в русле договоренностей» и «внесет вклад в дело реализации» "
        "Договора о стратегическом партнерстве, подписанного между перуанской и чилийской сторонами."
    )
    parsed = parse_file(body.encode(), "page.txt", OUTLETS)
    (treaty,) = [a for a in extract(parsed, LEXICON).agreements if a.kind == "treaty"]
    assert treaty.date.month is None
    # the same treaty signed at the meeting takes its day
    signed = body.replace("«внесет вклад в дело реализации» Договора", "стороны подписали Договор").replace(
        ", подписанного между перуанской и чилийской сторонами", ""
    )
    parsed = parse_file(signed.encode(), "page.txt", OUTLETS)
    (treaty,) = [a for a in extract(parsed, LEXICON).agreements if a.kind == "treaty"]
    assert (treaty.date.month, treaty.date.day) == (9, 13)


def test_a_date_the_outlet_and_the_author_between_slashes():
    page = parse("24 февраля 2015 года / Авиа Обозреватель /Любовь Петрова", LEAD, MORE)
    assert page.source == "Авиа Обозреватель"
    assert _ymd(page) == (2015, 2, 24)
    # a headline with a slash is no such line
    assert parse("Перу / Чили: министры обороны подписали план", "", LEAD, MORE).date.year is None


def test_a_telegram_channel_credited_at_the_end_is_the_source():
    assert parse(HEADLINE, "", LEAD, MORE, "Из тг: АвиаПеру.").source == "АвиаПеру"


def test_the_sites_address_closing_the_text_is_the_source():
    assert parse(HEADLINE, "", LEAD, MORE + " lima.news.pe").source == "lima.news.pe"
    assert parse(HEADLINE, "", LEAD, MORE, "lima.news.pe").source == "lima.news.pe"
    # an address inside the last sentence is no signature
    assert parse(HEADLINE, "", LEAD, "Подробности на сайте lima.news.pe и в социальных сетях.").source is None
