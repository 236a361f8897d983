"""Small text helpers the extractors share: sentences with offsets, and dates inside a sentence."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass

from razdel import sentenize

from articles.pipeline.dates import MONTHS_GENITIVE, MONTHS_LOCATIVE, PartialDate

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
_MONTH_LOC = "|".join(MONTHS_LOCATIVE)
_MONTH_NUM = {m: i + 1 for i, m in enumerate(MONTHS_GENITIVE)}
_MONTH_NUM.update({m: i + 1 for i, m in enumerate(_MONTH_LOC.split("|"))})

# «23 октября 2024 года», «23 октября», and «23 октября прошлого года» (the year said relative to the
# article's own, as «в октябре прошлого года» is).
DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})\s+({_MONTH_GEN})(?:\s+(\d{{4}})\s*(?:года|г\.)?|"
    r"\s+(прошлого|позапрошлого|этого|текущего|нынешнего)\s+года\b)?",
    re.IGNORECASE,
)
MONTH_YEAR = re.compile(
    rf"\b(?:в\s+)?({_MONTH_LOC})\s+(?:(\d{{4}})|(прошлого|этого|текущего|нынешнего)\s+года)", re.IGNORECASE
)
NUMERIC = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
# «сегодняшней встречи», «вчерашних переговоров»: the adjective dates as the adverb does (not «на
# сегодняшний день», which means «by now»).
TODAY = re.compile(
    r"\b(сегодня|вчера|позавчера)\b|\b(накануне)(?=\s*[,.]|\s+[а-яё]+(?:л|ла|ли|ло|лись|лся)\b)|"
    r"(?<!на\s)(?<!по\s)\b(сегодняшн|вчерашн)\w*",
    re.IGNORECASE,
)
_DAYS_BACK = {"сегодня": 0, "вчера": 1, "позавчера": 2, "накануне": 1, "сегодняшн": 0, "вчерашн": 1}
WEEKDAY = re.compile(
    r"\b(?:в|во)\s+(понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\b", re.IGNORECASE
)
_WEEKDAY_NUM = {
    w: i for i, w in enumerate("понедельник вторник среду четверг пятницу субботу воскресенье".split())
}
RELATIVE_MONTH = re.compile(r"\b(?:в\s+)?(прошлом|этом|текущем|следующем)\s+месяце\b", re.IGNORECASE)
YEAR = re.compile(r"\b(?:в\s+)?(\d{4})\s*(?:году|года|г\.)", re.IGNORECASE)
RELATIVE_YEAR = re.compile(
    r"\b(?:в\s+)?(прошлом|этом|текущем|нынешнем|позапрошлом|следующем)\s+году", re.IGNORECASE
)
_RELATIVE_SHIFT = {"прошлого": -1, "прошлом": -1, "позапрошлого": -2, "позапрошлом": -2, "следующем": 1}


def _year_of(month: int, day: int, article_date: PartialDate | None, ahead: bool) -> int | None:
    """«15 августа» in an article of a known year and day: that year, or the one before when the day
    lies well after the article in a sentence that reports what happened (the one after when it lies
    before the article in a sentence about what will happen)."""
    if article_date is None or article_date.precision != "day":
        return None
    if ahead:
        return article_date.year + ((month, day) < (article_date.month, article_date.day))
    # A day up to a month after the article is usually one announced in it, not last year's.
    later = (month - article_date.month) * 31 + day - article_date.day
    return article_date.year - (later > 31)


def _days_before(article_date: PartialDate, days: int) -> PartialDate | None:
    """«сегодня», «вчера» at the article date's own precision: a day when it gives the day (without a
    year when it gives none), else its month or year — never more than the article says."""
    if article_date.precision == "day":
        day = dt.date(article_date.year, article_date.month, article_date.day) - dt.timedelta(days=days)
        return PartialDate(day.year, day.month, day.day)
    if article_date.precision == "day_month":
        if days < article_date.day:
            return PartialDate(None, article_date.month, article_date.day - days)
        if article_date.month == 3:
            return None  # the day before 1 March depends on the year the article does not give
        day = dt.date(2001, article_date.month, article_date.day) - dt.timedelta(days=days)
        return PartialDate(None, day.month, day.day)
    if days == 0 and article_date.year:
        return article_date  # «сегодня» under a month or a year: that month or year
    return None


@dataclass(frozen=True)
class DateHit:
    date: PartialDate
    start: int
    end: int


def dates_in(
    text: str, start: int, end: int, article_date: PartialDate | None = None, ahead: bool = False
) -> list[DateHit]:
    """Dates written in text[start:end], as precise as the words make them; relative ones («вчера», «во
    вторник», «в прошлом месяце») against the article's date. `ahead`: the sentence speaks of what is
    to come, so a weekday is the next one, not the last."""
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
        month, day = _MONTH_NUM[m.group(2).lower()], int(m.group(1))
        if m.group(3):
            year = int(m.group(3))
        elif m.group(4):  # «прошлого года»: the article's year moved, or no year when it gives none
            year = year_now + _RELATIVE_SHIFT.get(m.group(4).lower(), 0) if year_now else None
        else:
            year = _year_of(month, day, article_date, ahead)
        add(PartialDate(year, month, day), m)
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
    if article_date is not None:
        for m in TODAY.finditer(chunk):
            day = _days_before(article_date, _DAYS_BACK[(m.group(1) or m.group(2) or m.group(3)).lower()])
            if day is not None:
                add(day, m)
        if article_date.precision == "day":
            today = dt.date(article_date.year, article_date.month, article_date.day)
            for m in WEEKDAY.finditer(chunk):
                # A weekday names the nearest such day: before the article for what happened, after
                # it for what is to come; the article's own day when it is that weekday.
                shift = (_WEEKDAY_NUM[m.group(1).lower()] - today.weekday()) % 7
                day = (
                    today + dt.timedelta(days=shift) if ahead else today - dt.timedelta(days=(7 - shift) % 7)
                )
                add(PartialDate(day.year, day.month, day.day), m)
        if article_date.month and article_date.year:
            for m in RELATIVE_MONTH.finditer(chunk):
                months = (
                    article_date.year * 12
                    + article_date.month
                    - 1
                    + _RELATIVE_SHIFT.get(m.group(1).lower(), 0)
                )
                add(PartialDate(months // 12, months % 12 + 1), m)
    if year_now:
        for m in RELATIVE_YEAR.finditer(chunk):
            add(PartialDate(year_now + _RELATIVE_SHIFT.get(m.group(1).lower(), 0)), m)
    return sorted(found, key=lambda d: d.start)
