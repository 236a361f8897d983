"""The agreements registry: each `Agreement` is one real document, each article's mention a claim on it.

**Resolution** (`resolve`), for a mention that has no claim yet, inside the writer's transaction:

1. An editor's judgement first: a mention judged "same document" as an agreement goes there; an
   agreement it was judged "not this document" is never a candidate.
2. Candidates: the agreements between exactly the same parties (`Agreement.parties_key`) that share
   a title term, a signatory or a signing day with the mention, or are the pair's only one of its
   kind — the only ones that can score (`registry_keys`: one index scan, `terms` read with them).
3. A candidate is out when the kinds are incompatible (`compatible_kinds`) or the dates contradict:
   both give a signing date from a signed-stage claim (a ratification or extension date never
   contradicts a signing), both with a year, and they cannot be the same day; or the titles name
   different numbers («план на 2025 год» / «на 2026 год»). A year-less «23 октября» against a dated
   signing is only a doubt (YEARLESS_DATE_PENALTY): it is often another stage read as the signing.
   A mention that reports its document extended is never an amending agreement (`AMENDS`: «соглашение
   о продлении сроков …»): the document extended and the one extending it are two.
4. The rest are scored by their titles: the weighted overlap of their content lemmas (the
   pipeline's `content_lemmas`, less the kind's own noun), generic words («сотрудничество»,
   «область», «взаимопонимание») weighing GENERIC_WEIGHT; the best of the agreement's titles counts.
   Shared signatories add SIGNATORY_BONUS, the same signing day SAME_DAY_BONUS; a stage dated more
   than YEARS_APART from everything the agreement has seen costs FAR_YEARS_PENALTY.
   The mention joins the best candidate scoring JOIN_SCORE or more; otherwise it starts a new one.
   Title terms leave out stage and pointing words (NOT_TITLE: «закон о ратификации договора …»,
   «продление», «действующий договор»). Equal scores go to the agreement whose years are nearest.
   A plan, programme or road map naming no period is not compared by title with a record whose
   every title names one (`_edition_unknown`: each period's edition has nearly one title).
   A bare title («договор», or one generic word: «план сотрудничества») cannot be told by its
   title: it joins on the same signing day, or a shared signatory and the same kind, or as the
   pair's only agreement of its kind — and only when one candidate fits.
5. Titles are compared on `subject_lemmas`: one subject spelled one way (abbreviations, compounds,
   a short table of synonyms, the parties' adjectives left out; `pipeline/extraction/documents.py`).
   A mention below JOIN_SCORE but at FIT_SCORE or more joins when nothing but its wording stands
   against it (`_fits`: the same kind, one outlets retell — agreement, treaty, memorandum, protocol,
   not a contract named by its object or a statement by its occasion — a title of its own, no signing
   day that differs even without a year, no year far off) and it is the only such candidate, with no other agreement of the pair
   sharing one of its distinctive words. FIT_SCORE sits above the 0.4 two documents of one pair
   share at most (below); on tests/data/registry2 (seen) it takes pairwise F1 0.902 → 0.958 and
   leaves tests/data/registry at 0.978 with no wrong join; the generated corpus (1,500 articles, seed
   14) keeps main's figures only with the kind restriction (without it: four wrong joins, P 0.415 →
   0.395).

Thresholds: two titles of one document as two outlets write them share most of the shorter one's
distinctive words (overlap ≥ 0.6 on the generated corpus and the development set: one drops
«совместной», the other adds «в воздушном пространстве»); two documents of one pair share at most a
generic word or one subject word (≤ 0.4: «военного образования» / «военно-технического
сотрудничества»), or, decades apart, most of a title less FAR_YEARS_PENALTY (0.75 − 0.2). JOIN_SCORE
sits between; joining two documents is the worse error, so it sits above the middle: 0.6 on the
development set's sweep (tests/data/registry/README.md: 0.55 joins two treaties of one pair,
0.65 splits one document); pairwise F1 on a generated corpus holds (0.565 → 0.564).

**Derivation** (`refresh`): the agreement's status is the latest stage its visible claims support
(`Agreement.STAGE_ORDER`), its date the signing date from signed-stage claims (else the date of the
stage that gives the status), its title the fullest seen, its kind the fullest title's, its parties
and signatories the union — each unless an editor set it (`Agreement.protected()`).

**Concurrency**: two import workers resolving one document at once would both miss the other's new
agreement. On PostgreSQL `lock()` takes a transaction-level advisory lock per parties key (sorted,
so two articles never wait on each other in a circle) before the candidates are read; SQLite
serialises writers anyway.
"""

