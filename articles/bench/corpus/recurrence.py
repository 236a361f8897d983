"""What recurs in the news, with its identity known: documents named again in later articles, and
reprints of one story by other outlets. Both are fixed by the seed.

- A **recurring document** belongs to a hot pair: the same kind and the same subject (a memorandum
  «о сотрудничестве в сфере оборонной промышленности» between India and Russia) comes back in
  articles years apart, at the stages its one signing day allows (planned or drafted before it,
  signed on it, ratified or in force after it). Its identity is
  `doc-s{seed}-{A}-{B}-{kind}-{n}`; a document told once is `{article}-doc{k}`.
- A **reprint** tells an earlier original's story again under another outlet, header and
  dateline, with light edits: a hyphen for the dash, two paragraphs run together, a closing line.
  Its family is the original's name (`gen-s{seed}-{index:07d}`); an original without reprints is
  a family of one.

`corpus_truth()` gathers both for the sidecar file `write_corpus` leaves beside the articles.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass

from articles.bench.corpus import vocabulary as V

REPRINT_SHARE = 0.1  # of all articles after the first
REPRINT_REACH = 40  # a reprint follows its original within this many articles (days, in the news)
RECURRING_SHARE = 0.5  # of a hot pair's documents: one of the pair's known documents again
RECURRING_PER_KIND = 2
TRUTH_FILE = "corpus_truth.json"

_TAILS = [
    "Ранее об этом сообщали информационные агентства.",
    "Подробности пока не сообщаются.",
    "Материал дополняется.",
]


@dataclass(frozen=True)
class RecurringDocument:
    identity: str
    topic: str
    # The day it is signed: one document is signed once. An article dated before it can only plan,
    # draft or initial it, one of that day reports the signing, a later one its ratification or entry
    # into force (`stage_on`) — so no two articles report one document signed on different days.
    signed: tuple[int, int, int] = (2018, 1, 1)

    def stage_on(self, date: tuple[int, int, int], drawn: str) -> str:
        """The stage an article of `date` can report, the drawn one when it fits."""
        if date < self.signed:
            return drawn if drawn in BEFORE_SIGNING else "planned"
        if date == self.signed:
            return "signed"
        return drawn if drawn in AFTER_SIGNING else AFTER_SIGNING[date[2] % len(AFTER_SIGNING)]


BEFORE_SIGNING = ("planned", "draft", "initialled")
AFTER_SIGNING = ("ratified", "in_force")


def build_documents(seed: int) -> dict[tuple[str, str, str], list[RecurringDocument]]:
    """Each hot pair's known documents of each kind, keyed by (A, B, the kind's head words) with
    A < B: a kind has several names («соглашение», «межправительственное соглашение»), each its own."""
    rng = random.Random(f"coopnews-documents:{seed}")
    documents: dict[tuple[str, str, str], list[RecurringDocument]] = {}
    for first, second, _ in V.HOT_PAIRS:
        a, b = sorted((first, second))
        weapons = [w for w in V.WEAPONS if w[2] in (a, b)] or V.WEAPONS
        numbers: dict[str, int] = {}
        for kind, _, heads, topics in V.DOCUMENTS:
            known = []
            for _ in range(RECURRING_PER_KIND):
                numbers[kind] = numbers.get(kind, 0) + 1
                year = rng.randint(2012, 2024)
                topic = rng.choice(topics).format(
                    year=year, year5=year + 4, weapon_gen=rng.choice(weapons)[1]
                )
                identity = f"doc-s{seed}-{a}-{b}-{kind}-{numbers[kind]}"
                # Its own generator: the topics' draws stay as they were.
                day = random.Random(f"coopnews-document-day:{identity}")
                signed = (year, day.randint(1, 12), day.randint(1, 28))
                known.append(RecurringDocument(identity, topic, signed))
            documents[(a, b, heads)] = known
    return documents


def reprint_origin(seed: int, index: int) -> int | None:
    """The original that article `index` reprints, or None when it is an original itself (a
    reprint of a reprint is its original's: the family is one story)."""
    current = index
    while current > 0:
        rng = random.Random(f"coopnews-reprint:{seed}:{current}")
        if rng.random() >= REPRINT_SHARE:
            break
        current -= rng.randint(1, min(REPRINT_REACH, current))
    return None if current == index else current


def light_edits(rng: random.Random, paragraphs: list[str]) -> list[str]:
    """One or two of the changes a reprinting site makes; none adds or drops a name or a document."""
    edits = ["tail"]
    if any(" — " in p for p in paragraphs):
        edits.append("dash")
    if len(paragraphs) > 3:
        edits.append("merge")
    edited = list(paragraphs)
    for edit in rng.sample(edits, rng.randint(1, min(2, len(edits)))):
        if edit == "dash":  # a site whose editor types a hyphen for the dash
            edited = [p.replace(" — ", " - ") for p in edited]
        elif edit == "merge":  # the lead keeps its place: the dateline goes before it
            edited[1:3] = [f"{edited[1]} {edited[2]}"]
        else:
            edited.append(rng.choice(_TAILS))
    return edited


def corpus_truth(seed: int, fmt: str, truths: Iterable[tuple[str, dict]]) -> dict:
    """The sidecar: every reprint family of two or more and every document, with their articles
    (by name: the file name, which ends the import's source_file, or the jsonl record's key)."""
    families: dict[str, list[str]] = {}
    documents: dict[str, dict] = {}
    count = 0
    for name, truth in truths:
        count += 1
        families.setdefault(truth["family"], []).append(name)
        for document in truth["agreements"]:
            entry = documents.setdefault(
                document["id"], {"kind": document["kind"], "pair": truth["pair"], "articles": []}
            )
            entry["articles"].append(name)
    return {
        "seed": seed,
        "format": fmt,
        "articles": count,
        "reprints": sum(len(members) - 1 for members in families.values()),
        "families": {family: members for family, members in families.items() if len(members) > 1},
        "documents": documents,
    }
