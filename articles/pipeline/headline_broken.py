"""A headline broken over two lines above the page's date line.

Pure. Some pages set a long headline in two lines and print the date under it («О заседании
Комиссии по экономическим вопросам» / «при Экономическом совете СНГ» / «3 декабря 2015 года»). The
second line is short, opens in lowercase and closes with no mark; a wrapped lead never stops at a
date line, so the date line under it is what tells the two apart.
"""

from __future__ import annotations

from articles.pipeline.cleaning import HEADLINE_MAX
from articles.pipeline.datelines import find_date_line

TAIL_WORDS = 6  # the second line of a broken headline is this short
_CLOSING = (".", "!", "?", ",", ":", ";", "—", "–", "-", "(")


def join_broken_headline(lines: list[str]) -> None:
    """Join the first two lines in place when they are one headline broken over two (see above)."""
    if len(lines) < 3:
        return
    first, tail, below = lines[0], lines[1], lines[2]
    if not (first[:1].isupper() and tail[:1].islower()) or len(tail.split()) > TAIL_WORDS:
        return
    if first.endswith(_CLOSING) or tail.endswith(_CLOSING) or len(first) + len(tail) >= HEADLINE_MAX:
        return
    if find_date_line(below) is not None:
        lines[:2] = [f"{first} {tail}"]
