"""Stories or articles per month for the charts: a pair's from the pair × month table (a story in
its lead's month), a country's from its visible claims (a story in the month of each of its
articles that names the country: copies of one month count once); months without any filled in as
zeros, restricted to a period."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from articles.models import CountryClaim, PairMonth
from articles.web.counting import DEFAULT, Counting, counted
from articles.web.counts import cached
from articles.web.periods import NO_PERIOD, Period

Row = tuple[int, int, int]  # (year or 0, month or 0, articles)


@dataclass
class MonthSeries:
    months: list[tuple[tuple[int, int], int]]  # every month from the first to the last, zeros included
    year_only: int  # articles dated to a year only: not placed on the chart
    undated: int  # no year at all

    @property
    def total(self) -> int:
        return sum(n for _, n in self.months) + self.year_only + self.undated


def series_of(rows: Iterable[Row], period: Period = NO_PERIOD) -> MonthSeries:
    """A MonthSeries from (year, month, articles) rows — year 0: no date; month 0: the year only —
    keeping those that can fall in `period` (undated ones only without a period)."""
    counts: dict[tuple[int, int], int] = {}
    year_only = undated = 0
    for year, month, n in rows:
        if not period.holds(year, month) or not n:
            continue
        if not year:
            undated += n
        elif not month:
            year_only += n
        else:
            counts[(year, month)] = counts.get((year, month), 0) + n
    months: list[tuple[tuple[int, int], int]] = []
    if counts:
        (y, m), last = min(counts), max(counts)
        while (y, m) <= last:
            months.append(((y, m), counts.get((y, m), 0)))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return MonthSeries(months, year_only, undated)


def month_series(a: str, b: str, period: Period = NO_PERIOD, counting: Counting = DEFAULT) -> MonthSeries:
    """A pair's stories or articles per month, from the pair × month table (one query)."""
    a, b = sorted((a, b))
    rows = PairMonth.objects.filter(country_a=a, country_b=b).values_list("year", "month", counting.column)
    return series_of(rows, period)


def _country_rows(iso: str, counting: Counting) -> list[Row]:
    rows = (
        CountryClaim.objects.visible()
        .filter(country_id=iso)
        .order_by()
        .values_list("article__date_year", "article__date_month")
        .annotate(n=counted(counting))
    )
    # A day and month without a year cannot be placed in time: undated, like no date at all.
    return [(year or 0, month if year else 0, n) for year, month, n in rows]


def country_series(iso: str, period: Period = NO_PERIOD, counting: Counting = DEFAULT) -> MonthSeries:
    """Stories or articles mentioning `iso` (visible claims, one an article) per month: one query
    over the country's claims, once per archive generation; the period is applied to the cached
    rows."""
    rows = cached(("country-months", iso, counting.articles), lambda: _country_rows(iso, counting))
    return series_of(rows, period)