from __future__ import annotations

import copy
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from django.db import connection
from django.db.models import Count, Min, Q

from articles.archive import registry_keys
from articles.archive.registry_titles import comparisons, named_year, remember, without_parties
from articles.models import Agreement, AgreementClaim, AgreementJudgement, AgreementKey
from articles.pipeline.dates import PartialDate
from articles.pipeline.extraction.documents import (
    GENERIC_SUBJECT,
    KIND_BY_LEMMA,
    POINTING,
    SUBJECT_QUALIFIERS,
    subject_lemmas,
)

Verdict = AgreementJudgement.Verdict

JOIN_SCORE = 0.6
GENERIC_WEIGHT = 0.25
SIGNATORY_BONUS = 0.3
SAME_DAY_BONUS = 0.3
YEARS_APART = 6
FAR_YEARS_PENALTY = 0.2
YEARLESS_DATE_PENALTY = 0.3
FIT_SCORE = 0.45
# The kinds outlets retell in their own words («об отправке военных» / «о порядке направления воинских
# формирований»). A contract is named by its object («на ремонт … Су-30СМЭ» / «… подводных лодок»), a
# joint statement by its occasion: near titles of those are two documents (the generated corpus: all
# four near joins of contracts and statements were wrong).
PARAPHRASED = frozenset({"agreement", "treaty", "memorandum", "protocol"})
# The kinds signed again for each period between one pair, the period in their title (`_edition_unknown`).
PERIODIC = frozenset({"plan", "programme", "roadmap"})
MAX_TITLES = 24  # distinct title readings kept in `terms` (a document's wordings settle quickly)
LOCK_NAMESPACE = 0x434E  # the first key of the advisory lock: "CN", this archive's registry

# Words that name what any cooperation document is about: one definition, the pipeline's.
# With them, the epithets an outlet adds or drops at will: «совместное стратегическое оборонное
# соглашение», «стратегическое соглашение о взаимной обороне» and «соглашение о взаимной обороне» are one
# pact in three reports (registry11). They praise a document, never tell it from another of its pair.
EPITHETS = frozenset({"стратегический", "совместный", "исторический"})
GENERIC = GENERIC_SUBJECT | EPITHETS
# Words that say where a document stands or how a text points at it, not which document it is:
# «закон о ратификации договора …», «продление договора», «действующий договор», «единственный договор»;
# and the pipeline's pointing words: «соглашение между нашей страной и …», «этот договор».
_STAGE_WORDS = frozenset(
    "ратификация ратифицировать продление продлить приостановление приостановить денонсация "
    "прекращение подписание вступление закон указ "
    "действующий действовать подписать заключить единственный данный настоящий указанный соответствующий упомянутый "
    "подписанный ратифицированный новый обновить нынешний прежний".split()
)
# Words that say how a document stands to another, not what it is about: «дополнительный протокол» is
# the pair's protocol to their treaty, as «протокол» is; «ещё одно соглашение по безопасности» counts it.
_RELATION_WORDS = frozenset({"дополнительный", "один"})
NOT_TITLE = _STAGE_WORDS | POINTING | _RELATION_WORDS
KIND_WORDS = frozenset({*KIND_BY_LEMMA, "документ", "допсоглашение", "межправсоглашение"})
# Kinds the press writes for one another: a treaty is often «соглашение» in a later report.
_KIND_GROUPS = ({"agreement", "treaty"},)
NUMBER = re.compile(r"^\d+$")
# A document named for what it changes in another («соглашение о продлении сроков дислокации базы»,
# «протокол о внесении изменений в договор»): an amending document. A mention that reports its
# document extended («договор … продлили до 2044 года») is the document extended, never the one that
# extends it, however bare its title: the two live side by side between one pair.
AMENDS = re.compile(
    r"\b(?:о|об|по)\s+(?:внесени\w+\s+)?(?:продлени|пролонгаци|изменени|дополнени|поправк)\w*", re.I
)


