"""Days that bound a period: «с 10 по 12 ноября», «10–12 ноября», «с 3 мая по 5 июня».

Pure. A lead that names a period («С 10 по 12 ноября проходит визит …») tells how long something
lasts, not the day the article reports: neither end of the span dates the article.
"""

from __future__ import annotations

import re

# Before the span's last day: «с 10 по », «с 3 мая до », «10–», «3 мая – ».
_END_OF_SPAN = re.compile(
    r"(?:(?<![\w-])(?:с|со)\s+\d{1,2}(?:\s+[а-яё]+)?\s+(?:по|до)\s+|(?<![\d.])\d{1,2}(?:\s+[а-яё]+)?\s*[–—-]\s*)$",
    re.IGNORECASE,
)
# Around the span's first day: «с 3 мая по …», «3 мая – 5 июня».
_BEFORE_START = re.compile(r"(?<![\w-])(?:с|со)\s+$", re.IGNORECASE)
_AFTER_START = re.compile(r"^(?:\s+(?:по|до)\s+\d|\s*[–—-]\s*\d)", re.IGNORECASE)

WINDOW = 30  # characters looked at on each side of the day


def bounds_a_span(text: str, start: int, end: int) -> bool:
    """Is the day and month at text[start:end] one end of a period («с 10 по 12 ноября»)?"""
    before, after = text[max(0, start - WINDOW) : start], text[end : end + WINDOW]
    if _END_OF_SPAN.search(before):
        return True
    return bool(_BEFORE_START.search(before) and _AFTER_START.match(after)) or bool(
        re.match(r"^\s*[–—-]\s*\d{1,2}\s+[а-яё]", after, re.IGNORECASE)
    )
