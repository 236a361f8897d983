"""Countries in Russian text: a lemma gazetteer on pymorphy3.

Every form the lexicon knows (names, official names, adjectives, abbreviations, capitals) is
lemmatised once per process; each word of the text is lemmatised once (cached by spelling) and
matched against it, longest match first, so «Китайской Народной Республики» is one mention of CN,
not a mention of «китайский» plus words. Rules on top of the lookup keep out what only looks like a
country: surnames (Ливанов is a plural of Ливан to pymorphy, and a country name is singular), «того»
and «чад» as ordinary words, seas and languages (Японское море, английский язык), regions
(Латинская Америка) and capitals that only say where something happened («в Минске прошло»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from articles.pipeline.extraction.entities import CountryMention
from articles.pipeline.extraction.gazetteer import (
    NAME_KINDS,
    WORD,
    Analysis,
    Entry,
    Gazetteer,
    analyse,
    gazetteer,
)
from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.extraction.names import looks_chinese
from articles.pipeline.text import normalise_apostrophes

# Abbreviations that name different countries in different articles (or a Russian region):
# counted only when the article also names exactly one of the candidates another way.
CONTEXT_ABBREVIATIONS = {
    "РК": ("KZ", "KR"),
    "РБ": ("BY",),
    "РТ": ("TJ",),
    "КР": ("KG", "KR"),
    "РА": ("AM",),
    "САР": ("SY",),
    "РУ": ("UZ",),
    "ТР": ("TR",),  # «Вооруженных сил ТР»: the Turkish Republic
}

# An adjective before these nouns names a sea, a language or a dish, not a state.
NOT_AFTER_ADJECTIVE = frozenset(
    "море океан залив пролив полуостров нагорье плато низменность равнина архипелаг язык стена "
    "кухня борьба шашки рулетка словарь разговорник переводчик".split()
)

# First parts of a compound that make it geographic: Южно-Китайское море, северо-американский.
DIRECTIONS = frozenset("северо южно восточно западно центрально юго северно".split())

DATELINE_TAIL = re.compile(
    r"\s*[.,]\s*\d{1,2}\s+(?:янв|фев|мар|апр|мая|май|июн|июл|авг|сен|окт|ноя|дек)\w*\.?\s*(?:[.,—–-]|\d{4})",
    re.IGNORECASE,
)
SPOKE = re.compile(
    r"\s*(?:[^\s.,;:!?]+\s+)?(?:заявил|заявля|счита|осудил|осужда|выразил|выража|высказ|ответил|отвеча|"
    r"отметил|подчеркнул|подчеркива|сообщил|сообща|назвал|называ|пообещал|обеща|призвал|призыва|пригрозил|"
    r"угрожа|опаса|приветствовал|приветству|отреагировал|реагиру|потребовал|требу|предупредил|"
    r"предупрежда|признал|признаю|рассчитыва|уверен|недовольн|обеспокоен|настаива|возмущ|раскритиковал|"
    r"критику|опроверг|отрица|протестова|заверил|заверя|намерены|полагают|не\s+исключа|оценива|"
    r"расценива|напомнил|напомина|объявил|объявля|пояснил|поясня|уточнил|уточня|утвержда)\w*",
    re.IGNORECASE,
)
# A capital after these words is a place, not a government: «в Минске прошло заседание».
CAPITAL_PLACE_PREPOSITIONS = frozenset(
    "в во из под около возле близ вблизи через до по над из-под после окрестностях".split()
)
CITY_NOUNS = frozenset(
    "мэр мэрия губернатор житель жительница улица центр пригород город г окрестность район аэропорт "
    "метро вокзал область окраина столица горсовет".split()
)


# «10,65 миллиона долларов США», «долл. США»: a currency's name, no mention of the state.
_CURRENCY_BEFORE = re.compile(r"(?:доллар\w*|долл\.?|цент\w*)\s*$", re.IGNORECASE)


def _currency(text: str, start: int) -> bool:
    return _CURRENCY_BEFORE.search(text, max(0, start - 12), start) is not None


_OPENING = ("«", '"', "“", "„")
_CLOSING = ("»", '"', "”", "“")


@dataclass(frozen=True, slots=True)
class CountryHit:
    """One mention: where it is and what kind of form it was.

    kind "place" is a capital that only says where something happened («переговоры прошли в Минске»):
    a mention of the country for the article's list, but not the state acting (pairs, parties, posts).
    """

    iso: str
    start: int
    end: int
    kind: str


@dataclass(slots=True)
class _Token:
    text: str
    start: int
    end: int
    low: str


def _looks_abbreviated(word: str) -> bool:
    return word[:1].isupper() and sum(c.isupper() for c in word) >= 2


def _tokens(text: str) -> list[_Token]:
    return [
        _Token(m.group(), m.start(), m.end(), normalise_apostrophes(m.group())) for m in WORD.finditer(text)
    ]


def _joined(text: str, left: _Token, right: _Token) -> bool:
    """Two words of one name: only spaces (or a dash, as in «Папуа — Новая Гвинея») between them."""
    return text[left.end : right.start].strip(" \t\r\n\u00a0—–-") == ""


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0«\"„“'(—–-":
        i -= 1
    return i < 0 or text[i] in ".!?…\n:"


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


class _Scanner:
    def __init__(self, text: str, gaz: Gazetteer, places: bool = False):
        self.text = text
        self.gaz = gaz
        self.toks = _tokens(text)
        self.places = places

    def analysis(self, i: int) -> Analysis:
        return analyse(self.toks[i].low)

    def scan(self) -> list[CountryHit]:
        hits: list[CountryHit] = []
        toks, gaz, text = self.toks, self.gaz, self.text
        i = 0
        while i < len(toks):
            tok = toks[i]
            if tok.start and text[tok.start - 1] in "./@":
                i += 1  # a web address or a domain zone: сайт.РФ
                continue
            if tok.low in gaz.abbreviations and _looks_abbreviated(tok.text):
                if not _currency(text, tok.start):
                    hits.append(CountryHit(gaz.abbreviations[tok.low], tok.start, tok.end, "abbreviation"))
                i += 1
                continue
            if tok.text in CONTEXT_ABBREVIATIONS:
                hits.append(CountryHit("?" + tok.text, tok.start, tok.end, "abbreviation"))
                i += 1
                continue
            entry, n = None, 0
            known = gaz.prefixes if _capitalised(tok.text) else gaz.lowercase_prefixes
            if tok.low[:3] in known or tok.low[:4] in known:
                entry, n = self.longest(i)
            if n:
                kind = self.accept(i, n, entry) if entry.iso is not None else None
                if kind:
                    hits.append(CountryHit(entry.iso, tok.start, toks[i + n - 1].end, kind))
                i += n
                continue
            if "-" in tok.text:
                hits.extend(self.compound(i))
            i += 1
        return hits

    def longest(self, i: int) -> tuple[Entry | None, int]:
        toks = self.toks
        first = self.analysis(i)
        candidates: set[int] = set()
        entries: list[Entry] = []
        for k in first.keys:
            for e in self.gaz.first.get(k, ()):
                if id(e) not in candidates:
                    candidates.add(id(e))
                    entries.append(e)
        best, best_n = None, 0
        for e in entries:
            n = len(e.words)
            if n <= best_n or i + n > len(toks):
                continue
            if e.capitalised and e.kind in NAME_KINDS and not _capitalised(toks[i].text):
                continue
            ok = True
            for j in range(1, n):
                if not _joined(self.text, toks[i + j - 1], toks[i + j]) or not (
                    self.analysis(i + j).keys & e.words[j]
                ):
                    ok = False
                    break
            if ok:
                best, best_n = e, n
        return best, best_n

    def accept(self, i: int, n: int, entry: Entry) -> str | None:
        """The kind of mention the form makes here, or None when it names no country."""
        toks, text = self.toks, self.text
        tok = toks[i]
        a = self.analysis(i)
        nxt = i + n if i + n < len(toks) else None
        prev = i - 1 if i > 0 else None
        if entry.kind == "adjective":
            if nxt is not None and _joined(text, toks[i + n - 1], toks[nxt]):
                if {k.split("|")[0] for k in self.analysis(nxt).keys} & NOT_AFTER_ADJECTIVE:
                    return None
            # «Александр Македонский»: an adjective that is part of a person's name.
            if (
                _capitalised(tok.text)
                and prev is not None
                and _joined(text, toks[prev], tok)
                and _capitalised(toks[prev].text)
                and self.analysis(prev).first_name
                and not _sentence_initial(text, tok.start)
            ):
                return None
            return entry.kind
        if (
            text[max(0, tok.start - 1) : tok.start] in _OPENING
            and text[toks[i + n - 1].end : toks[i + n - 1].end + 1] in _CLOSING
        ):
            return None  # «Колумбия», «Россия»: a ship, a shuttle, a channel, a club
        if entry.kind != "adjective" and _currency(text, tok.start):
            return None  # «долларов США», «долл. США»: the currency
        if n == 1:
            if (
                prev is not None
                and _joined(text, toks[prev], tok)
                and toks[prev].text[:1].isupper()
                and looks_chinese(toks[prev].text)
                and not _sentence_initial(text, toks[prev].start)  # «О Вьетнаме …», «На Кубе …»
            ):
                return None  # «главы МИД КНР Цинь Гана»: a Chinese name's syllable, not Ghana
            # «Того же мнения…»: a capital letter only because the sentence starts here.
            if _sentence_initial(text, tok.start) and a.best_key not in entry.words[0] and a.best_score > 0.5:
                return None
            if a.person:
                if (
                    nxt is not None
                    and _joined(text, tok, toks[nxt])
                    and _capitalised(toks[nxt].text)
                    and not _sentence_initial(text, toks[nxt].start)
                    and (self.analysis(nxt).surname or self.analysis(nxt).patronymic)
                ):
                    return None
                if (
                    prev is not None
                    and _joined(text, toks[prev], tok)
                    and _capitalised(toks[prev].text)
                    and self.analysis(prev).first_name
                ):
                    return None
        if entry.kind == "capital":
            return self.capital_kind(i, n)
        return entry.kind

    def capital_kind(self, i: int, n: int) -> str | None:
        """ "capital" when the city stands for its government, "place" when it says where something
        happened (kept only when the scanner keeps places), None for a ship, a club or a dateline."""
        toks, text = self.toks, self.text
        tok = toks[i]
        if text[max(0, tok.start - 1) : tok.start] in _OPENING:
            return None  # a ship, a club, a hotel: «Москва»
        # A dateline left in the body: «МИНСК, 15 августа.» / «Москва. 27 января.»
        after = text[toks[i + n - 1].end : toks[i + n - 1].end + 25]
        if _sentence_initial(text, tok.start) and re.match(r"\s*[.,/]\s*(\d|\w+\s*/)", after):
            return None
        if DATELINE_TAIL.match(after) or (tok.text.isupper() and re.match(r"\s*[.,]\s*\d", after)):
            return None  # the same, glued to the end of a headline
        if i > 0:
            prev = toks[i - 1]
            if _joined(text, prev, tok) or (prev.low == "г" and text[prev.end : tok.start].strip() == "."):
                if prev.low in CAPITAL_PLACE_PREPOSITIONS:
                    # «В Пекине заявили…», «в Анкаре осудили»: the people there speak for the state.
                    if prev.low in ("в", "во") and SPOKE.match(after):
                        return "capital"
                    return "place" if self.places else None
                if {k.split("|")[0] for k in self.analysis(i - 1).keys} & CITY_NOUNS:
                    return None
        return "capital"

    def compound(self, i: int) -> list[CountryHit]:
        """Hyphenated words: белорусско-китайский, российско-африканский, Россия-Китай."""
        tok = self.toks[i]
        parts, pos = [], tok.start
        for piece in tok.text.split("-"):
            parts.append((piece, pos, pos + len(piece)))
            pos += len(piece) + 1
        if normalise_apostrophes(parts[0][0]) in DIRECTIONS or self._before_non_state_noun(i):
            return []  # «Южно-Китайское море», «англо-русский словарь»
        found: list[tuple[str | None, bool, str]] = []  # (iso, counts alone, kind) per part
        for idx, (piece, _s, _e) in enumerate(parts):
            low = normalise_apostrophes(piece)
            if idx < len(parts) - 1 and low in self.gaz.stems:
                iso, regular = self.gaz.stems[low]
                found.append((iso, regular, "adjective"))
                continue
            entry = self._single(piece)
            found.append((entry.iso, False, entry.kind) if entry else (None, False, ""))
        if all(iso for iso, _r, _k in found):
            keep = [True] * len(found)
        else:
            keep = [bool(iso and regular) for iso, regular, _k in found]
        return [
            CountryHit(iso, s, e, kind)
            for (iso, _r, kind), (_p, s, e), k in zip(found, parts, keep, strict=True)
            if k and iso
        ]

    def _before_non_state_noun(self, i: int) -> bool:
        nxt = i + 1
        if nxt >= len(self.toks) or not _joined(self.text, self.toks[i], self.toks[nxt]):
            return False
        return bool({k.split("|")[0] for k in self.analysis(nxt).keys} & NOT_AFTER_ADJECTIVE)

    def _single(self, piece: str) -> Entry | None:
        a = analyse(normalise_apostrophes(piece))
        for k in a.keys:
            for e in self.gaz.first.get(k, ()):
                if len(e.words) == 1 and e.iso and (e.kind == "adjective" or _capitalised(piece)):
                    return e
        return None


def _resolve_context_abbreviations(hits: list[CountryHit]) -> list[CountryHit]:
    named = {h.iso for h in hits if not h.iso.startswith("?")}
    out = []
    for h in hits:
        if not h.iso.startswith("?"):
            out.append(h)
            continue
        candidates = [iso for iso in CONTEXT_ABBREVIATIONS[h.iso[1:]] if iso in named]
        if len(candidates) == 1:
            out.append(CountryHit(candidates[0], h.start, h.end, h.kind))
    return out


# A plain adjective two states share: «корейский» is South Korea's by default, North Korea's in a text
# that names only the North («делегация … в Пхеньяне … обмен мнениями с корейскими коллегами»).
_SHARED_ADJECTIVES = {"корейск": ("KR", "KP")}


def _resolve_shared_adjectives(text: str, hits: list[CountryHit]) -> list[CountryHit]:
    out = hits
    for stem, (default, other) in _SHARED_ADJECTIVES.items():
        shared = {
            i
            for i, h in enumerate(out)
            if h.iso == default and text[h.start : h.end].lower().startswith(stem)
        }
        if not shared or any(h.iso == default for i, h in enumerate(out) if i not in shared):
            continue
        if any(h.iso == other for h in out):
            out = [CountryHit(other, h.start, h.end, h.kind) if i in shared else h for i, h in enumerate(out)]
    return out


def scan_countries(text: str, lexicon: Lexicon, places: bool = False) -> list[CountryHit]:
    """Every country mention in the text, in order, with the kind of form that names it.

    places: also keep capitals that only say where something happened, as kind "place" (an analyst
    counts «переговоры прошли в Баку» as a mention of Azerbaijan, though not of its government).
    """
    if not text:
        return []
    hits = _Scanner(text, gazetteer(lexicon), places).scan()
    return _resolve_shared_adjectives(text, _resolve_context_abbreviations(hits))


def group_hits(hits: list[CountryHit]) -> list[CountryMention]:
    by_iso: dict[str, list[tuple[int, int]]] = {}
    for h in hits:
        by_iso.setdefault(h.iso, []).append((h.start, h.end))
    return [CountryMention(iso=iso, spans=spans) for iso, spans in by_iso.items()]


def find_countries(text: str, lexicon: Lexicon) -> list[CountryMention]:
    """The countries a text names, in order of first mention, each with all its spans."""
    return group_hits(scan_countries(text, lexicon))
