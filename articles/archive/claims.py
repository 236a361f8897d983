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

import copy

from django.db import IntegrityError, transaction
from simple_history.utils import bulk_create_with_history

from articles.archive import generation, official_countries, pair_months, registry, registry_order
from articles.models import (
    Agreement,
    AgreementClaim,
    AgreementJudgement,
    Article,
    ArticlePair,
    ClaimOrigin,
    ClaimState,
    CountryClaim,
    Official,
    OfficialAlias,
    OfficialClaim,
    ReviewState,
)
from articles.models.history import created_with_history, history_deferred
from articles.pipeline.extraction.entities import AgreementMention, Extraction, OfficialMention, Span
from articles.pipeline.name_keys import compatible, is_weak, surname_key
from articles.pipeline.text import normalise

QUOTE_LENGTH = 1000


def _evidence(body: str, spans: list[Span]) -> dict:
    """spans/start/end/quote for a claim: all spans, the first one shown as the quote."""
    clean = sorted(
        {(int(s), int(e)) for s, e in spans if 0 <= int(s) < int(e) <= len(body)},
    )
    if not clean:
        return {"spans": [], "start": None, "end": None, "quote": ""}
    start, end = clean[0]
    return {
        "spans": [list(s) for s in clean],
        "start": start,
        "end": end,
        "quote": body[start:end][:QUOTE_LENGTH],
    }


def _is_machine_proposed(claim) -> bool:
    return claim.origin == ClaimOrigin.EXTRACTED and claim.state == ClaimState.PROPOSED


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
    _apply_agreements(article, extraction.agreements, officials, known_countries, body, fresh)
    _apply_pairs(article, extraction, known_countries, fresh)
    if not placing:
        pair_months.refresh([article.story_id], [article.pk])


def _existing(queryset, key, fresh: bool) -> dict:
    return {} if fresh else {key(c): c for c in queryset}


def _insert(model, claims: list) -> None:
    """New claims: one INSERT for the rows and one for their history (deferred to the end of the
    transaction when the writer defers history: articles/models/history.py). A bulk insert sends
    no model signals; the archive's derived state (pair × month counts, the page cache's
    generation) is updated by the writer's explicit calls, not here."""
    if history_deferred():
        if claims:
            model.objects.bulk_create(claims)
            created_with_history(model, claims)
        return
    if len(claims) <= 1:
        for claim in claims:
            claim.save()
        return
    bulk_create_with_history(claims, model)


def _apply_countries(
    article: Article, extraction: Extraction, known: set[str], body: str, fresh: bool
) -> None:
    existing = _existing(CountryClaim.objects.filter(article=article), lambda c: c.country_id, fresh)
    produced = set()
    new = []
    for mention in extraction.countries:
        iso = (mention.iso or "").upper()
        if iso not in known or iso in produced:
            continue
        produced.add(iso)
        evidence = _evidence(body, mention.spans)
        claim = existing.get(iso)
        if claim is None:
            new.append(CountryClaim(article=article, country_id=iso, **evidence))
        elif _changed(claim, evidence):
            _assign(claim, evidence)
            claim.save(update_fields=list(evidence))
    _insert(CountryClaim, new)
    stale = [c.pk for iso, c in existing.items() if iso not in produced and _is_machine_proposed(c)]
    if stale:
        CountryClaim.objects.filter(pk__in=stale).delete()


def _changed(obj, values: dict) -> bool:
    return any(getattr(obj, k) != v for k, v in values.items())


def _assign(obj, values: dict) -> None:
    for key, value in values.items():
        setattr(obj, key, value)


# - officials -


def _forms(mention: OfficialMention) -> list[str]:
    """The name forms an official is recognised by: the full name and multi-word aliases."""
    forms = [" ".join(mention.name.split())]
    for alias in mention.aliases:
        alias = " ".join(alias.split())
        if len(alias.split()) >= 2 and alias not in forms:
            forms.append(alias)
    return [f for f in forms if f]


# Name form keys (normalised) → the id of the official each names, and those officials, as
# committed: a mention whose every form is known needs no query (an import resolves each mention
# of a person again in every article). Emptied when an editor may have renamed, merged or deleted one.
_owners = generation.Remembered()
_officials = generation.Remembered()


