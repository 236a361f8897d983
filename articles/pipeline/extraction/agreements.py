"""Agreements: documents two states sign, adopt or plan to, from the Russian wording around them.

A document noun (меморандум, протокол, соглашение, договор, декларация, план, программа, дорожная
карта, контракт, совместное заявление) becomes an agreement only when its sentence says something
happened or will happen to it (подписали, принятом, намерены подписать, проект, парафировали,
ратифицировал, вступило в силу). Later mentions of the same document («меморандум», «документ») are
folded into the first, so one document is one agreement however often the article names it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from articles.pipeline.dates import PartialDate
from articles.pipeline.extraction.countries import CountryHit
from articles.pipeline.extraction.cues import RANK, bind_cue, cues_in
from articles.pipeline.extraction.documents import DOC_NOUN, Mention, kind_of, mention_at, parses, tokens_in
from articles.pipeline.extraction.entities import AgreementMention, OfficialMention
from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.extraction.organisations import OrganisationMatcher
from articles.pipeline.extraction.text import SentenceIndex, dates_in

REFERENCE = re.compile(r"\b(?:документ|документа|документу|документом|документе)\b", re.IGNORECASE)
# A statement is an agreement only when adopted or signed, not when a spokesman makes one.
STATEMENT_CUES = {"signed", "planned", "draft", "initialled", "ratified", "in_force"}

COOPERATIVE = re.compile(
    r"сотрудничеств|взаимодейств|совместн|двусторон|партн[её]р|обмен|военно-техническ|кооперац", re.I
)
EVENT = re.compile(
    r"заседани|встреч|переговор|визит|саммит|форум|совещани|в\s+ходе|в\s+рамках|в\s+завершени|по\s+итогам|"
    r"на\s+полях",
    re.I,
)
EVENT_HAPPENED = re.compile(r"\b(?:прош(?:ло|ла|ел|ёл|ли)|состоял(?:ось|ся|ась|ись)|проходил\w*)\b", re.I)
LOCATIVE_PREPS = frozenset({"в", "во", "на"})
SPEAKER = re.compile(
    r"\b(?:по\s+словам|по\s+мнению|по\s+данным|как\s+(?:сообщил|заявил|отметил)\w*)\s+$", re.I
)
# «из-за американских санкций», «несмотря на давление США»: a state named as a cause or an obstacle
# is no party to the document.
NOT_A_PARTY = re.compile(
    r"(?:\bиз-за|\bнесмотря\s+на|\bвопреки|\bпод\s+давлением)\s+(?:[а-яё-]+\s+){0,2}$", re.I
)
CLAUSE_BREAK = re.compile(
    r"[;:«»\"]|,\s*(?:что|чтобы|как|когда|где|котор\w+|но|а|однако|хотя|поскольку|так\s+как)\b", re.I
)


@dataclass
class _Agreement:
    kind: str
    title: str
    complement: str
    status: str
    mentions: list[Mention] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)


# What a treaty between two states is about: «Договор о дружбе …», «… о стратегическом партнёрстве»
# (not «о нераспространении ядерного оружия», which many states signed).
BILATERAL_SUBJECT = re.compile(r"дружб|добрососед|партн[её]рств|союзнич|сотрудничеств", re.I)
FUTURE = frozenset({"draft", "planned"})


def _named_in_force(m: Mention) -> bool:
    """«закреплены в Договоре о дружбе, сотрудничестве …»: a document named by its title (a capital
    letter in mid-sentence) about the two states' relations exists — it was signed."""
    if m.kind not in ("treaty", "agreement", "declaration", "memorandum") or not m.named:
        return False
    return m.complement.startswith(("о ", "об ")) and bool(BILATERAL_SUBJECT.search(m.complement))


def _acceptable(m: Mention) -> bool:
    if m.status is None and m.joint and m.kind in ("statement", "declaration"):
        m.status = "other"  # «в совместном заявлении говорится»: adopted, though the text says not when
    if m.status is None:
        return False
    if m.plural and not m.complement:
        return False  # «подписан ряд соглашений»: no one document to name
    if m.kind == "statement":
        return m.joint or m.status in STATEMENT_CUES
    if m.kind in ("plan", "programme"):
        return bool(COOPERATIVE.search(m.complement)) or m.joint
    return True


def _same_document(a: _Agreement, m: Mention) -> bool:
    if a.kind != m.kind or m.another:
        return False
    if not a.complement or not m.complement:
        # A bare «соглашение» refers back to the one named before it, but not forward: in «намерены
        # подписать соответствующее соглашение … соглашения о поставке, подписанного в 2025 году» the
        # document still to be signed is not the one already signed.
        if not a.complement and m.complement and m.status is not None:
            return (m.status in FUTURE) == (a.status in FUTURE)
        return True
    return (
        a.complement == m.complement
        or a.complement.startswith(m.complement)
        or m.complement.startswith(a.complement)
    )


def _distinct(points: list[tuple[int, str]]) -> list[str]:
    return list(dict.fromkeys(iso for _pos, iso in sorted(points)))


