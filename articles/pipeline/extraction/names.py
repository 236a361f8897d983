"""Person names to the nominative: "Дун Цзюнем" → "Дун Цзюнь", "Ильхама Алиева" → "Ильхам Алиев".

pymorphy3's dictionary knows Russian first names, patronymics and many surnames (grammemes Name,
Patr, Surn): those are inflected. Names it does not know (Chinese, Korean, Arabic, Turkish …) lose
the Russian case ending the context demands, following how Russian declines borrowed names:
masculine names ending in a consonant take -а/-у/-ом (soft stems -я/-ю/-ем), names in -а/-я
decline like "мама", feminine names ending in a consonant and names in -о/-и/-у/-э do not decline.
Chinese names are built of a closed set of syllables that end in a vowel, -н or -нь, which tells
"Чану" (Чан) from "Шанфу" (indeclinable).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from articles.pipeline.nlp import parses
from articles.pipeline.text import fold, normalise, spelled_like

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
NATASHA_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
NATASHA_GENDERS = {"Masc": "masc", "Fem": "femn"}
# Lower-case name particles that never decline: "Мохаммед бин Салман", "Абдель Фаттах ас-Сиси".
PARTICLES = frozenset(
    "бин бен ибн аль эль ас ад ат аш ар аз ан уль фон дер де ди да дос дю ла ле оглы кызы".split()
)
# Turkic and other surnames whose final vowel is part of the name, never a case ending.
_INDECLINABLE_ENDINGS = ("оглу", "улу", "заде", "ко", "ых", "их", "аго", "яго")
_VOWELS = set("аеёиоуыэюя")
_HUSHING = set("жшчщц")
_CHINESE_SYLLABLE = (
    r"(?:цз|чж|[бпмфдтнлгкхцсчшжв])?"
    r"(?:уань|уан|уай|уа|уо|уй|унь|ун|юань|юнь|юэ|юн|ю|янь|ян|яо|я|е|инь|ин|и|ань|ан|ай|ао|а"
    r"|энь|эн|эй|эр|э|оу|о|у)"
)
_CHINESE_WORD = re.compile(f"(?:{_CHINESE_SYLLABLE}){{1,2}}")  # a surname, or a given name of two
_INITIAL = re.compile(r"^(?:[А-ЯЁA-Z][а-яёa-z]?\.)+$")
_PATRONYMIC = re.compile(r"(?:ович|евич|овн|евн|ичн|инична)[а-я]{0,3}$")


def _from_dictionary(parse) -> bool:
    from pymorphy3.units.by_lookup import DictionaryAnalyzer

    return isinstance(parse.methods_stack[0][0], DictionaryAnalyzer)


@lru_cache(maxsize=16384)
def known_name_parses(word: str) -> tuple:
    """Dictionary parses of a word as a singular first name, patronymic or surname."""
    return tuple(
        p
        for p in parses(word.lower())
        if _from_dictionary(p)
        and {"Name", "Surn", "Patr"} & p.tag.grammemes
        and "plur" not in p.tag
        and not ("Surn" in p.tag and re.search(r"[^аеёиоуыэюяьй]я$", p.normal_form))
    )


def genders_of(parse) -> set[str]:
    if "ms-f" in parse.tag:
        return {"masc", "femn"}
    return {g for g in ("masc", "femn") if g in parse.tag}


def surname_first(surname: str, first_name: str, patronymic: str, *, oblique: bool = False) -> bool:
    """«Тараев Иван Степанович», «Лагуткина Сергея Павловича»: the first word read as a surname in the
    case and gender of the first name and patronymic after it — a register's order, one person (the
    dictionary also knows «Тараева» as a woman's first name). `oblique`: in a case other than the
    nominative only (a possessor's genitive before a nominative name, «вдова Ельцина Наина
    Иосифовна», agrees in no such case)."""
    forms = [
        {
            (p.tag.case, g)
            for p in known_name_parses(word.lower())
            if grammeme in p.tag and not (oblique and p.tag.case == "nomn")
            for g in genders_of(p)
        }
        for word, grammeme in ((surname, "Surn"), (first_name, "Name"), (patronymic, "Patr"))
    ]
    return bool(forms[0] & forms[1] & forms[2])


def is_initial(word: str) -> bool:
    """ "И.", "В.В.", "Дж." — a first name or patronymic reduced to its letters."""
    return bool(_INITIAL.match(word))


def is_particle(word: str) -> bool:
    return word in PARTICLES


def is_patronymic(word: str, dictionary_only: bool = False) -> bool:
    """ "Николаевич", "Иосифовна"; not "Милошевич", which the dictionary knows as a surname."""
    known = known_name_parses(word.lower())
    if any("Patr" in p.tag and len(p.methods_stack) == 1 for p in known):
        return True  # the dictionary's own word, not one guessed from its ending ("Бозович")
    if dictionary_only or any("Surn" in p.tag for p in known):
        return False
    return bool(_PATRONYMIC.search(word.lower())) and len(word) > 6


def looks_chinese(word: str) -> bool:
    """Does the word split into Chinese syllables as Russian transcribes them (Palladius)?"""
    return bool(_CHINESE_WORD.fullmatch(fold(word)))


@dataclass(frozen=True)
class NameReading:
    """How a name was read: its nominative words, and the case and gender it had in the text."""

    words: tuple[str, ...]
    case: str | None
    gender: str | None


def read_name(
    words: list[str],
    context_case: str | None = None,
    tagged_case: str | None = None,
    tagged_gender: str | None = None,
    chinese_allowed: bool = True,
) -> NameReading:
    """The nominative of a person's name as written: ["Чану", "Ваньцюаню"] → ("Чан", "Ваньцюань").

    context_case is the case the governing word demands (the post in apposition: "с главой …" →
    ablt; a preposition); tagged_case/tagged_gender are Natasha's contextual tags for the surname.
    chinese_allowed: False when the text names no Chinese-speaking state, so that a short
    Vietnamese or Korean name that happens to split into Chinese syllables («То Лама») is read
    as declined («То Лам»), not as a Chinese name that keeps its final vowel.
    """
    case, gender = _choose(words, context_case, tagged_case, tagged_gender)
    plain = [w for w in words if not is_initial(w) and not is_particle(w)]
    chinese = chinese_allowed and 0 < len(plain) <= 3 and all(looks_chinese(w) for w in plain)
    out = tuple(nominative_word(w, case, gender, chinese) for w in words)
    return NameReading(out, case, gender)


def _word_options(words: list[str]) -> tuple[list[set[tuple[str, str]]], set[tuple[str, str]]]:
    """For each dictionary-known word, the (case, gender) pairs it allows; and those its first names allow."""
    per_word: list[set[tuple[str, str]]] = []
    first_names: set[tuple[str, str]] = set()
    for word in words:
        if is_initial(word) or is_particle(word):
            continue
        known = known_name_parses(word.split("-")[-1].lower())
        if not known:
            continue
        pairs: set[tuple[str, str]] = set()
        for p in known:
            if "Fixd" in p.tag:  # "Шойгу", "Нэнси": the same in every case
                pairs |= {(c, g) for c in CASES for g in genders_of(p)}
            elif p.tag.case in CASES:
                pairs |= {(p.tag.case, g) for g in genders_of(p)}
                if "Name" in p.tag:
                    first_names |= {(p.tag.case, g) for g in genders_of(p)}
        per_word.append(pairs)
    return per_word, first_names


_INSTRUMENTAL_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын)ым$|[ая]ем$")


def _choose(words, context_case, tagged_case, tagged_gender) -> tuple[str | None, str | None]:
    """The case and gender of the name: a vote of the governing word, the dictionary and Natasha."""
    per_word, first_names = _word_options(words)
    candidates = set().union(*per_word) if per_word else set()
    if (
        tagged_case
        and _INSTRUMENTAL_SURNAME.search(words[-1])
        and candidates
        and all(c != tagged_case for c, _g in candidates)
    ):
        # «А. Джамаловым», «Б. Югаем»: a Russian surname's instrumental ending, which the dictionary
        # reads so and no other way; the tagger guessed another case (a list of names after «с генералами»)
        tagged_case = None
    for case in (context_case, tagged_case):
        if case:
            candidates |= {(case, "masc"), (case, "femn")}
    if not candidates:
        return None, tagged_gender or "masc"

    def score(cg: tuple[str, str]) -> tuple:
        case, gender = cg
        return (
            4 * (case == context_case)
            + sum(cg in pairs for pairs in per_word)
            + 0.5 * (cg in first_names)
            + 2 * (case == tagged_case)  # Natasha reads the case in context: right for known words
            + (gender == tagged_gender)
            + 0.5 * (gender == "masc"),  # officials in the news are mostly men: the tie-breaker
            -CASES.index(case),
        )

    # sorted first: a tie (a woman's first name's bonus against the men's tie-breaker) goes the same way
    # in every process, not by the set's order, which Python's string hashing changes from run to run
    case, gender = max(sorted(candidates), key=score)
    surname = words[-1].lower()
    if gender == "femn" and not known_name_parses(surname) and _masculine_ending(surname, case):
        gender = "masc"  # "Хулуси Акару": only a man's surname takes -у; the dictionary's "Хулуся" is wrong
    return case, gender


def nominative_word(word: str, case: str | None, gender: str | None, chinese: bool = False) -> str:
    """One word of a name in the nominative, given the case and gender it has in the text."""
    if not case or case == "nomn" or is_initial(word) or is_particle(word) or not word[:1].isalpha():
        return word
    if "-" in word:  # "Касым-Жомарта", "ас-Сиси": only the last part declines …
        head, _, last = word.rpartition("-")
        if last.lower().startswith(("младш", "старш")):  # "Маркосом-младшим" → "Маркос-младший"
            return f"{nominative_word(head, case, gender, chinese)}-{_adjective_nominative(last, gender)}"
        if head[:1].isupper() and "-" not in head:
            # … unless both do: a double surname, "Косиняком-Камышем" → "Косиняк-Камыш"
            declined = nominative_word(head, case, gender, chinese)
            if declined != head:
                head = declined
        return f"{head}-{nominative_word(last, case, gender, chinese)}"
    known = sorted(
        (
            p
            for p in known_name_parses(word.lower())
            if p.tag.case == case and (gender is None or gender in genders_of(p))
        ),
        key=lambda p: "Fixd" in p.tag,  # "Акару" is "Акар" in the dative before it is an indeclinable "Акару"
    )
    for parse in known:
        inflected = parse.inflect({"nomn"})
        if inflected is not None:
            return spelled_like(inflected.word, word)
    return spelled_like(_guess_nominative(word.lower(), case, gender or "masc", chinese), word)


def _adjective_nominative(word: str, gender: str | None) -> str:
    for p in parses(word.lower()):
        if p.tag.POS == "ADJF":
            inflected = p.inflect({"nomn", "sing", "femn" if gender == "femn" else "masc"})
            if inflected is not None:
                return inflected.word
    return word


def _masculine_ending(low: str, case: str) -> bool:
    """Endings only a man's consonant-stem name takes: "Акару", "Акаром", "Акара" (gent)."""
    if len(low) < 3 or low[-2] in _VOWELS and low[-1] in "аую":
        return False
    if case == "datv":
        return low[-1] in "ую"
    if case == "ablt":
        return low.endswith(("ом", "ем", "ём"))
    if case in ("gent", "accs"):
        return low[-1] in "ая" and case == "gent"
    return False


