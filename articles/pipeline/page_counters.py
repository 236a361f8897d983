"""A page's counters around its timestamp, and an outlet's byline that spells out its own initials.

Pure. A site prints how often a text was read next to its publication time, after it («16:25 /
26.04.2024 Просмотров: 1865», «14.04.2022 09:32 2409») or before it («Прочитано: 2897  22:30
05 ОКТЯБРЯ 2018»); the counter is no part of the date. An outlet signing a text may give its name
and then its abbreviation («— Общественная служба новостей — ОСН»): a name whose initials follow
it is the outlet's own, whatever the table knows.
"""

from __future__ import annotations

import re

# «16:25 / 26.04.2024 Просмотров: 1865», «02.10.19 Слов: 86»: a counter after the timestamp.
_COUNTER_WORD = r"(?:просмотр\w*|прочитан\w*|комментари\w*|слов|знаков|views?|comments?)"
_COUNTER_AFTER = re.compile(rf"\s*[|/,•·]?\s*{_COUNTER_WORD}\s*[:—–-]?\s*\d[\d\s.,]*$", re.IGNORECASE)
# «Прочитано: 2897  22:30  05 ОКТЯБРЯ 2018»: a labelled counter before it.
_COUNTER_BEFORE = re.compile(
    rf"^{_COUNTER_WORD}\s*[:—–-]?\s*\d[\d.,]*(?:\s+[|/,•·])?\s+(?=\d)", re.IGNORECASE
)
# «25.08.2015 11:42 | 1 просмотров», «12 марта 2020 · 345 просмотров»: the number before its word.
_COUNT_THEN_WORD = re.compile(rf"\s*[|/,•·]\s*\d[\d\s.,]*[kKкК]?\s*{_COUNTER_WORD}$", re.IGNORECASE)
# «14.04.2022 09:32 2409», «14.01.2026, 10:02 2,948»: a bare views counter right after the time.
_BARE_COUNTER_AFTER_TIME = re.compile(r"(?<=\d:\d\d)\s+\d{1,3}(?:[\s.,]?\d{3})*$")


def without_counters(line: str) -> str:
    """The timestamp line without the views, comments or words counter before or after it."""
    line = _COUNTER_BEFORE.sub("", _COUNTER_AFTER.sub("", _COUNT_THEN_WORD.sub("", line)))
    return _BARE_COUNTER_AFTER_TIME.sub("", line)


_SMALL_WORDS = frozenset(
    {"и", "по", "в", "на", "о", "об", "для", "за", "при", "с", "со", "of", "and", "the", "for"}
)
_ABBREVIATION = re.compile(r"^[A-ZА-ЯЁ]{2,6}$")


def named_with_initials(text: str) -> str | None:
    """«Общественная служба новостей — ОСН» → «Общественная служба новостей»: a name of two words
    or more, then (after a dash) the abbreviation of exactly its words' initials; else None."""
    parts = [p.strip() for p in re.split(r"\s+[—–-]\s+", text.strip(" —–-"))]
    if len(parts) != 2 or not _ABBREVIATION.match(parts[1]):
        return None
    name, abbreviation = parts
    words = [w for w in re.findall(r"[\w]+", name) if w.lower() not in _SMALL_WORDS]
    if len(words) < 2 or not name[:1].isupper():
        return None
    initials = "".join(w[0] for w in words).upper()
    return name.strip(' «»"') if initials == abbreviation.upper() else None
