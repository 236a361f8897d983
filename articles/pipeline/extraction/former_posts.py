"""A post a person held before: «бывший губернатор …», «экс-министр …», «Занимавший пост полпреда …
Иван Петров». When a verb in the same story gives the person a post now («назначен заместителем
министра», «стал послом»), that is the post; the former one yields to it."""

from __future__ import annotations

from articles.pipeline.extraction.positions import Token, _lemma
from articles.pipeline.nlp import parses

_FORMER = frozenset("бывший прежний экс".split())
# How far before the post word a marker of the past may stand: «занимавший пост полпреда».
_REACH = 3


def held_before(tokens: list[Token], post) -> bool:
    """Whether the post at tokens[post.first:post.last] is marked as one the person held before."""
    if post is None:
        return False
    for token in tokens[max(0, post.first - _REACH) : post.last]:
        word = token.text.lower()
        if word.startswith("экс-") or _lemma(word) in _FORMER:
            return True
        found = parses(word)
        if found and found[0].normal_form == "занимать" and {"PRTF", "past"} <= found[0].tag.grammemes:
            return True
    return False


def former_post_only(person, sentences) -> bool:
    """Whether every post the text puts next to the person is one held before."""
    posts = [
        (m.sentence, m.post) for m in person.mentions if m.post is not None and m.post.text != m.post.rank
    ]
    return bool(posts) and all(held_before(sentences[s], post) for s, post in posts)
