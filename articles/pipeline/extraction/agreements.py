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
from articles.pipeline.extraction.cues import AFTER_SIGNING, RANK, bind_cue, cues_in
from articles.pipeline.extraction.documents import (
    DOC_NOUN,
    Mention,
    content_lemmas,
    kind_of,
    mention_at,
    parses,
    tokens_in,
)
from articles.pipeline.extraction.entities import AgreementMention, OfficialMention
from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.extraction.organisations import OrganisationMatcher
from articles.pipeline.extraction.text import SentenceIndex, dates_in

REFERENCE = re.compile(r"\b(?:документ|документа|документу|документом|документе)\b", re.IGNORECASE)
# A statement is an agreement only when adopted or signed, not when a spokesman makes one.
STATEMENT_CUES = {"signed", "planned", "draft", "initialled", "ratified", "in_force"}
# What was signed earlier is told as background; the lead of the article tells its news.
BACKGROUND = re.compile(r"\b(?:напомним|ранее|прежде|в\s+свое\s+время|в\s+своё\s+время|до\s+этого)\b", re.I)
SIGNING_VERB = re.compile(r"^(?:подпис|заключ|парафир|скрепил)", re.I)
PASSIVE = re.compile(r"(?:подписан|заключ[её]н|парафирован|скреплен)", re.I)
SIGNING_PLANNED = re.compile(r"(?:подпис|заключ|парафир)\w*$", re.I)
# «соглашение … от 26 мая 1993 года»: the date a document is known by is the day it was signed.
DATED_NAME = re.compile(r"\s*(?:,\s*)?(?:(?:с|со)\s+[А-ЯЁ][\w-]+\s+)?(?:от\s+)?(?=\d)")
FUTURE_TENSE = re.compile(
    r"\b(?:будет|будут|подпишут|подпишет|планиру\w+|намерен\w*|завтра|хотел\w*|может|могут)\b", re.I
)

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


GENERIC_NAME = frozenset({"взаимопонимание", "намерение", "сотрудничество"})
TWO_SIDES = re.compile(r"\b(?:двух|обеих|обоих)\s+(?:стран|государств|сторон)", re.I)


