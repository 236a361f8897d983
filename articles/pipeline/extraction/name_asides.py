"""Words of a document's name that say neither what it is about nor which one it is: the parties spelled
out after «между» («… между Республикой Альфой и Королевством Бетой») and the term it runs for («сроком
на десять лет»). One treaty is named with them in one sentence and without them in the next, so
`documents.subject_lemmas` reads the name without them."""

from __future__ import annotations

import re

# «между» and the states' names after it: capitalised words, «и», and the governments or states of them
PARTIES_SPELLED_OUT = re.compile(r"\bмежду(?:\s+(?:[А-ЯЁ][\w-]*|и|правительств\w*|государств\w*))+")
TERM = re.compile(r"\bсроком\s+на\s+(?:[\w-]+\s+){0,3}?(?:лет|год\w*|месяц\w*)\b", re.I)


def without_asides(phrase: str) -> str:
    """The name less its spelled-out parties and its term."""
    return TERM.sub(" ", PARTIES_SPELLED_OUT.sub(" ", phrase))
