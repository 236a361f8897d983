"""extract(): parsed article → entities. The one entry point import and reextract call.

Order: countries → officials (who need the countries) → agreements (parties, signatories) → pairs
(which weigh the agreements' parties and the officials' countries). An agreement that names fewer
than two parties gets the article's pair when it is clearly about it. A stage that fails is logged
and left empty: one odd text must not stop an import of thousands.
"""

from __future__ import annotations

import dataclasses
import logging
import re

from articles.pipeline.extraction.agreements import find_agreements
from articles.pipeline.extraction.countries import CountryHit, group_hits, scan_countries
from articles.pipeline.extraction.entities import CountryMention, Extraction, OfficialMention
from articles.pipeline.extraction.headline_stage import raise_from_headline
from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.extraction.officials import find_officials
from articles.pipeline.extraction.organisations import OrganisationMatcher
from articles.pipeline.extraction.pairs import find_pairs
from articles.pipeline.parsing import ParsedArticle

log = logging.getLogger(__name__)


def extract(article: ParsedArticle, lexicon: Lexicon) -> Extraction:
    body = article.body or ""
    title = "" if article.title_derived else (article.title or "")
    result = Extraction()

    organisations = _stage("organisations", article, lambda: _organisations(body, lexicon), [])
    all_hits = _stage("countries", article, lambda: scan_countries(body, lexicon, places=True), [])
    all_hits = _states_of_organisations(all_hits, organisations)
    # A capital that only says where («переговоры прошли в Баку») is in the article's list of
    # countries, but is no state acting: posts, parties and pairs read the other mentions.
    hits = [h for h in all_hits if h.kind != "place"]
    title_hits = _stage("title countries", article, lambda: scan_countries(title, lexicon), [])
    result.countries = _with_title(group_hits(all_hits), title_hits)

    result.officials = _stage("officials", article, lambda: _officials(title, body, hits, lexicon), [])
    result.agreements = _stage(
        "agreements",
        article,
        lambda: find_agreements(body, hits, result.officials, lexicon, article.date, organisations),
        [],
    )
    result.pairs = _stage(
        "pairs",
        article,
        lambda: find_pairs(body, hits, result.officials, result.agreements, title, title_hits, organisations),
        [],
    )
    result.agreements = _stage(
        "headline stage",
        article,
        lambda: raise_from_headline(result.agreements, title, title_hits, lexicon, body),
        result.agreements,
    )
    states = list(dict.fromkeys(h.iso for h in hits))
    result.agreements = _between_states(result.agreements, result.primary_pair, states)
    return result


# Kinds two states sign with each other; a contract, a plan or a statement may be one side's own.
BILATERAL_KINDS = frozenset({"treaty", "agreement", "memorandum", "declaration", "protocol"})


def _between_states(agreements, primary, states=()):
    """Agreements are between states. A document that names one party, or a crowd that includes the
    article's pair, gets the pair; one left with a single party (a ministry's domestic contract,
    «контракты с 30 странами») is not a cooperation agreement.

    With no pair the article is about, a treaty or agreement whose sentence names one party gets the
    one other state the whole text names: «Госдума приняла закон о приостановлении участия России в
    Договоре о сокращении … вооружений (ДСНВ) … если это первыми сделают США» — the text's only other
    state is the other party. With two or more others nothing tells which; with none, none."""
    kept = []
    for agreement in agreements:
        if primary is None and len(agreement.parties) == 1 and agreement.kind in BILATERAL_KINDS:
            others = [iso for iso in states if iso not in agreement.parties]
            if len(others) == 1 and agreement.parties[0] in states:
                agreement.parties = sorted([agreement.parties[0], others[0]])
        if primary is not None:
            pair = set(primary.countries)
            if len(agreement.parties) < 2 and set(agreement.parties) <= pair:
                agreement.parties = list(primary.countries)
            elif (
                len(agreement.parties) > 2 and pair <= set(agreement.parties) and not _multilateral(agreement)
            ):
                agreement.parties = list(primary.countries)  # the article's pair, not every bystander
        if len(agreement.parties) >= 2:
            kept.append(agreement)
    return kept


