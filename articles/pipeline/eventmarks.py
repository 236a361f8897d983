"""The names that single out one event among a pair's news: model designations («Су-35», «Як-130»,
«Т-90С», «С-400», «F-16») and short quoted names («Содружество», «Морской щит-2022») in a report's
headline and lead sentence. Pure: no database.

Two reports of one pair on one day share the pair's ministers, its phrases and often a template's
whole paragraphs (a ministry's or a generator's), so their text alone can look like a rewrite's.
What they are about is in the names: a delivery of «БМП-3» and one of «Як-130», an exercise
«Взаимодействие-2022» and another «Морской щит-2022», an order of «Т-90С» and one of «Су-35» are
two events however alike the rest. Two reports whose headlines and leads each name such marks, and
none in common, are told apart (`apart`); a report that names none says nothing either way (a
rewrite often drops the designation: «партию бронетехники»).

A mark is compared by its key: a designation up to the end of its first run of digits («су-35с»
and «су-35» are one aircraft family, «т-90мс» and «т-90с» one tank), a quoted name by the first
letters of each of its words without the digits («Армия-2022» and «Армия» are one forum; a year
written apart, «Армия — 2022», is the same name).
"""

from __future__ import annotations

import re

from articles.pipeline.text import fold

# A word that starts with a letter and holds a digit: «Су-35», «Т-90С», «F-16», «Щит-2022», «С-400».
# Not an ordinal («2022-м») or a figure («7,69»): those start with a digit; nor a page's address
# (`ADDRESS`, left out first) or a number of more than four digits («putin-867624762»).
DESIGNATION = re.compile(r"(?<![\w-])([^\W\d_]{1,12}-?\d{1,4}(?!\d)[\w-]*)")
ADDRESS = re.compile(r"\S+://\S*|\b[\w.-]+\.[a-z]{2,6}/\S*", re.IGNORECASE)
# A short name in quotation marks, capitalised: an exercise, a weapon, a ship, a company. A quoted
# phrase of more than MAX_NAME_WORDS words is someone's speech, not a name; one after an
# abbreviation or a word for a medium is the outlet a report cites (РИА «Новости», телеканал
# «Звезда»), which says nothing of the event.
QUOTED = re.compile(r"(\w*)\s*[«\"„“]([^«»\"„“”]{2,60})[»\"“”]")
MAX_NAME_WORDS = 3
MEDIA = re.compile(r"(агентств|издани|газет|телеканал|канал|радио|журнал|портал|сайт)\w*$", re.IGNORECASE)
STEM = 5  # letters of each word of a quoted name compared: «Морское» and «Морского»


def marks(*texts: str) -> frozenset[str]:
    """The keys of the designations and quoted names of `texts` (a headline, a lead sentence)."""
    found = set()
    for text in texts:
        text = ADDRESS.sub(" ", text)
        for match in DESIGNATION.finditer(text):
            found.add("#" + _designation_key(fold(match.group(1))))
        for match in QUOTED.finditer(text):
            before, name = match.group(1), match.group(2).strip()
            words = re.findall(r"[^\W\d_]+", name)
            if not words or len(words) > MAX_NAME_WORDS or not name[0].isupper():
                continue
            if (len(before) > 1 and before.isupper()) or MEDIA.search(before):
                continue
            found.add("_".join(fold(word)[:STEM] for word in words))
    return frozenset(found)


def _designation_key(word: str) -> str:
    """The designation up to the end of its first run of digits: «су-30мки» → «су-30»."""
    match = re.match(r"\D*\d+", word)
    return match.group(0) if match else word


def apart(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Whether two reports name marks of their own and none in common: two different events."""
    return bool(mine) and bool(theirs) and not mine & theirs
