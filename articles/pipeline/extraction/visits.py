"""The states a person visits: no guess of his own state from the company he keeps.

«президент Уго Чавес посетил Белоруссию», «во время посещения Зимбабве Александром Лукашенко»,
«визит Сингха в Россию»: the state a visitor goes to is his host's, not his. The guess from the
countries named around a person (officials.country_by_company) leaves these out.
"""

from __future__ import annotations

from articles.pipeline.extraction.positions import _lemma

# Verbs and nouns of going to a state: «посетил Белоруссию», «прибыл в Иран», «визит в Индию».
_VISIT_VERBS = frozenset("посетить посещать прибыть прибывать приехать приезжать прилететь прилетать".split())
_VISIT_NOUNS = frozenset("визит посещение поездка турне".split())
_TO = frozenset({"в", "во"})
# How far after a name its verb may stand: «Уго Чавес в июле посетил …», no further.
_VERB_REACH = 4
_CLAUSE_ENDS = frozenset({",", ";", ":", ".", "—", "–", "(", ")", "«", "»", '"'})


def visited_countries(person, sentences, country_at) -> set[str]:
    """The states the text says the person goes to.

    sentences: the analysis's tokens by sentence; country_at(start, stop) → [(start, stop, iso)] of
    the countries named within those offsets."""
    found: set[str] = set()
    for mention in person.mentions:
        tokens = sentences[mention.sentence]
        found |= _as_subject(tokens, mention.last, country_at)
        before = mention.first
        if mention.post is not None and mention.post.last <= mention.first:
            before = mention.post.first
        found |= _after_visit_noun(tokens, before, country_at) or _visit_opening(tokens, before, country_at)
        if before > 0 and _lemma(tokens[before - 1].text) in _VISIT_NOUNS:
            found |= _country_after(tokens, mention.last, country_at, preposition=True)  # «визит X в Y»
    return found


def _as_subject(tokens, after: int, country_at) -> set[str]:
    """«Уго Чавес посетил Белоруссию», «Шойгу прибыл в Тегеран»: the verb close after the name."""
    for i in range(after, min(after + _VERB_REACH, len(tokens))):
        if tokens[i].text in _CLAUSE_ENDS:
            return set()
        if _lemma(tokens[i].text) in _VISIT_VERBS:
            return _country_after(tokens, i + 1, country_at, preposition=False)
    return set()


def _after_visit_noun(tokens, before: int, country_at) -> set[str]:
    """«посещения Зимбабве Александром Лукашенко», «визита в Индию министра …»: the visit's place
    right before the visitor."""
    if before < 2:
        return set()
    hits = country_at(tokens[before - 1].start, tokens[before - 1].stop)
    if not hits:
        return set()
    noun = before - 2
    if noun > 0 and tokens[noun].text.lower() in _TO:
        noun -= 1
    return {hits[0][2]} if _lemma(tokens[noun].text) in _VISIT_NOUNS else set()


_OPENING_REACH = 25  # tokens from the visit's place to the visitor's post: a long post with its ranks


def _visit_opening(tokens, before: int, country_at) -> set[str]:
    """«Находящийся с визитом в США первый заместитель министра обороны — начальник Генерального штаба
    … Керим Велиев»: the visit opening the phrase of the visitor, no verb or preposition between
    («с визитом в Узбекистане по приглашению Шавката Мирзиёева»: the host)."""
    from articles.pipeline.nlp import parses

    for i in range(max(0, before - _OPENING_REACH), before - 2):
        if _lemma(tokens[i].text) not in _VISIT_NOUNS or tokens[i + 1].text.lower() not in _TO:
            continue
        hits = country_at(tokens[i + 2].start, tokens[i + 2].stop)
        between = tokens[i + 3 : before]
        if hits and not any(
            (found := parses(t.text.lower()))
            and found[0].tag.POS in ("VERB", "INFN", "GRND", "PREP")
            or t.text in ",;:.()"
            for t in between
        ):
            return {hits[0][2]}
    return set()


def _country_after(tokens, i: int, country_at, preposition: bool) -> set[str]:
    """The country at token i, or after «в» there (required when `preposition`)."""
    if i < len(tokens) and tokens[i].text.lower() in _TO:
        i += 1
    elif preposition:
        return set()
    if i >= len(tokens):
        return set()
    return {iso for _s, _e, iso in country_at(tokens[i].start, tokens[i].stop)}
