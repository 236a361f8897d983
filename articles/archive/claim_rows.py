"""Claim rows as every kind of claim writes them: the evidence (spans and quote), whether a claim is
still the machine's to change, the rows already there, and new rows inserted with their history.
Used by archive/claims.py (countries, officials, pairs) and archive/agreement_claims.py.
"""

from __future__ import annotations

from simple_history.utils import bulk_create_with_history

from articles.models import ClaimOrigin, ClaimState
from articles.models.history import created_with_history, history_deferred
from articles.pipeline.extraction.entities import Span

QUOTE_LENGTH = 1000


def evidence(body: str, spans: list[Span]) -> dict:
    """spans/start/end/quote for a claim: all spans, the first one shown as the quote."""
    clean = sorted(
        {(int(s), int(e)) for s, e in spans if 0 <= int(s) < int(e) <= len(body)},
    )
    if not clean:
        return {"spans": [], "start": None, "end": None, "quote": ""}
    start, end = clean[0]
    return {
        "spans": [list(s) for s in clean],
        "start": start,
        "end": end,
        "quote": body[start:end][:QUOTE_LENGTH],
    }


def is_machine_proposed(claim) -> bool:
    return claim.origin == ClaimOrigin.EXTRACTED and claim.state == ClaimState.PROPOSED


def existing(queryset, key, fresh: bool) -> dict:
    return {} if fresh else {key(c): c for c in queryset}


def insert(model, claims: list) -> None:
    """New claims: one INSERT for the rows and one for their history (deferred to the end of the
    transaction when the writer defers history: articles/models/history.py). A bulk insert sends
    no model signals; the archive's derived state (pair × month counts, the page cache's
    generation) is updated by the writer's explicit calls, not here."""
    if history_deferred():
        if claims:
            model.objects.bulk_create(claims)
            created_with_history(model, claims)
        return
    if len(claims) <= 1:
        for claim in claims:
            claim.save()
        return
    bulk_create_with_history(claims, model)


def changed(obj, values: dict) -> bool:
    return any(getattr(obj, k) != v for k, v in values.items())


def assign(obj, values: dict) -> None:
    for key, value in values.items():
        setattr(obj, key, value)


# - officials -
