"""Documents a text lists one after another under a lead that speaks of them all.

«Парламент денонсировал пять соглашений с Россией. Среди этих документов — соглашение о …. Соглашение о
…, подписанное 2 декабря 2000 года и ратифицированное 15 ноября 2001 года.» The lead says what happened to
the whole series (denounced); each item's own words only recall its history (signed, ratified) in
participles, with no verb of the news. Each item then takes the lead's stage; and an item whose sentence
names one of the two states or none belongs to the pair of the item named just before it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from articles.pipeline.extraction.cues import RANK
from articles.pipeline.extraction.documents import cue_word_pos

if TYPE_CHECKING:
    from articles.pipeline.extraction.documents import Mention
    from articles.pipeline.extraction.surroundings import Surroundings

# Stages a lead may give a whole series: what is done to documents already in force.
SERIES_STAGES = frozenset({"ratified", "suspended", "terminated"})
# How far (in sentences) the items of a series run after its lead, and after one another.
SERIES_REACH = 6
RUN_REACH = 2
PARTICIPLE = frozenset({"PRTF", "PRTS"})


def _told_in_participles(text: str, mentions: list[Mention]) -> bool:
    """Every stage the document's own sentences give it is a participle («подписанное …», «было
    ратифицировано …»), none a verb of the news («подписали», «денонсировала»)."""
    return all(m.cue_start < 0 or cue_word_pos(m, text) in PARTICIPLE for m in mentions)


# «международные договоры»: the law's word for documents of every kind (agreements, memoranda, protocols).
_ANY_KIND = re.compile(r"международн\w*\s+$", re.I)


def _of_any_kind(text: str, lead: Mention) -> bool:
    """A lead naming its documents by the generic «международные договоры» speaks of any kind."""
    return lead.kind == "treaty" and bool(_ANY_KIND.search(text, max(0, lead.start - 20), lead.start))


def series_stage(
    leads: list[Mention],
    kind: str,
    mentions: list[Mention],
    status: str,
    ctx: Surroundings,
    run: tuple[Mention, int] | None = None,
) -> tuple[str, tuple[Mention, int] | None]:
    """The stage of the series a document is an item of, where the lead's stage goes further than the
    document's own participles: a plural of the document's kind with a stage of its own («денонсировала
    пять соглашений»), named before it within a few sentences, about the same states; and the run that
    goes on from it (the lead and the item's sentence), or None.

    A long list runs on past the lead's reach as long as its items follow one another (`run`: the lead
    the item before took, and that item's sentence): «соглашение с Данией, подписанное …;» as the eighth
    line under «расторжение ряда соглашений» is still an item, and so is a memorandum among them."""
    if not mentions:
        return status, None
    first = min(mentions, key=lambda m: m.start)
    if not _told_in_participles(ctx.text, mentions):
        # «Разрешить … прекратить следующие международные договоры: Соглашение … .»: an item the lead's
        # own verb tells starts the run the next items go on.
        lead = next((x for x in leads if x.cue_start >= 0 and x.cue_start == first.cue_start), None)
        return status, (lead, first.sentence) if lead is not None and lead.status == status else None
    own = set(ctx.parties(first))
    taken = None
    for lead in leads:
        in_run = run is not None and run[0] is lead and 0 <= first.sentence - run[1] <= RUN_REACH
        if (
            (lead.kind != kind and not in_run and not _of_any_kind(ctx.text, lead))
            or lead.status not in SERIES_STAGES
            or lead.start >= first.start
            or not (0 <= first.sentence - lead.sentence <= SERIES_REACH or in_run)
            or RANK[lead.status] < RANK[status]
        ):
            continue
        theirs = set(ctx.parties(lead))
        # an item of a run may name another partner of the same state (the list's next country)
        if own and theirs and not (own <= theirs or theirs <= own or (in_run and own & theirs)):
            continue
        status, taken = lead.status, lead
    return status, (taken, first.sentence) if taken is not None else None


def run_pair(first: Mention, parties: list[str], named: list[tuple[Mention, list[str]]]) -> list[str]:
    """A document whose sentences name fewer than two states takes the pair of the document named just
    before it, a sentence or two earlier, when that pair holds the one state it names."""
    if len(parties) >= 2:
        return parties
    before = [
        (m, p)
        for m, p in named
        if len(p) == 2 and m.start < first.start and 0 <= first.sentence - m.sentence <= RUN_REACH
    ]
    if not before:
        return parties
    _m, pair = max(before, key=lambda x: x[0].start)
    return list(pair) if set(parties) <= set(pair) else parties
