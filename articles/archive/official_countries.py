"""One person, one country across articles: the Official's country is the one its articles support.

Each article's OfficialClaim carries the country that article gives the person (or none). The
Official's own country follows its *visible* claims with a country:

- one country among them → that country;
- several, one of them a clear majority (at least `CLEAR_MAJORITY` of the votes, and alone on top) →
  the majority's country, and the official is listed for review (the texts disagree);
- several, no clear majority (a tie, 2 against 1 …) → the country stays as it was, listed for review.

Nothing is recomputed for a country an editor set (`"country" in official.protected()`): the
editor's choice stands and the official leaves the review list. Called whenever claims change:
import and `reextract` (claims.py), merges (merging.py) and the claims tables on the article page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.db.models import Count

from articles.models import Official, OfficialClaim

# The share of an official's country votes one country needs to win a disagreement on its own.
CLEAR_MAJORITY = 2 / 3


def verdict(votes: Counter) -> tuple[str | None, bool]:
    """(the country the votes give, or None for "leave it as it is"; are the texts in dispute?)"""
    votes = Counter({c: n for c, n in votes.items() if c and n > 0})
    if not votes:
        return None, False
    ranked = votes.most_common()
    if len(ranked) == 1:
        return ranked[0][0], False
    (top, n), (_, second) = ranked[0], ranked[1]
    clear = n > second and n >= CLEAR_MAJORITY * sum(votes.values())
    return (top if clear else None), True


def votes_of(official_ids: Iterable[int]) -> dict[int, Counter]:
    """Each official's visible claims with a country, counted by country: one grouped query."""
    out: dict[int, Counter] = {pk: Counter() for pk in official_ids}
    rows = (
        OfficialClaim.objects.visible()
        .filter(official__in=list(out), country__isnull=False)
        .values_list("official", "country")
        .annotate(n=Count("id"))
        .order_by()
    )
    for official, country, n in rows:
        out[official][country] = n
    return out


def recompute(officials: Iterable[Official | int]) -> int:
    """Bring the officials' country and dispute flag in line with their claims; returns how many
    changed. Officials whose country an editor set keep it and are not in dispute."""
    ids = sorted({o if isinstance(o, int) else o.pk for o in officials if o is not None})
    if not ids:
        return 0
    records = Official.objects.filter(pk__in=ids).only("country", "country_disputed", "edited_fields")
    by_id = {o.pk: o for o in records}
    votes = votes_of(by_id)
    changed = 0
    for pk, official in by_id.items():
        if "country" in official.protected():
            country, disputed = official.country_id, False
        else:
            country, disputed = verdict(votes[pk])
            country = country or official.country_id
        if (country, disputed) != (official.country_id, official.country_disputed):
            # update(): a recount is no edit, and must not touch updated_at's meaning for editors
            Official.objects.filter(pk=pk).update(country_id=country, country_disputed=disputed)
            changed += 1
    return changed


def settle(official: Official, country_id: str | None) -> None:
    """An editor picked the official's country from the review list: it is theirs from now on."""
    official.country_id = country_id
    official.country_disputed = False
    official.record_edits(["country"])
    official._change_reason = "страна выбрана в списке проверки"
    official.save()
