"""The article's country pair: which two states it is about, from how the text joins them.

Evidence for a pair, strongest first: the parties of a document they signed; «между X и Y»; a compound
adjective (российско-азербайджанский); «X … с Y» (диалог с Китаем); two countries — or two officials
of different countries — in a sentence about cooperation (встреча, переговоры, поставки…); «X и Y».
Where the countries stand (title, lead) and how often they are named weigh in. The primary pair is
the best one if it has real evidence and is clearly ahead; an article about one state's dealings
with many partners, or about one state alone, has none.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from articles.pipeline.extraction.countries import CountryHit
from articles.pipeline.extraction.entities import AgreementMention, OfficialMention, PairMention
from articles.pipeline.extraction.text import SentenceIndex

COOPERATION = re.compile(
    r"сотрудничеств|взаимодейств|переговор|встреч|визит|соглашени|договор(?!енност)|меморандум|контракт|"
    r"постав|переда[лчвт]|закуп|купи|прода[жлв]|приобре|экспорт|импорт|партн[её]р|отношени|двусторон|"
    r"подпис|договорил|диалог|учени|комисси|обсуди|обсужд|помощ|военно-техническ|\bВТС\b|совместн|"
    r"союзник|кооперац|делегаци|консультаци|посетил|прибыл|стратегическ|встрет|тренировк|лицензи|"
    # a structure two states run together: «Единой региональной системы ПВО Казахстана и России»
    r"един(?:ая|ой|ую)\s+(?:региональн|систем)|"
    # the host receives a guest: «принял в Эр-Рияде госсекретаря США»
    r"(?:принима|принял)\w*\s+(?:\S+\s+){0,3}?(?:министр|замминистр|заместител|госсекретар|президент|премьер|делегаци|глав|"
    r"начальник|командующ|посл|наследн|принц|корол|канцлер)",
    re.IGNORECASE,
)
# «со стороны Индии» is «on India's part», not «with India».
WITH = re.compile(r"(?:^|[\s(«\"])(?:с|со)\s+(?!сторон[ыу]\s)(?:[^\s,.;:!?]+\s+){0,3}$", re.IGNORECASE)
LIST_GAP = re.compile(r"\s*(?:,|,?\s+и|,?\s+а\s+также)\s+", re.IGNORECASE)
BETWEEN = re.compile(r"\bмежду\b", re.IGNORECASE)
# One state's forces or base in another: «российские войска в Армении», «российской военной базы в
# Таджикистане», «американский контингент в Польше» — the gap between the two mentions.
STATIONED = re.compile(
    r"^\s+(?:[а-яё]+\s+){0,2}?(?:войск|военн\w+\s+баз|авиабаз|баз[аыеу]\b|гарнизон|контингент|"
    r"военнослужащ|миротворц|военн\w+\s+объект)\w*\s+(?:[а-яё]+\s+){0,2}?(?:в|во|на\s+территории)\s+$",
    re.IGNORECASE,
)
# A compound adjective naming a stretch of border between the two: geography, not a relation.
BORDER_AFTER = re.compile(r"\w*\s+(?:участ\w*|границ\w*|рубеж\w*|отрезк\w*)", re.IGNORECASE)
BORDER_WITH = re.compile(r"(?:границ\w*|граничащ\w*|граничит|рубеж\w*)\s*$", re.IGNORECASE)
COORDINATION = re.compile(r"\s*(?:,|и|а\s+также|—|–|-)\s*$|\s+и\s+", re.IGNORECASE)

WEIGHTS = {
    "agreement": 3.0,
    "between": 3.0,
    "compound": 3.0,
    "with": 2.0,
    "stationed": 2.0,
    "coordination": 1.0,
    "cooperation": 1.0,
    "cooccurrence": 0.3,
    "title": 2.0,
    "lead": 1.0,
}
STRONG = ("agreement", "between", "compound", "with", "stationed", "cooperation")


@dataclass
class _Evidence:
    signals: Counter = field(default_factory=Counter)
    spans: list[tuple[int, int]] = field(default_factory=list)

    def add(self, signal: str, weight: float = 1.0, span: tuple[int, int] | None = None) -> None:
        self.signals[signal] += weight
        if span and span not in self.spans:
            self.spans.append(span)

    @property
    def strong(self) -> float:
        return sum(self.signals[s] * WEIGHTS[s] for s in STRONG)

    @property
    def score(self) -> float:
        return sum(v * WEIGHTS[k] for k, v in self.signals.items())


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


@dataclass(frozen=True)
class _Point:
    """A country at a place in the text: a mention of it, or of one of its officials."""

    iso: str
    start: int
    end: int
    official: bool = False


def _points(hits: list[CountryHit], officials: list[OfficialMention], organisations=()) -> list[_Point]:
    points = [_Point(h.iso, h.start, h.end) for h in hits]
    for o in officials:
        if o.country:
            points += [_Point(o.country, s, e, official=True) for s, e in o.spans]
    # «Рособоронэкспорт поставит Индии…»: an organisation acts for its country, like an official.
    taken = {(p.start, p.end) for p in points}
    points += [_Point(iso, s, e, official=True) for s, e, iso in organisations if (s, e) not in taken]
    return sorted(points, key=lambda p: (p.start, p.end))


def _sentence_signals(text: str, points: list[_Point], evidence: dict, weight: float = 1.0) -> None:
    """Signals inside one sentence (or the title): joined pairs, «с Y», cooperation, co-occurrence."""
    isos = list(dict.fromkeys(p.iso for p in points))
    if len(isos) < 2:
        return
    cooperative = bool(COOPERATION.search(text))
    share = weight / (len(isos) - 1)
    for a, b in combinations(isos, 2):
        ev = evidence[_pair(a, b)]
        if cooperative:
            # The stretch from the first mention of either country to the last: the editor's evidence.
            both = [p for p in points if p.iso in (a, b)]
            ev.add("cooperation", share, (both[0].start, both[-1].end))
        else:
            ev.add("cooccurrence", share)
    # Adjacent mentions of two countries.
    for p, q in zip(points, points[1:], strict=False):
        if p.iso == q.iso:
            continue
        gap = text[p.end : q.start]
        key = _pair(p.iso, q.iso)
        if (
            gap == "-"
            and not p.official
            and not q.official
            and not cooperative
            and BORDER_AFTER.match(text, q.end)
        ):
            evidence[key].add("cooccurrence", weight)  # «таджикско-афганский участок границы»: where, not who
        elif gap == "-" and not p.official and not q.official:
            evidence[key].add("compound", weight, (p.start, q.end))
        elif len(gap) <= 60 and COORDINATION.search(gap) and "." not in gap:
            evidence[key].add("coordination", weight, (p.start, q.end))
        elif not p.official and len(gap) <= 60 and STATIONED.search(gap):
            evidence[key].add("stationed", weight, (p.start, q.end))
    # «Азербайджан начинает диалог с Китаем»: Y after «с», X before it; «контракты с Индией, Египтом
    # и Алжиром» joins X to each country of the list.
    for n, q in enumerate(points):
        m = WITH.search(text[max(0, q.start - 60) : q.start])
        if not m:
            continue
        with_at = q.start - (len(text[max(0, q.start - 60) : q.start]) - m.start())
        if BORDER_WITH.search(text, max(0, with_at - 30), with_at + 1):
            continue  # «недалеко от границы с Афганистаном»: where, not with whom
        # The nearest country before «с»: «сотрудничество Турции с Украиной», not Москва before it.
        before = [p for p in points if p.start < with_at and p.iso != q.iso]
        if not before:
            continue
        p = before[-1]
        listed = [q]
        for r in points[n + 1 :]:
            if not LIST_GAP.fullmatch(text[listed[-1].end : r.start]):
                break
            listed.append(r)
        for r in listed:
            if r.iso != p.iso:
                evidence[_pair(p.iso, r.iso)].add("with", weight, (p.start, r.end))
    # «между X и Y»
    for m in BETWEEN.finditer(text):
        after = [p for p in points if p.start >= m.end() and p.start - m.end() < 250]
        if not after:
            continue
        first = after[0]
        second = next(
            (p for p in after[1:] if p.iso != first.iso and " и " in text[first.end : p.start]), None
        )
        if second:
            evidence[_pair(first.iso, second.iso)].add("between", weight, (m.start(), second.end))


def find_pairs(
    text: str,
    hits: list[CountryHit],
    officials: list[OfficialMention],
    agreements: list[AgreementMention],
    title: str = "",
    title_hits: list[CountryHit] | None = None,
    organisations: list[tuple[int, int, str]] = (),
) -> list[PairMention]:
    """Pairs with bilateral evidence, best first; at most one primary.

    `organisations` are ([start, end), ISO) of organisations the body names; they count like officials.
    """
    title_hits = title_hits or []
    evidence: dict[tuple[str, str], _Evidence] = defaultdict(_Evidence)
    points = _points(hits, officials, organisations)
    index = SentenceIndex(text) if text else None
    by_sentence: dict[int, list[_Point]] = defaultdict(list)
    for p in points:
        by_sentence[index.of(p.start)].append(p)
    for n, sentence_points in by_sentence.items():
        s, e = index.spans[n] if index.spans else (0, len(text))
        _sentence_signals_in(text, s, e, _outside_contrasts(text, s, e, sentence_points), evidence)

    title_points = _points(title_hits, [])
    title_points += _officials_in_title(title, officials)
    title_points.sort(key=lambda p: p.start)
    if title:
        _sentence_signals_in(title, 0, len(title), title_points, evidence, weight=1.5, spans=False)

    for a in agreements:
        for x, y in combinations(sorted(set(a.parties)), 2):
            evidence[(x, y)].add("agreement", 1.0, a.spans[0] if a.spans else None)

    counts: Counter = Counter()
    for p in points:  # an official or an organisation speaks for its country, at half a mention
        counts[p.iso] += 0.5 if p.official else 1.0
    in_title = {p.iso for p in title_points}
    lead_end = index.spans[0][1] if index and index.spans else 0
    if index and len(index.spans) > 1 and lead_end < 80:
        lead_end = index.spans[1][1]
    in_lead = {p.iso for p in points if p.start < lead_end}
    for (a, b), ev in evidence.items():
        if a in in_title and b in in_title:
            ev.add("title")
        if a in in_lead and b in in_lead:
            ev.add("lead")

    def total(pair: tuple[str, str]) -> float:
        a, b = pair
        salience = min(_salience(a, counts, in_title, in_lead), _salience(b, counts, in_title, in_lead))
        return evidence[pair].score + 0.5 * min(salience, 8)

    ranked = sorted(evidence, key=lambda p: (-total(p), p))
    kept = [p for p in ranked if evidence[p].strong >= 1.0 or evidence[p].signals["title"]]
    primary = _choose_primary(kept, ranked, evidence, total, counts, in_title, in_lead)
    if primary and len(set(primary) & _list_heads(text, hits)) == 1 and len(_list_heads(text, hits)) >= 3:
        primary = None  # a list of partners, one country a line: one state's dealings with many
    if (
        primary
        and _enumerated_together(text, hits, primary)
        and not _joined_apart(evidence[primary])
        and not _joined_in_title(evidence[primary], title, title_hits, primary)
    ):
        primary = None  # «партнеры — Индия, Китай, Алжир и Египет»: fellow customers, not partners
    return [
        PairMention(
            countries=p,
            primary=p == primary,
            score=round(total(p), 2),
            spans=sorted(evidence[p].spans),
        )
        for p in kept
    ]


_LIST_ITEM = re.compile(r"^[ \t]*(?:[–—•*·-]|\d{1,2}[.)])[ \t]*", re.MULTILINE)


def _list_heads(text: str, hits: list[CountryHit]) -> set[str]:
    """Countries that head the items of a list («– Польша: 180 танков …», «2) Румыния — …»)."""
    starts = {m.end() for m in _LIST_ITEM.finditer(text)}
    return {h.iso for h in hits if h.start in starts}


def _enumerated_together(text: str, hits: list[CountryHit], pair: tuple[str, str]) -> bool:
    """Both countries stand in one running enumeration of 3+ countries («Индию, Китай, Алжир и Египет»)."""
    ordered = sorted(hits, key=lambda h: h.start)
    chain = [ordered[0]] if ordered else []
    for h in [*ordered[1:], None]:
        if h is not None and LIST_GAP.fullmatch(text[chain[-1].end : h.start]):
            chain.append(h)
            continue
        members = {c.iso for c in chain}
        if len(members) >= 3 and set(pair) <= members:
            return True
        chain = [h]
    return False


def _joined_apart(ev: _Evidence) -> bool:
    """Evidence no enumeration gives: a document, «между X и Y», a compound adjective."""
    return any(ev.signals[s] for s in ("agreement", "between", "compound"))


def _joined_in_title(ev: _Evidence, title: str, title_hits: list[CountryHit], pair: tuple[str, str]) -> bool:
    """A headline naming the two alone («Трамп предан альянсу Филиппин и США»), not in a list of
    three, over a text that joins them «X … с Y»: the pair, whoever else a later list names."""
    return bool(ev.signals["with"] and ev.signals["title"]) and not _enumerated_together(
        title, title_hits, pair
    )


# Phrases that name states only to compare or weigh them: «в отличие от договора России с КНДР»,
# «по сравнению с Китаем», «баланс сил между Азербайджаном и Арменией». Each runs to the end of its
# clause; the states named there are not partners of the sentence's cooperation.
CONTRAST = re.compile(
    r"\bв\s+отличие\s+от\b|\bпо\s+сравнению\s+с\b|\bв\s+сравнении\s+с\b|\bв\s+противовес\b|"
    r"\bподобно\b|\bаналогично\b|\bкак\s+и\s+в\s+случае\b|"
    r"\b(?:баланс\w*|паритет\w*|равновеси\w*|соотношени\w*|разрыв\w*|разниц\w*|различи\w*|сравнени\w*)"
    r"(?:\s+[^\s,.;:]+){0,2}?\s+(?:между|у)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[,;:()—–]|\s-\s")


def _outside_contrasts(text: str, start: int, end: int, points: list[_Point]) -> list[_Point]:
    """The sentence's points less those inside a comparison or a balance of forces."""
    chunk = text[start:end]
    spans = []
    for m in CONTRAST.finditer(chunk):
        stop = _CLAUSE_END.search(chunk, m.end())
        spans.append((start + m.start(), start + (stop.start() if stop else len(chunk))))
    if not spans:
        return points
    return [p for p in points if not any(a <= p.start < b for a, b in spans)]


