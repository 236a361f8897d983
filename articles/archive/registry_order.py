"""One article's mentions of documents as the registry takes them: which of them name one document, and
in which order they are resolved.

**Named again.** One article's mentions never share a record (`agreement_claims.apply_agreements`: two documents
of one text are two records). But a text often names one document in two wordings its own reading
did not join: «подписали Соглашение о сотрудничестве в сфере безопасности между Украиной и …» and, a
paragraph on, «подписали еще одно соглашение по безопасности»; «соглашение о зоне свободной торговли»
and «соглашение о создании зоны свободной торговли». Left apart, the second starts a record of its own,
and every outlet that repeats both wordings splits the document in two. Two titled mentions of one text,
of one kind, whose titles the registry would join even more surely than two outlets' wordings
(`registry.score` at ONE_TEXT_SCORE, above JOIN_SCORE; no numbers or signing dates that differ) are one
mention: the fuller title's, with the other's spans, the later stage, a date and signatories it lacked
(`one_per_document`). On the titles alone: the signing day and the signatories a text gives are the same for every document signed that day,
so they tell nothing here (five memoranda signed by two ministers at one meeting stay five). Bare
mentions are left as they are: the extraction already joins «соглашение» to the name before it, and
one it left apart is one it had reason to.

**Order.** The title that says the most (its distinctive words weighing more than generic ones,
`registry.title_weight`) is the surest reading, so it is resolved first; a bare title says nothing and
is last (it fits any record of its kind, and must not take the one the text names); equals keep the
text's order. A text naming one document as «дорожная карта … на ближайшие несколько лет» and as
«дорожная карта развития в военной области … на 2017–2020 годы» then puts the title other outlets wrote
on their record.
"""

from __future__ import annotations

import dataclasses

from articles.archive import registry
from articles.archive.registry_titles import remember
from articles.models import Agreement
from articles.pipeline.dates import PartialDate

# Above JOIN_SCORE: a text that names two documents of one pair has its reasons, and its near titles
# are often two («Договор о сокращении стратегических наступательных вооружений» and «… потенциалов»,
# 0.75, tests/data/registry r36); one document named again keeps most of its words (0.8 and up).
ONE_TEXT_SCORE = 0.8


def resolution_order(items: list) -> list:
    """`items` as (key, (mention, reading)): titled before bare, then the fullest title first."""

    def rank(item):
        _key, (_mention, reading) = item
        terms = reading.terms
        return (registry.is_bare(terms), -registry.title_weight(terms))

    return sorted(items, key=rank)


def one_per_document(wanted: dict) -> dict:
    """`wanted` (key → (mention, reading)) with the mentions of one document in one text made one."""
    kept: list[list] = []  # [key, mention, reading]
    for key, (mention, reading) in resolution_order(list(wanted.items())):
        same = next((entry for entry in kept if _named_again(reading, entry[2])), None)
        if same is None:
            kept.append([key, mention, reading])
            continue
        same[1] = dataclasses.replace(same[1], spans=[*same[1].spans, *mention.spans])
        same[2] = _absorbed(same[2], reading)
    return {key: (mention, reading) for key, mention, reading in kept}


def _named_again(reading: registry.Reading, first: registry.Reading) -> bool:
    if registry.is_bare(reading.terms) or registry.is_bare(first.terms):
        return False
    if reading.kind != first.kind and not _retold(reading, first):
        return False
    if reading.parties_key != first.parties_key or not reading.parties_key:
        return False
    if reading.date.year and first.date.year and not registry.dates_overlap(reading.date, first.date):
        return False
    if _two_names(reading.title, first.title):
        return False
    titles_only = dataclasses.replace(reading, date=PartialDate(), signatories=[])
    terms = {"titles": [first.terms]}
    remember(terms, first.title, first.terms, first.core, registry.MAX_TITLES)
    value = registry.score(titles_only, terms, first.kind)
    return value is not None and value >= ONE_TEXT_SCORE - 1e-9


def _retold(reading: registry.Reading, first: registry.Reading) -> bool:
    """«мирное соглашение» and, a paragraph on, «мирный договор»: a treaty and an agreement of one text
    both named only by the adjective of one subject are one document, the press's two words for it
    (`registry._KIND_GROUPS`, `registry.genre_named`). Named by a subject («договор о рыболовстве»,
    «соглашение о рыболовстве») they are the extraction's call, and stay two here."""
    kinds = {reading.kind, first.kind}
    return (
        Agreement.Kind.OTHER not in kinds
        and registry.compatible_kinds(reading.kind, first.kind)
        and registry.genre_named(reading.title)
        and registry.genre_named(first.title)
        and reading.terms == first.terms
    )


def _two_names(one: str, other: str) -> bool:
    """Two titles written as names (a capital letter: «Договор о стратегических наступательных
    вооружениях», «Договор о сокращении стратегических наступательных вооружений») that differ name two
    documents; a text writes one document's name the same way again, or shortens it from the end."""
    if not (one[:1].isupper() and other[:1].isupper()):
        return False
    first, second = (" ".join(t.lower().split()) for t in (one, other))
    return not (first.startswith(second) or second.startswith(first))


def _absorbed(kept: registry.Reading, other: registry.Reading) -> registry.Reading:
    """The kept reading with what the other adds: a later stage, a date, signatories."""
    later = Agreement.stage_rank(other.status) > Agreement.stage_rank(kept.status)
    return dataclasses.replace(
        kept,
        status=other.status if later else kept.status,
        date=kept.date if kept.date else other.date,
        signatories=[*kept.signatories, *(pk for pk in other.signatories if pk not in kept.signatories)],
    )
