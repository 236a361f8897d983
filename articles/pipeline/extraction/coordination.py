"""Names listed under one post: "министры обороны Белоруссии и России Виктор Хренин и Андрей Белоусов".

A plural post before a list of names is each name's post in the singular; the countries listed in
it go to the names in the order written.
"""

from __future__ import annotations

from articles.pipeline.extraction.positions import (
    Post,
    Token,
    case_of,
    head_lemma,
    is_rank,
    singular_text,
)
from articles.pipeline.nlp import parses

_LIST_GAP = frozenset({",", "и"})
_NOT_IN_A_POST = frozenset({"VERB", "INFN", "PRTS", "GRND", "PREP", "CONJ", "ADVB", "NPRO", "PRCL"})


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
        # («Сергей Шойгу и дивизионный генерал Ибрахим Дембеле»: the next name's rank stands in the gap)
        gap = gap[: _rank_start(tokens[previous[2] : first])] if previous and gap else gap
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


def _rank_start(gap: list[Token]) -> int:
    """Where a rank right before the next name begins in the gap between two names («и дивизионный
    генерал», «, генерал армии»): the gap's end when there is none."""
    ranks = [k for k, t in enumerate(gap) if is_rank(t.text)]
    if not ranks:
        return len(gap)
    start = ranks[0]
    if start > 0 and any(p.tag.POS == "ADJF" for p in parses(gap[start - 1].text.lower())[:1]):
        start -= 1  # «дивизионный генерал»: its adjective
    if not all(t.text.lower() in _LIST_GAP for t in gap[:start]) or not all(
        is_rank(t.text) or t.text[:1].islower() and k > ranks[0]
        for k, t in enumerate(gap[start:], start)
        if k != start
    ):
        return len(gap)  # more than a rank after the list's «и»: another post, not the same list
    return start


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


# How many sentences back a plural post may stand from the names it is shared by.
PLURAL_POST_REACH = 2


def plural_post_before(
    text: str,
    sentences: list[list[Token]],
    sentence: int,
    first: int,
    size: int,
    country_spans,
    reach: int = PLURAL_POST_REACH,
) -> list[tuple[str, str]] | None:
    """ "Министры обороны США и России провели переговоры. Роберт Гейтс и Анатолий Сердюков …": a
    plural post with as many countries as the list has names, in its sentence before it or in one of
    the `reach` sentences before, and no name after it — each name's (post, country) in the order
    written, or None."""
    for index in range(sentence, max(sentence - reach - 1, -1), -1):
        tokens = sentences[index]
        stop = first if index == sentence else len(tokens)
        for i in range(stop - 1, -1, -1):
            found = _countries_after_plural(text, tokens, i, stop, size, country_spans)
            if found is not None:
                return found
    return None


def _countries_after_plural(text, tokens, i, stop, size, country_spans) -> list[tuple[str, str]] | None:
    if not head_lemma(tokens[i].text) or not _may_be_plural(tokens[i]) or is_rank(tokens[i].text):
        return None
    named: list[tuple[int, int, str, int]] = []  # (start, end, iso, token index)
    j = after_list = i + 1
    while j < stop and j - i <= 8:
        hit = next(((s, e, iso) for s, e, iso in country_spans if s == tokens[j].start), None)
        if hit is not None:
            named.append((*hit, j))
            while j < stop and tokens[j].stop <= hit[1]:
                j += 1
            after_list = j
            continue
        word = tokens[j].text
        if named and word.lower() in _LIST_GAP:
            j += 1
            continue
        if named:
            break  # the list of countries is over
        best = parses(word.lower())
        if not word.replace("-", "").isalpha() or (best and best[0].tag.POS in _NOT_IN_A_POST):
            break  # the post's complement is nouns and adjectives: "обороны", "военных ведомств"
        j += 1
    if len(named) != size or len({iso for *_x, iso, _j in named}) != size:
        return None
    if after_list < len(tokens) and tokens[after_list].text[:1].isupper():
        return None  # a name follows: the post is read with it ("министры … Иван Петров и …"), not
    # when a comma sets the names off («Министры обороны Армении и Греции, Сейран Оганян и …»)
    head = singular_text(tokens, i, i, named[0][3], case_of(tokens[i]))
    return [(f"{head} {text[s:e]}", iso) for s, e, iso, _j in named]


def _may_be_plural(token: Token) -> bool:
    """ "министры", "глав", "Главы" (untagged: the plural is one of its readings)."""
    if token.feats:
        return token.feats.get("Number") == "Plur"
    return any(p.tag.number == "plur" for p in parses(token.text.lower()) if p.tag.POS == "NOUN")
