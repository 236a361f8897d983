"""Organisations in the text → their country: "глава ФСВТС" → RU, "директор «Рособоронэкспорта»" → RU.

The table is the editors' (Lexicon.organisations: normalised name → ISO). Names are matched word by
word on lemma or stem, so "Федеральной службы по военно-техническому сотрудничеству" finds the
entry "Федеральная служба по военно-техническому сотрудничеству".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.extraction.names import stem
from articles.pipeline.nlp import parses
from articles.pipeline.text import fold

_WORD = re.compile(r"[0-9A-Za-zА-Яа-яЁё]+(?:-[0-9A-Za-zА-Яа-яЁё]+)*")


@lru_cache(maxsize=65536)
def _forms(word: str) -> tuple[str, str]:
    low = fold(word)
    found = parses(low)
    lemma = fold(found[0].normal_form) if found else low
    return lemma, stem(low)


def _same(a: str, b: str) -> bool:
    la, sa = _forms(a)
    lb, sb = _forms(b)
    return la == lb or sa == sb


def _is_abbreviation(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _matches(written: str, name_word: str, single: bool) -> bool:
    """Does a word of the text stand for this word of an organisation's name?

    An abbreviation is its own spelling, perhaps with a case ending («ЦАХАЛа»): «нас» is a word, not
    НАСА. A one-word name is a proper noun, so it is written with a capital: «кремль» of another city
    is not the Kremlin. Other words match on lemma or stem: «Федеральной службы» is «Федеральная служба».
    """
    if _is_abbreviation(name_word):
        ending = written[len(name_word) :]
        return written.startswith(name_word) and len(ending) <= 3 and ending == ending.lower()
    if single and name_word[:1].isupper() and not written[:1].isupper():
        return False
    return _same(written, name_word)


# Blocs and international bodies: their officials belong to no one country ("генсек НАТО").
INTERNATIONAL = (
    "НАТО ЕС Евросоюз ООН ОДКБ ШОС СНГ АСЕАН ОБСЕ ЕАЭС БРИКС МАГАТЭ ОПЕК ПАСЕ Еврокомиссия Европарламент "
    "ВТО МВФ Интерпол ОЗХО МККК ФИДЕ ФИФА МОК ЛАГ ОИС ОАГ Генассамблея Совбез"
).split() + [
    "Европейский союз",
    "Организация Объединённых Наций",
    "Евразийский экономический союз",
    "Совет Европы",
    "Европейская комиссия",
    "Европейский парламент",
    "Африканский союз",
    "Лига арабских государств",
    "Всемирный банк",
    "Красный Крест",
    "Союзное государство",
    "Совет Безопасности ООН",
    "Организация исламского сотрудничества",
]


@dataclass(frozen=True)
class OrganisationMatcher:
    entries: tuple[tuple[tuple[str, ...], str], ...]  # (words of the name, ISO), longest first

    @classmethod
    def for_lexicon(cls, lexicon: Lexicon) -> OrganisationMatcher:
        spellings = lexicon.organisation_spellings
        return _matcher(tuple(sorted((spellings.get(k, k), iso) for k, iso in lexicon.organisations.items())))

    @property
    def _by_first_word(self) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        return _index(self)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Every organisation named in text as ([start, end), ISO): the longest name wins, no overlaps."""
        words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
        index = self._by_first_word
        matches = []
        for i, (word, _s, _e) in enumerate(words):
            candidates = {id(e): e for form in _forms(word) for e in index.get(form, ())}
            for name, iso in candidates.values():
                n = len(name)
                if i + n <= len(words) and all(
                    _matches(words[i + k][0], name[k], single=n == 1) for k in range(n)
                ):
                    matches.append((i, n, iso))
        matches.sort(key=lambda m: (-m[1], m[0]))
        taken: set[int] = set()
        found = []
        for i, n, iso in matches:
            if not taken & set(range(i, i + n)):
                taken.update(range(i, i + n))
                found.append((words[i][1], words[i + n - 1][2], iso))
        return sorted(found)

    def country_in(self, text: str) -> str | None:
        found = self.find(text)
        return found[0][2] if found else None


@lru_cache(maxsize=8)
def _matcher(items: tuple[tuple[str, str], ...]) -> OrganisationMatcher:
    entries = [(tuple(m.group() for m in _WORD.finditer(name)), iso) for name, iso in items]
    return OrganisationMatcher(tuple((words, iso) for words, iso in entries if words))


@lru_cache(maxsize=8)
def _index(matcher: OrganisationMatcher) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for entry in matcher.entries:
        for form in set(_forms(entry[0][0])):
            index.setdefault(form, []).append(entry)
    return index


def international_in(text: str) -> bool:
    """Does the text name a bloc or an international body ("генсек НАТО", "постпред при ООН")?"""
    return bool(_matcher(tuple((name, "") for name in INTERNATIONAL)).find(text))