def _guess_nominative(low: str, case: str, gender: str, chinese: bool = False) -> str:
    """Undo a Russian case ending on a name the dictionary does not know."""
    if len(low) < 3 or low.endswith(_INDECLINABLE_ENDINGS):
        return low
    adjectival = _adjectival_nominative(low, case, gender)
    if adjectival:
        return adjectival
    last = low[-1]
    if case == "gent" and _velar_i_genitive(low):
        return low[:-1] + "а"  # "Гайдамаки" → "Гайдамака": -ы is spelt -и after к, г, х and hushings
    if gender == "femn" and not _masculine_ending(low, case):
        if last not in _VOWELS:
            return low  # "Анналеной Бербок": a woman's surname in a consonant does not decline
        return _a_stem(low, case)
    if case == "ablt" and low.endswith(("ой", "ою", "ей", "ею")):
        return _a_stem(low, case)
    if (case == "gent" and (last == "ы" or low.endswith("ии"))) or (case == "accs" and last in "ую"):
        return _a_stem(low, case)
    # A final -е is left alone: "Фелипе", "Хосе", "Рене" are nominatives as often as "о Трампе" is not.
    if case in ("gent", "accs") and last in "ая":
        return _consonant_stem(low, 1, soft=last == "я", chinese=chinese)
    if case == "datv" and last in "ую":
        return _consonant_stem(low, 1, soft=last == "ю", chinese=chinese)
    if case == "ablt" and low.endswith("ом"):
        return _consonant_stem(low, 2, soft=False, chinese=chinese)
    if case == "ablt" and low.endswith(("ем", "ём")):
        return _consonant_stem(low, 2, soft=True, chinese=chinese)
    return low


