"""Extracted entities → claims on one article, inside the caller's transaction.

Only machine claims nobody has decided on (`machine_proposed()`) are ever deleted or rewritten.
Confirmed, rejected and editor-made claims stay; a rejected claim's row stays too, so the unique
(article, entity) constraint keeps the extractor from proposing that entity again. Evidence (spans
and quote) of a claim the extractor finds again is updated, whatever its state: it must point
into the current body.

Officials are resolved across articles (by normalised name or any recorded alias), agreements too
(articles/archive/registry.py: a mention joins the document it is, or starts a new one; within an
article the mention's key finds its earlier claim), and an article has at most one primary pair —
none set by the machine when an editor chose one.
"""

from __future__ import annotations

from articles.archive import claim_rows, generation, official_countries, pair_months
from articles.archive.agreement_claims import apply_agreements
from articles.archive.official_resolution import resolve_official
from articles.models import (
    Article,
    ArticlePair,
    ClaimState,
    CountryClaim,
    Official,
    OfficialClaim,
)
from articles.pipeline.extraction.entities import Extraction, OfficialMention
from articles.pipeline.text import normalise


def apply_extraction(
    article: Article,
    extraction: Extraction,
    known_countries: set[str],
    *,
    fresh: bool = False,
    placing: bool = False,
) -> None:
    """Upsert the article's machine claims from `extraction`; editor decisions stay as they are.

    `fresh`: the article was created in this transaction, so it has no claims yet — nothing to
    read back, and each kind of claim is inserted in one statement with its history rows (the
    import's common case: 45 → 30 statements an article). `placing`: the caller puts the article in
    its story next, which recounts the story; otherwise its story is recounted here."""
    body = article.body
    # The article and its claims are new to readers once this commits; officials and outlets are
    # only added, so what importers remember of them stays true.
    generation.bump_on_commit(records=False)
    _apply_countries(article, extraction, known_countries, body, fresh)
    officials = _apply_officials(article, extraction.officials, known_countries, body, fresh)
    apply_agreements(article, extraction.agreements, officials, known_countries, body, fresh)
    _apply_pairs(article, extraction, known_countries, fresh)
    if not placing:
        pair_months.refresh([article.story_id], [article.pk])


def _apply_countries(
    article: Article, extraction: Extraction, known: set[str], body: str, fresh: bool
) -> None:
    existing = claim_rows.existing(
        CountryClaim.objects.filter(article=article), lambda c: c.country_id, fresh
    )
    produced = set()
    new = []
    for mention in extraction.countries:
        iso = (mention.iso or "").upper()
        if iso not in known or iso in produced:
            continue
        produced.add(iso)
        evidence = claim_rows.evidence(body, mention.spans)
        claim = existing.get(iso)
        if claim is None:
            new.append(CountryClaim(article=article, country_id=iso, **evidence))
        elif claim_rows.changed(claim, evidence):
            claim_rows.assign(claim, evidence)
            claim.save(update_fields=list(evidence))
    claim_rows.insert(CountryClaim, new)
    stale = [c.pk for iso, c in existing.items() if iso not in produced and claim_rows.is_machine_proposed(c)]
    if stale:
        CountryClaim.objects.filter(pk__in=stale).delete()