def _parties_agree(ctx: _Context, a: _Agreement, m: Mention) -> bool:
    """«план … на 2019 год» with Kazakhstan and «план … на 2019 год» with Tajikistan are two plans."""
    first, other = ctx.parties(a.mentions[0]), ctx.parties(m)
    return len(first) < 2 or len(other) < 2 or first == other


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
        self._parties: dict[int, list[str]] = {}

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
        if m.start not in self._parties:
            self._parties[m.start] = self._find_parties(m)
        return self._parties[m.start]

    def _find_parties(self, m: Mention) -> list[str]:
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
        if len(distinct) < 2 and m.sentence > 0 and TWO_SIDES.search(text[m.start : s_end]):
            # «… план сотрудничества между министерствами обороны двух стран»: the two named before.
            for n in range(m.sentence - 1, max(-1, m.sentence - 4), -1):
                p_start, p_end = self.sentence_bounds(n)
                before = [
                    (h.start, h.iso) for h in self.hits if p_start <= h.start < p_end and h.kind != "place"
                ]
                before += [(pos, o.country) for o, pos in self.officials_in(p_start, p_end) if o.country]
                earlier = _distinct(before)
                if len(earlier) == 2 and set(distinct) <= set(earlier):
                    distinct = earlier
                    break
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
        """The date of the stage this mention reports: the one written nearest its cue (or the
        document), else — for what the article reports as its news — the day of the event."""
        s_start, s_end = self.sentence_bounds(m.sentence)
        dates = [
            d
            for d in dates_in(self.text, s_start, s_end, self.article_date, ahead=m.status in FUTURE)
            if not m.start <= d.start < m.extent_end  # «программа … до 2025 года»: its name, not a date
        ]
        if dates:
            anchor = (m.cue_start, m.cue_end) if m.cue_start >= 0 else (m.start, m.end)
            return min(dates, key=lambda d: min(abs(d.start - anchor[1]), abs(anchor[0] - d.end))).date
        if m.status in (
            "signed",
            "initialled",
            "ratified",
            "in_force",
            "terminated",
            "suspended",
            "extended",
        ):
            chunk = self.text[s_start:s_end]
            if BACKGROUND.search(chunk) or not m.cue_is_verb and m.status != "signed":
                return PartialDate()
            if EVENT.search(chunk) or m.cue_is_verb and not FUTURE_TENSE.search(chunk):
                return self.event_date() or self.article_date or PartialDate()
        return PartialDate()

    def _signs_after_cue(self, pos: int, active: bool) -> bool:
        """An official after the verb signs when named as its agent (instrumental, «президентом …»),
        as its partner («с министром …») or as its inverted subject (nominative, after an active verb)."""
        words = re.findall(r"[\w-]+", self.text[pos : pos + 40])[:3]  # «Ким Чен Ыном»: the case shows late
        cases = {p.tag.case for w in words for p in parses(w.lower())}
        if "ablt" in cases:
            before = self.text[max(0, pos - 40) : pos].split()
            partner = any(w.lower() in ("с", "со") for w in before[-4:])
            return partner if active else not partner
        return active and "nomn" in cases

    def signing_date(self, m: Mention) -> PartialDate:
        """The day the document was signed, where this mention gives it: the date of its signing
        stage, of a «подписанный …» beside a later stage, or the date it is known by («от 1994 года»)."""
        dated = DATED_NAME.match(self.text, m.extent_end)
        if dated:
            hits = dates_in(self.text, dated.end(), min(len(self.text), dated.end() + 30), self.article_date)
            if hits and hits[0].start == dated.end():
                return hits[0].date
        if m.status in AFTER_SIGNING:
            s_start, s_end = self.sentence_bounds(m.sentence)
            for status, start, end, _verb in cues_in(self.text, s_start, s_end):
                if status == "signed" and SIGNING_VERB.match(self.text[start:end]):
                    hits = dates_in(self.text, end, min(s_end, end + 60), self.article_date)
                    if hits:
                        return hits[0].date
            return PartialDate()
        return self.date(m) if m.status not in FUTURE else PartialDate()

    def signatories(self, m: Mention) -> list[str]:
        """Who signed, in any voice: the subject of «X и Y подписали», the agent of «был подписан
        президентом …» or «подписанного Владимиром Путиным …», the partner of «подписал … с министром …»
        and the inverted subject of «Документ подписал директор …». Not who ratified or spoke of it."""
        if m.status not in ("signed", "planned", "initialled") or m.cue_start < 0:
            return []
        cue = self.text[m.cue_start : m.cue_end]
        signing = bool(SIGNING_VERB.match(cue) or SIGNING_PLANNED.search(cue))
        if not signing and not m.cue_is_verb:
            return []
        s_start, s_end = self.sentence_bounds(m.sentence)
        nxt = CLAUSE_BREAK.search(self.text, m.cue_end, s_end)
        clause_end = min(nxt.start() if nxt else s_end, m.cue_end + 200)
        names = []
        for o, pos in self.officials_in(s_start, s_end):
            if SPEAKER.search(self.text[max(s_start, pos - 25) : pos]):
                continue  # «По словам Писториуса, Берлин и Киев подписали …»: he tells, they sign
            if pos < m.cue_start:
                # The subject of «подписали», not the speaker of «Вучич напомнил, что … подписали».
                signs = (
                    m.cue_is_verb
                    and m.cue_start - pos < 200
                    and not CLAUSE_BREAK.search(self.text[pos : m.cue_start])
                )
            elif m.cue_end <= pos < clause_end and signing:
                active = m.cue_is_verb and not PASSIVE.match(cue)
                signs = (active and m.cue_end <= pos < m.start) or self._signs_after_cue(pos, active)
            else:
                signs = False
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
        if m.pointing and not m.complement and not m.another:
            # «подписание этого соглашения» after «Договор о … может быть подписан»: the one just named,
            # whatever word the text uses for it now.
            last = _last_named(agreements, m.start, m.sentence)
            if last is not None:
                _join(last, m, ctx)
                continue
        if not _acceptable(m):
            continue
        same = next((a for a in agreements if _same_document(a, m) and _parties_agree(ctx, a, m)), None)
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
    _attach_references(text, ctx, agreements, cue_cache)

    found = []
    for a in agreements:
        parties: list[str] = []
        for m in a.mentions:
            parties = ctx.parties(m)
            if len(parties) >= 2:
                break
        found.append((a, parties))
    found = _merge_same_documents(found)

    out = []
    taken: set[str] = set()
    for a, parties in found:
        signatories = list(dict.fromkeys(n for m in a.mentions for n in ctx.signatories(m)))
        ordered = sorted(a.mentions, key=lambda m: m.start)
        date = next((d for d in (ctx.signing_date(m) for m in ordered) if d), PartialDate())
        if not date and a.status not in AFTER_SIGNING:
            date = next((d for d in (ctx.date(m) for m in ordered) if d), PartialDate())
        out.append(
            AgreementMention(
                kind=a.kind,
                title=a.title,
                status=a.status,
                parties=parties,
                signatories=signatories,
                date=date,
                spans=sorted(set(a.spans)),
                key=_key(a, taken),
            )
        )
    return out


