"""A period from one month to another (`?from=2023-01&to=2024-06`, either end optional) for the pair
dossier, the country pages and the pair matrix.

An article belongs to the period when its date can fall in it — the article list's rule for
`date_after`/`date_before`: a month or a day inside, or a year overlapping it. Articles without a
year are left out as soon as either end is given: they cannot be placed in time.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

Month = tuple[int, int]
_MONTH = re.compile(r"\s*([0-9]{4})-([0-9]{1,2})\s*")


class MonthField(forms.CharField):
    """YYYY-MM (what <input type="month"> sends); cleans to (year, month)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 10)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        match = _MONTH.fullmatch(value)
        if not match or not 1 <= int(match[2]) <= 12 or int(match[1]) < 1:
            raise forms.ValidationError(
                _("«%(value)s» — не месяц: нужен год и месяц, например 2024-05."),
                code="invalid_month",
                params={"value": value[:20]},
            )
        return int(match[1]), int(match[2])


class PeriodForm(forms.Form):
    def __init__(self, data=None):
        super().__init__(data if data is not None else {})
        # `from` is a Python keyword: the fields are named in the URL's words here.
        self.fields["from"] = MonthField(label=_("С месяца"))
        self.fields["to"] = MonthField(label=_("По месяц"))

    def clean(self):
        data = super().clean()
        if data.get("from") and data.get("to") and data["from"] > data["to"]:
            self.add_error("to", _("Конец периода раньше его начала."))
        return data


@dataclass(frozen=True)
class Period:
    start: Month | None = None
    end: Month | None = None

    def __bool__(self) -> bool:
        return bool(self.start or self.end)

    @property
    def key(self) -> tuple:
        return (self.start, self.end)

    def first_day(self) -> dt.date | None:
        return dt.date(*self.start, 1) if self.start else None

    def last_day(self) -> dt.date | None:
        if not self.end:
            return None
        year, month = self.end
        return dt.date(year, month, calendar.monthrange(year, month)[1])

    def holds(self, year: int | None, month: int | None) -> bool:
        """Whether a (year, month) count — month None or 0 for a year only — can fall in the period."""
        if not self:
            return True
        if not year:
            return False
        first, last = ((year, month), (year, month)) if month else ((year, 1), (year, 12))
        return (not self.start or last >= self.start) and (not self.end or first <= self.end)

    def months_q(self) -> Q:
        """The same test on the pair × month table (`month` 0: the year only; `year` 0: no date)."""
        q = Q()
        if self.start:
            y, m = self.start
            q &= Q(year__gt=y) | Q(year=y, month__gte=m) | Q(year=y, month=0)
        if self.end:
            y, m = self.end
            q &= Q(year__lt=y) | Q(year=y, month__lte=m)
        if self:
            q &= Q(year__gt=0)
        return q

    def dates_q(self, prefix: str = "") -> Q:
        """The same test on rows with `date_from`/`date_to` (articles, agreements)."""
        q = Q()
        if self.start:
            q &= Q(**{f"{prefix}date_to__gte": self.first_day()})
        if self.end:
            q &= Q(**{f"{prefix}date_from__lte": self.last_day()})
        return q

    def query(self) -> str:
        """«?from=2023-01&to=2024-06» for links that keep the period; "" without one."""
        params = {
            name: f"{value[0]:04d}-{value[1]:02d}"
            for name, value in (("from", self.start), ("to", self.end))
            if value
        }
        return "?" + urlencode(params) if params else ""


NO_PERIOD = Period()


def period_of(request) -> tuple[Period, PeriodForm]:
    """The request's period and its bound form; an invalid form gives no period (the page answers 400)."""
    form = PeriodForm(request.GET)
    if not form.is_valid():
        return Period(), form
    return Period(form.cleaned_data.get("from"), form.cleaned_data.get("to")), form
