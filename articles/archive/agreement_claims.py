"""An article's agreement claims, inside the writer's transaction: each extracted mention read
(`registry.Reading`), resolved to the document it is (archive/registry.py), and written as a claim
with its evidence, stage, stage date, title and signatories; editors' claims and decisions stay.
"""

from __future__ import annotations

from articles.archive import claim_rows, registry, registry_order
from articles.archive.official_resolution import resolve_official
from articles.models import (
    Agreement,
    AgreementClaim,
    AgreementJudgement,
    Article,
    ClaimOrigin,
    Official,
    ReviewState,
)
from articles.pipeline.extraction.entities import AgreementMention, OfficialMention
from articles.pipeline.text import normalise


def _agreement_key(mention: AgreementMention) -> str:
    return (mention.key or f"{mention.kind}:{normalise(mention.title)}")[:300]


def _reading(mention: AgreementMention, officials: dict[str, Official], known: set[str]) -> registry.Reading:
    """The article's own reading of the document, as its claim stores it."""
    kinds = set(Agreement.Kind.values)
    statuses = set(Agreement.Status.values)
    signatories: list[int] = []
    for name in mention.signatories:
        official = officials.get(normalise(name)) or resolve_official(OfficialMention(name=name), known)
        if official is not None and official.pk not in signatories:
            signatories.append(official.pk)
    return registry.Reading(
        kind=mention.kind if mention.kind in kinds else Agreement.Kind.OTHER,
        title=(mention.title.strip() or mention.kind)[:500],
        status=mention.status if mention.status in statuses else Agreement.Status.OTHER,
        date=mention.date,
        parties_key=registry.parties_key(p for p in mention.parties if p and p.upper() in known),
        signatories=signatories,
    )


def _claim_values(reading: registry.Reading) -> dict:
    return {
        "kind": reading.kind,
        "title": reading.title,
        "status": reading.status,
        "date_year": reading.date.year,
        "date_month": reading.date.month,
        "date_day": reading.date.day,
        "parties_key": reading.parties_key,
    }


def apply_agreements(
    article: Article,
    mentions: list[AgreementMention],
    officials: dict[str, Official],
    known: set[str],
    body: str,
    fresh: bool,
) -> None:
    """Each mention a claim on one registry agreement (articles/archive/registry.py): an existing
    claim (by the mention's key) keeps its agreement; a new one is resolved across articles."""
    existing = claim_rows.existing(
        AgreementClaim.objects.filter(article=article).select_related("agreement"),
        lambda c: c.match_key,
        fresh,
    )
    wanted: dict[str, tuple[AgreementMention, registry.Reading]] = {}
    for mention in mentions:
        key = _agreement_key(mention)
        if key not in wanted:
            wanted[key] = (mention, _reading(mention, officials, known))
    wanted = registry_order.one_per_document(wanted)
    registry.lock(r.parties_key for _, r in wanted.values() if r.parties_key)
    judged = {} if fresh else registry.judgements_of(article.pk)
    new: list[AgreementClaim] = []
    added: dict[int, tuple[Agreement, list]] = {}  # agreements that gained claims, and their readings
    changed: dict[int, Agreement] = {}  # agreements whose claims changed: derived again in full
    # One claim an article and agreement: two documents of one text never resolve to one record.
    named = {c.agreement_id for c in existing.values()}
    # Titled mentions first: a bare «соглашение» must not take the record that the same text's «договор
    # о недрах» names, leaving the titled one to start a second record; then the fullest title first
    # (`registry_order`).
    ordered = registry_order.resolution_order(list(wanted.items()))
    for key, (mention, reading) in ordered:
        values = {**claim_rows.evidence(body, mention.spans), **_claim_values(reading)}
        claim = existing.get(key)
        if claim is None:
            agreement = registry.resolve(reading, judged.get(key), exclude=named) or registry.new_agreement(
                reading
            )
            named.add(agreement.pk)
            claim = AgreementClaim(article=article, agreement=agreement, match_key=key, **values)
            claim.reading = reading
            new.append(claim)
            added.setdefault(agreement.pk, (agreement, []))[1].append(reading)
            continue
        if claim.origin == ClaimOrigin.EDITOR:  # an editor's own claim: only its evidence follows the text
            values = {k: v for k, v in values.items() if k in ("spans", "start", "end", "quote")}
        moved = _resolve_again(claim, reading, judged.get(key), named)
        if moved:
            named.add(claim.agreement_id)
        reading_changed = claim_rows.changed(claim, values)
        if reading_changed:
            claim_rows.assign(claim, values)
            claim.save(update_fields=[*values, *(["agreement"] if moved else [])])
        elif moved:
            claim.save(update_fields=["agreement"])
        if claim.origin != ClaimOrigin.EDITOR and _set_signatories(claim, reading.signatories):
            reading_changed = True
        if reading_changed or moved:
            changed[claim.agreement_id] = claim.agreement
        if moved:
            changed[moved.pk] = moved
    claim_rows.insert(AgreementClaim, new)
    AgreementClaim.signatories.through.objects.bulk_create(
        [
            AgreementClaim.signatories.through(agreementclaim_id=c.pk, official_id=pk)
            for c in new
            for pk in c.reading.signatories
        ]
    )
    gone = [c for k, c in existing.items() if k not in wanted and claim_rows.is_machine_proposed(c)]
    for claim in gone:
        changed[claim.agreement_id] = claim.agreement
        claim.delete()
    for pk, (agreement, readings) in added.items():
        if pk not in changed:
            registry.refresh(agreement, added=readings)
    for agreement in changed.values():
        _refresh_or_drop(agreement)


def _resolve_again(
    claim: AgreementClaim, reading: registry.Reading, judged, named: set[int]
) -> Agreement | None:
    """On re-extraction, a machine claim nobody decided on that is its agreement's only one is
    resolved again: a mention read one way at first, or imported before the registry, joins the
    document it is. Returns the agreement it left (now empty), or None when it stays."""
    if not claim_rows.is_machine_proposed(claim) or judged:
        return None
    agreement = claim.agreement
    if (
        _agreement_edited(agreement)
        or AgreementClaim.objects.filter(agreement=agreement).count() > 1
        or AgreementJudgement.objects.filter(agreement=agreement).exists()  # an editor has looked at it
    ):
        return None
    other = registry.resolve(reading, exclude=named)  # (its own agreement is among them)
    if other is None:
        return None
    claim.agreement = other
    return agreement


def _refresh_or_drop(agreement: Agreement) -> None:
    """Derive an agreement again after its claims changed; one left with no claim was a machine
    guess nobody kept (its page redirects to where its last mention went, if anywhere)."""
    if not AgreementClaim.objects.filter(agreement=agreement).exists() and not _agreement_edited(agreement):
        agreement.delete()
        return
    registry.refresh(agreement)


def _set_signatories(claim: AgreementClaim, wanted: list[int]) -> bool:
    if sorted(claim.signatories.values_list("pk", flat=True)) == sorted(wanted):
        return False
    claim.signatories.set(wanted)
    return True


def _agreement_edited(agreement: Agreement) -> bool:
    return bool(agreement.edited_fields) or agreement.review_state == ReviewState.REVIEWED


# - pairs -
