"""What the words around a document say happened to it: signed, planned, initialled, ratified …

The cues are patterns over one sentence; a document takes the nearest one (documents.py finds the
documents, agreements.py joins the two).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from articles.pipeline.extraction.documents import Mention

# Statuses by strength: when one document is mentioned as signed and later as ratified, it is ratified.
RANK = {"other": 0, "draft": 1, "planned": 2, "initialled": 3, "signed": 4, "ratified": 5, "in_force": 6}

_MODAL = (
    r"(?:будет|будут|может\s+быть|могут\s+быть|должен\s+быть|должно\s+быть|должны\s+быть|должна\s+быть|"
    r"планиру\w+|намерен\w*|собира\w+|готов\w*|предлож\w+|рассчитыва\w+|хот\w+|хотел\w*\s+бы|"
    r"договорил\w+|услови\w+|решил\w*|мо[гж]\w*|смогут|сможет|ожида\w+|предполага\w+|предусматрива\w+|"
    r"нужно|необходимо|следует|стремятся|прид[её]тся)"
)
# (status, pattern, is a verb whose subject signs). Earlier patterns win where they overlap.
CUES: list[tuple[str, re.Pattern, bool]] = [
    (
        "in_force",
        re.compile(r"\bвступ(?:ил|ило|ила|или|ает|ают|ивш\w*)\s+в\s+(?:законную\s+)?силу", re.I),
        False,
    ),
    ("ratified", re.compile(r"\bратифи\w+", re.I), True),
    ("initialled", re.compile(r"\bпарафир\w+", re.I), True),
    (
        "planned",
        re.compile(
            rf"\b{_MODAL}\s+(?:\w+\s+){{0,4}}(?:подписа\w*|заключ\w+|приня\w+|приним\w+|утверд\w+|"
            r"одобр\w+|парафир\w+)",
            re.I,
        ),
        True,
    ),
    (
        "planned",
        re.compile(
            r"\b(?:подпишут|подпишет|подпишем|подпишу|заключат|заключит|примут|примет|"
            r"утвердят|утвердит|вступит\s+в\s+силу)\b",
            re.I,
        ),
        True,
    ),
    (
        "planned",
        re.compile(
            r"\bподписани\w*\s+(?:\S+\s+){0,6}?(?:запланирован\w*|состоится|пройд[её]т|"
            r"ожида\w+|намечен\w*)",
            re.I,
        ),
        False,
    ),
    (
        "planned",
        re.compile(
            r"\b(?:запланирован\w*|состоится|ожида\w+|намечен\w*)\s+(?:\S+\s+){0,3}?"
            r"подписани\w*",
            re.I,
        ),
        False,
    ),
    ("planned", re.compile(r"\bк\s+подписанию\b", re.I), False),
    (
        "signed",
        re.compile(
            r"\bподписани\w*\s+(?:\S+\s+){0,8}?(?:состоял\w*|прош\w+)|(?:состоял\w*|прош\w+)"
            r"\s+(?:\S+\s+){0,3}?подписани\w*",
            re.I,
        ),
        False,
    ),
    (
        "signed",
        re.compile(
            r"\b(?:подписал|подписала|подписало|подписали|подписан|подписана|подписано|"
            r"подписаны|заключил|заключила|заключило|заключили|заключ[её]н|заключ[её]на|"
            r"заключ[её]но|заключ[её]ны|принял|приняла|приняло|приняли|утвердил|утвердила|"
            r"утвердили|утвержд[её]н\w*|одобрил\w*|одобрен\w*|скрепил\w*|подписавш\w+)\b",
            re.I,
        ),
        True,
    ),
    (
        "signed",
        re.compile(
            r"\b(?:подписанн\w+|заключ[её]нн\w+|принят(?:ый|ого|ому|ом|ая|ой|ую|ое|ые|ых|ым|ыми)"
            r"|согласованн\w+)\b",
            re.I,
        ),
        False,
    ),
    ("signed", re.compile(r"\bподписани\w*", re.I), False),
    ("draft", re.compile(r"\b(?:разработ\w+|согласова\w+|подготов\w+|доработ\w+)", re.I), False),
    (
        "other",
        re.compile(r"\b(?:денонс\w+|приостанови\w+|выш(?:ел|ла|ли)\s+из)", re.I),
        False,
    ),
]
PARTICIPLE_CUES = re.compile(
    r"^(?:подписанн|заключ[её]нн|принят|утвержд[её]нн|парафированн|ратифицированн|согласованн|одобренн)",
    re.I,
)


def cues_in(text: str, start: int, end: int) -> list[tuple[str, int, int, bool]]:
    chunk = text[start:end]
    found: list[tuple[str, int, int, bool]] = []
    for status, pattern, verb in CUES:
        for m in pattern.finditer(chunk):
            s, e = start + m.start(), start + m.end()
            if any(s < fe and fs < e for _st, fs, fe, _v in found):
                continue
            found.append((status, s, e, verb))
    return found


def bind_cue(m: Mention, cues: list[tuple[str, int, int, bool]]) -> None:
    """The nearest cue of the sentence tells the status; a participle already read stays unless the
    verb goes further («Подписанный в мае меморандум вступил в силу»). A draft stays a draft."""
    if m.status == "draft" or not cues:
        return
    best = min(cues, key=lambda c: min(abs(c[1] - m.end), abs(m.start - c[2])))
    if min(abs(best[1] - m.end), abs(m.start - best[2])) > 160:
        return
    if m.status is not None and RANK[best[0]] <= RANK[m.status]:
        return
    m.status, m.cue_start, m.cue_end, m.cue_is_verb = best[0], best[1], best[2], best[3]
