"""Claim decisions in an article's history: who confirmed, rejected or corrected what, and when.

Claims keep their own history rows (simple-history); the article's history page reads them for the
article, newest first, and shows each row that decided or changed something an editor cares about:
the decision, the post as the article words it, the primary pair.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format

from articles.admin.history import human_value
from articles.models import AgreementClaim, ArticlePair, CountryClaim, OfficialClaim

DECISIONS_SHOWN = 300  # per kind of claim: an article has dozens at most; this only bounds a freak
WATCHED = ("state", "position", "primary")
KINDS = (
    (CountryClaim, "страна", ("country",), lambda r: r.country_id),
    (OfficialClaim, "лицо", ("official",), lambda r: r.official.full_name if r.official else r.official_id),
    (
        AgreementClaim,
        "соглашение",
        ("agreement",),
        lambda r: r.agreement.title if r.agreement else r.agreement_id,
    ),
    (ArticlePair, "пара", (), lambda r: f"{r.country_a_id}–{r.country_b_id}"),
)


@dataclass
class Decision:
    when: datetime
    who: str
    kind: str
    claim: str
    what: str
    reason: str

    @property
    def when_display(self) -> str:
        return date_format(timezone.localtime(self.when), "SHORT_DATETIME_FORMAT")


def _what(model, record, before) -> str:
    if record.history_type == "+":
        return f"добавлено ({human_value(model, 'origin', record.origin)}): {human_value(model, 'state', record.state)}"
    if record.history_type == "-":
        return "удалено"
    parts = []
    for name in WATCHED:
        if not hasattr(record, name) or before is None:
            continue
        old, new = getattr(before, name), getattr(record, name)
        if old != new:
            label = model._meta.get_field(name).verbose_name
            parts.append(f"{label}: {human_value(model, name, old)} → {human_value(model, name, new)}")
    return "; ".join(parts)


def decisions_of(article_id: int) -> list[Decision]:
    """Every claim history row of the article that changed a decision, a post or the primary pair."""
    found: list[Decision] = []
    for model, kind, related, name_of in KINDS:
        records = list(
            model.history.filter(article_id=article_id)
            .select_related("history_user", "decided_by", *related)
            .order_by("id", "history_date", "history_id")[:DECISIONS_SHOWN]
        )
        before = {}
        for record in records:
            what = _what(model, record, before.get(record.id))
            before[record.id] = record
            if not what:
                continue
            user = record.history_user or record.decided_by
            found.append(
                Decision(
                    when=record.history_date,
                    who=user.get_username() if user else "импорт",
                    kind=kind,
                    claim=str(name_of(record)),
                    what=what,
                    reason=record.history_change_reason or "",
                )
            )
    found.sort(key=lambda d: d.when, reverse=True)
    return found
