"""A headline broken over two lines above the page's date line, and one run into its lead.

Pure. Some pages set a long headline in two lines and print the date under it («О заседании
Комиссии по экономическим вопросам» / «при Экономическом совете СНГ» / «3 декабря 2015 года»). The
second line is short, opens in lowercase and closes with no mark; a wrapped lead never stops at a
date line, so the date line under it is what tells the two apart.

A copy that lost the line break runs the headline into its lead: «Встреча министров обороны России
и Бразилии 5 февраля в Москве состоялась встреча министра обороны РФ …». The lead's first sentence
then opens with a day and a month and says again, after that date, what the words before it say;
a lead whose subject stands before its date does not repeat that subject after it.
"""

from __future__ import annotations

import re

from articles.pipeline.cleaning import HEADLINE_MAX
from articles.pipeline.datelines import find_date_line
from articles.pipeline.dates import MONTHS_GENITIVE
from articles.pipeline.headline_below import stems

TAIL_WORDS = 6  # the second line of a broken headline is this short
_CLOSING = (".", "!", "?", ",", ":", ";", "—", "–", "-", "(")


def join_broken_headline(lines: list[str]) -> None:
    """Join the first two lines in place when they are one headline broken over two (see above)."""
    if len(lines) < 3:
        return
    first, tail, below = lines[0], lines[1], lines[2]
    if not (first[:1].isupper() and tail[:1].islower()) or len(tail.split()) > TAIL_WORDS:
        return
    if len(re.findall(r"[^\W\d_]{2,}", first)) < 3 or any(c.isdigit() for c in tail):
        return  # «ТАСС – > 53» over «orig date 2023-12-14 …»: a banner and a scraper's line, not a headline
    if first.endswith(_CLOSING) or tail.endswith(_CLOSING) or len(first) + len(tail) >= HEADLINE_MAX:
        return
    if find_date_line(below) is not None:
        lines[:2] = [f"{first} {tail}"]


RUN_IN_WORDS = (3, 12)  # a headline run into the lead has this many words
RUN_IN_SHARED = 0.8  # this share of its words the lead's first sentence says again after the date
_RUN_IN = re.compile(
    r"^(?P<head>[А-ЯЁ][^.!?:;]*?[^\W\d_])\s+(?P<lead>\d{1,2}\s+(?:" + "|".join(MONTHS_GENITIVE) + r")\s.*)$",
    re.S,
)


def split_run_in_headline(paragraph: str) -> tuple[str, str] | None:
    """A first paragraph that opens with the headline run into the lead → (headline, lead)."""
    from razdel import sentenize

    match = _RUN_IN.match(paragraph)
    if match is None or not RUN_IN_WORDS[0] <= len(match["head"].split()) <= RUN_IN_WORDS[1]:
        return None
    sentence = next(iter(sentenize(match["lead"]))).text
    words, said = stems(match["head"]), set(stems(sentence))
    if len(words) < 3 or sum(w in said for w in words) < RUN_IN_SHARED * len(words):
        return None
    return match["head"], match["lead"]
