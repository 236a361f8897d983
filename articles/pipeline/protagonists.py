"""Who a report is about: the people its headline and lead sentence name. Pure: no database.

A rewrite adds a paragraph of background (the president's arrival the same day, the previous
meeting, a byline), and each name there is one more official of the article; its protagonists stay
those of the report it retells. The stories' people test (archive/story_candidates.same_people)
reads them to tell an added paragraph from another event.

A person is matched by the skeleton of their surname (`name_keys.surname_key`) at the start of a
word of the headline or lead: Russian declines a surname by its ending («Белоусов» / «Белоусова»,
«Собирзода» / «Собирзодой», «Захарова» / «Захаровой»), so a key of more than SHORT_KEY letters is
matched without its last letter, and a word may run ENDING letters past it.
"""

from __future__ import annotations

from articles.pipeline.eventwords import LEAD_CHARS, lead_sentence
from articles.pipeline.name_keys import name_words, skeleton

__all__ = ["LEAD_CHARS", "named"]  # LEAD_CHARS: how much of a body `named` reads

SHORT_KEY = 4  # a key this short («ли», «шоиг») is matched whole
ENDING = 3  # letters a declined surname may add to its matched stem («-ыми» at most)


def named(title: str, body: str, keys: dict[int, str]) -> set[int]:
    """Of `keys` (official → surname key), those the headline or the lead sentence names."""
    words = {skeleton(word) for word in name_words(f"{title}\n{lead_sentence(body)}")}
    found = set()
    for pk, key in keys.items():
        stem = key[:-1] if len(key) > SHORT_KEY else key
        if stem and any(word.startswith(stem) and len(word) - len(stem) <= ENDING for word in words):
            found.add(pk)
    return found
