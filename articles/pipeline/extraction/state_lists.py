"""A plural post, a colon and a list of states each with its holder: "генконсулы: США – Джон Смит,
Японии – Хиросэ Тацуя, а также почётные консулы: Австралии – В. Д. Петров".

Each name of such a list holds the post in the singular, for the state written before its dash.
officials.py calls this last, for people the list names; a post and a state the list gives are
the text's own word for that person, so they replace a guess.
"""

from __future__ import annotations

from articles.pipeline.extraction.entities import OfficialMention
from articles.pipeline.extraction.people import Person
from articles.pipeline.extraction.positions import Token, post_before

_DASHES = frozenset({"-", "–", "—"})
# What may join two items of the list: «США – А, Японии – Б и Индии – В», «…, а также …» (in
# lower case: «И.» is an initial).
_JOINS = frozenset({",", "и", "а", "также"})


def posts_of_state_lists(people: list[Person], out: list[OfficialMention], context) -> None:
    starts = {(m.sentence, m.first): k for k, p in enumerate(people) for m in p.mentions}
    for index, tokens in enumerate(context.analysis.sentences):
        for colon, token in enumerate(tokens):
            if token.text != ":" or colon == 0:
                continue
            inside = _country_tokens(tokens, context.country_spans)
            post = post_before(tokens, colon, -1, set(inside), plural=True)
            if post is None or not post.plural or not post.text or post.rank:
                continue
            for first, iso in _items(tokens, colon + 1, inside):
                k = starts.get((index, first))
                if k is None:
                    break
                out[k].position = post.text
                out[k].country = iso


def _country_tokens(tokens: list[Token], country_spans) -> dict[int, tuple[int, str]]:
    """Token index → (index of the last token of its country mention, ISO code)."""
    found: dict[int, tuple[int, str]] = {}
    for s, e, iso in country_spans:
        inside = [i for i, t in enumerate(tokens) if s <= t.start and t.stop <= e]
        for i in inside:
            found[i] = (inside[-1], iso)
    return found


def _items(tokens: list[Token], i: int, inside: dict[int, tuple[int, str]]):
    """(first token of the name, ISO) for each «State – Name» item from i on, until one does not fit."""
    while i < len(tokens):
        while i < len(tokens) and tokens[i].text in _JOINS:
            i += 1
        if i >= len(tokens) or i not in inside:
            return
        last, iso = inside[i]
        if last + 2 >= len(tokens) or tokens[last + 1].text not in _DASHES:
            return
        yield last + 2, iso
        i = last + 2
        while i < len(tokens) and tokens[i].text not in (",", ";", ":", "и"):
            i += 1
        if i < len(tokens) and tokens[i].text in (";", ":"):
            return