def amends(title: str) -> bool:
    return bool(AMENDS.search(title or ""))


def parties_key(isos: Iterable[str]) -> str:
    return "-".join(sorted({iso.upper() for iso in isos if iso}))


# «27-страничное соглашение»: how long the text is, not what it is about.
PAGE_COUNT = re.compile(r"^\d+-?страничн")


# An adjective that is a title's whole subject says what the document is about: «мирный договор», «мирное
# соглашение» are the «соглашение об установлении мира» of another outlet. Only when nothing else is said:
# «о мирном использовании атомной энергии» is about energy, not peace.
SUBJECT_ADJECTIVES = {"мирный": "мир"}


def _raw_terms(title: str) -> list[str]:
    return sorted(
        w
        for w in subject_lemmas(title)
        if w not in KIND_WORDS and w not in NOT_TITLE and not PAGE_COUNT.match(w)
    )


def genre_named(title: str) -> bool:
    """A title that is only an adjective of its subject and the kind's noun: «мирный договор»."""
    words = _raw_terms(title)
    return len(words) == 1 and words[0] in SUBJECT_ADJECTIVES


def title_terms(title: str) -> list[str]:
    """A title's content lemmas without the document's own noun: what tells two titles apart."""
    words = _raw_terms(title)
    if len(words) == 1 and words[0] in SUBJECT_ADJECTIVES:
        return [SUBJECT_ADJECTIVES[words[0]]]
    return words


def is_bare(terms: Iterable[str]) -> bool:
    """A title that can't tell one document of a pair from another: «договор», «план сотрудничества»."""
    terms = list(terms)
    return not terms or (len(terms) == 1 and terms[0] in GENERIC)


def compatible_kinds(a: str, b: str) -> bool:
    if a == b or Agreement.Kind.OTHER in (a, b):
        return True
    return any(a in group and b in group for group in _KIND_GROUPS)


def _weight(word: str) -> float:
    return GENERIC_WEIGHT if word in GENERIC or word in SUBJECT_QUALIFIERS else 1.0


def title_weight(terms: Iterable[str]) -> float:
    """How much a title says of its own: its distinctive words count fully, generic ones less."""
    return sum(map(_weight, set(terms)))


def title_similarity(a: Iterable[str], b: Iterable[str]) -> float | None:
    """Weighted overlap of two titles' terms, 0..1; None when either has none («соглашение»).

    Against the shorter title (one outlet drops words another keeps), unless the shorter has only
    generic words: «о военном сотрудничестве» is not contained in «о сотрудничестве в области
    военного образования» — then against the longer."""
    a, b = set(a), set(b)
    if not a or not b:
        return None
    small, large = sorted((a, b), key=title_weight)
    common = title_weight(a & b)
    if all(w in GENERIC for w in small):
        return common / title_weight(large)
    return common / title_weight(small)


def numbers(terms: Iterable[str]) -> set[str]:
    return {w for w in terms if NUMBER.match(w)}


@dataclass
class Reading:
    """One article's reading of a document: what its claim stores and resolution compares."""

    kind: str
    title: str
    status: str
    date: PartialDate
    parties_key: str
    signatories: list[int] = field(default_factory=list)

    @cached_property  # compared with every candidate of its parties: lemmatised once
    def terms(self) -> list[str]:
        return title_terms(self.title)

    @cached_property
    def core(self) -> list[str] | None:
        """The title's terms less the «между … и …» phrase (`registry_titles`): None when it has no
        such phrase, or nothing of its own is left."""
        core = without_parties(self.title)
        if core is None:
            return None
        words = title_terms(core)
        return None if is_bare(words) or words == self.terms else words


