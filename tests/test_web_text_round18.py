"""Web text, eighteenth round: a row of page fields («Автор : Источник : Агентство Киодо Редакт») credits
the source in its «Источник :» cell, even with the next label run on, cut off, after the outlet's name;
«передает Пример http://primer.ru со ссылкой на» names the site relaying the report.

Made-up pages. The first test of each rule failed before it; the others guard what it must leave alone.
"""

from web_text_helpers import parse

HEADLINE = "Флоты Перу и Чили начали совместные манёвры у побережья"
LEAD = (
    "Корабли военно-морских сил Перу и Чили вышли в море для отработки совместных действий, сообщили в штабе."
)
MORE = "Учения проходят ежегодно с 2015 года, в них участвуют корабли и авиация двух стран и их штабы."


def source_of(fields: str) -> str | None:
    """The source parsed from a page with the row of `fields` under the text."""
    return parse(HEADLINE, "", LEAD, "", MORE, "", fields, "", "Подписаться на рассылку").source


def test_a_row_of_page_fields_credits_its_source_cell():
    assert source_of("Автор : Источник : Агентство Киодо Редакт") == "Киодо"
    assert source_of("Дата : 12.03.2019 Источник : Анадолу Редактор : Иван Петров") == "Анадолу"


def test_a_field_row_naming_no_known_outlet_gives_no_source():
    assert source_of("Автор : Источник : Пресс-служба Редактор : Иван Петров") is None


def test_a_sentence_with_a_colon_is_no_row_of_fields():
    assert source_of("Итог встречи : Источник в штабе Интерфакс не назвал") is None


# --- a site relaying another's report, its address after its name ------------------------------------------

RELAYED = "Делегация ВМС Чили посетила базу флота Перу в Кальяо, передает {} со ссылкой на агентство Андина."


def test_a_site_giving_its_address_after_its_name_relays_the_report():
    page = parse(HEADLINE, "", RELAYED.format("ВестиПример http://vestiprimer.org"), "", MORE)
    assert page.source == "ВестиПример"


def test_a_lower_case_word_before_an_address_is_no_site_name():
    page = parse(HEADLINE, "", RELAYED.format("корреспондент http://vestiprimer.org"), "", MORE)
    assert page.source != "корреспондент"
