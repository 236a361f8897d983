"""A state has one president at a time: «пригласил президента Турции Тайипа Эрдогана … переговоры с
президентом Прокописом Павлопулосом». When another person of the story holds a leader's post of a state,
a bare post of the same word elsewhere is not that state's: its mentions «президент Турции» are the
other person's, and cannot vote for this one's state. Another person of the same surname, or of one
spelt a letter apart («Сааакашвили»), is no such other: the same family, or the same person misspelt."""

from __future__ import annotations

from difflib import SequenceMatcher

from articles.pipeline.extraction.positions import head_lemma
from articles.pipeline.extraction.post_words import STATE_LEADERS

# How alike two surnames must be to be one family or one person misspelt (difflib ratio).
_ALIKE = 0.85


def states_held_by_others(person, people, lemma: str, sentences, country_of_post) -> frozenset[str]:
    """The states whose post `lemma` (a leader's) another person of the story holds.

    country_of_post(sentence, post) → the ISO code the post names, or None."""
    if lemma not in STATE_LEADERS:
        return frozenset()
    held = set()
    for other in people:
        if other is person or _alike(other.name, person.name):
            continue
        for mention in other.mentions:
            post = mention.post
            if post is None or head_lemma(sentences[mention.sentence][post.head].text) != lemma:
                continue
            iso = mention.country or country_of_post(mention.sentence, post)
            if iso:
                held.add(iso)
    return frozenset(held)


def states_others_lead(person, people, sentences, country_of_post) -> frozenset[str]:
    """The states whose post, of a leader's word the person's own posts use, another person holds."""
    lemmas = {
        head_lemma(sentences[m.sentence][m.post.head].text) for m in person.mentions if m.post is not None
    }
    return frozenset().union(
        *(states_held_by_others(person, people, lemma, sentences, country_of_post) for lemma in lemmas)
    )


def _alike(one: str, other: str) -> bool:
    a, b = one.split()[-1].lower(), other.split()[-1].lower()
    return SequenceMatcher(None, a, b).ratio() >= _ALIKE
