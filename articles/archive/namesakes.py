"""Officials that may be one person under two spellings: the candidates of the officials review list.

Blocking keeps this cheap at any size: officials are indexed on the skeleton of their surname
(`Official.surname_key`, articles/pipeline/name_keys.py), so the candidates are the officials of the
keys more than one official shares — one GROUP BY over that index and one lookup by it — and names
are compared only inside a key's block. A block larger than `MAX_BLOCK` (a surname as common as
«Ким» or «Ли») is compared only among its `MAX_BLOCK` most recent officials, which bounds the work
at `MAX_BLOCK²/2` comparisons a block.

A pair an editor marked "different" (OfficialJudgement) never returns; a pair they confirmed is
merged (articles/archive/merging.py), so one of the two no longer exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from django.db.models import Count

from articles.models import Official, OfficialJudgement
from articles.pipeline.name_keys import likeness

MAX_BLOCK = 60
# A pair below this is not worth an editor's look: a different first name or patronymic.
MIN_SCORE = 0.55
# Two countries both known and different: the same name is most likely two people; kept on the list
# only when the names are the same up to spelling.
OTHER_COUNTRY = 0.6


@dataclass(frozen=True)
class Candidate:
    first: Official
    second: Official
    score: float

    @property
    def people(self) -> tuple[Official, Official]:
        return self.first, self.second


def _shared_keys():
    """The surname keys more than one official has (a subquery: GROUP BY over the key's index)."""
    return (
        Official.objects.exclude(surname_key="")
        .values("surname_key")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .values("surname_key")
    )


def _blocks() -> dict[str, list[Official]]:
    blocks: dict[str, list[Official]] = {}
    rows = (
        Official.objects.filter(surname_key__in=_shared_keys())
        .only("full_name", "surname_key", "country", "position")
        .order_by("surname_key", "-pk")
    )
    for official in rows.iterator(chunk_size=2000):
        block = blocks.setdefault(official.surname_key, [])
        if len(block) < MAX_BLOCK:
            block.append(official)
    return blocks


def score(a: Official, b: Official) -> float:
    """How likely `a` and `b` are one person: the names' likeness, less for two known countries."""
    value = likeness(a.full_name, b.full_name)
    if a.country_id and b.country_id and a.country_id != b.country_id:
        value *= OTHER_COUNTRY
    return round(value, 2)


def candidates(limit: int = 200) -> list[Candidate]:
    """The likeliest pairs of one person recorded twice, best first, none an editor set apart."""
    blocks = _blocks()
    judged = set(
        OfficialJudgement.objects.filter(official__surname_key__in=_shared_keys()).values_list(
            "official_id", "other_id"
        )
    )
    found = []
    for block in blocks.values():
        for a, b in combinations(sorted(block, key=lambda o: o.pk), 2):
            if (a.pk, b.pk) in judged:
                continue
            value = score(a, b)
            if value >= MIN_SCORE:
                found.append(Candidate(a, b, value))
    found.sort(key=lambda c: (-c.score, c.first.full_name, c.first.pk, c.second.pk))
    return found[:limit]


def mark_different(first_id: int, second_id: int, editor=None) -> OfficialJudgement:
    """An editor's word: these two are different people. The pair leaves the list for good."""
    if int(first_id) == int(second_id):
        raise ValueError("an official is not different from itself")
    return OfficialJudgement.different(first_id, second_id, editor=editor)