def _apply_officials(
    article: Article, mentions: list[OfficialMention], known: set[str], body: str, fresh: bool
) -> dict[str, Official]:
    """Upsert official claims; returns every name form seen → Official (for signatories)."""
    existing = claim_rows.existing(
        OfficialClaim.objects.filter(article=article), lambda c: c.official_id, fresh
    )
    produced: set[int] = set()
    new = []
    by_form: dict[str, Official] = {}
    recount: dict[int, Official | int] = {}  # officials whose country votes changed
    for mention in mentions:
        official = resolve_official(mention, known)
        if official is None:
            continue
        for form in [mention.name, *mention.aliases]:
            by_form[normalise(form)] = official
        if official.pk in produced:
            continue
        produced.add(official.pk)
        country = mention.country.upper() if mention.country and mention.country.upper() in known else None
        if _moves_votes(official, existing.get(official.pk), country):
            recount[official.pk] = official
        values = {
            **claim_rows.evidence(body, mention.spans),
            "position": mention.position[:500],
            "rank": mention.rank[:100],
            "country_id": country,
        }
        claim = existing.get(official.pk)
        if claim is None:
            new.append(OfficialClaim(article=article, official=official, **values))
        else:
            if not claim_rows.is_machine_proposed(
                claim
            ):  # an editor decided: keep their position and country
                values = {k: v for k, v in values.items() if k in ("spans", "start", "end", "quote")}
            if claim_rows.changed(claim, values):
                claim_rows.assign(claim, values)
                claim.save(update_fields=[k for k in values])
    claim_rows.insert(OfficialClaim, new)
    stale = [c for oid, c in existing.items() if oid not in produced and claim_rows.is_machine_proposed(c)]
    if stale:
        OfficialClaim.objects.filter(pk__in=[c.pk for c in stale]).delete()
        recount.update({c.official_id: c.official_id for c in stale if c.country_id})
    official_countries.recompute(recount.values())
    return by_form


def _moves_votes(official: Official, claim: OfficialClaim | None, country: str | None) -> bool:
    """Can this article's claim change the official's country or dispute? Not when it gives none,
    nor when it repeats the official's country (a vote for the country they have keeps it, and
    keeps a dispute a dispute), which is nearly always: then no recount is needed — a recount of
    someone named in 40,000 articles reads all their claims."""
    if claim is not None:
        return claim_rows.is_machine_proposed(claim) and claim.country_id != country
    return country is not None and country != official.country_id


# - agreements -


def _apply_pairs(article: Article, extraction: Extraction, known: set[str], fresh: bool) -> None:
    existing = claim_rows.existing(
        ArticlePair.objects.filter(article=article), lambda p: (p.country_a_id, p.country_b_id), fresh
    )
    # An editor's primary pair (confirmed or made by hand) is final: the machine sets no other.
    editor_primary = any(
        p.primary and p.state != ClaimState.REJECTED and not claim_rows.is_machine_proposed(p)
        for p in existing.values()
    )
    wanted: dict[tuple[str, str], tuple[bool, float]] = {}
    for mention in extraction.pairs:
        a, b = sorted(c.upper() for c in mention.countries)
        if a == b or a not in known or b not in known:
            continue
        primary = bool(mention.primary) and not editor_primary and not any(p for p, _ in wanted.values())
        if (a, b) in wanted:
            primary = primary or wanted[(a, b)][0]
        wanted[(a, b)] = (primary, float(mention.score))
    # Free the primary slot first: the constraint allows one primary pair an article.
    for key, pair in existing.items():
        if claim_rows.is_machine_proposed(pair) and pair.primary and not wanted.get(key, (False, 0))[0]:
            pair.primary = False
            pair.save(update_fields=["primary"])
            pair_months.primary_changed(article, pair)
    new = []
    for key, (primary, score) in wanted.items():
        pair = existing.get(key)
        if pair is None:
            new.append(
                ArticlePair(
                    article=article, country_a_id=key[0], country_b_id=key[1], primary=primary, score=score
                )
            )
        elif claim_rows.is_machine_proposed(pair):
            if pair.primary != primary or pair.score != score:
                flipped = pair.primary != primary
                pair.primary, pair.score = primary, score
                pair.save(update_fields=["primary", "score"])
                if flipped:
                    pair_months.primary_changed(article, pair)
    claim_rows.insert(ArticlePair, new)
    pair_months.pairs_added(article, new)
    stale = [p for key, p in existing.items() if key not in wanted and claim_rows.is_machine_proposed(p)]
    if stale:
        pair_months.pairs_removed(article, stale)
        ArticlePair.objects.filter(pk__in=[p.pk for p in stale]).delete()
