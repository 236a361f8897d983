"""Posts named as a seat a person takes or holds: «Х, занимающий пост министра обороны», «Место
спикера палаты занял Иван Петров», «Петров занял должность губернатора».

The post stands in the genitive after «пост», «должность», «место» or «кресло»; a form of «занимать»
or «занять», or a passive of appointing («на должность … назначен»), ties it to the name next to it.
"""

from __future__ import annotations

from articles.pipeline.extraction.positions import (
    Token,
    _blocks,
    _lemma,
    _nominative_text,
    case_of,
    head_lemma,
)
from articles.pipeline.nlp import parses

_SEATS = frozenset("пост должность место кресло".split())
_HOLD = frozenset("занимать занять".split())
_APPOINT = frozenset("назначить утвердить избрать".split())
# How far the verb may stand before the name it gives the seat to: «занял республиканец Джон Бенер».
_REACH = 3


def held_post(tokens: list[Token], first: int, last: int) -> tuple[int, int, str] | None:
    """The post of the seat the name at tokens[first:last] holds or takes: (first, end, text)."""
    i = last + (1 if last < len(tokens) and tokens[last].text == "," else 0)
    if i + 1 < len(tokens) and _lemma(tokens[i].text) in _HOLD and _lemma(tokens[i + 1].text) in _SEATS:
        return _post_in_genitive(tokens, i + 2)  # «Петров, занимающий пост министра»
    for verb in range(first - 1, max(first - 1 - _REACH, -1), -1):
        seated = _lemma(tokens[verb].text) in _HOLD or _appointed(tokens[verb])
        if _blocks(tokens[verb], stop_prepositions=False) and not seated:
            return None
        if seated:
            return _seat_before(tokens, verb)
    return None


def _appointed(token: Token) -> bool:
    """«на должность полпреда … был утверждён Юрий Чайка»: a passive of appointing gives the seat too."""
    found = parses(token.text.lower())
    return bool(found) and found[0].normal_form in _APPOINT and "PRTS" in found[0].tag


def _seat_before(tokens: list[Token], verb: int) -> tuple[int, int, str] | None:
    """«Место спикера палаты представителей в новом Конгрессе занял …»: the seat opening the clause."""
    for seat in range(verb - 1, max(verb - 12, -1), -1):
        if tokens[seat].text in {",", ".", ";", ":", "—", "–"}:
            return None
        if _lemma(tokens[seat].text) in _SEATS:
            found = _post_in_genitive(tokens, seat + 1)
            return found if found and found[1] <= verb else None
    return None


def _post_in_genitive(tokens: list[Token], first: int) -> tuple[int, int, str] | None:
    head = first
    while head < len(tokens) and head - first < 3 and not head_lemma(tokens[head].text):
        if _blocks(tokens[head]):
            return None
        head += 1
    if head >= len(tokens) or not head_lemma(tokens[head].text) or case_of(tokens[head]) != "gent":
        return None
    end = head + 1
    while end < len(tokens) and end - head < 8 and _genitive_word(tokens[end]):
        end += 1
    return first, end, _nominative_text(tokens, first, head, end, "gent")


def _genitive_word(token: Token) -> bool:
    """A noun or adjective in the genitive: the post's complement («палаты представителей»)."""
    found = parses(token.text.lower())
    return (
        token.text.isalpha()
        and bool(found)
        and found[0].tag.POS in ("NOUN", "ADJF")
        and case_of(token) == "gent"
    )
