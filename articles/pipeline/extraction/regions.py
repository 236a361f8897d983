"""Regions and large cities of states (articles/data/regions.csv): the state of a person who governs
or represents one — «губернатор Курской области», «глава Татарстана», «аким Алматинской области».

A region is matched by its stem, so every case form counts: «Курской области», «Татарстаном». An
adjective counts only before «область», «край» or «округ» («Курская область», not «курский соловей»),
«автономная» may come between («Еврейская автономная область»).
"""

from __future__ import annotations

import re
from functools import lru_cache

from articles.pipeline.reference_data import shipped_rows
from articles.pipeline.text import fold

# A word: letters, with inner hyphens (Восточно-Казахстанской, Кабардино-Балкарии).
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_ADJECTIVE_ENDING = re.compile(
    r"(?:ого|его|ому|ему|ыми|ими|ая|яя|ой|ей|ую|юю|ий|ый|ом|ем|ым|им|ие|ые|их|ых)$"
)
_NOUN_ENDING = re.compile(r"(?:ами|ями|ией|ией|ии|ия|ию|ом|ем|ой|ей|ью|а|я|у|ю|е|ы|и|о|ь)$")
_REGION_NOUN = re.compile(
    r"(?:област|кра[йяеюм]|округ|облисполком|облсовет|облдум)", re.IGNORECASE
)  # (and its bodies: «Гродненский облисполком»)
# «Еврейская автономная область», «Чукотского автономного округа»: a word between adjective and noun.
_AUTONOMOUS = re.compile(r"автономн", re.IGNORECASE)
_MIN_STEM = 4


def _adjective_stem(word: str) -> str:
    return _ADJECTIVE_ENDING.sub("", fold(word))


def _noun_stem(word: str) -> str:
    return _NOUN_ENDING.sub("", fold(word))


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, str], dict[str, str]]:
    """(adjective stem → ISO, noun stem → ISO) from the shipped CSV."""
    oblasts: dict[str, str] = {}
    places: dict[str, str] = {}
    for row in shipped_rows("regions.csv"):
        if row["kind"] == "oblast":
            oblasts[_adjective_stem(row["form"])] = row["iso"]
        else:
            places[_noun_stem(row["form"])] = row["iso"]
    return oblasts, places


def region_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, stop, ISO) of each region or city of a state the text names."""
    oblasts, places = _gazetteer()
    words = list(_WORD.finditer(text))
    found = []
    for i, m in enumerate(words):
        word = m.group()
        if not word[:1].isupper():
            continue
        stem = _adjective_stem(word)
        nxt = words[i + 1] if i + 1 < len(words) else None
        gap = text[m.end() : nxt.start()] if nxt is not None else ""
        if nxt is not None and _AUTONOMOUS.match(nxt.group()) and i + 2 < len(words):
            gap += text[nxt.end() : words[i + 2].start()]
            nxt = words[i + 2]
        if (
            len(stem) >= _MIN_STEM
            and stem in oblasts
            and nxt is not None
            and gap.strip() == ""
            and _REGION_NOUN.match(nxt.group())
        ):
            found.append((m.start(), nxt.end(), oblasts[stem]))
            continue
        stem = _noun_stem(word)
        if len(stem) >= _MIN_STEM and stem in places:
            found.append((m.start(), m.end(), places[stem]))
    return found
