"""A headline standing under the article's first paragraph.

Pure. Some pages put a teaser lead above the headline: the copied text opens with a paragraph of
prose and the headline comes second, a short line without a final period that says again what the
paragraph above it says («Китай помог …» over «Лукашенко: Китай помог …»). A subheading inside an
article is shaped the same but introduces what follows, so its words are not the first paragraph's.
"""

from __future__ import annotations

import re

HEADLINE_WORDS = (3, 20)  # a headline of fewer or more words than this is something else
SHARED = 0.6  # this share of the line's words the paragraph above must hold
STEM = 5  # words are compared by their first letters (Russian endings vary)


def _stems(text: str) -> list[str]:
    return [w[:STEM].casefold() for w in re.findall(r"[^\W\d_]{4,}", text)]


def headline_under_lead(paras: list[str], max_length: int) -> int | None:
    """The index of a headline standing under the first paragraph (the second paragraph), or None."""
    if len(paras) < 3:
        return None
    lead, line = paras[0], paras[1]
    words = line.split()
    if not (HEADLINE_WORDS[0] <= len(words) <= HEADLINE_WORDS[1]) or len(line) > max_length:
        return None
    if not line[:1].isupper() or line.rstrip(' »"”').endswith((".", "!", "?", ";", ",", ":")):
        return None
    if not lead.rstrip(' »"”').endswith((".", "!", "?")) or len(lead) <= len(line):
        return None
    stems = _stems(line)
    above = set(_stems(lead))
    if len(stems) < 3 or sum(s in above for s in stems) < SHARED * len(stems):
        return None
    return 1