def _is_locative(text: str, hit: CountryHit) -> bool:
    before = text[max(0, hit.start - 4) : hit.start].split()
    if not before or before[-1].lower() not in LOCATIVE_PREPS:
        return False
    word = text[hit.start : hit.end].split()[-1].lower()
    cases = {p.tag.case for p in parses(word)}
    return "loct" in cases and "accs" not in cases


class _Context:
    def __init__(self, text, hits, officials, organisations, article_date):
        self.text = text
        self.hits = hits
        self.officials = officials
        self.organisations = organisations
        self.article_date = article_date
        self.sentences = SentenceIndex(text)
        self._event_date: PartialDate | None = None
        self._event_date_done = False

    def sentence_bounds(self, n: int) -> tuple[int, int]:
        return self.sentences.spans[n] if self.sentences.spans else (0, len(self.text))

    def officials_in(self, start: int, end: int) -> list[tuple[OfficialMention, int]]:
        out = []
        for o in self.officials:
            for s, _e in o.spans:
                if start <= s < end:
                    out.append((o, s))
                    break
        return out

    def parties(self, m: Mention) -> list[str]:
        s_start, s_end = self.sentence_bounds(m.sentence)
        text = self.text
        hits = [
            h
            for h in self.hits
            if s_start <= h.start < s_end
            and not NOT_A_PARTY.search(text[max(s_start, h.start - 40) : h.start])
        ]
        # «… меморандума между управлением … Республики Беларусь и Управлением … КНР»
        between = re.search(r"\bмежду\b", text[m.end : s_end])
        if between:
            after = [h.iso for h in hits if h.start >= m.end + between.end()]
            distinct = list(dict.fromkeys(after))
            if len(distinct) >= 2:
                return sorted(distinct[:2])
        points = [(h.start, h.iso) for h in hits if not _is_locative(text, h)]
        located = [(h.start, h.iso) for h in hits if _is_locative(text, h)]
        points += [(pos, o.country) for o, pos in self.officials_in(s_start, s_end) if o.country]
        points += [(start, iso) for start, _end, iso in self.organisations if s_start <= start < s_end]
        distinct = _distinct(points)
        if len(distinct) > 2:
            # «Россия и Индия подписали соглашение, которое обеспокоило Китай»: the signing clause only.
            lo = min(m.start, m.cue_start) if m.cue_start >= 0 else m.start
            hi = max(m.end, m.cue_end)
            clause_start = max(
                [s_start, *(b.end() + s_start for b in CLAUSE_BREAK.finditer(text[s_start:lo]))]
            )
            nxt = CLAUSE_BREAK.search(text, hi, s_end)
            clause_end = nxt.start() if nxt else s_end
            inside = _distinct([(pos, iso) for pos, iso in points if clause_start <= pos < clause_end])
            if len(inside) >= 2:
                distinct = inside
        if len(distinct) < 2:
            distinct = _distinct(points + located)
        if len(distinct) == 1:
            distinct += self._implied_subject(hits, distinct[0])
        return sorted(distinct)

    def _implied_subject(self, hits: list[CountryHit], party: str) -> list[str]:
        """«С Пакистаном подписано соглашение»: the other party is the state the article is about —
        when it clearly is about one (named at least twice as often as any other)."""
        if not any(
            h.iso == party
            and re.search(r"(?:^|\s)(?:с|со)\s+$", self.text[max(0, h.start - 4) : h.start], re.I)
            for h in hits
        ):
            return []
        counts = Counter(h.iso for h in self.hits if h.kind != "place")
        ranked = counts.most_common(2)
        if not ranked or ranked[0][0] == party:
            return []
        second = ranked[1][1] if len(ranked) > 1 else 0
        if ranked[0][1] >= 3 and ranked[0][1] >= 2 * max(second, counts[party]):
            return [ranked[0][0]]
        return []

    def event_date(self) -> PartialDate | None:
        """The day of the meeting the article reports: «В Минске 15 августа прошло заседание»."""
        if not self._event_date_done:
            self._event_date_done = True
            for s, e in self.sentences.spans:
                chunk = self.text[s:e]
                if EVENT.search(chunk) or EVENT_HAPPENED.search(chunk):
                    dates = [d for d in dates_in(self.text, s, e, self.article_date) if d.date.month]
                    if dates:
                        self._event_date = dates[0].date
                        break
        return self._event_date

    def date(self, m: Mention) -> PartialDate:
        s_start, s_end = self.sentence_bounds(m.sentence)
        dates = dates_in(self.text, s_start, s_end, self.article_date)
        if dates:
            return min(dates, key=lambda d: min(abs(d.start - m.end), abs(m.start - d.end))).date
        if m.status in ("signed", "initialled") and EVENT.search(self.text[s_start:s_end]):
            return self.event_date() or PartialDate()
        return PartialDate()

    def signatories(self, m: Mention) -> list[str]:
        if not m.cue_is_verb or m.status not in ("signed", "planned", "initialled", "ratified"):
            return []
        s_start, s_end = self.sentence_bounds(m.sentence)
        names = []
        for o, pos in self.officials_in(s_start, s_end):
            if SPEAKER.search(self.text[max(s_start, pos - 25) : pos]):
                continue  # «По словам Писториуса, Берлин и Киев подписали …»: he tells, they sign
            if pos < m.cue_start:
                # The subject of «подписали», not the speaker of «Вучич напомнил, что … подписали».
                signs = m.cue_start - pos < 200 and not CLAUSE_BREAK.search(self.text[pos : m.cue_start])
            else:
                signs = m.cue_end <= pos < m.start
            if signs:
                names.append(o.name)
        return names


