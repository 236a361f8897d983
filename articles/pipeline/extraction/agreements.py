"""Agreements: documents two states sign, adopt or plan to, from the Russian wording around them.

A document noun (меморандум, протокол, соглашение, договор, декларация, план, программа, дорожная
карта, контракт, совместное заявление) becomes an agreement only when its sentence says something
happened or will happen to it (подписали, принятом, намерены подписать, проект, парафировали,
ратифицировал, вступило в силу). Later mentions of the same document («меморандум», «документ») are
folded into the first, so one document is one agreement however often the article names it.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from functools import partial

from articles.pipeline.dates import PartialDate
from articles.pipeline.extraction.countries import CountryHit
from articles.pipeline.extraction.cues import AFTER_SIGNING, RANK, awaits_later_stage, bind_cue, cues_in
from articles.pipeline.extraction.document_lists import (
    bulleted_documents,
    counted_pair,
    items_under_count,
    list_intro,
    listed_documents,
    listed_next,
    one_of_several,
    singled_out,
)
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
from articles.pipeline.extraction.frames import frame_cues, named_as_frame
from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.extraction.organisations import OrganisationMatcher
from articles.pipeline.extraction.same_document import (
    generic_name,
    generically_named,
    interchangeable,
    merge_same_documents,
    relation_after_dash,
    shares_subject,
    stage_applies,
)
from articles.pipeline.extraction.series import SERIES_STAGES, run_pair, series_stage
from articles.pipeline.extraction.signing_noun import settled_status
from articles.pipeline.extraction.surroundings import FUTURE, FUTURE_TENSE, Surroundings
from articles.pipeline.extraction.trade_deals import sale_contract
from articles.pipeline.text import fold

REFERENCE = re.compile(r"\b(?:документ|документа|документу|документом|документе)\b", re.IGNORECASE)
PRONOUN = re.compile(r"\b(?:он|она|оно|его|её|ее)\b", re.IGNORECASE)
PRONOUN_GENDERS = {"он": {"masc"}, "оно": {"neut"}, "его": {"masc", "neut"}, "она": {"femn"}, "ее": {"femn"}}
GENDER = {
    "memorandum": "masc",
    "protocol": "masc",
    "treaty": "masc",
    "plan": "masc",
    "contract": "masc",
    "agreement": "neut",
    "statement": "neut",
    "declaration": "femn",
    "programme": "femn",
    "roadmap": "femn",
}
# A statement is an agreement only when adopted or signed, not when a spokesman makes one.
STATEMENT_CUES = {"signed", "planned", "draft", "initialled", "ratified", "in_force"}
# «заявление Тер-Петросяна о том, что …», «МИД выступил с заявлением»: what someone said, no document.
SPEECH_NAME = re.compile(r"(?:^|\s)(?:о|об)\s+том\b")
SPEECH_BEFORE = re.compile(r"\b(?:выступ\w+\s+(?:\S+\s+){0,2}?с|сделал\w*\s+(?:\S+\s+){0,2}?)\s*$", re.I)
# «Договор о … (ДСНВ) — соглашение между Россией и США»: what follows the dash restates the document;
# so does a name it is given («договор …, получивший название «Соглашение о …»», «под названием»,
# «известный как»).
NAMING = (
    r",?\s*(?:(?:получивш|получи|нося|имеющ)\w*\s+(?:название|наименование|имя)|под\s+(?:названием|"
    r"наименованием|именем)|(?:известн|именуем|называем)\w*(?:\s+как)?)"
)
APPOSITION = re.compile(
    rf"\s*(?:\([^()]{{0,80}}\)\s*)?(?:[—–]|\s-|{NAMING})\s*[«\"„]?\s*(?:[а-яёА-ЯЁ]+\s+)?[«\"„]?"
)
GIVEN_NAME = re.compile(rf"{NAMING}|[«\"„]")
AMENDED = re.compile(r"(?:изменени|дополнени|поправ)\w*\s+[вк]\s+(?:[а-яё-]+\s+)?$", re.I)
# «переговоры между Перу и Чили по соглашению», «переговоров о договоре»: what the talks are about.
NEGOTIATED = re.compile(r"\bпереговор\w*\s+(?:[^\s,.;:!?]+\s+){0,5}?(?:по|о|об)\s+$", re.I)
DRAFT_OF = re.compile(r"\bпроект\w*\s+$", re.I)
COORDINATED_SUBJECT = re.compile(r"[^,.;:!?()«»\"]{0,120}?\s+и\s+(?:[а-яё-]+\s+){0,2}", re.I)
MORE = re.compile(r"\b(?:кроме\s+того|помимо\s+этого|помимо\s+того|ещ[её]\s+один)\b", re.I)
DEFINED = re.compile(r"\s*,\s*(?:согласно\s+которому|по\s+которому|в\s+котором|котор\w+)\b", re.I)
COOPERATIVE = re.compile(
    r"сотрудничеств|взаимодейств|совместн|двусторон|партн[её]р|обмен|военно-техническ|кооперац", re.I
)


@dataclass
class _Agreement:
    kind: str
    title: str
    complement: str
    status: str
    mentions: list[Mention] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    quiet: list[Mention] = field(default_factory=list)  # named again with no stage of their own


# What a treaty between two states is about: «Договор о дружбе …», «… о стратегическом партнёрстве»
# (not «о нераспространении ядерного оружия», which many states signed).
BILATERAL_SUBJECT = re.compile(r"дружб|добрососед|партн[её]рств|союзнич|сотрудничеств", re.I)


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
    if m.plural and not _contracts_of_a_trade(m) and not _protocols_of_a_meeting(m):
        return False  # «подписан ряд соглашений», «прекратила действие соглашений о …»: no one document
    if m.kind == "statement":
        return m.joint or m.status in STATEMENT_CUES
    if m.kind in ("plan", "programme"):
        # («По итогам подписан план на 2023 год»: a year's plan signed at talks is the two sides')
        return bool(COOPERATIVE.search(m.complement)) or m.joint or _signed_year_plan(m)
    return True


def _signed_year_plan(m: Mention) -> bool:
    return m.status in RANK and RANK[m.status] >= RANK["signed"] and bool(YEAR_TERM.fullmatch(m.complement))


YEAR_TERM = re.compile(r"на\s+(?:19|20)\d\d(?:\s*[–—-]\s*(?:19|20)\d\d)?\s+(?:год|годы|гг?)\.?")


def _spoken(text: str, m: Mention) -> bool:
    return bool(SPEECH_NAME.search(m.complement) or SPEECH_BEFORE.search(text, max(0, m.start - 40), m.start))


def _protocols_of_a_meeting(m: Mention) -> bool:
    """«были подписаны протоколы по итогам заседания …»: the signed record of one meeting, however
    many copies or parts it has (not when counted: «три протокола по итогам …»)."""
    return (
        m.kind == "protocol"
        and not m.counted
        and m.complement.startswith("по итогам ")
        and m.status in RANK
        and RANK[m.status] >= RANK["signed"]
    )


def _contracts_of_a_trade(m: Mention) -> bool:
    """«подписала с Францией контракты на поставку вооружений»: contracts of one trade between two
    states are reported as one deal (not when counted: «пять контрактов»)."""
    return (
        m.kind == "contract"
        and not m.counted
        and bool(content_lemmas(m.complement))
        and m.status in RANK
        and RANK[m.status] >= RANK["signed"]
    )


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


def _names_both_of(ctx: Surroundings, a: _Agreement, m: Mention) -> bool:
    """`m`'s sentence names `a`'s two parties, and perhaps more states."""
    first = ctx.parties(a.mentions[0])
    return len(first) >= 2 and set(first) <= set(ctx.parties(m))


def _bare(m: Mention, ctx: Surroundings) -> bool:
    """A document noun with no name of its own that could point back: «Соглашение было подписано …»,
    «Истекшее соглашение Москвы и Вашингтона …» (whose parties are no name)."""
    if content_lemmas(m.complement) or m.another or m.plural or m.named:
        return False
    # «Кроме того, парламент денонсировал договор, согласно которому …»: one more document, defined
    # by the clause after it, not the one named before.
    s_start, _s_end = ctx.sentence_bounds(m.sentence)
    return not MORE.search(ctx.text, s_start, m.start) and not DEFINED.match(ctx.text, m.extent_end)


def _parties_agree(ctx: Surroundings, a: _Agreement, m: Mention) -> bool:
    """«план … на 2019 год» with Kazakhstan and «план … на 2019 год» with Tajikistan are two plans."""
    first, other = ctx.parties(a.mentions[0]), ctx.parties(m)
    return len(first) < 2 or len(other) < 2 or first == other


def _take_cue(mention: Mention, other: Mention) -> None:
    """One verb for two documents: `mention` takes `other`'s stage and the cue that tells it."""
    mention.status, mention.cue_start, mention.cue_end, mention.cue_is_verb = (
        other.status,
        other.cue_start,
        other.cue_end,
        other.cue_is_verb,
    )


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
    ctx = Surroundings(text, hits, officials, organisations, article_date)
    skip = [s for o in officials for s in o.spans]
    mentions: list[Mention] = []
    cue_cache: dict[int, list] = {}
    amendments: list[tuple[Mention, str]] = []  # amended documents and the stage of their amendments
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
        amended = False
        if mentions and mentions[-1].start < match.start() < mentions[-1].extent_end:
            # Named inside the previous document's name; but the document a protocol amends («Протокол о
            # внесении изменений в Договор … от 10 декабря 2009 года») is one of its own, and exists.
            amended = kind in ("treaty", "agreement") and bool(
                AMENDED.search(text, max(mentions[-1].start, match.start() - 40), match.start())
            )
            if not amended:
                continue
        m = mention_at(text, tokens, idx, kind, n, skip)
        if n not in cue_cache:
            cue_cache[n] = cues_in(text, s_start, s_end)
        if amended:
            m.status = "signed"
        elif named_as_frame(text, m.start):
            bind_cue(m, frame_cues(cue_cache[n], text, m.extent_end), text)
        else:
            bind_cue(m, cue_cache[n], text)
        if m.status is None and n > 0:
            before = ctx.sentence_bounds(n - 1)
            if n - 1 not in cue_cache:
                cue_cache[n - 1] = cues_in(text, *before)
            lead = one_of_several(text, m, s_start, before, cue_cache[n - 1])
            if lead is not None:
                m.status, m.cue_start, m.cue_end, m.cue_is_verb = lead
        if m.status is None and (intro := list_intro(text, m)) is not None:
            # «… подписаны:» / «- Соглашение о сотрудничестве в области безопасности;»: the list's opening
            # line says what happened to each document it lists
            opening = cues_in(text, *intro)
            if opening:
                m.status, m.cue_start, m.cue_end, m.cue_is_verb = opening[-1]
        if not amended and m.status in AFTER_SIGNING and AMENDED.search(text, max(0, m.start - 40), m.start):
            # «Парламент одобрил законопроект о поправках в соглашении …»: the stage is the amendments'
            # (the protocol that makes them, when the text names it); the amended document is in force.
            amendments.append((m, m.status))
        if m.status == "signed" and _signing_in_later_year(text, m, ctx):
            m.status = "planned"  # «объявили о подписании в 2021 году» in a text of 2020: still to come
        if m.status is None and NEGOTIATED.search(text, max(0, m.start - 80), m.start):
            # «Переговоры по соглашению о … завершены»: the text negotiated, not yet signed
            m.status, m.cue_start, m.cue_end, m.cue_is_verb = "draft", m.start, m.end, False
        if m.status is None and _named_in_force(m):
            m.status = "signed"
        if m.kind == "statement" and not m.joint and _spoken(text, m):
            m.status = None
        if sale_contract(m, text):
            m.kind = "contract"
        if (
            mentions
            and mentions[-1].status is None
            and m.status is not None
            and m.cue_start > m.end
            and m.sentence == mentions[-1].sentence
            and _coordinated(text, mentions[-1].extent_end, m.start)
        ):
            # «План сотрудничества … на 2025 год и программа … на 2026-2030 годы подписаны в среду»: two
            # subjects of one verb.
            _take_cue(mentions[-1], m)
        if (
            mentions
            and m.status is None
            and mentions[-1].status is not None
            and m.sentence == mentions[-1].sentence
            and 0 <= mentions[-1].cue_end <= mentions[-1].start
            and listed_next(text, mentions[-1].extent_end, m.start)
        ):
            # «Было расторгнуто соглашение о …, соглашение об …, а также соглашения о …»: one verb before
            # a list of documents says what happened to each.
            _take_cue(m, mentions[-1])
        several = listed_documents(m, text)
        if several:
            mentions.extend(several)
            continue
        single = singled_out(m, text, partial(_name_from, text, tokens, idx, kind, n, skip))
        if single is not None:
            mentions.extend((m, single))
            continue
        if (
            mentions
            and m.sentence == mentions[-1].sentence
            and APPOSITION.fullmatch(text, mentions[-1].extent_end, m.start)
            and not relation_after_dash(text, mentions[-1].extent_end, m.start)
        ):
            m.apposition = mentions[-1]
        mentions.extend(counted_pair(m, text))

    mentions.extend(bulleted_documents(text, mentions, ctx.sentences.of))
    for item, lead in items_under_count(text, mentions):
        _take_cue(item, lead)
    mentions.sort(key=lambda m: m.start)
    agreements: list[_Agreement] = []
    # Named documents the sentence says nothing of yet: «Договор о … — соглашение между Россией и США.
    # Документ подписали в 2010 году …» — the next sentence's «документ» tells what happened to it.
    pending: list[_Agreement] = []
    for m in mentions:
        restated = m.apposition and next(
            (a for a in agreements + pending if m.apposition in a.mentions), None
        )
        if restated:
            _restate(restated, m, ctx)
            continue
        if m.pointing and not m.complement and not m.another and not m.plural:
            # «подписание этого соглашения» after «Договор о … может быть подписан»: the one just named,
            # whatever word the text uses for it now — also one named in the sentence before with no
            # stage of its own («Среди них — соглашение о …. Данное соглашение было подписано …»). Not a
            # plural: «ранее соответствующие соглашения были заключены с Сирией и Вьетнамом» are others.
            last = _last_named(agreements + pending, m.start, m.sentence)
            if last in pending and not _told_later(last, m, ctx, pending, agreements):
                last = _last_named(agreements, m.start, m.sentence)
            if last is not None:
                _join(last, m, ctx)
                continue
        if not _acceptable(m):
            if _may_be_told_later(m) and not any(_same_document(a, m) for a in agreements + pending):
                pending.append(_Agreement(m.kind, m.title, m.complement, "other", [m], [(m.start, m.end)]))
            continue
        same = next((a for a in agreements if _same_document(a, m) and _parties_agree(ctx, a, m)), None)
        if same is None and _bare(m, ctx):
            # «Россия и Иран подписали договор … . Соглашение было подписано в январе»: a bare noun of the
            # other word for a treaty points back to the document just named.
            # Only from a sentence before: two bare nouns in one sentence («По соглашению, единственный
            # договор …») are not one document.
            # The same noun again in that sentence is the same document («… что соглашение не направлено
            # …, говорилось, что "подписанное соглашение …"»); the sentence may name more states (the one
            # that objects), as long as it names the document's two.
            last = _last_named(agreements, m.start, m.sentence, 3)
            if (
                last is not None
                and interchangeable(last.kind, m.kind)
                and all(x.sentence < m.sentence or x.kind == m.kind for x in last.mentions)
                and (_parties_agree(ctx, last, m) or _names_both_of(ctx, last, m))
            ):
                _join(last, m, ctx)
                continue
        if same is None:
            agreements.append(_Agreement(m.kind, m.title, m.complement, m.status, [m], [(m.start, m.end)]))
            continue
        same.mentions.append(m)
        same.spans.append((m.start, m.end))
        if (
            RANK[m.status] > RANK[same.status]
            and stage_applies(same, m.status)
            and _tells_more(same, m, text)
        ):
            same.status = m.status
        if len(m.complement) > len(same.complement):
            same.title, same.complement = m.title, m.complement
    # Mentions with no cue of their own («Ключевые аспекты меморандума…») join the document they name.
    for m in mentions:
        if _acceptable(m):
            continue
        same = (
            [a for a in agreements if _same_document(a, m)]
            or [a for a in agreements if a.kind == m.kind and shares_subject(a.complement, m.complement)]
            or generically_named(agreements, m)
        )
        if len(same) == 1 and (m.start, m.end) not in same[0].spans:
            same[0].spans.append((m.start, m.end))
            same[0].quiet.append(m)
            if not same[0].complement and m.complement and m.start < min(x.start for x in same[0].mentions):
                # «Комитет поддержал соглашение о расширении пункта ВМФ … Госдума ратифицировала данное
                # соглашение»: the bare noun points back to the name said before it.
                same[0].title, same[0].complement = m.title, m.complement
            elif generic_name(same[0].complement) and generically_named([same[0]], m):
                # «подписали долгосрочный план двустороннего взаимодействия»: the name of its subject
                same[0].title, same[0].complement = m.title, m.complement
    _attach_references(text, ctx, agreements, cue_cache, pending)
    _stage_to_amendments(agreements, amendments)

    found = []
    for a in agreements:
        parties: list[str] = []
        for m in a.mentions:
            parties = ctx.parties(m)
            if len(parties) >= 2:
                break
        found.append((a, parties))
    found = merge_same_documents(found, text)
    found = _read_as_series(found, mentions, ctx)

    ctx.names = [(m.start, m.extent_end) for m in mentions]
    out = []
    split: list[AgreementMention] = []  # one document with each further listed partner (`_each_partners`)
    taken: set[str] = set()
    for a, parties in found:
        a.status = settled_status(a.status, a.mentions, text)
        if len(parties) < 2:
            # No mention names both: the one naming most («участия России в Договоре …», not the later
            # «Документом приостанавливается действие Договора», naming none) — after the merging
            # above, which reads a mention that names none as one that may be any pair's.
            parties = max((ctx.parties(m) for m in a.mentions), key=len, default=parties)
        signatories = list(dict.fromkeys(n for m in a.mentions for n in ctx.signatories(m)))
        ordered = sorted(a.mentions, key=lambda m: m.start)
        # A date the text writes beats the day of the news, whichever mention gives it.
        # A document ratified, extended, suspended or ended in the news was not signed that day: its
        # signing is dated only where the text dates it (one that enters into force may do so on signing).
        # A mention whose sentence says nothing of the document's stage («опубликовал 14 января текст
        # соглашения») gives only the date it is known by.
        staged = lambda m, news: ctx.signing_date(m, news) if m.status is not None else ctx.name_date(m)  # noqa: E731
        date = _first_date(staged, ordered, news=a.status not in AFTER_SIGNING - {"in_force"})
        if not date:
            # «по договору между СССР и США о ликвидации … ракет от 8 декабря 1987 года»: a mention with no
            # stage of its own still gives the date the document is known by.
            date = _first_date(lambda m, _news: ctx.name_date(m), sorted(a.quiet, key=lambda m: m.start))
        if not date and a.status not in AFTER_SIGNING:
            # A document read as signed only from a later step still to come («рекомендовал
            # ратифицировать соглашение») is not dated by that step's sentence.
            dated = [m for m in ordered if not awaits_later_stage(m, text)]
            date = _first_date(ctx.date, dated)
        if a.status == "draft":
            date = PartialDate()  # a text not yet signed has no signing date (the news day is the talks')
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
        split.extend(_each_partners(a, out[-1], ctx, taken))
    named = {(x.kind, tuple(x.parties)): x for x in out}
    for x in split:
        own = named.get((x.kind, tuple(x.parties)))
        if own is not None and RANK[x.status] > RANK[own.status]:
            # «ратифицировали соглашения … с Кубой и Того» … «по ратификации соглашения с Того»
            own.status = x.status
    return out + [x for x in split if (x.kind, tuple(x.parties)) not in named]


