"""A president and a head of government named together: «переговоры с президентом Прокописом
Павлопулосом и премьер-министром Алексисом Ципрасом».

Two bare leaders' posts of different words (no state in either), joined by «и» or a comma, name one
state's leaders: the head of state and the head of government. The second takes the first one's state
when its own is only a guess from the company. Posts that name a state are colleagues.py's; the same
word twice («президентом … и президентом …») is two states' and is left alone.
"""

from __future__ import annotations

from articles.pipeline.extraction.entities import CERTAIN
from articles.pipeline.extraction.positions import head_lemma
from articles.pipeline.extraction.post_words import STATE_LEADERS

_JOINS = frozenset({"и", ","})


def leaders_named_together(people, found: dict, sentences) -> None:
    """found: id(person) → (post, country, certainty); a guessed country gives way to the partner's."""
    for person in people:
        _post, country, certainty = found[id(person)]
        if certainty >= CERTAIN and country:
            continue
        for mention in person.mentions:
            lemma = _bare_leader(mention, sentences)
            if lemma is None or mention.post.first < 1:
                continue
            if sentences[mention.sentence][mention.post.first - 1].text.lower() not in _JOINS:
                continue
            partner = next(
                (
                    p
                    for p in people
                    if p is not person
                    for m in p.mentions
                    if m.sentence == mention.sentence
                    and m.last == mention.post.first - 1
                    and _bare_leader(m, sentences) not in (None, lemma)
                ),
                None,
            )
            partner_country = found[id(partner)][1] if partner else None
            if partner_country:
                found[id(person)] = (_post, partner_country, certainty)
                break


def _bare_leader(mention, sentences) -> str | None:
    """The leader's word of a post that is that word alone, right before the name («президентом»)."""
    post = mention.post
    if post is None or post.first != post.head or post.last != post.head + 1 or post.last != mention.first:
        return None
    lemma = head_lemma(sentences[mention.sentence][post.head].text)
    return lemma if lemma in STATE_LEADERS else None
