"""Merging duplicate officials or agreements into one survivor, in one transaction.

Everything that pointed at a merged-away record moves to the survivor: claims (one per article —
when both records had a claim on the same article the decided or editor-made one is kept and the
evidence is united), agreement signatures and parties, name forms. A merged-away official's names
become aliases of the survivor, so the next import of a text that spells it that way resolves to the
survivor. Every change is written to history with the reason "merged …".

The rows are locked with SELECT … FOR UPDATE (in primary-key order, so two merges can't deadlock)
before anything is read: an import writing claims for the same officials at the same moment either
finishes first (and its claims are moved) or waits for the merge (and then fails on the deleted row
and is retried by the next run) — never a half-merged state.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from articles.archive import generation, official_countries, registry, registry_editing
from articles.models import (
    Agreement,
    AgreementClaim,
    AgreementJudgement,
    ClaimOrigin,
    ClaimState,
    MergedAway,
    Official,
    OfficialAlias,
    OfficialClaim,
)

Verdict = AgreementJudgement.Verdict


class MergeError(Exception):
    """The merge can't be done as asked; nothing was changed."""


@dataclass
class MergeResult:
    survivor: Official | Agreement
    merged: list[str]  # str() of the merged-away records
    claims_moved: int = 0
    claims_united: int = 0  # claims on an article both records had: one kept, evidence joined
    aliases_added: int = 0
    signatures_moved: int = 0


def _reason(text: str) -> str:
    # simple-history keeps the change reason in a CharField(max_length=100).
    return text if len(text) <= 100 else text[:99] + "…"


def _claim_rank(claim) -> tuple:
    """Which of two claims on one article to keep: confirmed, then editor-made, then any decision."""
    return (
        claim.state == ClaimState.CONFIRMED,
        claim.origin == ClaimOrigin.EDITOR,
        claim.state != ClaimState.PROPOSED,
        -claim.pk,
    )


def _unite(keep, drop) -> None:
    spans = sorted({tuple(s) for s in [*(keep.spans or []), *(drop.spans or [])]})
    keep.spans = [list(s) for s in spans]
    if keep.start is None and drop.start is not None:
        keep.start, keep.end, keep.quote = drop.start, drop.end, drop.quote
    elif spans and keep.start is not None and drop.start is not None and drop.start < keep.start:
        keep.start, keep.end, keep.quote = drop.start, drop.end, drop.quote


def _lock(model, survivor_id: int, merged_ids: Iterable[int]):
    merged_ids = sorted({int(pk) for pk in merged_ids})
    if not merged_ids:
        raise MergeError("Выберите хотя бы одну запись, кроме остающейся.")
    if int(survivor_id) in merged_ids:
        raise MergeError("Запись нельзя объединить саму с собой.")
    wanted = sorted([int(survivor_id), *merged_ids])
    rows = {obj.pk: obj for obj in model.objects.select_for_update().filter(pk__in=wanted).order_by("pk")}
    gone = [pk for pk in wanted if pk not in rows]
    if gone:
        raise MergeError(
            "Записи изменились, пока вы выбирали (вероятно, их уже объединили или удалили): "
            f"№ {', '.join(map(str, gone))}. Обновите список и повторите."
        )
    return rows[int(survivor_id)], [rows[pk] for pk in merged_ids]


def _move_claims(claim_model, fk: str, survivor, merged, reason: str, extra_fields=()) -> tuple[int, int]:
    """Point every claim of `merged` at `survivor`, keeping one claim per article."""
    claims = list(
        claim_model.objects.select_for_update()
        .filter(**{f"{fk}__in": [survivor, *merged]})
        .order_by("article_id", "pk")
    )
    by_article: dict[int, list] = {}
    for claim in claims:
        by_article.setdefault(claim.article_id, []).append(claim)
    moved = united = 0
    now = timezone.now()
    for group in by_article.values():
        keep = max(group, key=_claim_rank)
        for drop in group:
            if drop is keep:
                continue
            _unite(keep, drop)
            for name in extra_fields:  # e.g. the position the dropped claim knew and the kept one didn't
                if not getattr(keep, name) and getattr(drop, name):
                    setattr(keep, name, getattr(drop, name))
            drop._change_reason = reason
            drop.delete()  # first: the kept claim takes its (article, entity) place
            united += 1
        if getattr(keep, f"{fk}_id") == survivor.pk and len(group) == 1:
            continue  # the survivor's own claim, nothing to change
        if getattr(keep, f"{fk}_id") != survivor.pk:
            moved += 1
            setattr(keep, fk, survivor)
        if keep.state != ClaimState.PROPOSED and keep.decided_at is None:
            keep.decided_at = now
        keep._change_reason = reason
        keep.save()
    return moved, united


def _move_judgements(survivor: Agreement, merged: list[Agreement]) -> None:
    """Judgements on the merged-away agreements now speak of the survivor (a mention that is not
    one of them is not the survivor either); where a mention has one on both, the survivor's stays."""
    taken = set(AgreementJudgement.objects.filter(agreement=survivor).values_list("article_id", "match_key"))
    for judgement in AgreementJudgement.objects.filter(agreement__in=merged).order_by("pk"):
        if (judgement.article_id, judgement.match_key) in taken:
            judgement.delete()
            continue
        taken.add((judgement.article_id, judgement.match_key))
        judgement.agreement = survivor
        judgement.save(update_fields=["agreement"])