def resolve_official(mention: OfficialMention, known_countries: set[str]) -> Official | None:
    """The one Official a mention names, across articles: by name or any alias; created if absent.

    A match through a form many people answer to (a surname alone, initials: «Алиев», «И. Алиев»)
    holds only when the names agree and the countries do not contradict each other; otherwise the
    mention goes to that surname's person of its own country, or becomes a person of its own.
    Names already resolved in this process are remembered (no query) until another writer commits."""
    forms = _forms(mention)
    if not forms:
        return None
    keys = [normalise(f) for f in forms]
    country = (
        mention.country.upper() if mention.country and mention.country.upper() in known_countries else None
    )
    official = _remembered_official(keys)
    if official is not None and _same_person(forms[0], forms[0], official, country):
        if _complete(official := copy.copy(official), mention.position, country):
            _remember(official, {})
        return official
    official, matched, owners, names, aliases_read = _known_official(keys)
    if official is not None and not _same_person(forms[keys.index(matched)], forms[0], official, country):
        # A new person unless this very form is already someone's name (one name, one Official).
        official = _namesake(forms[0], country) or (official if keys[0] in names else None)
    if official is None:
        try:
            with transaction.atomic():
                official = Official.objects.create(
                    full_name=forms[0][:200], position=mention.position[:500], country_id=country
                )
        except IntegrityError:  # another process created this person a moment ago
            official = Official.objects.get(normalised=keys[0])
    else:
        _complete(official, mention.position, country)
    owners.update(_record_aliases(official, forms, owners, aliases_read))
    _remember(official, owners)
    return official


def _same_person(matched_form: str, name: str, official: Official, country: str | None) -> bool:
    """Is the official found by `matched_form` the person the mention named `name`?"""
    if not is_weak(matched_form):
        return True  # a full name: one person, whatever country a text gives them (see official_countries)
    if country and official.country_id and country != official.country_id:
        return False
    return compatible(name, official.full_name)


def _namesake(name: str, country: str | None) -> Official | None:
    """The one person of `country` whose name `name` can be (same surname key, no contradiction)."""
    if not country:
        return None
    found = [
        o
        for o in Official.objects.filter(surname_key=surname_key(name), country_id=country)[:20]
        if compatible(name, o.full_name)
    ]
    return found[0] if len(found) == 1 else None


def _complete(official: Official, position: str, country: str | None) -> bool:
    """Fill the official's position and country from a mention when they are empty and no editor
    set them; conditional in SQL, so a value another import wrote meanwhile stays."""
    updates, empty = {}, {}
    if not official.position and position and "position" not in official.protected():
        updates["position"], empty["position"] = position[:500], ""
    if official.country_id is None and country and "country" not in official.protected():
        updates["country_id"], empty["country__isnull"] = country, True
    if updates:
        Official.objects.filter(pk=official.pk, **empty).update(**updates)
        _assign(official, updates)
    return bool(updates)


def _remembered_official(keys: list[str]) -> Official | None:
    """The official the first key names, when every key is remembered as someone's name or alias
    (then nothing is left to look up or record); None otherwise."""
    owners = _owners.current()
    if not all(k in owners for k in keys):
        return None
    return _officials.current().get(owners[keys[0]])


def _remember(official: Official, owners: dict[str, int]) -> None:
    """Once the transaction commits: these keys name these officials, and `official` is current."""

    def remember() -> None:
        _owners.current().update(owners)
        _officials.current()[official.pk] = official

    transaction.on_commit(remember)


def _known_official(
    keys: list[str],
) -> tuple[Official | None, str | None, dict[str, int], set[str], bool]:
    """The official named by the first key that is someone's name or alias (a name before an alias
    for the same key), that key, the owners found (key → official id), the keys that are names, and
    whether aliases were read: one query when the first key is a name, as it mostly is; two otherwise."""
    by_name = {o.normalised: o for o in Official.objects.filter(normalised__in=keys)}
    owners = {k: o.pk for k, o in by_name.items()}
    if keys[0] in by_name:
        return by_name[keys[0]], keys[0], owners, set(by_name), False
    by_alias = {
        a.normalised: a.official
        for a in OfficialAlias.objects.filter(normalised__in=keys).select_related("official")
    }
    matched = next((k for k in keys if k in by_name or k in by_alias), None)
    found = (by_name.get(matched) or by_alias.get(matched)) if matched else None
    return found, matched, {**{k: o.pk for k, o in by_alias.items()}, **owners}, set(by_name), True