_MULTILATERAL = re.compile(r"(?:тр[её]х|четыр[её]х|пяти|много)сторон", re.IGNORECASE)


def _multilateral(agreement) -> bool:
    """«трёхсторонняя декларация»: the document says it has more than two parties; keep them all."""
    return bool(_MULTILATERAL.search(agreement.title or ""))


def _officials(title: str, body: str, hits: list[CountryHit], lexicon: Lexicon) -> list[OfficialMention]:
    """The people of the body and the title: a headline may be the only place a name has its post
    («В начале совещания губернатор Вологодской области Георгий Филимонов объявил …» over a body that
    says «Филимонов»), or a lead the page set as its title may be the only place a person is named.

    Read as one text with the title after the body, so that the body's mentions come first wherever
    the first mention counts (the post and the clause of the first full mention) and the title only
    fills in; spans past the body (the title's) are dropped."""
    if not title.strip():
        return _not_cut_off(find_officials(body, group_hits(hits), lexicon), body)
    shift = len(body) + len(_TITLE_BREAK)
    title_hits = [
        dataclasses.replace(h, start=h.start + shift, end=h.end + shift)
        for h in scan_countries(title, lexicon, places=True)
        if h.kind != "place"
    ]
    officials = find_officials(body + _TITLE_BREAK + title, group_hits(hits + title_hits), lexicon)
    for official in officials:
        official.spans = [(s, e) for s, e in official.spans if e <= len(body)]
    return _not_cut_off(officials, body)


def _not_cut_off(officials: list[OfficialMention], body: str) -> list[OfficialMention]:
    """Less a name named only where the copy stops mid-word, the text's last word with no stop after it
    («Глава МИД РФ Сергей Ла», «члена Политбюро Коммунистическ»)."""
    end = len(body.rstrip())
    last = re.search(r"[\w-]+$", body[:end])
    if last is None or not _cut_word(last.group(), body[: last.start()]):
        return officials  # («… — отметил Председатель Государственной Думы Вячеслав Володин»: whole, no stop)
    return [o for o in officials if not o.spans or any(e < end for _s, e in o.spans)]


def _cut_word(word: str, before: str) -> bool:
    """A text's last word cut off mid-word: short, the start of a longer word the text has, or no
    word the dictionary knows."""
    from articles.pipeline.nlp import morph

    low = word.lower()
    if len(low) <= 3 or re.search(rf"(?<!\w){re.escape(word)}\w", before):
        return True
    return not morph().word_is_known(low)


# Between the body and the title when they are read as one text: a paragraph break ends a sentence.
_TITLE_BREAK = "\n\n"


def _organisations(body: str, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """Organisations named in the body (the matcher reads abbreviations case-sensitively: «нас» is a word)."""
    return OrganisationMatcher.for_lexicon(lexicon).find(body)


def _states_of_organisations(
    hits: list[CountryHit], organisations: list[tuple[int, int, str]]
) -> list[CountryHit]:
    """A country word inside a known organisation's name names that organisation's state: «Трудовой партии
    Кореи», «Корейской народной армии» are North Korea's, though «Кореи» alone reads as South Korea."""
    out = []
    for hit in hits:
        org = next((o for o in organisations if o[0] <= hit.start and hit.end <= o[1]), None)
        out.append(dataclasses.replace(hit, iso=org[2]) if org is not None and org[2] != hit.iso else hit)
    return out


def _with_title(countries: list[CountryMention], title_hits: list[CountryHit]) -> list[CountryMention]:
    """A country named only in the title is still named: it gets no span (spans point into the body)."""
    known = {c.iso for c in countries}
    for h in title_hits:
        if h.iso not in known:
            known.add(h.iso)
            countries.append(CountryMention(iso=h.iso, spans=[]))
    return countries


def _stage(name, article, run, empty):
    try:
        return run()
    except Exception:  # noqa: BLE001 - logged with the file name; the rest of the article still counts
        log.exception("extraction stage %s failed on %s", name, article.source_file)
        return empty