def find_agreements(
    text: str,
    hits: list[CountryHit],
    officials: list[OfficialMention],
    lexicon: Lexicon,
    article_date: PartialDate | None = None,
    organisations: list[tuple[int, int, str]] | None = None,
) -> list[AgreementMention]:
    """The documents the text reports as signed, adopted, planned, drafted, ratified or in force.

    `organisations` are ([start, end), ISO) of organisations named in the text (Рособоронэкспорт → RU):
    a party when the sentence names the organisation rather than its country. Found here if not given.
    """
    if not text or not DOC_NOUN.search(text):
        return []
    if organisations is None:
        organisations = OrganisationMatcher.for_lexicon(lexicon).find(text)
    ctx = _Context(text, hits, officials, organisations, article_date)
    skip = [s for o in officials for s in o.spans]
    mentions: list[Mention] = []
    cue_cache: dict[int, list] = {}
    for match in DOC_NOUN.finditer(text):
        n = ctx.sentences.of(match.start())
        s_start, s_end = ctx.sentence_bounds(n)
        tokens = tokens_in(text, s_start, s_end)
        idx = next((k for k, t in enumerate(tokens) if t.start == match.start()), None)
        if idx is None:
            continue
        kind = kind_of(tokens, idx)
        if kind is None:
            continue
        if mentions and mentions[-1].start < match.start() < mentions[-1].extent_end:
            continue  # named inside the previous document's name
        m = mention_at(text, tokens, idx, kind, n, skip)
        if n not in cue_cache:
            cue_cache[n] = cues_in(text, s_start, s_end)
        bind_cue(m, cue_cache[n])
        if m.status is None and _named_in_force(m):
            m.status = "signed"
        mentions.append(m)

    agreements: list[_Agreement] = []
    for m in mentions:
        if not _acceptable(m):
            continue
        same = next((a for a in agreements if _same_document(a, m)), None)
        if same is None:
            agreements.append(_Agreement(m.kind, m.title, m.complement, m.status, [m], [(m.start, m.end)]))
            continue
        same.mentions.append(m)
        same.spans.append((m.start, m.end))
        if RANK[m.status] > RANK[same.status]:
            same.status = m.status
        if len(m.complement) > len(same.complement):
            same.title, same.complement = m.title, m.complement
    # Mentions with no cue of their own («Ключевые аспекты меморандума…») join the document they name.
    for m in mentions:
        if _acceptable(m):
            continue
        same = [a for a in agreements if _same_document(a, m)]
        if len(same) == 1 and (m.start, m.end) not in same[0].spans:
            same[0].spans.append((m.start, m.end))
    _attach_references(text, ctx, agreements)

    out = []
    taken: set[str] = set()
    for a in agreements:
        parties: list[str] = []
        for m in a.mentions:
            parties = ctx.parties(m)
            if len(parties) >= 2:
                break
        signatories = list(dict.fromkeys(n for m in a.mentions for n in ctx.signatories(m)))
        date = next((d for d in (ctx.date(m) for m in a.mentions) if d), PartialDate())
        title = a.title
        out.append(
            AgreementMention(
                kind=a.kind,
                title=title,
                status=a.status,
                parties=parties,
                signatories=signatories,
                date=date,
                spans=sorted(a.spans),
                key=_key(a, taken),
            )
        )
    return out


def _key(a: _Agreement, taken: set[str]) -> str:
    """Kind and the words naming the document («memorandum:о взаимопонимании»): the adjectives in
    front may change as the extractor improves, the name after the noun does not. A second document
    of one kind with the same name (or none) gets a number."""
    name = " ".join(re.sub(r"[«»\"]", " ", a.complement).split()[:8])
    base = f"{a.kind}:{name}"
    key, n = base, 1
    while key in taken:
        n += 1
        key = f"{base}#{n}"
    taken.add(key)
    return key


def _attach_references(text: str, ctx: _Context, agreements: list[_Agreement]) -> None:
    """«Документ закладывает правовую основу…»: a singular «документ» points back to the last one."""
    if not agreements:
        return
    for match in REFERENCE.finditer(text):
        n = ctx.sentences.of(match.start())
        earlier = [a for a in agreements if any(m.start < match.start() for m in a.mentions)]
        if not earlier:
            continue
        last = max(earlier, key=lambda a: max(m.start for m in a.mentions if m.start < match.start()))
        last_sentence = max(m.sentence for m in last.mentions if m.start < match.start())
        if n - last_sentence <= 3:
            last.spans.append((match.start(), match.end()))
