"""extract(): parsed article → entities. The one entry point import and reextract call."""

from __future__ import annotations

from articles.extraction.entities import Extraction
from articles.extraction.lexicon import Lexicon
from articles.parsing import ParsedArticle


def extract(article: ParsedArticle, lexicon: Lexicon) -> Extraction:
    """Placeholder until the extractor lands: finds nothing."""
    return Extraction()
