"""Officials: people named in the text, in the nominative, with their posts and countries."""

from __future__ import annotations

from articles.extraction.entities import CountryMention, OfficialMention
from articles.extraction.lexicon import Lexicon


def find_officials(text: str, countries: list[CountryMention], lexicon: Lexicon) -> list[OfficialMention]:
    """Placeholder until the officials extractor lands: finds nobody."""
    return []