def _each_partners(
    a: _Agreement, first: AgreementMention, ctx: Surroundings, taken: set[str]
) -> list[AgreementMention]:
    """«Госдума ратифицировала соглашения о военном сотрудничестве России с Кубой и Того»: one
    document with each listed partner. The first is `first`; the others, with the same stage and
    date; a partner's document the text names on its own is that mention's record (the caller)."""
    out = []
    for m in a.mentions:
        for parties in ctx.partners_each.get(m.start, []):
            out.append(dataclasses.replace(first, parties=parties, signatories=[], key=_key(a, taken)))
        if out:
            break
    return out


def _read_as_series(
    found: list[tuple[_Agreement, list[str]]], mentions: list[Mention], ctx: Surroundings
) -> list[tuple[_Agreement, list[str]]]:
    """Items of a series under one lead («денонсировала пять соглашений …»): the lead's stage, and the
    pair of the item before for an item naming fewer states (series.py)."""
    leads = [m for m in mentions if m.plural and m.status in SERIES_STAGES]
    named: list[tuple[Mention, list[str]]] = []
    out = []
    run = None
    for a, parties in sorted(found, key=lambda f: min(m.start for m in f[0].mentions)):
        a.status, run = series_stage(leads, a.kind, a.mentions, a.status, ctx, run)
        parties = run_pair(min(a.mentions, key=lambda m: m.start), parties, named) if leads else parties
        if len(parties) == 2:
            named.extend((m, parties) for m in a.mentions)
        out.append((a, parties))
    return out


