"""The noun of signing alone («указал на важность подписания этого документа») says neither that a
signing happened nor that it is to come. When the article says elsewhere that the signing of the same
document is still to come («подпишут в июне», «будет подписано»), the bare noun does not make it signed;
nor does an approval («Армения планирует подписать с Польшей соглашение … Правительство одобрило
документ»: the draft approved before the signing), nor a conclusion whose signing is still expected
(«заключили соглашение … официальное подписание соглашения ожидается в ближайшие дни»)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from articles.pipeline.extraction.documents import Mention

BARE_SIGNING = re.compile(r"подписани\w*", re.I)
# «Правительство одобрило документ»: an approval, of a draft as well as of a document signed.
APPROVED = re.compile(r"(?:одобр|утвержд|утверди)\w*", re.I)
# «Австралия и Индонезия заключили соглашение … официальное подписание соглашения ожидается»: the
# parties agreed on it, and its signing is still to come.
CONCLUDED = re.compile(r"заключ\w*", re.I)


def _bare(m: Mention, text: str, signing_planned: bool) -> bool:
    return m.cue_start >= 0 and bool(
        BARE_SIGNING.fullmatch(text, m.cue_start, m.cue_end)
        or APPROVED.fullmatch(text, m.cue_start, m.cue_end)
        or signing_planned
        and CONCLUDED.fullmatch(text, m.cue_start, m.cue_end)
    )


SIGNING_NEAR = 40  # characters around a planned mention's cue looked at for the signing it plans


def _plans_signing(m: Mention, text: str) -> bool:
    """A planned mention about the signing («подписание … ожидается», «будет подписано»), not about
    another step («контракт планируется завершить в 2023 году»)."""
    start, end = max(0, m.cue_start - SIGNING_NEAR), m.cue_end + SIGNING_NEAR
    return (
        m.status == "planned" and m.cue_start >= 0 and re.search(r"подпис", text[start:end], re.I) is not None
    )


def settled_status(status: str, mentions: list[Mention], text: str) -> str:
    """`status` of a document, unless «signed» rests only on bare nouns and another mention plans it."""
    if status != "signed":
        return status
    signed = [m for m in mentions if m.status == "signed"]
    signing_planned = any(_plans_signing(m, text) for m in mentions)
    if (
        signed
        and all(_bare(m, text, signing_planned) for m in signed)
        and any(m.status == "planned" for m in mentions)
    ):
        return "planned"
    return status
