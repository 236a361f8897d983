"""A headline standing under the article's first paragraph.

Pure. Some pages put a teaser lead above the headline: the copied text opens with a paragraph of
prose and the headline comes second, a short line without a final period that says again what the
paragraph above it says («Китай помог …» over «Лукашенко: Китай помог …»). A subheading inside an
article is shaped the same but introduces what follows, so its words are not the first paragraph's.
"""

from __future__ import annotations

import re

from articles.pipeline.cleaning import is_byline

HEADLINE_WORDS = (3, 20)  # a headline of fewer or more words than this is something else
SHARED = 0.6  # this share of the line's words the paragraph above must hold
STEM = 5  # words are compared by their first letters (Russian endings vary)


def stems(text: str) -> list[str]:
    return [w[:STEM].casefold() for w in re.findall(r"[^\W\d_]{4,}", text)]


def _restates_lead(lead: str, line: str, max_length: int) -> bool:
    """Is `line` a headline saying again what the paragraph `lead` says?"""
    words = line.split()
    if not (HEADLINE_WORDS[0] <= len(words) <= HEADLINE_WORDS[1]) or len(line) > max_length:
        return False
    if not line[:1].isupper() or line.rstrip(' »"”').endswith((".", "!", "?", ";", ",", ":")):
        return False
    if not lead.rstrip(' »"”').endswith((".", "!", "?")) or len(lead) <= len(line):
        return False
    words = stems(line)
    above = set(stems(lead))
    return len(words) >= 3 and sum(w in above for w in words) >= SHARED * len(words)


def headline_under_lead(paras: list[str], max_length: int) -> int | None:
    """The index of a headline standing under the first paragraph (the second paragraph), or None."""
    if len(paras) < 3 or not _restates_lead(paras[0], paras[1], max_length):
        return None
    return 1


TAIL_PARAS = 4  # a headline under the text stands among this many last paragraphs


def headline_over_byline(paras: list[str], max_length: int) -> int | None:
    """The index of a headline printed under the text, over the author's byline, or None."""
    for at in range(max(2, len(paras) - TAIL_PARAS), len(paras) - 1):
        if is_byline(paras[at + 1]) and _restates_lead(paras[0], paras[at], max_length):
            return at
    return None