def _name_from(text: str, tokens: list, idx: int, kind: str, n: int, skip: list, at: int) -> Mention | None:
    """The mention of the noun at tokens[idx] with its name read from the token at `at` on («ряд
    соглашений, в частности о …»: the words between are no part of it)."""
    q = next((k for k, t in enumerate(tokens) if t.start == at), None)
    if q is None or q <= idx:
        return None
    return mention_at(text, tokens[: idx + 1] + tokens[q:], idx, kind, n, skip)


def _first_date(read, mentions: list[Mention], news: bool = True) -> PartialDate:
    """The first date the mentions give, made more precise by a later one that agrees with it:
    «Подписанный в 2024 году договор» and later «19 июня 2024 года … подписали Договор» give the day."""
    for from_news in (False, True) if news else (False,):
        found = None
        for m in mentions:
            date = read(m, from_news)
            if date and (found is None or _refines(date, found)):
                found = date
        if found:
            return found
    return PartialDate()


def _refines(date: PartialDate, than: PartialDate) -> bool:
    """`date` says all `than` says and more («19 июня 2024» refines «2024», not «2023»)."""
    fields = ("year", "month", "day")
    if any(getattr(than, f) is not None and getattr(than, f) != getattr(date, f) for f in fields):
        return False
    return sum(getattr(date, f) is not None for f in fields) > sum(
        getattr(than, f) is not None for f in fields
    )


