"""A date line a site writes month first: «Апрель 30/ 2009», «Апрель 30, 2009», «Сентябрь 5 2017»,
or in English: «July 07, 2021», «12:50 - July 07, 2021», «7 Jul 2021, 09:15».

Some sites (often with an English template) print the nominative month name before the day and the
year, or the month's English name. Such a line alone above the text is the publication date, as
`22.01.2025` is.
"""

from __future__ import annotations

import re

from articles.pipeline.dates import PartialDate

# Nominative month names (the genitive ones are read by datelines); their first three letters.
_NOMINATIVE = r"(?:январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь)"
_MONTHS = ("янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")
# «Дек 30, 2019»: a theme's short month names, month first
_SHORT = r"(?:янв|фев|мар|апр|май|июн|июл|авг|сент?|окт|нояб?|дек)\.?"
_MONTH_FIRST = re.compile(
    rf"^(?P<month>{_NOMINATIVE}|{_SHORT})\s+(?P<day>\d{{1,2}})\s*[,/.]?\s*(?P<year>\d{{4}})(?:\s*г\.?)?"
    r"(?:\s*[,/|]?\s*\d{1,2}:\d{2})?\s*$",
    re.IGNORECASE,
)


# English month names and their usual abbreviations («Sept.»), as an English template prints them.
_ENGLISH = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_ENGLISH_MONTH = r"(?P<{}>[a-z]{{3,9}})\.?"
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
_ENGLISH_DATE = re.compile(
    rf"^(?:{_CLOCK}\s*(?:[,/|•·]|[—–-])?\s*)?"
    rf"(?:{_ENGLISH_MONTH.format('me')}\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<dd>\d{{1,2}})(?:st|nd|rd|th)?\s+{_ENGLISH_MONTH.format('dm')})"
    rf"\s*,?\s+(?P<ey>\d{{4}})(?:\s*(?:[,/|•·]|[—–-]|at)?\s*{_CLOCK})?\s*$",
    re.IGNORECASE,
)


def _english_date(line: str) -> PartialDate | None:
    match = _ENGLISH_DATE.match(line)
    if not match:
        return None
    name = (match["me"] or match["dm"]).lower()
    month = next((i for i, full in enumerate(_ENGLISH, 1) if full.startswith(name)), None)
    if month is None:
        return None  # «Mayday 7, 2021»: a word, not a month
    try:
        return PartialDate(int(match["ey"]), month, int(match["md"] or match["dd"])).validate()
    except ValueError:
        return None


def month_first_date(line: str) -> PartialDate | None:
    """The date of a line that is only «Month day[,/] year» with a nominative month, or a date with
    an English month name (day first or month first, a time before or after it), else None."""
    line = line.strip()
    match = _MONTH_FIRST.match(line)
    if not match:
        return _english_date(line)
    try:
        month = _MONTHS.index(match["month"].lower()[:3]) + 1
        return PartialDate(int(match["year"]), month, int(match["day"])).validate()
    except ValueError:
        return None