def merge_officials(survivor_id: int, merged_ids: Iterable[int]) -> MergeResult:
    """Merge the officials `merged_ids` into `survivor_id`. Raises MergeError, changing nothing."""
    with transaction.atomic():
        generation.bump_on_commit()
        survivor, merged = _lock(Official, survivor_id, merged_ids)
        merged_away = [o.pk for o in merged]  # (a deleted instance forgets its pk)
        names = ", ".join(f"«{o.full_name}» (№{o.pk})" for o in merged)
        reason = _reason(f"merged into №{survivor.pk} «{survivor.full_name}»: {names}")
        result = MergeResult(survivor=survivor, merged=[str(o) for o in merged])

        result.claims_moved, result.claims_united = _move_claims(
            OfficialClaim, "official", survivor, merged, reason, extra_fields=("position", "country_id")
        )

        # Names: the survivor keeps its own; everything the others were called becomes its alias.
        taken = set(OfficialAlias.objects.filter(official=survivor).values_list("normalised", flat=True))
        taken.add(survivor.normalised)
        for alias in OfficialAlias.objects.select_for_update().filter(official__in=merged):
            if alias.normalised in taken:
                alias.delete()
            else:
                taken.add(alias.normalised)
                alias.official = survivor
                alias.save()
        for other in merged:
            if other.normalised not in taken:
                taken.add(other.normalised)
                OfficialAlias.objects.create(official=survivor, name=other.full_name)
                result.aliases_added += 1

        # Signatures, as each article names them: the survivor signed what the others did.
        through = AgreementClaim.signatories.through
        named = through.objects.filter(official__in=merged)
        already = set(through.objects.filter(official=survivor).values_list("agreementclaim_id", flat=True))
        moving = set(named.values_list("agreementclaim_id", flat=True)) - already
        named.delete()
        through.objects.bulk_create([through(agreementclaim_id=c, official=survivor) for c in sorted(moving)])
        # Signatures: the agreements the others signed are signed by the survivor.
        signed = Agreement.signatories.through.objects.filter(official__in=merged).values("agreement_id")
        for agreement in Agreement.objects.select_for_update().filter(pk__in=signed).order_by("pk"):
            agreement._change_reason = reason
            agreement.signatories.remove(*merged)
            agreement.signatories.add(survivor)
            result.signatures_moved += 1

        for other in merged:
            if not survivor.position and other.position:
                survivor.position = other.position
            if survivor.country_id is None and other.country_id is not None:
                survivor.country_id = other.country_id
            other._change_reason = reason
            other.delete()
        MergedAway.record(MergedAway.Kind.OFFICIAL, merged_away, survivor.pk)
        survivor._change_reason = reason
        survivor.save()
        # The united claims vote on one country now (they may agree, or put the survivor in dispute).
        official_countries.recompute([survivor.pk])
        survivor.refresh_from_db(fields=["country", "country_disputed"])
        return result


def merge_agreements(survivor_id: int, merged_ids: Iterable[int], editor=None) -> MergeResult:
    """Merge the agreements `merged_ids` into `survivor_id`: claims, parties and signatories, and the
    editors' judgements on them; every mention of the survivor is then judged "same document"."""
    with transaction.atomic():
        generation.bump_on_commit()
        survivor, merged = _lock(Agreement, survivor_id, merged_ids)
        _move_judgements(survivor, merged)
        merged_away = [a.pk for a in merged]  # (a deleted instance forgets its pk)
        names = ", ".join(f"«{a.title}» (№{a.pk})" for a in merged)
        reason = _reason(f"merged into №{survivor.pk} «{survivor.title}»: {names}")
        result = MergeResult(survivor=survivor, merged=[str(a) for a in merged])

        result.claims_moved, result.claims_united = _move_claims(
            AgreementClaim, "agreement", survivor, merged, reason, extra_fields=("match_key",)
        )

        parties = set(survivor.parties.values_list("pk", flat=True))
        signatories = set(survivor.signatories.values_list("pk", flat=True))
        for other in merged:
            parties |= set(other.parties.values_list("pk", flat=True))
            signatories |= set(other.signatories.values_list("pk", flat=True))
            if not survivor.partial_date and other.partial_date:
                survivor.partial_date = other.partial_date
            other._change_reason = reason
            other.delete()
        MergedAway.record(MergedAway.Kind.AGREEMENT, merged_away, survivor.pk)
        survivor._change_reason = reason
        survivor.save()
        # One history record each for the united parties and signatories, with the merge as reason.
        survivor.parties.add(*parties)
        survivor.signatories.add(*signatories)
        # The editor said these mentions are one document: later imports and re-extraction keep them so.
        claims = list(
            AgreementClaim.objects.visible().filter(agreement=survivor).prefetch_related("signatories")
        )
        registry_editing.judge(claims, survivor.pk, Verdict.SAME, editor)
        # What the merged-away records' claims say joins what the survivor had (a fold: the merge
        # itself already united parties, signatories and the date the survivor lacked).
        registry.refresh(survivor, added=[registry.reading_of(c) for c in claims if c.title])
        return result