def _record_aliases(
    official: Official, forms: list[str], owners: dict[str, int], aliases_read: bool
) -> dict[str, int]:
    """Record the multi-word forms as the official's aliases unless they already name someone.
    `owners`: the keys known to be taken (every name among the forms' keys, and every alias when
    `aliases_read`). Returns the owner (official id) of each key now known."""
    keys = {normalise(f): f for f in forms}
    found = {official.normalised: official.pk}
    free = [k for k in keys if k not in owners and k not in found]
    if free and not aliases_read:
        found.update(
            OfficialAlias.objects.filter(normalised__in=free).values_list("normalised", "official_id")
        )
    for key in free:
        if key in found:
            continue  # this form already names someone (maybe another person): leave it there
        try:
            with transaction.atomic():
                OfficialAlias.objects.create(official=official, name=keys[key][:200])
        except IntegrityError:
            continue  # recorded by another process meanwhile: its owner is not known here
        found[key] = official.pk
    return found


def _apply_officials(
    article: Article, mentions: list[OfficialMention], known: set[str], body: str, fresh: bool
) -> dict[str, Official]:
    """Upsert official claims; returns every name form seen → Official (for signatories)."""
    existing = _existing(OfficialClaim.objects.filter(article=article), lambda c: c.official_id, fresh)
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
            **_evidence(body, mention.spans),
            "position": mention.position[:500],
            "rank": mention.rank[:100],
            "country_id": country,
        }
        claim = existing.get(official.pk)
        if claim is None:
            new.append(OfficialClaim(article=article, official=official, **values))
        else:
            if not _is_machine_proposed(claim):  # an editor decided: keep their position and country
                values = {k: v for k, v in values.items() if k in ("spans", "start", "end", "quote")}
            if _changed(claim, values):
                _assign(claim, values)
                claim.save(update_fields=[k for k in values])
    _insert(OfficialClaim, new)
    stale = [c for oid, c in existing.items() if oid not in produced and _is_machine_proposed(c)]
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
        return _is_machine_proposed(claim) and claim.country_id != country
    return country is not None and country != official.country_id


# - agreements -


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


def _apply_agreements(
    article: Article,
    mentions: list[AgreementMention],
    officials: dict[str, Official],
    known: set[str],
    body: str,
    fresh: bool,
) -> None:
    """Each mention a claim on one registry agreement (articles/archive/registry.py): an existing
    claim (by the mention's key) keeps its agreement; a new one is resolved across articles."""
    existing = _existing(
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
        values = {**_evidence(body, mention.spans), **_claim_values(reading)}
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
        reading_changed = _changed(claim, values)
        if reading_changed:
            _assign(claim, values)
            claim.save(update_fields=[*values, *(["agreement"] if moved else [])])
        elif moved:
            claim.save(update_fields=["agreement"])
        if claim.origin != ClaimOrigin.EDITOR and _set_signatories(claim, reading.signatories):
            reading_changed = True
        if reading_changed or moved:
            changed[claim.agreement_id] = claim.agreement
        if moved:
            changed[moved.pk] = moved
    _insert(AgreementClaim, new)
    AgreementClaim.signatories.through.objects.bulk_create(
        [
            AgreementClaim.signatories.through(agreementclaim_id=c.pk, official_id=pk)
            for c in new
            for pk in c.reading.signatories
        ]
    )
    gone = [c for k, c in existing.items() if k not in wanted and _is_machine_proposed(c)]
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
    if not _is_machine_proposed(claim) or judged:
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


def _apply_pairs(article: Article, extraction: Extraction, known: set[str], fresh: bool) -> None:
    existing = _existing(
        ArticlePair.objects.filter(article=article), lambda p: (p.country_a_id, p.country_b_id), fresh
    )
    # An editor's primary pair (confirmed or made by hand) is final: the machine sets no other.
    editor_primary = any(
        p.primary and p.state != ClaimState.REJECTED and not _is_machine_proposed(p)
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
        if _is_machine_proposed(pair) and pair.primary and not wanted.get(key, (False, 0))[0]:
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
        elif _is_machine_proposed(pair):
            if pair.primary != primary or pair.score != score:
                flipped = pair.primary != primary
                pair.primary, pair.score = primary, score
                pair.save(update_fields=["primary", "score"])
                if flipped:
                    pair_months.primary_changed(article, pair)
    _insert(ArticlePair, new)
    pair_months.pairs_added(article, new)
    stale = [p for key, p in existing.items() if key not in wanted and _is_machine_proposed(p)]
    if stale:
        pair_months.pairs_removed(article, stale)
        ArticlePair.objects.filter(pk__in=[p.pk for p in stale]).delete()