def _sentence_signals_in(text, start, end, points, evidence, weight: float = 1.0, spans: bool = True) -> None:
    """Signals of one sentence of `text`; `spans=False` for the title, whose offsets are not the body's."""
    chunk = text[start:end]
    shifted = [_Point(p.iso, p.start - start, p.end - start, p.official) for p in points]
    local: dict[tuple[str, str], _Evidence] = defaultdict(_Evidence)
    _sentence_signals(chunk, shifted, local, weight)
    for key, ev in local.items():
        target = evidence[key]
        target.signals.update(ev.signals)
        for s, e in ev.spans if spans else ():
            span = (s + start, e + start)
            if span not in target.spans:
                target.spans.append(span)


def _officials_in_title(title: str, officials: list[OfficialMention]) -> list[_Point]:
    """An official named in the title («Белоусов обсудил…») stands for his country there."""
    points = []
    low = title.lower()
    for o in officials:
        if not o.country:
            continue
        for form in [o.name, *o.aliases]:
            words = form.split()
            if not words:
                continue
            surname = words[-1].lower()
            stem = surname[: max(4, len(surname) - 2)]
            m = re.search(rf"\b{re.escape(stem)}\w*", low)
            if m:
                points.append(_Point(o.country, m.start(), m.end(), official=True))
                break
    return points


def _salience(iso: str, counts: Counter, in_title: set, in_lead: set) -> float:
    return counts[iso] + 3 * (iso in in_title) + 2 * (iso in in_lead)


def _choose_primary(kept, ranked, evidence, total, counts, in_title, in_lead) -> tuple[str, str] | None:
    if not kept:
        return None
    best = kept[0]
    ev = evidence[best]
    a, b = best
    weakest = min(_salience(a, counts, in_title, in_lead), _salience(b, counts, in_title, in_lead))
    if ev.strong < 1.0 and not ev.signals["title"]:
        return None
    if weakest < 2 and ev.strong < 3.0:
        return None  # the second country is a passing mention
    # One state's dealings with several partners, or a three-way story: no pair clearly ahead.
    rivals = [p for p in ranked if p != best and set(p) & set(best) and total(p) >= 0.8 * total(best)]
    if len(rivals) >= 2 or (rivals and total(rivals[0]) >= 0.95 * total(best)):
        return None
    return best
