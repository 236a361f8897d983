"""A deputy of a post another person of the text holds is of that person's state.

«… с председателем комитета по внешним связям города Петром Ивановым. Во встрече принял участие
заместитель председателя комитета Сидоров»: the deputy's post repeats the chairman's («председатель
комитета»), so the deputy serves the same state, whatever the story's most named state is. Only a
state the deputy has no surer reading of is replaced (one guessed from the company, or none).
"""

from __future__ import annotations

from articles.pipeline.extraction.documents import lemma
from articles.pipeline.extraction.entities import CERTAIN

# Posts that serve another post named in their complement: «заместитель председателя комитета».
DEPUTY_HEADS = frozenset({"заместитель", "помощник", "советник", "зам", "замглавы", "зампред"})
_WORDS = 2  # how much of the complement must repeat the other post's first words


def _words(tokens, first: int, last: int) -> list[str]:
    return [lemma(t.text) for t in tokens[first:last] if any(ch.isalpha() for ch in t.text)]


def deputies_states(people, found: dict, sentences) -> None:
    """Give each deputy the state of the person whose post his complement names (found: id(person) →
    (post, country, certainty), changed in place)."""
    held = []  # (sentence, token, first words of the post, country) of the posts held for sure
    for other in people:
        _text, country, certainty = found[id(other)]
        if not country or certainty < CERTAIN:
            continue
        for m in other.mentions:
            if m.post is not None:
                words = _words(sentences[m.sentence], m.post.first, m.post.last)
                held.append((m.sentence, m.post.first, words[:_WORDS], country, other))
    for person in people:
        text, country, certainty = found[id(person)]
        if country and certainty >= CERTAIN:
            continue
        for m in person.mentions:
            post = m.post
            if post is None:
                continue
            tokens = sentences[m.sentence]
            if lemma(tokens[post.head].text) not in DEPUTY_HEADS:
                continue
            wanted = _words(tokens, post.head + 1, post.last)[:_WORDS]
            if len(wanted) < _WORDS:
                continue
            states = [
                (s, f, iso)
                for s, f, words, iso, other in held
                if other is not person and words == wanted and (s, f) < (m.sentence, post.first)
            ]
            if states:
                found[id(person)] = (text, max(states)[2], CERTAIN)
                break
