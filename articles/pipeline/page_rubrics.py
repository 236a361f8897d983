"""Short lines of a page's header that are neither its headline nor its date, by their shape alone.

Pure. A weather reading under a site's clock («-6.1 C», «+3 °C») is a widget; a rubric run
together with the site's section label in capitals («Власть НОВОСТИ», «Экономика СТАТЬИ») is a
rubric: a headline of two words says something and does not shout one common noun of them.
"""

from __future__ import annotations

import re

# «-6.1 C», «+3 °C», «−12°», «21 °F»: a temperature, nothing else.
_TEMPERATURE = re.compile(r"^[+−-]?\s?\d{1,2}(?:[.,]\d{1,2})?\s?(?:°\s?[CСF]?|[CСF])$")


def is_weather(line: str) -> bool:
    """A bare temperature reading: the weather widget beside a site's clock."""
    return bool(_TEMPERATURE.match(line.strip()))


_TITLE_WORD = re.compile(r"^[А-ЯЁ][а-яё-]{2,}$")
_CAPS_WORD = re.compile(r"^[А-ЯЁ]{5,}$")


def is_section_pair(line: str) -> bool:
    """«Власть НОВОСТИ»: a rubric and a section label in capitals — two words, one capitalised,
    the other a common word (not an abbreviation) written in capitals."""
    words = line.split()
    if len(words) != 2:
        return False
    caps = [w for w in words if _CAPS_WORD.match(w)]
    titled = [w for w in words if _TITLE_WORD.match(w)]
    if len(caps) != 1 or len(titled) != 1:
        return False
    from articles.pipeline.nlp import morph

    parsed = morph().parse(caps[0].lower())[0]
    return parsed.is_known and "Abbr" not in parsed.tag and "NOUN" in parsed.tag


def tells_something(line: str) -> bool:
    """Does the line report something: a finite verb in the past or the third person
    («встретился», «передаст»)? A headline of many capitalised names does; a tag cloud, a menu or a
    notice to the reader («используйте …», «установите …») does not."""
    from articles.pipeline.nlp import morph

    analyser = morph()
    for word in re.findall(r"[а-яёА-ЯЁ]{3,}", line):
        grammemes = analyser.parse(word.lower())[0].tag.grammemes
        if {"VERB", "indc"} <= grammemes and ("past" in grammemes or "3per" in grammemes):
            return True
    return False


# «Общество: Киев и Лондон подписали меморандум»: one capitalised word and a colon before the headline.
_PREFIXED = re.compile(r"^(?P<word>[А-ЯЁ][а-яё]{3,}):\s+(?P<rest>[А-ЯЁ«\"].*)$")
# What a speaker («Белоусов:»), a place («Сирия:»), a body or a source («Минэнерго:», «СМИ:») is.
_NAMING = {"Abbr", "Orgn", "Geox", "Name", "Surn", "Patr", "Fixd", "anim"}


def without_rubric_prefix(headline: str) -> str:
    """The headline without the site's section run onto it («Общество: Киев и Лондон подписали …»
    → «Киев и Лондон подписали …»): the prefix is one common inanimate noun in the nominative — a
    section's name, neither a speaker, a place, a body nor a source, which a headline may open with
    — and what follows reports something on its own."""
    match = _PREFIXED.match(headline)
    if not match or not tells_something(match["rest"]):
        return headline
    from articles.pipeline.nlp import morph

    word = morph().parse(match["word"].lower())[0]
    grammemes = word.tag.grammemes
    if not word.is_known or not {"NOUN", "nomn", "inan"} <= grammemes or _NAMING & grammemes:
        return headline
    return match["rest"]
