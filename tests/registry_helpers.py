"""Readings and agreements made directly in the registry, without a text (shared by the registry tests)."""

from articles.archive import registry
from articles.pipeline.dates import PartialDate


def reading(title, status="signed", date=None, kind="treaty", key="BY-RU", signatories=()):
    return registry.Reading(
        kind=kind,
        title=title,
        status=status,
        date=date or PartialDate(),
        parties_key=key,
        signatories=list(signatories),
    )


def agreement_of(*readings):
    agreement = registry.new_agreement(readings[0])
    registry.refresh(agreement, added=list(readings))
    agreement.refresh_from_db()
    return agreement
