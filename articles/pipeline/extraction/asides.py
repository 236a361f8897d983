"""Asides inside the clause that signs: «Министр Кулеба, который рассказал, как Россия …, и госсекретарь
США подписали хартию» — a relative clause about a signatory names what he spoke of, not a party."""

from __future__ import annotations

import re

RELATIVE_OPENS = re.compile(r",\s*котор\w+\b", re.I)
# The aside ends where the list of signatories goes on: «…, и госсекретарь США подписали».
ASIDE_ENDS = re.compile(r",\s*(?:и|а\s+также)\s+", re.I)


def outside_asides(text: str, start: int, stop: int, points: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """`points` (position, ISO) less those inside a relative clause opened between `start` and `stop`
    (the document or its verb) that ends with «, и …» before `stop`."""
    asides = []
    for opened in RELATIVE_OPENS.finditer(text, start, stop):
        closed = ASIDE_ENDS.search(text, opened.end(), stop)
        if closed is not None:
            asides.append((opened.start(), closed.start()))
    return [(pos, iso) for pos, iso in points if not any(a <= pos < b for a, b in asides)]
