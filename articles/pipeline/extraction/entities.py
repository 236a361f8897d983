"""What the extractor returns: plain dataclasses with character offsets into the article body.

No Django here. `articles.archive.importing` turns these into claims inside one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from articles.pipeline.dates import PartialDate

Span = tuple[int, int]  # [start, end) offsets into ParsedArticle.body

# How sure an official's country is: from the text around the person, or guessed from the company kept
CERTAIN, GUESSED_BY_NAME, GUESSED = 2, 1, 0


@dataclass
class CountryMention:
    iso: str  # ISO 3166-1 alpha-2, upper case
    spans: list[Span] = field(default_factory=list)

    @property
    def mentions(self) -> int:
        return len(self.spans)


@dataclass
class PairMention:
    countries: tuple[str, str]  # alphabetical
    primary: bool = False
    score: float = 0.0
    spans: list[Span] = field(default_factory=list)


@dataclass
class OfficialMention:
    name: str  # full name in the nominative: "Ильхам Алиев"
    aliases: list[str] = field(default_factory=list)  # other forms seen: "Ильхама Алиева", "И. Алиев"
    position: str = ""
    rank: str = ""  # a military or special rank, apart from the post: "генерал-полковник"
    country: str | None = None  # ISO code
    spans: list[Span] = field(default_factory=list)


@dataclass
class AgreementMention:
    kind: str  # one of Agreement.Kind values
    title: str
    status: str  # one of Agreement.Status values
    parties: list[str] = field(default_factory=list)  # ISO codes
    signatories: list[str] = field(default_factory=list)  # OfficialMention.name values
    date: PartialDate = field(default_factory=PartialDate)
    spans: list[Span] = field(default_factory=list)
    key: str = ""  # stable within one article: re-extraction recognises the same document by it


@dataclass
class Extraction:
    countries: list[CountryMention] = field(default_factory=list)
    pairs: list[PairMention] = field(default_factory=list)
    officials: list[OfficialMention] = field(default_factory=list)
    agreements: list[AgreementMention] = field(default_factory=list)
    source: str | None = None  # an outlet spelling found in the body (attribution), if any

    @property
    def primary_pair(self) -> PairMention | None:
        return next((p for p in self.pairs if p.primary), None)