def _coordinated(text: str, start: int, end: int) -> bool:
    """Between two documents only the rest of the first one's name and «и»: no verb of its own."""
    if not COORDINATED_SUBJECT.fullmatch(text, start, end):
        return False
    return not any(
        p.tag.POS in ("VERB", "INFN", "PRTS", "GRND")
        for word in re.findall(r"[а-яё-]+", text[start:end].lower())
        for p in parses(word)[:1]
    )


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


def _attach_references(
    text: str, ctx: Surroundings, agreements: list[_Agreement], cue_cache: dict, pending: list[_Agreement]
) -> None:
    """«Документ закладывает правовую основу…»: a singular «документ» points back to the last one. When
    its sentence says what happened to it («Документ был подписан в ходе визита …») that is a stage of
    the document it points to. A named document its own sentence said nothing of becomes an agreement
    when the very next sentence says so of it."""
    if not agreements and not pending:
        return
    found = [(match, False) for match in REFERENCE.finditer(text)]
    found += [(match, True) for match in PRONOUN.finditer(text)]
    for match, pronoun in sorted(found, key=lambda f: f[0].start()):
        n = ctx.sentences.of(match.start())
        last = _last_named(agreements + pending, match.start(), n, 1 if pronoun else 3)
        if last is None:
            continue
        if n not in cue_cache:
            cue_cache[n] = cues_in(text, *ctx.sentence_bounds(n))
        if pronoun and not _pronoun_of(match, last, cue_cache[n]):
            continue
        ref = Mention(last.kind, match.start(), match.end(), n, "", "", None)
        ref.extent_end = match.end()
        bind_cue(ref, cue_cache[n], text)
        if DRAFT_OF.search(text, max(0, match.start() - 12), match.start()):
            ref.status = "draft"  # «переговоры по проекту документа и его подписание»: the draft
        if last in pending and not _told_later(last, ref, ctx, pending, agreements):
            continue
        _join(last, ref, ctx)


