"""One state's officials named together: «министр обороны России Сергей Шойгу и министр иностранных
дел Сергей Лавров».

A post with no state of its own, right after another name whose post names a state and joined to it
by «и» or a comma, is an office of that same state — when the two posts differ. The same post again
(«президент России Владимир Путин и президент Сердар Бердымухамедов») is a counterpart of another state,
and so is any name after «между … и» (the two sides); then the rule says nothing.
"""

from __future__ import annotations

from articles.pipeline.extraction.post_words import STATE_LEADERS

_JOINS = frozenset({"и", ","})


def colleague_state(person, people, sentences, country_of_post) -> str | None:
    """The state of the name before the person's post, when the two are one state's officials.

    country_of_post(sentence, post) → the ISO code the post names, or None."""
    found = _named_before(person, people, sentences, country_of_post)
    # «президент Азербайджана Ильхам Алиев и премьер-министр Николай Пашинян»: two states' leaders
    leader = any(m.post and m.post.text.split()[:1] in ([w] for w in STATE_LEADERS) for m in person.mentions)
    return found[0] if found and not found[1] and not leader else None


def counterpart_state(person, people, sentences, country_of_post) -> str | None:
    """The state of the name before, when the person holds the same post: not the person's state."""
    found = _named_before(person, people, sentences, country_of_post)
    return found[0] if found and found[1] else None


def _named_before(person, people, sentences, country_of_post) -> tuple[str, bool] | None:
    """(the state of the post of the name just before the person's own post, whether both posts
    are one office), or None."""
    for mention in person.mentions:
        post = mention.post
        if post is None or post.text == post.rank or post.last > mention.first or post.first < 2:
            continue
        tokens = sentences[mention.sentence]
        if tokens[post.first - 1].text.lower() not in _JOINS:
            continue
        before = _mention_ending_at(people, mention.sentence, post.first - 1)
        if before is None or before.post is None or before.post.last > before.first:
            continue
        state = before.country or country_of_post(mention.sentence, before.post)
        if state:
            # «встреча между послом Турции … и министром обороны …»: the two sides, not one state's
            between = before.post.first > 0 and tokens[before.post.first - 1].text.lower() == "между"
            return state, between or _same_office(before.post.text, post.text)
    return None


def _mention_ending_at(people, sentence: int, last: int):
    return next((m for p in people for m in p.mentions if m.sentence == sentence and m.last == last), None)


def _same_office(first: str, second: str) -> bool:
    """«президент России» and «президент»: the second post is the first without its state."""
    a, b = first.lower().split(), second.lower().split()
    return a[: len(b)] == b or b[: len(a)] == a
