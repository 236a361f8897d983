"""The CoopNews data model, built for curation and provenance.

Articles are linked to countries, officials and agreements through *claims*: each claim keeps the
evidence (character spans into the article body), where it came from (the extractor or an editor)
and what an editor decided about it (proposed, confirmed, rejected). Import and re-extraction only
ever replace machine claims that are still proposed; every editor decision survives.
"""

from articles.models.archive import (
    Article,
    ArticleQuerySet,
    ImportBatch,
    MergedAway,
    YearEstimate,
)
from articles.models.claims import (
    AgreementClaim,
    ArticlePair,
    ArticlePairQuerySet,
    Claim,
    ClaimQuerySet,
    CountryClaim,
    OfficialClaim,
    PairMonth,
)
from articles.models.common import (
    VISIBLE_STATES,
    ClaimOrigin,
    ClaimState,
    PartialDateFields,
    ReviewState,
)
from articles.models.people import Official, OfficialAlias, OfficialJudgement
from articles.models.reference import Country, CountryAlias, Organisation, Outlet, OutletAlias
from articles.models.registry import Agreement, AgreementJudgement, AgreementKey
from articles.models.stories import ArticleSignature, Story, StoryBand, StoryJudgement, StoryPair

__all__ = [
    "YearEstimate",
    "VISIBLE_STATES",
    "Agreement",
    "AgreementClaim",
    "AgreementJudgement",
    "AgreementKey",
    "Article",
    "ArticlePair",
    "ArticleSignature",
    "ArticlePairQuerySet",
    "ArticleQuerySet",
    "Claim",
    "ClaimOrigin",
    "ClaimQuerySet",
    "ClaimState",
    "Country",
    "CountryAlias",
    "CountryClaim",
    "ImportBatch",
    "MergedAway",
    "Official",
    "OfficialAlias",
    "OfficialClaim",
    "OfficialJudgement",
    "Organisation",
    "Outlet",
    "OutletAlias",
    "PairMonth",
    "PartialDateFields",
    "ReviewState",
    "Story",
    "StoryBand",
    "StoryJudgement",
    "StoryPair",
]
