"""Editors on the agreements registry: their judgements on a mention and a document (`judge`), moving
mentions to another agreement or splitting them off into a new one (`move_claims`), and the review of
agreements that may be one document (`likely_duplicates`, `mark_different`). Resolution, which these
judgements steer, is archive/registry.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models, transaction

from articles.archive.registry import (
    SIGNATORY_BONUS,
    Verdict,
    compatible_kinds,
    dates_overlap,
    new_agreement,
    numbers,
    reading_of,
    refresh,
    title_similarity,
    title_terms,
)
from articles.models import Agreement, AgreementClaim, AgreementJudgement
from articles.pipeline.dates import PartialDate


def judge(claims: Iterable[AgreementClaim], agreement_id: int, verdict: str, editor=None) -> int:
    """Record `verdict` between each claim's mention (article + match_key) and an agreement."""
    rows = [
        AgreementJudgement(
            article_id=c.article_id,
            match_key=c.match_key,
            agreement_id=agreement_id,
            verdict=verdict,
            editor=editor if editor is not None and editor.is_authenticated else None,
        )
        for c in claims
    ]
    AgreementJudgement.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["article", "match_key", "agreement"],
        update_fields=["verdict", "editor"],
    )
    return len(rows)


class RegistryError(Exception):
    """A move or split that can't be done as asked; nothing was changed."""


def move_claims(claim_ids: Iterable[int], target_id: int | None, editor=None) -> Agreement:
    """An editor moves mentions to agreement `target_id`, or splits them off into a new one (None).

    Each mention is judged "not this document" against the agreement it leaves and "same document"
    against where it goes, so imports and `reextract` keep it there; both agreements are derived
    again, and one left without claims is deleted (its page redirects to where they went)."""
    from articles.archive import generation  # the page cache's generation: readers see the move
    from articles.models import MergedAway

    with transaction.atomic():
        generation.bump_on_commit()
        claims = list(
            AgreementClaim.objects.select_for_update().filter(pk__in=list(claim_ids)).order_by("pk")
        )
        if not claims:
            raise RegistryError("Выберите хотя бы одно упоминание.")
        if target_id is None:
            first = claims[0]
            target = new_agreement(reading_of(first))
        else:
            target = Agreement.objects.select_for_update().filter(pk=target_id).first()
            if target is None:
                raise RegistryError(f"Соглашения № {target_id} нет (его объединили или удалили?).")
        taken = set(AgreementClaim.objects.filter(agreement=target).values_list("article_id", flat=True))
        left = {}
        for claim in claims:
            if claim.agreement_id == target.pk:
                continue
            if claim.article_id in taken:
                raise RegistryError(
                    f"У соглашения № {target.pk} уже есть упоминание в статье № {claim.article_id}: "
                    "объедините соглашения целиком."
                )
            taken.add(claim.article_id)
            left[claim.agreement_id] = claim.agreement
            judge([claim], claim.agreement_id, Verdict.DIFFERENT, editor)
            AgreementJudgement.objects.filter(
                article_id=claim.article_id, match_key=claim.match_key, agreement_id=target.pk
            ).delete()
            judge([claim], target.pk, Verdict.SAME, editor)
            claim.agreement = target
            claim._change_reason = _reason(f"moved to agreement №{target.pk}")
            claim.save(update_fields=["agreement"])
        refresh(target)
        for pk, agreement in left.items():
            if AgreementClaim.objects.filter(agreement_id=pk).exists() or agreement.edited_fields:
                refresh(agreement)
            else:
                agreement.delete()
                MergedAway.record(MergedAway.Kind.AGREEMENT, [pk], target.pk)
        target.refresh_from_db()
        return target


def mark_different(first_id: int, second_id: int, editor=None) -> int:
    """An editor says two agreements are two documents: every mention of each is judged "not this
    document" against the other, so neither resolution nor the duplicates review joins them."""
    with transaction.atomic():
        recorded = 0
        for this, other in ((first_id, second_id), (second_id, first_id)):
            recorded += judge(
                AgreementClaim.objects.filter(agreement_id=this), other, Verdict.DIFFERENT, editor
            )
        return recorded


@dataclass
class Duplicate:
    first: Agreement
    second: Agreement
    score: float

    @property
    def pair(self) -> tuple[Agreement, Agreement]:
        return self.first, self.second


REVIEW_SCORE = 0.35  # below JOIN_SCORE: the review shows what resolution would not join by itself
REVIEW_GROUP = 400  # the newest agreements of one pair compared with each other


def likely_duplicates(limit: int = 100) -> list[Duplicate]:
    """Agreement pairs with the same parties, compatible kinds and similar titles, best first, less
    the pairs an editor has judged different: two queries and the comparisons in Python."""
    current = AgreementClaim.objects.filter(
        article=models.OuterRef("article"), match_key=models.OuterRef("match_key")
    ).values("agreement")[:1]
    judged = {
        frozenset(pair)
        for pair in AgreementJudgement.objects.filter(verdict=Verdict.DIFFERENT)
        .annotate(current=models.Subquery(current))
        .values_list("agreement_id", "current")
    }
    groups: dict[str, list[Agreement]] = {}
    shared = (
        Agreement.objects.exclude(parties_key="")
        .values("parties_key")
        .annotate(n=models.Count("pk"))
        .filter(n__gt=1)
        .values("parties_key")
    )
    rows = Agreement.objects.filter(parties_key__in=shared).order_by("parties_key", "-pk")
    for agreement in rows:
        group = groups.setdefault(agreement.parties_key, [])
        if len(group) < REVIEW_GROUP:
            group.append(agreement)
    found = []
    for group in groups.values():
        for i, first in enumerate(group):
            for second in group[i + 1 :]:
                value = _pair_score(first, second)
                if value is None or value < REVIEW_SCORE:
                    continue
                if frozenset((first.pk, second.pk)) in judged:
                    continue
                found.append(Duplicate(first, second, round(value, 2)))
    found.sort(key=lambda d: (-d.score, d.first.pk, d.second.pk))
    return found[:limit]


def _pair_score(first: Agreement, second: Agreement) -> float | None:
    if not compatible_kinds(first.kind, second.kind):
        return None
    a, b = first.terms or {}, second.terms or {}
    if (
        a.get("signed")
        and b.get("signed")
        and not dates_overlap(PartialDate(*a["signed"]), PartialDate(*b["signed"]))
    ):
        return None
    best = None
    for mine in a.get("titles", []) or [title_terms(first.title)]:
        for theirs in b.get("titles", []) or [title_terms(second.title)]:
            if numbers(mine) and numbers(theirs) and numbers(mine) != numbers(theirs):
                continue  # «на 2015 год» / «на 2022 год»: two documents, as resolution reads them
            value = title_similarity(mine, theirs)
            if value is not None and (best is None or value > best):
                best = value
    if best is None:
        return None
    if set(a.get("signatories", [])) & set(b.get("signatories", [])):
        best += SIGNATORY_BONUS
    return min(best, 1.0)


def _reason(text: str) -> str:
    return text if len(text) <= 100 else text[:99] + "…"