# Oblique endings of adjectival surnames ("Мирского", "Ямпольской") after -ск-/-цк-, by gender.
_ADJECTIVAL = re.compile(r"^(.{2,}[сц]к)(?:(ого|ому|им|ом)|(ой|ую|ою))$")
_VELAR_OR_HUSHING = set("кгхжшчщ")
# Japanese names as Russian transcribes them: open syllables, one consonant or дз before the vowel,
# no л ("Судзуки", "Сасаки", "Кобаяси"): their final vowel is never a case ending.
_JAPANESE = re.compile(r"(?:(?:дз|[бвгдзйкмнпрстфхцчшщ])?[аеёиоуэюя]|н(?![аеёиоуэюя]))+")


def _adjectival_nominative(low: str, case: str, gender: str) -> str | None:
    """ "Мирского" → "мирский", "Ямпольской" → "ямпольская", "Белого" → "белый": surnames that
    decline as adjectives. An unknown -ской in the nominative ("Донской") never gets here: the
    case is oblique."""
    match = _ADJECTIVAL.match(low)
    if match is None:
        if gender != "femn" and case in ("gent", "accs") and low.endswith("ого") and len(low) > 5:
            return low[:-3] + ("ий" if low[-4] in _VELAR_OR_HUSHING else "ый")
        return None
    stem, masculine, feminine = match.groups()
    if masculine and gender != "femn" and not (masculine == "ом" and case != "loct"):
        return stem + "ий"
    if feminine and gender == "femn" and not (feminine == "ую" and case != "accs"):
        return stem + "ая"
    return None


