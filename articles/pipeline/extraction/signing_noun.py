"""The noun of signing alone («указал на важность подписания этого документа») says neither that a
signing happened nor that it is to come. When the article says elsewhere that the signing of the same
document is still to come («подпишут в июне», «будет подписано»), the bare noun does not make it signed;
nor does an approval («Армения планирует подписать с Польшей соглашение … Правительство одобрило
документ»: the draft approved before the signing)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from articles.pipeline.extraction.documents import Mention

BARE_SIGNING = re.compile(r"подписани\w*", re.I)
# «Правительство одобрило документ»: an approval, of a draft as well as of a document signed.
APPROVED = re.compile(r"(?:одобр|утвержд|утверди)\w*", re.I)


def _bare(m: Mention, text: str) -> bool:
    return m.cue_start >= 0 and bool(
        BARE_SIGNING.fullmatch(text, m.cue_start, m.cue_end)
        or APPROVED.fullmatch(text, m.cue_start, m.cue_end)
    )


def settled_status(status: str, mentions: list[Mention], text: str) -> str:
    """`status` of a document, unless «signed» rests only on bare nouns and another mention plans it."""
    if status != "signed":
        return status
    signed = [m for m in mentions if m.status == "signed"]
    if signed and all(_bare(m, text) for m in signed) and any(m.status == "planned" for m in mentions):
        return "planned"
    return status
