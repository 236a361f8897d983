"""Helpers for the pure extraction tests: countries marked by hand, officials by name."""

import re

from articles.pipeline.extraction.entities import CountryMention
from articles.pipeline.extraction.officials import find_officials


def countries(text: str, **forms: list[str]) -> list[CountryMention]:
    """CountryMentions for the given spellings: countries(text, RU=["России", "российский"])."""
    out = []
    for iso, spellings in forms.items():
        spans = [
            (m.start(), m.end())
            for s in spellings
            for m in re.finditer(rf"(?<!\w){re.escape(s)}(?!\w)", text)
        ]
        out.append(CountryMention(iso=iso, spans=sorted(spans)))
    return out


def officials(text, lexicon, **forms):
    return {o.name: o for o in find_officials(text, countries(text, **forms), lexicon)}
