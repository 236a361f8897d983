"""How alike two people's names are: the surname key officials are blocked on, and a likeness score.

One definition, used by the archive twice: when a mention is resolved to an existing official (a
surname-only or initials form must not join a different person) and when the officials review list
pairs near-identical names (Раджнат Сингх / Раджнатх Сингх, Сергей Шойгу / Сергей Кужугетович Шойгу).

A name's *skeleton* forgets what Russian transliterations of one foreign name disagree on: ь and ъ,
й/и, э/е, doubled letters and the h of aspirated consonants (тх, дх, кх, пх, бх, гх). Two spellings
of one name share a skeleton; the surname's skeleton is the key officials are indexed on, so
candidates are found with one index lookup per surname, never by comparing every pair.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from articles.pipeline.text import normalise

_ASPIRATED = re.compile(r"([тдкпбг])х")
_DOUBLED = re.compile(r"(.)\1+")
_DROPPED = str.maketrans({"ь": None, "ъ": None, "й": "и", "э": "е", "'": None, "’": None})
_WORD = re.compile(r"[\w'’.-]+")

# A given name this much alike after skeletons is the same name spelled another way
# (Раджнат/Раджнатх: 1.0; Мухаммад/Мохаммед: 0.71; Сергей/Андрей: 0.67).
SAME_GIVEN_NAME = 0.7


def skeleton(word: str) -> str:
    """The spelling-independent form of one word: «Раджнатх» and «Раджнат» → «раджнат»."""
    word = normalise(word).translate(_DROPPED).strip(".-")
    return _DOUBLED.sub(r"\1", _ASPIRATED.sub(r"\1", word))


def name_words(name: str) -> list[str]:
    return _WORD.findall(name)


def surname_key(name: str) -> str:
    """The blocking key of a person's name: the skeleton of its last word ('' for no name)."""
    words = name_words(name)
    return skeleton(words[-1])[:100] if words else ""


def _is_initial(word: str) -> bool:
    return word.endswith(".") or len(word.strip(".")) == 1


def is_weak(name: str) -> bool:
    """A surname alone or with initials only («Алиев», «И. Алиев»): many people answer to it."""
    words = name_words(name)
    return len(words) < 2 or all(_is_initial(w) for w in words[:-1])


def _given_alike(a: str, b: str) -> float:
    """0..1: how alike two given names (or patronymics) are; an initial matches its full name."""
    if _is_initial(a) or _is_initial(b):
        return 0.85 if skeleton(a)[:1] == skeleton(b)[:1] else 0.0
    sa, sb = skeleton(a), skeleton(b)
    if sa == sb:
        return 1.0
    return SequenceMatcher(None, sa, sb).ratio()


def likeness(a: str, b: str) -> float:
    """0..1: how likely two names name one person, by the names alone.

    Different surname skeletons: 0. The same surname: the first given names decide (the same up to
    spelling 0.95, an initial or a near spelling less, a different name 0); a patronymic one side
    lacks costs a little («Сергей Шойгу» / «Сергей Кужугетович Шойгу»: 0.9), two different
    patronymics a lot; a name given as a surname alone is a weak 0.6 to anyone of that surname.
    """
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb or skeleton(wa[-1]) != skeleton(wb[-1]):
        return 0.0
    given_a, given_b = wa[:-1], wb[:-1]
    if not given_a or not given_b:
        return 0.6
    first = _given_alike(given_a[0], given_b[0])
    if first < SAME_GIVEN_NAME:
        return 0.0
    score = 0.95 if first == 1.0 else 0.9 * first
    middle_a, middle_b = given_a[1:], given_b[1:]
    if middle_a and middle_b:
        if _given_alike(middle_a[0], middle_b[0]) < SAME_GIVEN_NAME:
            score *= 0.4
    elif middle_a or middle_b:
        score -= 0.05
    return round(score, 2)


def compatible(a: str, b: str) -> bool:
    """Can these two names be one person's (no given name contradicts the other)?"""
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb or skeleton(wa[-1]) != skeleton(wb[-1]):
        return False
    return likeness(a, b) >= COMPATIBLE


# Below this, two names name different people (a different patronymic or first name).
COMPATIBLE = 0.5


# A name of three words or more may end in two surnames (a Spanish or Portuguese name: «Бруно
# Родригес Паррилья», «Габриэль Гарсиа Маркес»), and a report may name the person by either
# («глава МИД Кубы Родригес», «Паррилья»). A second-to-last word counts as a surname when it is
# capitalised, longer than a particle («да», «бин», «аль», «Чен»: SURNAME_LETTERS) and no patronymic.
SURNAME_LETTERS = 4
PATRONYMIC = re.compile(r"(?:вич|вна|ична|оглы|кызы|улы|угли|зода)$", re.IGNORECASE)


def surname_keys(name: str) -> frozenset[str]:
    """The keys a person may be named by: `surname_key`, and for a name of three words or more the
    key of the word before it when it is a surname too («Родригес Паррилья»: «родригес», «париля»)."""
    words = name_words(name)
    if not words:
        return frozenset()
    keys = {skeleton(words[-1])[:100]}
    if len(words) >= 3:
        word = words[-2]
        if word[:1].isupper() and len(word) >= SURNAME_LETTERS and not PATRONYMIC.search(word):
            keys.add(skeleton(word)[:100])
    return frozenset(keys)


def aliases(names: list[str]) -> dict[str, str]:
    """Surname key → one key for all the keys the same person may go by among `names` (the full
    names of the people being compared): «париля» and «родригес» become one when some name is
    «Бруно Родригес Паррилья». A key no name joins to another stands for itself."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    for name in names:
        keys = sorted(surname_keys(name))
        for other in keys[1:]:
            first = keys[0]
            a, b = root(first), root(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return {key: root(key) for key in parent}
