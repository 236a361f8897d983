"""What an article's text says happened, as a bag of words: for telling rewrites of one event from
other news of the same pair. Pure: no database.

Two reports of one event by different sites share few three-word phrases (a new lead, their own
wording, another agency's copy) but the same things: the counterpart's name, the place, the object
(«орден», «патрулирование», «учение»), the figures. Their **content words** are the lemmas of the
nouns, proper names, numbers and Latin-script words of the headline and body, cut to their first
STEM letters so that one site's «патруль» is another's «патрулирование». Words every report of
the pair uses («Россия», «министр», «сотрудничество») say nothing about which event it is, so each
word is weighted by its inverse document frequency in a **pool**: the article and the reports of
its pair around its date (the archive's own neighbourhood, read by archive/stories.py), so that a
word common to the whole neighbourhood weighs nothing there.

Two measures, both weighted:
- `overlap`: the weighted Jaccard of the two bags;
- `headline_cover`: how much of each one's headline words (`headline_words`: without the people and places)
  the other's text has, the lesser of the two. A rewrite retells its headline's event; a different event of the same day leaves most of the
  other's headline out.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from articles.pipeline import nlp
from articles.pipeline.dates import MONTHS_GENITIVE, MONTHS_LOCATIVE
from articles.pipeline.headlines import derive_title
from articles.pipeline.text import fold

WORD = re.compile(r"\w+(?:-\w+)*")
NAME_TAGS = ("Name", "Surn", "Patr", "Geox", "Orgn")
PERSON_TAGS = ("Name", "Surn", "Patr")
PLACE_TAGS = ("Geox",)
MIN_NUMBER = 2  # digits: «2025», «130», not a list's «1»
MIN_WORD = 3  # letters: prepositions and particles are shorter
LEAD_CHARS = 300  # the lead sentence is read from this much of the body (a long one is cut)
STEM = 6  # letters of a lemma kept: «патруль» and «патрулирование», «ратификация» and «ратифицирован» match


def content_words(text: str, names: bool = True) -> frozenset[str]:
    """The lemmas (their first STEM letters) of the text's nouns, proper names, numbers (two digits
    or more) and words the dictionary does not know (transliterated names, Latin-script names and
    designations).
    `names=False` leaves out the names of people and places the dictionary knows (`headline_words`)."""
    found = set()
    for word in WORD.findall(text):
        if word.isdigit():
            if len(word) >= MIN_NUMBER:
                found.add(word)
            continue
        if len(word) < MIN_WORD:
            continue
        low = fold(word)
        parses = nlp.parses(low)
        if not parses:
            found.add(low)
            continue
        tag = parses[0].tag
        if not names and any(t in tag for t in PERSON_TAGS + PLACE_TAGS):
            continue
        if tag.POS == "NOUN" or any(t in tag for t in NAME_TAGS) or tag.POS is None or "LATN" in tag:
            found.add(fold(parses[0].normal_form)[:STEM])
    return frozenset(found)


def headline_words(headline: str) -> frozenset[str]:
    """A headline's content words without the people and places it names: what happened, to what.
    Two events of one visit share its people (the stories' entity rule weighs those) and every
    headline of a pair names its countries and capitals; a headline of five words is mostly those,
    and a neighbourhood of two or three reports cannot weigh them down.

    Nor the date it gives: a month and the days beside it say when, not what. A copy whose title is
    its dateline («26 октября») has no headline words at all, instead of a month that matches every
    report naming that month."""
    words = content_words(headline, names=False)
    months = words & _month_words()
    if not months:
        return words
    return frozenset(w for w in words - months if not (w.isdigit() and int(w) <= MAX_DAY))


MAX_DAY = 31


@lru_cache(maxsize=1)
def _month_words() -> frozenset[str]:
    """The months as `content_words` gives them (lemma stems), from the forms dates are read in."""
    return content_words(" ".join(MONTHS_GENITIVE + MONTHS_LOCATIVE))


def lead_sentence(body: str) -> str:
    """The body's first sentence, from its first LEAD_CHARS (a long one is cut)."""
    return derive_title(body[:LEAD_CHARS], LEAD_CHARS)


def lead_words(body: str) -> frozenset[str]:
    """The lead sentence's `headline_words`: what a report says happened when its headline is page
    furniture («Поиск», «Текст: …») or words of its own («ратифицировала» / «утвердили»), for
    a site's lead retells the agency's first sentence far more often than its headline."""
    return headline_words(lead_sentence(body))


def encode(words: Iterable[str]) -> str:
    """The stored form: sorted, space-separated (lemmas have no spaces)."""
    return " ".join(sorted(words))


def decode(stored: str) -> frozenset[str]:
    return frozenset(stored.split())


class Pool:
    """Document frequencies of a neighbourhood of articles (their bags of words)."""

    def __init__(self, bags: Iterable[frozenset[str]]):
        self.size = 0
        self.frequency: Counter[str] = Counter()
        for bag in bags:
            self.size += 1
            self.frequency.update(bag)

    def weight(self, word: str) -> float:
        """log((N + 1) / df): a word in every article of the pool weighs log(1 + 1/N), one in a
        single article log(N + 1); a word the pool has not seen counts as seen once."""
        return math.log((self.size + 1) / max(self.frequency[word], 1))

    def total(self, words: Iterable[str]) -> float:
        return sum(self.weight(word) for word in words)


def overlap(a: frozenset[str], b: frozenset[str], pool: Pool) -> float:
    """The weighted Jaccard of two bags of words."""
    union = pool.total(a | b)
    return pool.total(a & b) / union if union else 0.0


def headline_cover(
    headline_a: frozenset[str],
    words_a: frozenset[str],
    headline_b: frozenset[str],
    words_b: frozenset[str],
    pool: Pool,
) -> float:
    """The lesser of: the weighted share of a's headline words that b's text has, and of b's that
    a's has. 0 when either headline has no content word."""

    def cover(headline: frozenset[str], words: frozenset[str]) -> float:
        total = pool.total(headline)
        return pool.total(headline & words) / total if total else 0.0

    if not headline_a or not headline_b:
        return 0.0
    return min(cover(headline_a, words_b), cover(headline_b, words_a))
