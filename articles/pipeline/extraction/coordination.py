"""Names listed under one post: "министры обороны Белоруссии и России Виктор Хренин и Андрей Белоусов".

A plural post before a list of names is each name's post in the singular; the countries listed in
it go to the names in the order written.
"""

from __future__ import annotations

from articles.pipeline.extraction.positions import Post, Token, singular_text

_LIST_GAP = frozenset({",", "и"})


def name_lists(
    people: list[tuple[int, int, int]], sentences: list[list[Token]]
) -> dict[tuple[int, int], tuple[tuple[int, int], int, int]]:
    """Names listed one after another ("Виктор Хренин и Андрей Белоусов"): for each name's
    (sentence, first token), the list's key, the name's place in it and the list's length.

    people: (sentence, first token, token after the last) of each name, in order."""
    groups: list[list[tuple[int, int]]] = []
    previous = None
    for sentence, first, last in people:
        tokens = sentences[sentence]
        gap = [t.text.lower() for t in tokens[previous[2] : first]] if previous else []
        if previous and previous[0] == sentence and gap and set(gap) <= _LIST_GAP and gap.count("и") <= 1:
            groups[-1].append((sentence, first))
        else:
            groups.append([(sentence, first)])
        previous = (sentence, first, last)
    return {
        member: (group[0], place, len(group))
        for group in groups
        if len(group) > 1
        for place, member in enumerate(group)
    }


def shared_post(
    text: str, tokens: list[Token], post: Post, size: int, country_spans
) -> list[tuple[str, str | None]]:
    """One plural post for a list of names: each name's (post text, country). "президенты Беларуси и
    России Александр Лукашенко и Владимир Путин": the countries go to the names in the order written."""
    lo, hi = tokens[post.scope].start, tokens[post.last - 1].stop
    named = sorted((s, e, iso) for s, e, iso in country_spans if lo <= s < hi)
    if len(named) != size or len({iso for _s, _e, iso in named}) != size:
        return [(post.text, None)] * size
    first_country = next(i for i, t in enumerate(tokens) if t.start >= named[0][0])
    if first_country <= post.head:
        return [(post.text, iso) for _s, _e, iso in named]  # "российский и белорусский министры"
    head = singular_text(tokens, post.first, post.head, first_country, post.case)
    return [(f"{head} {text[s:e]}", iso) for s, e, iso in named]
