"""A document named as the frame of something else: «Данный документ был разработан в развитие положений
обновленного Договора о военном взаимодействии», «в соответствии с соглашением о …». The verb of the
sentence says what happened to the other thing, not to the document named as its frame; only a
participle after its name («в соответствии с соглашением, подписанным в 2010 году») speaks of it."""

from __future__ import annotations

import re

FRAME = re.compile(
    r"\b(?:в\s+развитие|в\s+соответствии\s+с|во?\s+исполнение|во?\s+реализацию|во\s+выполнение|"
    r"на\s+основ(?:е|ании)|согласно)\s+(?:положени\w+\s+|норм\w*\s+|стат\w+\s+\d+\s+)?"
    r"(?:[а-яё-]+\s+){0,2}$",
    re.I,
)


def named_as_frame(text: str, start: int) -> bool:
    """The document whose name starts at `start` is the frame the sentence acts under."""
    return bool(FRAME.search(text, max(0, start - 60), start))


# «… рамочного соглашения, которое Сеул и Варшава подписали в июле 2022 года»: a clause of its own.
RELATIVE = re.compile(r"[^,.;:!?]{0,60}?,\s*(?:котор\w+|что)\b[^,.;:!?]{0,80}$", re.I)


def frame_cues(
    cues: list[tuple[str, int, int, bool]], text: str, end: int
) -> list[tuple[str, int, int, bool]]:
    """Of a sentence's cues, those that may speak of a document named as a frame and ending at `end`:
    participles after its name, and the verb of a relative clause that follows it."""
    return [c for c in cues if c[1] >= end and (not c[3] or RELATIVE.match(text, end, c[1]))]
