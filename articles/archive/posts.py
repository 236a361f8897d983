"""Posts: the person's current post (Official.position) and the post as each article words it
(OfficialClaim.position). They are separate on purpose — an article from 2019 calls a minister by the
post he held then — so a correction of one reaches the other only when an editor asks for it.

Both writes go through the model's save (history rows, the editor's protected fields), and a claim
whose post an editor corrected is decided (confirmed), so re-extraction keeps the correction.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from articles.archive import generation
from articles.models import ClaimOrigin, ClaimState, Official, OfficialClaim

POSTS_SHOWN = 30  # distinct wordings offered on an official's page, most frequent first


def set_current_post(official: Official, position: str) -> bool:
    """Make `position` the official's current post, as an editor's edit. False if it already was."""
    position = position.strip()
    if not position or official.position == position:
        return False
    official.position = position
    official.record_edits(["position"])
    official._change_reason = "должность исправлена со страницы статьи"
    generation.bump_on_commit()
    official.save()
    return True


def wordings(official: Official) -> list[tuple[str, int]]:
    """The posts the official's claims record, with how many articles word it so."""
    rows = (
        OfficialClaim.objects.filter(official=official)
        .exclude(position="")
        .order_by()
        .values("position")
        .annotate(n=Count("pk"))
        .order_by("-n", "position")[:POSTS_SHOWN]
    )
    return [(r["position"], r["n"]) for r in rows]


def correct_article_posts(official: Official, old: Iterable[str], new: str, user) -> int:
    """Replace the post worded `old` by `new` in the official's claims. Returns how many changed."""
    old = [p for p in old if p != new]
    if not old or not new.strip():
        return 0
    now = timezone.now()
    changed = 0
    with transaction.atomic():
        generation.bump_on_commit()
        for claim in OfficialClaim.objects.select_for_update().filter(official=official, position__in=old):
            claim.position = new
            if claim.origin == ClaimOrigin.EXTRACTED and claim.state == ClaimState.PROPOSED:
                claim.state, claim.decided_at, claim.decided_by = ClaimState.CONFIRMED, now, user
            claim._change_reason = "должность в статье исправлена со страницы лица"
            claim.save()
            changed += 1
    return changed