def dates_overlap(a: PartialDate, b: PartialDate) -> bool:
    """Whether two dates can be the same day. A day and month without a year («15 августа») still
    differ from another day and month."""
    (a0, a1), (b0, b1) = a.bounds(), b.bounds()
    if None in (a0, a1, b0, b1):
        if a.month and b.month and a.month != b.month:
            return False
        return not (a.month == b.month and a.day and b.day and a.day != b.day)
    return a0 <= b1 and b0 <= a1


def score(reading: Reading, terms: dict, kind: str, lone: bool = False) -> float | None:
    """How well a mention fits an agreement (its `terms` and kind); None when they cannot be one.
    `lone`: the agreement is the only one of the mention's kind between its parties, so a bare
    «договор» with nothing else to go on may still be it (unless its dates or years say no)."""
    if not compatible_kinds(reading.kind, kind) or _intent_apart(reading.terms, terms):
        return None
    if reading.status == Agreement.Status.EXTENDED and terms.get("amends") and not amends(reading.title):
        return None  # the document extended is not the one extending it
    signed = [
        PartialDate(*d)
        for d in terms.get("signed_dates") or ([terms["signed"]] if terms.get("signed") else [])
    ]
    if _next_edition(reading, signed):
        return None
    same_day = False
    doubt = 0.0
    if reading.status == Agreement.Status.SIGNED and reading.date and signed:
        fitting = [d for d in signed if dates_overlap(reading.date, d)]
        if not fitting:
            if reading.date.year and any(d.year for d in signed):
                return None  # signed in another year or on another day than its signing: two documents
            # «23 октября» without a year against a report of the signing with one: often a
            # government's approval or a stage read as the signing — a doubt, not a proof.
            doubt = YEARLESS_DATE_PENALTY
        same_day = reading.date.precision == "day" and any(d.precision == "day" for d in fitting)
    mine = reading.terms
    best = None
    titled = comparisons(reading.title, mine, reading.core, terms)
    if _edition_unknown(reading.kind, mine, terms):
        titled = []  # which edition: only the signing day or a shared signatory can tell (below)
    for own, theirs in titled:
        if numbers(own) and numbers(theirs) and numbers(own) != numbers(theirs):
            continue
        similarity = title_similarity(own, theirs)
        if similarity is not None and (best is None or similarity > best):
            best = similarity
    shared_people = bool(set(reading.signatories) & set(terms.get("signatories", [])))
    year = named_year(mine)  # «соглашение 2024 года»: the pair's only one of its kind, signed that year
    if lone and (is_bare(mine) or (year is not None and any(d.year == year for d in signed))):
        best = max(best or 0.0, JOIN_SCORE)  # the pair's only document of this kind (`_lone`)
    if best is None:  # no title to compare: only a signatory and the same kind, or the day, can tell
        if same_day or (shared_people and reading.kind == kind):
            best = JOIN_SCORE - min(SIGNATORY_BONUS, SAME_DAY_BONUS)
        else:
            return None
    total = best + (SIGNATORY_BONUS if shared_people else 0) + (SAME_DAY_BONUS if same_day else 0) - doubt
    years = terms.get("years", [])
    if reading.date.year and years and min(abs(reading.date.year - y) for y in years) > YEARS_APART:
        total -= FAR_YEARS_PENALTY
    return total


INTENT = "намерение"


def _intent_apart(mine: list[str], terms: dict) -> bool:
    """A letter or agreement «о намерениях» announces a document, it is not that document: «письмо о
    намерениях по продаже истребителей» and the «соглашение о продаже истребителей» it looks to are two
    (tests/data/registry12). Apart when one title names an intent and none of the other's titles does."""
    titles = [t for t in terms.get("titles") or [] if t]
    if not mine or not titles:
        return False
    return (INTENT in mine) != any(INTENT in t for t in titles)


