"""Web text, twenty-first round: a page's timestamp standing alone under the subtitle dates the page
and leaves the text.

Made-up pages. The first test of each rule failed before it; the others guard what it must leave alone.
"""

from web_text_helpers import parse

HEADLINE = "Министры обороны Перу и Чили подписали план военного сотрудничества"
# A subtitle long enough to read as the text's first paragraph: the page's head ends above it.
SUBTITLE = (
    "Как отметил на встрече министр обороны Перу, армиями двух стран накоплен большой опыт совместных "
    "учений, в основе которого многолетняя дружба и взаимовыгодное сотрудничество."
)
LEAD = (
    "Министры обороны Перу и Чили подписали в Лиме план военного сотрудничества на будущий год, "
    "сообщило министерство обороны Перу."
)


def test_a_timestamp_alone_under_the_subtitle_is_the_pages_date():
    page = parse(HEADLINE, "", SUBTITLE, "", "2021-12-01 16:41:01", "", LEAD)
    assert (page.date.year, page.date.month, page.date.day) == (2021, 12, 1)
    assert page.title == HEADLINE
    assert "16:41" not in page.body
    assert page.body.startswith(SUBTITLE)


def test_a_timestamp_under_a_paragraph_of_several_sentences_is_not_the_pages_date():
    lead = LEAD + " Документ предусматривает более сорока мероприятий."
    page = parse(HEADLINE, "", lead, "", "2021-12-01 16:41:01", "", "Ранее стороны провели учения.")
    assert page.date.year is None


def test_a_date_without_a_clock_or_a_year_under_the_subtitle_is_left_in_the_text():
    page = parse(HEADLINE, "", SUBTITLE, "", "1 декабря", "", LEAD)
    assert page.date.year is None
    assert "1 декабря" in page.body