def _told_later(
    a: _Agreement, ref: Mention, ctx: Surroundings, pending: list[_Agreement], agreements: list[_Agreement]
) -> bool:
    """A named document its own sentence said nothing of becomes an agreement when the very next
    sentence says, of a word pointing back to it, that it was signed, ratified … (not what is still to
    come). Then it moves from `pending` to `agreements` with that stage."""
    if ref.sentence - max(m.sentence for m in a.mentions) > 1:
        return False
    if (
        ref.status in (None, "other")
        or ref.status in FUTURE
        or FUTURE_TENSE.search(ctx.text, *ctx.sentence_bounds(ref.sentence))
    ):
        return False
    pending.remove(a)
    agreements.append(a)
    a.status = ref.status
    return True


def _may_be_told_later(m: Mention) -> bool:
    """A document named by its title, one of a kind two states sign, of which a later sentence may say
    what happened to it."""
    return (
        m.status is None
        and m.kind in ("treaty", "agreement", "memorandum", "declaration", "protocol")
        and bool(content_lemmas(m.complement))
        and not (m.plural or m.another or m.counted)
    )


def _restate(a: _Agreement, m: Mention, ctx: Surroundings) -> None:
    """«Последнее соглашение … — Договор о сокращении …»: a dash restates the document just named; the
    fuller name, or one given in quotes or by «под названием», gives the kind and the title."""
    if m.status is not None and RANK[m.status] > RANK[a.status] and stage_applies(a, m.status):
        a.status = m.status
    a.mentions.append(m)
    a.spans.append((m.start, m.end))
    given = m.apposition is not None and GIVEN_NAME.search(ctx.text, m.apposition.extent_end, m.start)
    if (given and m.complement) or len(m.complement) > len(a.complement):
        # «договор о …, получивший название «Соглашение о …»»: the name given is the document's name (not
        # a bare «"Договор Пукпук"», whose proper name is no subject the title can keep)
        a.kind, a.title, a.complement = m.kind, m.title, m.complement


