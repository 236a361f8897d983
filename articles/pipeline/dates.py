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
MONTHS_NOMINATIVE = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
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

    def human(self) -> str:
        """Russian, at its precision: «27 января 2026», «август 2026», «18 августа, год не указан»."""
        p = self.precision
        if p == Precision.DAY:
            return f"{self.day} {MONTHS_GENITIVE[self.month - 1]} {self.year}"
        if p == Precision.MONTH:
            return f"{MONTHS_NOMINATIVE[self.month - 1]} {self.year}"
        if p == Precision.YEAR:
            return f"{self.year}"
        if p == Precision.DAY_MONTH:
            return f"{self.day} {MONTHS_GENITIVE[self.month - 1]}, год не указан"
        return "дата неизвестна"

    def __bool__(self) -> bool:
        return self.precision != Precision.UNKNOWN
