"""Declension of personal names for the synthetic corpus: rules, not a dictionary.

The extractor must bring «Дун Цзюнем» back to «Дун Цзюнь», so the corpus has to write names the
way Russian news does: Russian surnames in -ов/-ин/-ский decline as adjectives do, foreign names
ending in a consonant take noun endings, names ending in -о/-у/-и/-е stay as they are, and a
woman's surname in a consonant never changes. Pure Python, deterministic, fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Case = Literal["nom", "gen", "dat", "acc", "ins", "loc"]
CASES: tuple[Case, ...] = ("nom", "gen", "dat", "acc", "ins", "loc")

_HUSHING = "жшчщц"
_VELAR_OR_HUSHING = "гкхжшчщ"
_INDECLINABLE_ENDINGS = "оеиуюэы"


def _noun_a(stem: str, case: Case) -> str:
    """Words in -а of either gender: Шарма, Мустафа, Анна."""
    if case == "gen":
        return stem + ("и" if stem[-1] in _VELAR_OR_HUSHING else "ы")
    if case in ("dat", "loc"):
        return stem + "е"
    if case == "acc":
        return stem + "у"
    if case == "ins":
        return stem + ("ей" if stem[-1] in _HUSHING else "ой")
    return stem + "а"


def decline_word(word: str, case: Case, *, female: bool = False, surname: bool = False) -> str:
    """One word of a name in `case`. Hyphenated parts decline in their last part (аль-Хаддад)."""
    if case == "nom" or not word:
        return word
    if "-" in word:
        head, _, tail = word.rpartition("-")
        return f"{head}-{decline_word(tail, case, female=female, surname=surname)}"
    low = word.lower()
    if female:
        if surname and low.endswith(("ова", "ева", "ина", "ына")):
            return word[:-1] + ("у" if case == "acc" else "ой")
        if low.endswith("ская") or low.endswith("цкая"):
            return word[:-2] + ("ую" if case == "acc" else "ой")
        if low.endswith("ия"):
            return word[:-1] + {"gen": "и", "dat": "и", "acc": "ю", "ins": "ей", "loc": "и"}[case]
        if low.endswith("я"):
            return word[:-1] + {"gen": "и", "dat": "е", "acc": "ю", "ins": "ей", "loc": "е"}[case]
        if low.endswith("а"):
            return _noun_a(word[:-1], case)
        return word  # a woman's name in a consonant or a vowel other than -а/-я does not decline
    if low.endswith(("ский", "цкий")):
        stem = word[:-2]
        return stem + {"gen": "ого", "dat": "ому", "acc": "ого", "ins": "им", "loc": "ом"}[case]
    if surname and low.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return word + {"gen": "а", "dat": "у", "acc": "а", "ins": "ым", "loc": "е"}[case]
    if low.endswith("ий"):
        return word[:-1] + {"gen": "я", "dat": "ю", "acc": "я", "ins": "ем", "loc": "и"}[case]
    if low.endswith(("й", "ь")):
        return word[:-1] + {"gen": "я", "dat": "ю", "acc": "я", "ins": "ем", "loc": "е"}[case]
    if low.endswith("а") and len(low) > 1 and low[-2] not in "аеиоуэюяы":
        return _noun_a(word[:-1], case)
    if low.endswith(("я", "а")) or low[-1] in _INDECLINABLE_ENDINGS:
        return word
    ins = "ем" if low[-1] in _HUSHING else "ом"
    return word + {"gen": "а", "dat": "у", "acc": "а", "ins": ins, "loc": "е"}[case]


@dataclass(frozen=True)
class PersonName:
    """A name as parts in the order they are written; `declined` says which parts change.

    Chinese, Korean and Vietnamese names are written family name first and only the last part
    declines in Russian news («с Дун Цзюнем»), so their earlier parts are marked fixed.
    """

    parts: tuple[str, ...]
    declined: tuple[bool, ...]
    female: bool = False
    surname_index: int = -1  # which part is the family name (for «Белоусов», «И. Алиев»)

    @property
    def nominative(self) -> str:
        return " ".join(self.parts)

    def form(self, case: Case) -> str:
        surname = self.surname_index % len(self.parts)
        words = [
            decline_word(part, case, female=self.female, surname=(i == surname)) if self.declined[i] else part
            for i, part in enumerate(self.parts)
        ]
        return " ".join(words)

    def surname(self, case: Case = "nom") -> str:
        """The family name alone, as news refers back to a person: «Белоусова», «Шармой»."""
        i = self.surname_index % len(self.parts)
        if i == 0 and len(self.parts) > 1:
            return self.form(case)  # «Дун Цзюнь» is referred to by the whole name, never «Дун»
        if not self.declined[i]:
            return self.parts[i]
        return decline_word(self.parts[i], case, female=self.female, surname=True)


def decline_adjective(masculine: str, case: Case, gender: Literal["m", "f", "n", "pl"] = "m") -> str:
    """-ский/-цкий adjectives (российский, турецкий) in any case and gender; enough for countries."""
    stem = masculine[:-2]
    table = {
        "m": {"nom": "ий", "gen": "ого", "dat": "ому", "acc": "ий", "ins": "им", "loc": "ом"},
        "f": {"nom": "ая", "gen": "ой", "dat": "ой", "acc": "ую", "ins": "ой", "loc": "ой"},
        "n": {"nom": "ое", "gen": "ого", "dat": "ому", "acc": "ое", "ins": "им", "loc": "ом"},
        "pl": {"nom": "ие", "gen": "их", "dat": "им", "acc": "ие", "ins": "ими", "loc": "их"},
    }
    return stem + table[gender][case]


def compound_prefix(masculine: str) -> str:
    """российский → «российско-» for compounds like российско-китайский."""
    return masculine[:-2] + "о-"