NOT_YET_SIGNED = frozenset({Agreement.Status.PLANNED, Agreement.Status.DRAFT})


def _next_edition(reading: Reading, signed: list[PartialDate]) -> bool:
    """A plan, programme or road map (PERIODIC: signed again for each period) still to be signed, in a
    year more than one after every signing the agreement has seen: the next edition, not the one
    signed years before, however alike the titles («программа стратегического партнерства» of 2021
    and the one to be approved in 2025: tests/data/registry, where the generic short title of the
    first took the second's announcement)."""
    if reading.kind not in PERIODIC or reading.status not in NOT_YET_SIGNED or not reading.date.year:
        return False
    years = [d.year for d in signed if d.year]
    return bool(years) and max(years) < reading.date.year - 1


def _edition_unknown(kind: str, mine: list[str], terms: dict) -> bool:
    """A plan, programme or road map is signed again for each period under nearly one title («дорожная
    карта военного сотрудничества на 2017–2020 годы», then «… на 2021–2025 годы»). A mention that names
    no period can't say which edition it is when every title the agreement has seen names one: its title
    is not compared, only the signing day or a shared signatory can join it (registry4: the 2021 road
    map, its text giving no year, joined the 2017 one)."""
    titles = terms.get("titles") or []
    return (
        kind in PERIODIC
        and not is_bare(mine)  # a bare «план сотрудничества» has its own, stricter test
        and not numbers(mine)
        and bool(titles)
        and all(numbers(words) for words in titles)
    )


def lock(keys: Iterable[str]) -> None:
    """Serialise resolution per parties key until the transaction ends (PostgreSQL; a no-op elsewhere)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for key in sorted(set(keys)):
            cursor.execute(
                "SELECT pg_advisory_xact_lock(%s, %s)",
                [LOCK_NAMESPACE, zlib.crc32(key.encode()) - 2**31],
            )


def judgements_of(article_id: int) -> dict[str, dict[str, set[int]]]:
    """The article's judgements: match_key → {"same": {agreement ids}, "different": {…}}."""
    found: dict[str, dict[str, set[int]]] = {}
    for key, agreement, verdict in AgreementJudgement.objects.filter(article_id=article_id).values_list(
        "match_key", "agreement_id", "verdict"
    ):
        found.setdefault(key, {Verdict.SAME: set(), Verdict.DIFFERENT: set()})[verdict].add(agreement)
    return found


def resolve(reading: Reading, judged: dict[str, set[int]] | None = None, exclude: Iterable[int] = ()):
    """The agreement a new mention is, or None: start a new one. One query (two with a "same").
    `exclude`: agreements it cannot be, such as those the same article already names elsewhere."""
    judged = judged or {}
    exclude = set(exclude)
    same = (judged.get(Verdict.SAME) or set()) - exclude
    if same:
        found = Agreement.objects.filter(pk__in=same).order_by("-pk").first()
        if found is not None:
            return found
    banned = (judged.get(Verdict.DIFFERENT) or set()) | exclude
    if not reading.parties_key:
        return None  # a document with no known parties can't be told from another
    scored = []
    candidates, alone = _candidates(reading, banned)
    near = []  # below JOIN_SCORE but at FIT_SCORE or more, with nothing against them: see `_fits`
    for candidate in candidates:
        value = score(reading, candidate.terms or {}, candidate.kind, lone=candidate is alone)
        if value is not None and value >= JOIN_SCORE - 1e-9:
            scored.append((round(value, 6), -_years_from(reading, candidate.terms or {}), -candidate.pk))
        elif value is not None and value >= FIT_SCORE - 1e-9 and _fits(reading, candidate):
            near.append(candidate)
    if (
        not scored
        and len(near) == 1
        and not any(other is not near[0] and _overlaps(reading, other) for other in candidates)
    ):
        return Agreement.objects.get(pk=near[0].pk)
    if not scored:
        return None
    if is_bare(reading.terms) and len(scored) > 1:
        return None  # a bare «соглашение» that fits several documents: none of them for sure
    # Equal scores (one title for a document signed every few years): the one whose dates are nearest.
    return Agreement.objects.get(pk=-max(scored)[2])


