"""The country gazetteer: every form the lexicon knows, lemmatised once per process.

Each form becomes a sequence of lemma keys, one set per word: «Китайская Народная Республика» →
(китайский)(народный)(республика|sing). A noun's key carries its number, so «Ливанов» (to pymorphy a
plural of «Ливан») never matches a country, whose name is singular. One-word names also keep their
case forms as spellings ("=кот-д'ивуаре"), for the foreign names pymorphy only guesses at.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.nlp import morph
from articles.pipeline.nlp import parses as all_parses
from articles.pipeline.text import normalise_apostrophes

NAME_KINDS = frozenset({"name", "official", "capital"})

# A word: letters, with inner hyphens and apostrophes (Кот-д'Ивуар, белорусско-китайский).
WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")

# Regions whose names contain a country's name; the longest match wins and says nothing.
NOT_COUNTRIES = (
    "Латинская Америка",
    "Южная Америка",
    "Северная Америка",
    "Центральная Америка",
    "Новая Англия",
    "Китайская стена",
    "Великая Китайская стена",
    "Американский континент",
)

_CASE_ENDINGS = {
    "consonant": ("а", "у", "ом", "е"),
    "ия": ("ии", "ию", "ией"),
    "а": ("ы", "и", "е", "у", "ой"),
    "я": ("и", "е", "ю", "ей"),
    "ь": ("и", "ью", "я", "ю", "ем", "е"),
}
_VOWELS = set("аеёиоуыэюя")


@dataclass(frozen=True, slots=True)
class Analysis:
    keys: frozenset[str]  # lemma keys of every parse, plus the spelling itself ("=китаем")
    best_key: str
    best_score: float
    best_geox: bool
    person: bool  # some parse is a first name, surname or patronymic
    surname: bool
    first_name: bool
    patronymic: bool


@dataclass(frozen=True, slots=True)
class Entry:
    iso: str | None  # None: a region that blocks the country inside it
    kind: str
    words: tuple[frozenset[str], ...]  # accepted keys for each word
    capitalised: bool  # the form starts with a capital letter


@dataclass
class Gazetteer:
    first: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    # The first 3–4 letters of every form (enough to tell «Китаем» from «который»), to skip most words
    # without lemmatising them; lowercase words can only be adjectives.
    prefixes: set[str] = field(default_factory=set)
    lowercase_prefixes: set[str] = field(default_factory=set)
    abbreviations: dict[str, str] = field(default_factory=dict)  # exact spelling → ISO
    stems: dict[str, tuple[str, bool]] = field(default_factory=dict)  # "российско" → (ISO, regular)


def _key(parse) -> str:
    lemma = normalise_apostrophes(parse.normal_form)
    if parse.tag.POS == "NOUN":
        # Number keeps surnames out: «Ливанов» parses only as a plural of «Ливан».
        return f"{lemma}|{parse.tag.number or 'sing'}"
    return lemma


@lru_cache(maxsize=32_768)
def analyse(low: str) -> Analysis:
    # A vocative is never a country: «Братислав» is a man's name, not «Братислава!».
    parses = [p for p in all_parses(low) if "voct" not in p.tag]
    keys = {"=" + low}
    person = surname = first_name = patronymic = False
    for p in parses:
        keys.add(_key(p))
        tag = p.tag
        if "Surn" in tag:
            person = surname = True
        if "Name" in tag:
            person = first_name = True
        if "Patr" in tag:
            person = patronymic = True
    best = parses[0] if parses else None
    return Analysis(
        keys=frozenset(keys),
        best_key=_key(best) if best else "=" + low,
        best_score=best.score if best else 0.0,
        best_geox=bool(best and "Geox" in best.tag),
        person=person,
        surname=surname,
        first_name=first_name,
        patronymic=patronymic,
    )


def _surface_forms(word: str, parses) -> set[str]:
    """Case forms of a one-word name, from pymorphy and, for words it only guesses, from endings."""
    low = normalise_apostrophes(word)
    forms = {low}
    for p in parses:
        for case in ("nomn", "gent", "datv", "accs", "ablt", "loct"):
            inflected = p.inflect({case})
            if inflected:
                forms.add(normalise_apostrophes(inflected.word))
    if "-" in low or "'" in low or not any("Geox" in p.tag for p in parses):
        if low.endswith("ия"):
            forms.update(low[:-2] + e for e in _CASE_ENDINGS["ия"])
        elif low[-1] in "ая":
            forms.update(low[:-1] + e for e in _CASE_ENDINGS[low[-1]])
        elif low[-1] == "ь":
            forms.update(low[:-1] + e for e in _CASE_ENDINGS["ь"])
        elif low[-1] not in _VOWELS:
            forms.update(low + e for e in _CASE_ENDINGS["consonant"])
    return forms


def _entry_word_keys(word: str, kind: str, single: bool) -> frozenset[str]:
    low = normalise_apostrophes(word)
    parses = morph().parse(low)
    if kind == "adjective":
        chosen = [p for p in parses if p.tag.POS in ("ADJF", "PRTF")] or parses
    else:
        chosen = (
            [p for p in parses if "Geox" in p.tag] or [p for p in parses if p.tag.case == "nomn"] or parses
        )
    keys = {_key(p) for p in chosen} | {"=" + low}
    if single and kind != "adjective":
        keys |= {"=" + f for f in _surface_forms(word, chosen)}
    return frozenset(keys)


def _is_abbreviation(form: str, kind: str) -> bool:
    """Matched by spelling only: РФ, КНР, США (pymorphy tags the ones it knows as Abbr)."""
    if " " in form:
        return False
    if kind == "abbreviation":
        return True
    return kind == "name" and any("Abbr" in p.tag for p in morph().parse(form))


def _regular_stem(adjective: str) -> str | None:
    for ending in ("ский", "цкий"):
        if adjective.endswith(ending):
            return adjective[: -len("ий")] + "о"
    return None


def _prefix(key: str) -> str:
    """What every form of a key begins with: a spelling as it is, a lemma less its ending."""
    if key.startswith("="):
        return key[1:5]
    lemma = key.split("|")[0]
    return lemma[: max(3, min(4, len(lemma) - 2))]


def _build(lexicon: Lexicon) -> Gazetteer:
    gaz = Gazetteer()
    forms: list[tuple[str | None, str, str]] = [
        (iso, kind, form) for form, (iso, kind) in lexicon.country_forms.items()
    ]
    forms += [(None, "name", form) for form in NOT_COUNTRIES]
    for iso, kind, form in forms:
        spelling = normalise_apostrophes(form)
        if not spelling.strip():
            continue
        if kind == "adjective" and spelling.endswith("-"):
            gaz.stems[spelling[:-1]] = (iso, False)
            continue
        if _is_abbreviation(spelling, kind):
            gaz.abbreviations[spelling] = iso
            continue
        words = WORD.findall(spelling)
        if not words:
            continue
        if kind == "adjective" and len(words) == 1:
            stem = _regular_stem(words[0])
            if stem:
                gaz.stems.setdefault(stem, (iso, True))
        keys = tuple(_entry_word_keys(w, kind, len(words) == 1) for w in words)
        entry = Entry(iso=iso, kind=kind, words=keys, capitalised=kind in NAME_KINDS)
        for k in keys[0]:
            gaz.first[k].append(entry)
            prefix = _prefix(k)
            gaz.prefixes.add(prefix)
            if not entry.capitalised:
                gaz.lowercase_prefixes.add(prefix)
    return gaz


_cache: tuple[Lexicon, int, Gazetteer] | None = None


def gazetteer(lexicon: Lexicon) -> Gazetteer:
    """Built once per lexicon (the pipeline passes the same one for every article)."""
    global _cache
    if _cache is None or _cache[0] is not lexicon or _cache[1] != len(lexicon.country_forms):
        _cache = (lexicon, len(lexicon.country_forms), _build(lexicon))
    return _cache[2]
