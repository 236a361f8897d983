"""Which Official a mention of a person is, across articles: by the normalised name or any recorded form
of it (OfficialAlias), a surname alone only where it points to one person, a namesake of another state
kept apart; a new Official otherwise. Used by the officials' and the agreements' claims (signatories).
"""

from __future__ import annotations

import copy

from django.db import IntegrityError, transaction

from articles.archive import claim_rows, generation
from articles.models import Official, OfficialAlias
from articles.pipeline.extraction.entities import OfficialMention
from articles.pipeline.name_keys import compatible, is_weak, surname_key
from articles.pipeline.text import normalise


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
        claim_rows.assign(official, updates)
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