def _velar_i_genitive(low: str) -> bool:
    """ "Гайдамаки": the genitive of a surname in -ка, -га, -ха, -жа, -ша, -ча, -ща. Not a name
    that reads as Japanese ("Судзуки", "Сасаки"), which keeps its final -и in every case."""
    return len(low) > 3 and low[-1] == "и" and low[-2] in _VELAR_OR_HUSHING and not _JAPANESE.fullmatch(low)


def _consonant_stem(low: str, cut: int, soft: bool, chinese: bool = False) -> str:
    """A masculine consonant-stem name: "Чану" → "чан", "Цзюнем" → "цзюнь", "Карзаем" → "карзай"."""
    stem = low[:-cut]
    if len(stem) < 2 or stem[-1] in "ьъ":
        return low
    if stem[-1] in _VOWELS:
        if not soft:
            return low  # "Шанфу", "Субианто": the vowel belongs to the name
        return stem + "й"
    if chinese and not stem.endswith("н"):
        return low  # Chinese syllables end in a vowel, -н or -нь: "Хуа" is not "Ху" + а
    if soft and stem[-1] not in _HUSHING:
        return stem + "ь"
    return stem


_A_STEM_ENDINGS = {
    "gent": ("ы", "и"),
    "datv": ("е",),
    "loct": ("е",),
    "accs": ("у", "ю"),
    "ablt": ("ой", "ою", "ей", "ею"),
}


def _a_stem(low: str, case: str) -> str:
    """Names in -а/-я: "Обамой" → "обама", "Анналены" → "анналена", "Нарендре" → "нарендра"."""
    for ending in _A_STEM_ENDINGS.get(case, ()):
        if low.endswith(ending) and len(low) - len(ending) >= 2:
            stem = low[: -len(ending)]
            if ending == "и" and not (_velar_i_genitive(low) or stem[-1] in _VOWELS):
                continue  # "Моди", "Мелони": a final -и that is the name's own
            soft = ending in ("ю", "ей", "ею") and stem[-1] not in _HUSHING
            soft = soft or (ending in ("е", "и") and stem[-1] in _VOWELS)  # "Гии" → "Гия"
            return stem + ("я" if soft else "а")
    return low


def name_key(name: str) -> str:
    """A normalised name for comparisons: lower case, ё → е, single spaces."""
    return normalise(name)


_ENDINGS = ("ыми", "ому", "ему", "ой", "ей", "ом", "ем", "ём", "ым", "им", "ою", "ею", "ью")


def stem(word: str) -> str:
    """A crude stem for matching one name's forms: "Белоусова", "Белоусовым" → "белоусов"."""
    low = fold(word)
    for ending in _ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            return low[: -len(ending)]
    if low[-1:] in "аяуюеыиьй" and len(low) > 3:
        return low[:-1]
    return low


@lru_cache(maxsize=65536)
def stems(word: str) -> frozenset[str]:
    """The word and what is left without each case ending it may have: "Сулим" → {"сулим", "сул"}."""
    low = fold(word)
    out = {low}
    for ending in (*_ENDINGS, *"аяуюеыиьй"):
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            out.add(low[: -len(ending)])
    return frozenset(out)


def same_name_word(a: str, b: str) -> bool:
    """Two forms of one name word: "Белоусова" and "Белоусов", "Цзюнем" and "Цзюнь", "Сулима" and "Сулим"."""
    return bool(stems(a) & stems(b))


def is_case_form(form: str, name: str) -> bool:
    """Is `form` only `name` declined or abbreviated ("Ильхамом Алиевым", "И. Алиев" of "Ильхам
    Алиев"), not another name for the person (a spelling, a transliteration, a name change)?"""
    words, target = form.split(), name.split()
    if len(words) != len(target):
        return False
    for word, other in zip(words, target, strict=True):
        if is_initial(word):
            if word[0].lower() != other[0].lower():
                return False
        elif fold(word) != fold(other) and not same_name_word(word, other):
            return False
    return True