def reading_keys(reading: Reading) -> set[str]:
    """The keys an agreement must share with the mention to score at all (`registry_keys`)."""
    keys = registry_keys.for_titles([reading.terms, reading.core or []])
    keys |= registry_keys.for_signatories(reading.signatories)
    if reading.status == Agreement.Status.SIGNED and reading.date:
        keys |= registry_keys.for_day(reading.date.year, reading.date.month, reading.date.day)
    return keys


class Candidate(NamedTuple):
    """What resolution compares of an agreement (read as values: a busy pair has hundreds)."""

    pk: int
    kind: str
    terms: dict


def _candidates(reading: Reading, banned: set[int]) -> tuple[list[Candidate], Candidate | None]:
    """The agreements of the mention's parties that can score (`registry_keys`), by id, not `banned`;
    and the one a bare title can only be (`_lone`), among them."""
    keyed = AgreementKey.objects.filter(parties_key=reading.parties_key, key__in=reading_keys(reading))
    lone = _lone(reading, banned)
    ids = Q(pk__in=keyed.values("agreement_id")) | (Q(pk=lone) if lone is not None else Q(pk__in=[]))
    rows = Agreement.objects.filter(ids, parties_key=reading.parties_key).exclude(pk__in=banned)
    candidates = [Candidate(*row) for row in rows.order_by("pk").values_list("pk", "kind", "terms")]
    return candidates, next((c for c in candidates if c.pk == lone), None)


def _lone(reading: Reading, banned: set[int]) -> int | None:
    """The one agreement a bare title («соглашение», «договор») can only be: the pair's only document of
    its kind, or — none of its kind known — the pair's only one of the word the press writes for it
    (`_KIND_GROUPS`: «договор о дружбе» in one outlet is «27-страничное соглашение» in another).
    registry8: the bare «соглашение» of an article about the pair's one treaty started a record of its own.
    A title naming only a year («соглашение 2024 года») is as bare, and `score` takes it only when the
    document was signed that year (registry10). Its id; read from the pair's kinds alone."""
    if not is_bare(reading.terms) and named_year(reading.terms) is None:
        return None
    rows = Agreement.objects.filter(parties_key=reading.parties_key).exclude(pk__in=banned).order_by()
    kinds = {kind: (n, pk) for kind, n, pk in rows.values_list("kind").annotate(Count("pk"), Min("pk"))}
    same = [kinds[reading.kind]] if reading.kind in kinds else []
    if not same:
        same = [
            found
            for kind, found in kinds.items()
            if kind != Agreement.Kind.OTHER and compatible_kinds(reading.kind, kind)
        ]
    return same[0][1] if len(same) == 1 and same[0][0] == 1 else None


def _fits(reading: Reading, candidate: Candidate) -> bool:
    """Nothing but the wording stands between a mention and an agreement: the same kind, a title of
    its own (not bare), no signing date that differs (not even a year-less one), no year far from
    the agreement's, and a stage the agreement's life can still take (not a second signing)."""
    terms = candidate.terms or {}
    if candidate.kind != reading.kind or reading.kind not in PARAPHRASED or is_bare(reading.terms):
        return False
    if reading.status == Agreement.Status.SIGNED and reading.date:
        signed = [PartialDate(*d) for d in terms.get("signed_dates") or []]
        if any(not dates_overlap(reading.date, d) for d in signed):
            return False
    years = terms.get("years") or []
    if reading.date.year and years and min(abs(reading.date.year - y) for y in years) > YEARS_APART:
        return False
    return True


def _overlaps(reading: Reading, candidate: Candidate) -> bool:
    """Whether the mention's title shares a distinctive (not generic) word with the agreement's:
    another document it could as well be."""
    mine = {w for w in reading.terms if w not in GENERIC_SUBJECT}  # a shared epithet is a doubt too
    return any(mine & set(theirs) for theirs in (candidate.terms or {}).get("titles", []))


