"""Helpers for the web-text and extraction tests: the shipped tables, a made-up page parsed as a file, and
what the extractor reads of it (its primary pair, its officials)."""

from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.extraction.pipeline import extract
from articles.pipeline.parsing import ParsedArticle, parse_file

LEXICON = Lexicon.from_files()
OUTLETS = LEXICON.outlets


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


def primary(body: str) -> tuple[str, str] | None:
    """The primary pair the extractor reads of a made-up page."""
    found = extract(parse(body), LEXICON).primary_pair
    return tuple(found.countries) if found else None


def officials(
    text: str, title: str = "Сотрудничество в сфере безопасности"
) -> dict[str, tuple[str, str | None]]:
    """Each official the extractor reads of a page with this headline and text: name → (post, country)."""
    found = extract(parse(title, "", text), LEXICON).officials
    return {o.name: (o.position, o.country) for o in found}
