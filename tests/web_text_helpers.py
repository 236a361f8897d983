"""Helpers for the web-text tests: the shipped outlets table and a made-up page parsed as a file."""

from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.parsing import ParsedArticle, parse_file

OUTLETS = Lexicon.from_files().outlets


def parse(*lines: str) -> ParsedArticle:
    """The page made of `lines` (joined by newlines), parsed as a .txt file with the shipped outlets."""
    result = parse_file("\n".join(lines).encode("utf-8"), "page.txt", OUTLETS)
    assert isinstance(result, ParsedArticle), result
    return result


# A made-up page's headline, lead and a second paragraph (Peru and Chile: no development set's pair).
HEADLINE = "Министры обороны Перу и Чили подписали план военного сотрудничества"
LEAD = (
    "Министры обороны Перу и Чили подписали в Лиме план военного сотрудничества на будущий год, "
    "сообщило министерство обороны Перу."
)
MORE = "Документ предусматривает более сорока совместных мероприятий, в том числе учения и обмен курсантами."