def _years_from(reading: Reading, terms: dict) -> int:
    """How many years lie between the mention's date and the nearest one the agreement has seen."""
    years = terms.get("years") or []
    if not reading.date.year or not years:
        return 0
    return min(abs(reading.date.year - y) for y in years)


# --- derivation ------------------------------------------------------------------------------------


def _title_rank(title: str) -> tuple:
    return (len(title.split()), len(title))


def _date_rank(status: str, date: PartialDate) -> tuple:
    """Which claim gives the agreement's date: a signed stage's first, then the more precise."""
    precision = {"day": 3, "day_month": 1, "month": 2, "year": 1}.get(date.precision, 0)
    return (status == Agreement.Status.SIGNED, precision > 0, precision)


def new_agreement(reading: Reading) -> Agreement:
    """An agreement for a mention that is none of the known ones; `refresh` fills it in."""
    agreement = Agreement(
        kind=reading.kind,
        title=reading.title or reading.kind,
        status=reading.status,
        parties_key=reading.parties_key,
        terms=_empty_terms(),
    )
    agreement.save()
    return agreement


def _empty_terms() -> dict:
    return {
        "titles": [],
        "signatories": [],
        "signed": None,
        "signed_dates": [],
        "years": [],
        "date_rank": None,
        "amends": False,
        "cores": [],  # the cores of titles naming their parties («… между A и B»), less that phrase
        "plain": [],  # the titles naming none
    }


def _fold(state: dict, reading: Reading) -> None:
    """Take one visible claim's reading into the derived state (order does not matter)."""
    terms = state["terms"]
    words = reading.terms
    if amends(reading.title):
        terms["amends"] = True
    if words and words not in terms["titles"] and len(terms["titles"]) < MAX_TITLES:
        terms["titles"].append(words)
    remember(terms, reading.title, words, reading.core, MAX_TITLES)
    for pk in reading.signatories:
        if pk not in terms["signatories"]:
            terms["signatories"].append(pk)
    if reading.date.year and reading.date.year not in terms["years"]:
        terms["years"].append(reading.date.year)
    if reading.status == Agreement.Status.SIGNED and reading.date:
        day = [reading.date.year, reading.date.month, reading.date.day]
        dates = terms.setdefault("signed_dates", [])
        if day not in dates and len(dates) < MAX_TITLES:
            dates.append(day)
        current = PartialDate(*terms["signed"]) if terms["signed"] else None
        if current is None or _date_rank("signed", reading.date) > _date_rank("signed", current):
            terms["signed"] = [reading.date.year, reading.date.month, reading.date.day]
    if reading.title and _title_rank(reading.title) > _title_rank(state["title"]):
        state["title"] = reading.title
        if reading.kind != Agreement.Kind.OTHER:
            state["kind"] = reading.kind
    if state["kind"] == Agreement.Kind.OTHER and reading.kind != Agreement.Kind.OTHER:
        state["kind"] = reading.kind
    stage = (Agreement.stage_rank(reading.status), _date_rank(reading.status, reading.date))
    if stage > state["stage"]:
        state["stage"], state["status"] = stage, reading.status
    rank = _date_rank(reading.status, reading.date)
    if reading.date and (state["date_rank"] is None or rank > state["date_rank"]):
        state["date"], state["date_rank"] = reading.date, rank
    state["parties"].update(p for p in reading.parties_key.split("-") if p)


def _new_state() -> dict:
    return {
        "terms": _empty_terms(),
        "title": "",
        "kind": Agreement.Kind.OTHER,
        "status": Agreement.Status.OTHER,
        "stage": (-1,),
        "date": None,
        "date_rank": None,
        "parties": set(),
    }


def terms_of(readings: Iterable[Reading]) -> dict:
    """The `terms` an agreement of these readings alone would have (what `refresh` stores)."""
    state = _new_state()
    for reading in readings:
        _fold(state, reading)
    return state["terms"]


