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
        inside = None
        for at, token in enumerate(tokens):
            if at == 0 or token.text != ":" and not (token.text[:1].isalpha() and at > 1):
                continue
            inside = inside if inside is not None else _country_tokens(tokens, context.country_spans)
            if token.text != ":":
                # «министры обороны КР - генерал-майор Таалайбек Омуралиев, Российской Федерации - …»:
                # no colon, the first state right after the plural post
                if at not in inside or at - 1 in inside or not _dashed(tokens, inside[at][0]):
                    continue
            post = post_before(tokens, at, -1, set(inside), plural=True)
            if post is None or not post.plural or not post.text or post.rank:
                continue
            items = list(_items(tokens, at + 1 if token.text == ":" else at, inside))
            if token.text != ":" and (len(items) < 2 or any(i in inside for i in range(post.first, at))):
                continue  # «министров обороны Азербайджана и Турции – Закира Гасанова и …»: one pair's, no list
            for first, iso in items:
                # a rank may stand between the dash and the name: «КР - генерал-майор Таалайбек …»
                k = next(
                    (
                        starts[(index, j)]
                        for j in range(first, first + RANK_WORDS + 1)
                        if (index, j) in starts
                    ),
                    None,
                )
                if k is None:
                    break
                out[k].position = post.text
                out[k].country = iso


RANK_WORDS = 3  # «генерал армии», «генерал-лейтенант»: the words of a rank before an item's name


def _dashed(tokens: list[Token], last: int) -> bool:
    return last + 1 < len(tokens) and tokens[last + 1].text in _DASHES


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
