"""A date line a site writes month first: «Апрель 30/ 2009», «Апрель 30, 2009», «Сентябрь 5 2017».

Some sites (often with an English template) print the nominative month name before the day and the
year. Such a line alone above the text is the publication date, as `22.01.2025` is.
"""

from __future__ import annotations

import re

from articles.pipeline.dates import PartialDate

# Nominative month names (the genitive ones are read by datelines); their first three letters.
_NOMINATIVE = r"(?:январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь)"
_MONTHS = ("янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")
_MONTH_FIRST = re.compile(
    rf"^(?P<month>{_NOMINATIVE})\s+(?P<day>\d{{1,2}})\s*[,/.]?\s*(?P<year>\d{{4}})(?:\s*г\.?)?"
    r"(?:\s*[,/|]?\s*\d{1,2}:\d{2})?\s*$",
    re.IGNORECASE,
)


def month_first_date(line: str) -> PartialDate | None:
    """The date of a line that is only «Month day[,/] year» with a nominative month, else None."""
    match = _MONTH_FIRST.match(line.strip())
    if not match:
        return None
    try:
        month = _MONTHS.index(match["month"].lower()[:3]) + 1
        return PartialDate(int(match["year"]), month, int(match["day"])).validate()
    except ValueError:
        return None
