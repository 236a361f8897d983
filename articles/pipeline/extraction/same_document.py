"""One document named twice in one article, where one naming gives no parties or counts it as «ещё одно».

«Зеленский и Мелони подписали соглашение о сотрудничестве в сфере безопасности … Важным результатом
стало подписание двустороннего соглашения по безопасности»: the second sentence names no state, and the
article's only document of that kind whose name it can be is the one meant. «подписали ещё одно
соглашение по безопасности» counts one more in a series the states keep (one more for Ukraine), not a
second document of this article, when it has a name and that name agrees with the one said before
(«ещё один документ», with no name, stays another).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from articles.pipeline.extraction.documents import parses

if TYPE_CHECKING:
    from articles.pipeline.extraction.documents import Mention

ONE_MORE = re.compile(r"\bещ[её]\s+одн\w*\s+(?:[а-яё-]+\s+)?$", re.I)


def one_more_of_a_series(text: str, m: Mention) -> bool:
    return bool(m.complement) and bool(ONE_MORE.search(text, max(0, m.start - 30), m.start))


YEAR = re.compile(r"(?<![\d.])(?:19|20)\d\d(?!\d)")
SENTENCE_END = re.compile(r"[.!?\n]")


def _dated_apart(text: str, mentions: list[Mention]) -> bool:
    """A sentence that writes a year of its own («Программа … впервые была принята в 2021 году») may
    speak of an earlier document of the same name."""
    for m in mentions:
        start = max((e.end() for e in SENTENCE_END.finditer(text, 0, m.start)), default=0)
        end = SENTENCE_END.search(text, m.end)
        if YEAR.search(text, start, end.start() if end else len(text)):
            return True
    return False


def partyless_alike(entry, candidate, found: list, alike: Callable, text: str) -> bool:
    """`entry` and `candidate` ((document, parties) each) are one document: one names no party, the
    other names two, the one naming none writes no year of its own, and no other document of the
    article with two parties could be it."""
    (a, one), (b, other) = entry, candidate
    if bool(one) == bool(other):
        return False
    named, bare = ((a, one), b) if one else ((b, other), a)
    if len(named[1]) < 2 or not alike(named[0], bare) or _dated_apart(text, bare.mentions):
        return False
    rivals = [d for d, parties in found if len(parties) >= 2 and d is not named[0] and alike(d, bare)]
    return not rivals


WORD_AFTER_DASH = re.compile(r"[—–-]\s*([а-яё]+)\s+$", re.I)


def relation_after_dash(text: str, start: int, end: int) -> bool:
    """«Это соглашение — продолжение договора, подписанного в 1992 году»: a noun after the dash says
    how the first document stands to the second (its continuation, part, basis); the dash restates the
    document only when a name follows it directly or after an adjective («— новый договор»)."""
    word = WORD_AFTER_DASH.search(text, start, end)
    if word is None:
        return False
    found = parses(word.group(1).lower())
    return bool(found) and found[0].tag.POS == "NOUN"
