"""Small text helpers the extractors share: sentences with offsets, and dates inside a sentence."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass

from razdel import sentenize

from articles.pipeline.dates import MONTHS_GENITIVE, PartialDate

Span = tuple[int, int]


def sentence_spans(text: str) -> list[Span]:
    """[start, end) of each sentence; a line break always ends one (paragraphs are lines)."""
    spans: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            for s in sentenize(line):
                spans.append((pos + s.start, pos + s.stop))
        pos += len(line) + 1
    return spans


class SentenceIndex:
    """Which sentence an offset falls in."""

    def __init__(self, text: str):
        self.spans = sentence_spans(text)
        self._starts = [s for s, _ in self.spans]

    def of(self, offset: int) -> int:
        return max(0, bisect_right(self._starts, offset) - 1)


_MONTH_GEN = "|".join(MONTHS_GENITIVE)
_MONTH_LOC = "январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре"
_MONTH_NUM = {m: i + 1 for i, m in enumerate(MONTHS_GENITIVE)}
_MONTH_NUM.update({m: i + 1 for i, m in enumerate(_MONTH_LOC.split("|"))})

DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_GEN})(?:\s+(\d{{4}})\s*(?:года|г\.)?)?", re.IGNORECASE)
MONTH_YEAR = re.compile(
    rf"\b(?:в\s+)?({_MONTH_LOC})\s+(?:(\d{{4}})|(прошлого|этого|текущего|нынешнего)\s+года)", re.IGNORECASE
)
NUMERIC = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
TODAY = re.compile(r"\b(сегодня|вчера)\b", re.IGNORECASE)
YEAR = re.compile(r"\b(?:в\s+)?(\d{4})\s*(?:году|года|г\.)", re.IGNORECASE)
RELATIVE_YEAR = re.compile(
    r"\b(?:в\s+)?(прошлом|этом|текущем|нынешнем|позапрошлом|следующем)\s+году", re.IGNORECASE
)
_RELATIVE_SHIFT = {"прошлого": -1, "прошлом": -1, "позапрошлом": -2, "следующем": 1}


@dataclass(frozen=True)
class DateHit:
    date: PartialDate
    start: int
    end: int


def dates_in(text: str, start: int, end: int, article_date: PartialDate | None = None) -> list[DateHit]:
    """Dates written in text[start:end], as precise as the words make them."""
    chunk = text[start:end]
    found: list[DateHit] = []
    taken: list[Span] = []

    def add(date: PartialDate, m: re.Match) -> None:
        s, e = start + m.start(), start + m.end()
        if any(s < te and ts < e for ts, te in taken):
            return
        try:
            date.validate()
        except ValueError:
            return
        taken.append((s, e))
        found.append(DateHit(date, s, e))

    year_now = article_date.year if article_date else None
    for m in DAY_MONTH.finditer(chunk):
        year = int(m.group(3)) if m.group(3) else None
        add(PartialDate(year, _MONTH_NUM[m.group(2).lower()], int(m.group(1))), m)
    for m in NUMERIC.finditer(chunk):
        add(PartialDate(int(m.group(3)), int(m.group(2)), int(m.group(1))), m)
    for m in MONTH_YEAR.finditer(chunk):
        month = _MONTH_NUM[m.group(1).lower()]
        if m.group(2):
            add(PartialDate(int(m.group(2)), month), m)
        elif year_now:
            add(PartialDate(year_now + _RELATIVE_SHIFT.get(m.group(3).lower(), 0), month), m)
    for m in YEAR.finditer(chunk):
        year = int(m.group(1))
        if 1900 <= year <= 2100:
            add(PartialDate(year), m)
    if article_date is not None and article_date.precision == "day":
        today = dt.date(article_date.year, article_date.month, article_date.day)
        for m in TODAY.finditer(chunk):
            day = today - dt.timedelta(days=1 if m.group(1).lower() == "вчера" else 0)
            add(PartialDate(day.year, day.month, day.day), m)
    if year_now:
        for m in RELATIVE_YEAR.finditer(chunk):
            add(PartialDate(year_now + _RELATIVE_SHIFT.get(m.group(1).lower(), 0)), m)
    return sorted(found, key=lambda d: d.start)
