"""Dates at the precision the text gives them — pure, no Django."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    DAY_MONTH = "day_month"
    UNKNOWN = "unknown"


PRECISION_LABELS = {
    Precision.DAY: "день",
    Precision.MONTH: "месяц",
    Precision.YEAR: "год",
    Precision.DAY_MONTH: "день и месяц без года",
    Precision.UNKNOWN: "неизвестна",
}


# The months as dates in Russian text name them («18 августа»): for reading dates, not for showing them
# (the web side shows dates through Django's locale formats).
MONTHS_GENITIVE = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
# «в мае», «в январе»: a month with no day in running text.
MONTHS_LOCATIVE = [
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
]
_ISO = re.compile(r"^(?:(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?|--(\d{2})-(\d{2}))$")


@dataclass(frozen=True)
class PartialDate:
    """A date of which any of year, month and day may be unknown.

    Allowed shapes: Y-M-D, Y-M, Y, M-D (day and month, no year), and nothing at all.
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def validate(self) -> PartialDate:
        y, m, d = self.year, self.month, self.day
        if y is not None and not 1 <= y <= 9999:
            raise ValueError(f"год {y} вне допустимого диапазона")
        if m is not None and not 1 <= m <= 12:
            raise ValueError(f"месяца {m} не бывает")
        if d is not None:
            if m is None:
                raise ValueError("день без месяца")
            last = calendar.monthrange(y if y is not None else 2000, m)[1]  # 2000: leap, allows 29 Feb
            if not 1 <= d <= last:
                raise ValueError(f"в этом месяце нет {d}-го числа")
        if y is None and m is not None and d is None:
            raise ValueError("месяц без года и дня")
        return self

    @property
    def precision(self) -> str:
        if self.year is None:
            return Precision.DAY_MONTH if self.month and self.day else Precision.UNKNOWN
        if self.month is None:
            return Precision.YEAR
        if self.day is None:
            return Precision.MONTH
        return Precision.DAY

    def bounds(self) -> tuple[dt.date | None, dt.date | None]:
        """The earliest and latest day this date can stand for; (None, None) without a year."""
        if self.year is None:
            return None, None
        if self.month is None:
            return dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)
        if self.day is None:
            return dt.date(self.year, self.month, 1), dt.date(
                self.year, self.month, calendar.monthrange(self.year, self.month)[1]
            )
        day = dt.date(self.year, self.month, self.day)
        return day, day

    def iso(self) -> str | None:
        """ISO 8601 with reduced precision: 2026-01-27, 2026-01, 2026, --08-18, or None."""
        p = self.precision
        if p == Precision.DAY:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if p == Precision.MONTH:
            return f"{self.year:04d}-{self.month:02d}"
        if p == Precision.YEAR:
            return f"{self.year:04d}"
        if p == Precision.DAY_MONTH:
            return f"--{self.month:02d}-{self.day:02d}"
        return None

    @classmethod
    def from_iso(cls, text: str | None) -> PartialDate:
        """Parse the shapes iso() writes; raises ValueError on anything else."""
        if text is None or str(text).strip() == "":
            return cls()
        match = _ISO.match(str(text).strip())
        if not match:
            raise ValueError(f"не дата: {text!r}")
        y, m, d, nm, nd = match.groups()
        if nm:
            return cls(None, int(nm), int(nd)).validate()
        return cls(int(y), int(m) if m else None, int(d) if d else None).validate()

    def __bool__(self) -> bool:
        return self.precision != Precision.UNKNOWN


LEAP_SEARCH = 8  # «29 февраля»: the latest leap year is at most this many years back


def year_before(date: PartialDate, day: dt.date) -> int | None:
    """The year of a day and month published on or before `day` (the day a batch was collected):
    that year, or the one before when the day and month would fall after it."""
    if date.precision != Precision.DAY_MONTH:
        return None
    year = day.year if (date.month, date.day) <= (day.month, day.day) else day.year - 1
    for candidate in range(year, year - LEAP_SEARCH, -1):
        try:
            return PartialDate(candidate, date.month, date.day).validate().year
        except ValueError:
            continue
    return None


def estimate_year(
    date: PartialDate, text_year: int | None, collected: dt.date | None
) -> tuple[int | None, str]:
    """A likely year for a date without one, and where it came from ("text", "batch" or "").

    A year the text ties to the event is evidence and wins over the operator's hint for the batch.
    """
    if date.precision != Precision.DAY_MONTH:
        return None, ""
    if text_year is not None:
        return text_year, "text"
    year = year_before(date, collected) if collected is not None else None
    return (year, "batch") if year is not None else (None, "")