def reading_of(claim: AgreementClaim, signatories: list[int] | None = None) -> Reading:
    if signatories is None:
        signatories = [o.pk for o in claim.signatories.all()]
    return Reading(
        kind=claim.kind,
        title=claim.title,
        status=claim.status,
        date=claim.partial_date,
        parties_key=claim.parties_key,
        signatories=signatories,
    )


def refresh(agreement: Agreement, added: list[Reading] | None = None) -> None:
    """Derive the agreement's fields from its visible claims, or — `added` — fold only new readings
    into what it has (an import adding mentions to a document with thousands of claims)."""
    if added is None:
        claims = AgreementClaim.objects.visible().filter(agreement=agreement).prefetch_related("signatories")
        readings = [reading_of(c) for c in claims if c.title]  # an editor's own claim has no reading
        state = _new_state()
        if not readings:
            return  # an agreement whose claims are all hidden keeps what it had
    else:
        readings = added
        terms = {**_empty_terms(), **copy.deepcopy(agreement.terms or {})}  # compared below
        state = {
            "terms": terms,
            "title": agreement.title,
            "kind": agreement.kind,
            "status": agreement.status,
            "stage": (Agreement.stage_rank(agreement.status), (True, True, 3)),
            "date": agreement.partial_date or None,
            "date_rank": tuple(terms["date_rank"]) if terms.get("date_rank") else None,
            "parties": set(),
        }
    for reading in readings:
        _fold(state, reading)
    state["terms"]["date_rank"] = list(state["date_rank"]) if state["date_rank"] else None
    _store(agreement, state, full=added is None)


def _store(agreement: Agreement, state: dict, full: bool) -> None:
    protected = agreement.protected()
    values = {"terms": state["terms"]}
    if "title" not in protected and state["title"]:
        values["title"] = state["title"][:500]
    if "kind" not in protected:
        values["kind"] = state["kind"]
    if "status" not in protected:
        values["status"] = state["status"]
    if "date_year" not in protected and (full or state["date"]):
        date = state["date"] or PartialDate()
        values.update(date_year=date.year, date_month=date.month, date_day=date.day)
    changed = [k for k, v in values.items() if getattr(agreement, k) != v]
    if "terms" in changed:
        store_keys(agreement, before=registry_keys.of_terms(agreement.terms), after=values["terms"])
    if changed:
        for key in changed:
            setattr(agreement, key, values[key])
        agreement.save()
    if "parties" not in protected and state["parties"]:
        _grow(agreement.parties, state["parties"], full)
    if "signatories" not in protected:
        _grow(agreement.signatories, set(state["terms"]["signatories"]), full)


def store_keys(agreement: Agreement, *, before: set[str] | None = None, after: dict | None = None) -> None:
    """Keep the agreement's `AgreementKey` rows those of its terms (`after`, else its own): the keys
    it had (`before`, else read) that are gone deleted, the new ones added."""
    wanted = registry_keys.of_terms(agreement.terms if after is None else after)
    rows = AgreementKey.objects.filter(agreement=agreement)
    if before is None:
        before = set(rows.values_list("key", flat=True))
        rows.exclude(parties_key=agreement.parties_key).update(parties_key=agreement.parties_key)
    if before - wanted:
        rows.filter(key__in=before - wanted).delete()
    AgreementKey.objects.bulk_create(
        [
            AgreementKey(agreement=agreement, parties_key=agreement.parties_key, key=k)
            for k in wanted - before
        ],
        ignore_conflicts=True,
    )


def _grow(related, wanted: set, full: bool) -> None:
    """A derived many-to-many: exactly `wanted` after a full derivation, at least it after a fold."""
    have = set(related.values_list("pk", flat=True))
    if full and have != wanted:
        related.set(wanted)
    elif not full and wanted - have:
        related.add(*(wanted - have))


# --- judgements ------------------------------------------------------------------------------------