def _pronoun_of(match: re.Match, a: _Agreement, cues: list) -> bool:
    """«… чтобы подписать его», «он вступил в силу»: a pronoun of the document's gender right at a
    verb that says what happened to a document (not «его слова», not «он заявил»)."""
    if GENDER.get(a.kind) not in PRONOUN_GENDERS[fold(match.group())]:
        return False
    if any(0 <= match.start() - c[2] <= 2 for c in cues):
        return True
    # «вносить в его проект, одобренный правительством»: a possessive before a noun speaks of that noun.
    following = re.match(r"\s+(\w+)", match.string[match.end() :])
    if following and any(p.tag.POS == "NOUN" for p in parses(following.group(1).lower())[:1]):
        return False
    return any(-2 <= c[1] - match.end() <= 12 for c in cues)


def _last_named(
    agreements: list[_Agreement], start: int, sentence: int, within: int = 3
) -> _Agreement | None:
    """The document named last before `start`, if within `within` sentences of it."""
    earlier = [a for a in agreements if any(m.start < start for m in a.mentions)]
    if not earlier:
        return None
    last = max(earlier, key=lambda a: max(m.start for m in a.mentions if m.start < start))
    last_sentence = max(m.sentence for m in last.mentions if m.start < start)
    return last if sentence - last_sentence <= within else None


