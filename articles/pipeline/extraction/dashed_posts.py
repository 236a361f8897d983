"""A post set off by a dash before a rank and a name: «представил нового главнокомандующего —
вице-адмирала Виктора Чиркова». The rank is the rank; the post is the phrase before the dash, when it
stands in the same case. The same with no rank: «государственного министра обороны – Санджая Сета»."""

from __future__ import annotations

from dataclasses import replace

from articles.pipeline.extraction.positions import Post, Token, cases_agree, post_before

_DASHES = frozenset({"-", "—", "–"})


def post_before_dash(tokens: list[Token], rank: Post, barrier: int, countries: set[int]) -> Post | None:
    """The post before the dash that opens a rank alone, with the rank kept apart; or None."""
    dash = rank.first - 1
    if dash <= barrier or tokens[dash].text not in _DASHES or rank.text != rank.rank:
        return None
    before = post_before(tokens, dash, barrier, countries)
    if before is None or not before.text or before.rank or before.case != rank.case:
        return None
    return replace(before, last=rank.last, rank=rank.rank)


def post_before_name_dash(
    tokens: list[Token], first: int, barrier: int, countries: set[int], case: str | None
) -> Post | None:
    """«отправит на парад государственного министра обороны – Санджая Сета»: the post before a dash
    right before the name, when it stands in the name's case; or None."""
    dash = first - 1
    if dash <= barrier or tokens[dash].text not in _DASHES or case is None:
        return None
    before = post_before(tokens, dash, barrier, countries)
    if before is None or not before.text or before.text == before.rank or not cases_agree(before.case, case):
        return None
    return replace(before, last=first)
