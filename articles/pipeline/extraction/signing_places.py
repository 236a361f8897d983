"""«подписано в Хартуме 23 июля 2019 года и в Москве 1 декабря 2020 года»: a document signed in two
cities on two days is signed when the second signature is put, so the later of the two dates is its
signing date."""

from __future__ import annotations

import re

from articles.pipeline.extraction.text import DateHit

# Between the two dates: «и в Москве», «и в городе Москве», «г. и в г. Москве», «, а в Москве».
SECOND_PLACE = re.compile(
    r"\s*(?:г\.)?\s*(?:,\s*)?(?:и|а)\s+(?:в|во)\s+(?:городе\s+|г\.\s*)?[А-ЯЁ][\w-]+\s+$"
)


def _order(hit: DateHit) -> tuple[int, int, int] | None:
    d = hit.date
    if d.month is None or d.day is None:
        return None
    return (d.year or 0, d.month, d.day)


def later_signature(text: str, hits: list[DateHit], chosen: DateHit) -> DateHit:
    """`chosen`, or the date of a second signing place written right after it when that is later."""
    for hit in hits:
        if hit.start <= chosen.end or not SECOND_PLACE.fullmatch(text, chosen.end, hit.start):
            continue
        first, second = _order(chosen), _order(hit)
        if first and second and (first[0] == 0) == (second[0] == 0) and second > first:
            return hit
    return chosen