# The signing noun and the year it names right after it: «о подписании в 2021 году».
SIGNING_IN_YEAR = re.compile(r"подписани\w*\s+в\s+((?:19|20)\d\d)\s*(?:г\.|год)", re.I)


def _signing_in_later_year(text: str, m: Mention, ctx: Surroundings) -> bool:
    """A signing the text puts in a year after the article's own: still to come, whatever verb tells it."""
    if m.cue_start < 0 or ctx.article_date is None or ctx.article_date.year is None:
        return False
    found = SIGNING_IN_YEAR.match(text, m.cue_start)
    return found is not None and int(found.group(1)) > ctx.article_date.year


# The name of a document that amends another: «протокол о внесении изменений в соглашение …».
AMENDING = re.compile(r"^(?:о|об)\s+(?:внесении\s+)?(?:изменени|поправк|дополнени)", re.I)


def _stage_to_amendments(agreements: list[_Agreement], amendments: list[tuple[Mention, str]]) -> None:
    """The stage said of amendments to a document goes to the document that makes them, when the text
    names one; the amended document is then in force. With none named, the amended document keeps it."""
    for m, stage in amendments:
        amended = next((a for a in agreements if m in a.mentions), None)
        amending = [a for a in agreements if a is not amended and AMENDING.match(a.complement)]
        if len(amending) != 1:
            continue
        if RANK[stage] > RANK[amending[0].status]:
            amending[0].status = stage
        if (
            amended is not None
            and amended.status == stage
            and all(x.status != stage for x in amended.mentions if x not in (a for a, _s in amendments))
        ):
            amended.status = "in_force"


def _tells_more(a: _Agreement, m: Mention, text: str) -> bool:
    """A draft is not made signed by a later stage still to come («Переговоры по соглашению завершены.
    Соглашение должно быть одобрено парламентом»): that says nothing of a signing."""
    return not (a.status == "draft" and awaits_later_stage(m, text))


def _join(a: _Agreement, m: Mention, ctx: Surroundings) -> None:
    """An anaphor joins the document it points to; what its sentence says happened is a stage of that
    document, unless the sentence speaks of what is still to come («чтобы завтра состоялось …»)."""
    a.spans.append((m.start, m.end))
    if m.status is None or m.status == "other":
        a.quiet.append(m)
        return
    a.mentions.append(m)
    s_start, s_end = ctx.sentence_bounds(m.sentence)
    if m.status not in FUTURE and FUTURE_TENSE.search(ctx.text[s_start:s_end]):
        return
    if (
        RANK[m.status] > RANK[a.status]
        and not (m.status in FUTURE and a.status not in FUTURE)
        and stage_applies(a, m.status)
        and _tells_more(a, m, ctx.text)
    ):
        a.status = m.status
