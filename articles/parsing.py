"""Parsing article files: bytes and a file name in, a ParsedArticle (or a ParseError) out.

Pure: no database. The outlet spellings table is passed in as a plain mapping.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from articles.dates import PartialDate


@dataclass
class ParsedArticle:
    source_file: str  # file name; for .jsonl "name.jsonl:LINE"
    title: str
    title_derived: bool
    body: str  # cleaned: unwrapped paragraphs, repeats and photo credits removed
    raw_text: str  # the decoded text exactly as read
    date: PartialDate = field(default_factory=PartialDate)
    place: str = ""  # from the dateline, e.g. "Москва"
    source: str | None = None  # outlet spelling as found (dateline or attribution); normalised on import
    url: str = ""
    fingerprint: str = ""  # sha256 of the content that matters; equal fingerprints = same article


@dataclass
class ParseError:
    source_file: str
    reason: str
    line: int | None = None  # for .jsonl