def _compatible_titles(a: _Agreement, b: _Agreement) -> bool:
    """Two names of one document: one says no more than the other («соглашение о военном
    сотрудничестве» in «межправительственное соглашение о сотрудничестве в военной сфере»), or most
    of their words are shared. «о военном» and «о военно-техническом сотрудничестве» stay apart."""
    if not a.complement or not b.complement:
        return (a.status in FUTURE) == (b.status in FUTURE)
    left, right = content_lemmas(a.complement), content_lemmas(b.complement)
    if not left or not right:
        return False
    if left <= GENERIC_NAME or right <= GENERIC_NAME:
        return True  # «меморандум о взаимопонимании» names the genre, not what it is about
    if left <= right or right <= left:
        return True
    return len(left & right) / len(left | right) >= 0.6


def _merge_same_documents(found: list[tuple[_Agreement, list[str]]]) -> list[tuple[_Agreement, list[str]]]:
    """One document named twice in different words becomes one: same kind, same parties, and titles
    that can name the same thing."""
    kept: list[tuple[_Agreement, list[str]]] = []
    for a, parties in found:
        same = next(
            (
                k
                for k, kp in kept
                if k.kind == a.kind
                and len(parties) >= 2
                and kp == parties
                and not any(m.another for m in a.mentions[:1])
                and _compatible_titles(k, a)
            ),
            None,
        )
        if same is None:
            kept.append((a, parties))
            continue
        same.mentions.extend(a.mentions)
        same.spans.extend(a.spans)
        if RANK[a.status] > RANK[same.status]:
            same.status = a.status
        if len(a.complement) > len(same.complement):
            same.title, same.complement = a.title, a.complement
    return kept


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


def _attach_references(text: str, ctx: _Context, agreements: list[_Agreement], cue_cache: dict) -> None:
    """«Документ закладывает правовую основу…»: a singular «документ» points back to the last one. When
    its sentence says what happened to it («Документ был подписан в ходе визита …») that is a stage of
    the document it points to."""
    if not agreements:
        return
    for match in REFERENCE.finditer(text):
        n = ctx.sentences.of(match.start())
        last = _last_named(agreements, match.start(), n)
        if last is None:
            continue
        if n not in cue_cache:
            cue_cache[n] = cues_in(text, *ctx.sentence_bounds(n))
        ref = Mention(last.kind, match.start(), match.end(), n, "", "", None)
        ref.extent_end = match.end()
        bind_cue(ref, cue_cache[n])
        _join(last, ref, ctx)


def _last_named(agreements: list[_Agreement], start: int, sentence: int) -> _Agreement | None:
    """The document named last before `start`, if within three sentences of it."""
    earlier = [a for a in agreements if any(m.start < start for m in a.mentions)]
    if not earlier:
        return None
    last = max(earlier, key=lambda a: max(m.start for m in a.mentions if m.start < start))
    last_sentence = max(m.sentence for m in last.mentions if m.start < start)
    return last if sentence - last_sentence <= 3 else None


def _join(a: _Agreement, m: Mention, ctx: _Context) -> None:
    """An anaphor joins the document it points to; what its sentence says happened is a stage of that
    document, unless the sentence speaks of what is still to come («чтобы завтра состоялось …»)."""
    a.spans.append((m.start, m.end))
    if m.status is None or m.status == "other":
        return
    a.mentions.append(m)
    s_start, s_end = ctx.sentence_bounds(m.sentence)
    if m.status not in FUTURE and FUTURE_TENSE.search(ctx.text[s_start:s_end]):
        return
    if RANK[m.status] > RANK[a.status] and not (m.status in FUTURE and a.status not in FUTURE):
        a.status = m.status
