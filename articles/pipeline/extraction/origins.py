"""What a name or a word says of a person's country: surname endings, East Slavic first names,
nationality nouns. Priors for the last resort of officials.py, never over a country the text gives."""

from __future__ import annotations

import re
from functools import lru_cache

from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.extraction.names import looks_chinese
from articles.pipeline.nlp import parses

CHINESE_SPEAKING = frozenset({"CN", "TW", "SG"})

# First names common in Russia, Belarus and Ukraine: without other evidence such a person is from
# whichever of these countries the article names most (a general prior, not a list of people).
EAST_SLAVIC_NAMES = frozenset(
    """
    Александр Алексей Анатолий Андрей Антон Аркадий Борис Вадим Валентин Валерий Василий Виктор
    Виталий Владимир Владислав Всеволод Вячеслав Геннадий Георгий Глеб Григорий Даниил Денис Дмитрий
    Евгений Егор Иван Игорь Илья Кирилл Константин Леонид Максим Михаил Никита Николай Олег Павел
    Пётр Петр Роман Святослав Семён Семен Сергей Станислав Степан Фёдор Федор Юрий Ярослав Анна
    Валентина Вера Галина Екатерина Елена Ирина Людмила Мария Наталья Нина Ольга Светлана Татьяна
    Юлия Алла Лариса Марина Оксана
    """.split()
)
EAST_SLAVIC_COUNTRIES = frozenset({"RU", "BY", "UA"})
_POST_SOVIET = frozenset({"RU", "BY", "UA", "MD", "KZ", "KG", "TJ", "TM", "UZ", "AZ"})
# Surname endings that say which states a person is likely from: a prior for the last resort (the
# countries named around the person), never over a country the text gives.
SURNAME_ORIGINS: tuple[tuple[tuple[str, ...], frozenset[str]], ...] = (
    (("швили", "дзе"), frozenset({"GE"})),
    (("оглу", "оглы"), frozenset({"TR", "AZ"})),
    (("заде",), frozenset({"AZ", "IR"})),
    (("янц", "ян"), frozenset({"AM"})),
    (("енко", "чук", "юк"), frozenset({"UA", "BY", "RU"})),
    (("ский", "цкий", "ская", "цкая"), frozenset({"RU", "BY", "UA", "PL"})),
    (("ович", "евич", "ич"), frozenset({"RS", "HR", "BA", "ME", "MK", "SI", "BY", "RU", "UA", "PL"})),
    (("ов", "ев", "ёв", "ова", "ева", "ёва"), _POST_SOVIET | {"BG", "MK"}),
)
# Vietnamese names: a common family name first, then two or three short syllables («Нгуен Ван Тхо»,
# «Фам Минь Тьинь»). Short family names that Chinese or Korean names share (Ли, Чан, Хо, До) are left
# out: such a name says nothing alone.
_VIETNAMESE_FAMILIES = frozenset("Нгуен Фам Хоанг Хуинь Фан Данг Буй Нго Зыонг Доан Выонг Чинь".split())
_SYLLABLE = 6  # letters at most in one syllable as Russian transcribes Vietnamese
_DEMONYM_SUFFIXES = ("янин", "анин", "янка", "анка", "ец", "ка")


def country_adjectives(lexicon: Lexicon) -> tuple[tuple[str, str], ...]:
    """(adjective, ISO) of the one-word country adjectives: "американский" → US."""
    return tuple(
        (form, iso)
        for form, (iso, kind) in lexicon.country_forms.items()
        if kind == "adjective" and form.isalpha()
    )


@lru_cache(maxsize=4096)
def demonym(word: str, adjectives: tuple[tuple[str, str], ...]) -> str | None:
    """The country of a nationality noun: "американец" (американ-ский) → US, "россиянка" → RU."""
    nouns = [p for p in parses(word.lower()) if p.tag.POS == "NOUN" and "anim" in p.tag]
    if not nouns:
        return None
    lemma = nouns[0].normal_form
    for suffix in _DEMONYM_SUFFIXES:
        stem = lemma.removesuffix(suffix)
        if stem != lemma and len(stem) >= 4:
            found = {iso for form, iso in adjectives if form.startswith(stem) and form.endswith("ский")}
            return found.pop() if len(found) == 1 else None
    return None


_EAST_SLAVIC_SURNAME = re.compile(
    r"(?:ов|ев|ёв|ин|ын|ский|цкий|ской|енко|ук|юк|ич|ых|их)(?:а|ая)?$", re.IGNORECASE
)


def east_slavic(words: list[str]) -> bool:
    """A name of East Slavic form: a common first name, or a surname ending as theirs do."""
    return words[0] in EAST_SLAVIC_NAMES or bool(_EAST_SLAVIC_SURNAME.search(words[-1]))


def origin_countries(name: str) -> frozenset[str]:
    """The states a surname's form points to (-ян: Armenia; -ов/-ев: the former USSR …)."""
    words = name.split()
    if len(words) > 1 and all(looks_chinese(w) for w in words):
        return CHINESE_SPEAKING
    if 3 <= len(words) <= 4 and words[0] in _VIETNAMESE_FAMILIES and all(len(w) <= _SYLLABLE for w in words):
        return frozenset({"VN"})
    low = words[-1].lower()
    for endings, isos in SURNAME_ORIGINS:
        if any(low.endswith(e) and len(low) > len(e) + 2 for e in endings):
            return isos
    if words[0] in EAST_SLAVIC_NAMES and len(words) > 1:
        return EAST_SLAVIC_COUNTRIES
    return frozenset()
