"""Posts not written next to the name: one a verb gives ("Капитаном стал …", "… является
депутатом"), an office described without a name in a neighbouring sentence ("Глава российского
государства заявил …"), and a plural post with its countries shortly before a list of names.
officials.py calls these after the posts in apposition, for the people still without one."""

from __future__ import annotations

from collections import Counter

from articles.pipeline.extraction.coordination import plural_post_before
from articles.pipeline.extraction.entities import CERTAIN, OfficialMention
from articles.pipeline.extraction.former_posts import former_post_only
from articles.pipeline.extraction.held_posts import held_post
from articles.pipeline.extraction.origins import origin_countries
from articles.pipeline.extraction.people import Person
from articles.pipeline.extraction.positions import is_role
from articles.pipeline.extraction.post_words import PLACE_PREPOSITIONS
from articles.pipeline.extraction.predicates import (
    appointed_post,
    predicate_post,
    predicate_post_before,
    relative_post,
)

_SUBJECT_PRONOUNS = frozenset({"он", "она"})


def posts_of_predicates(people: list[Person], out: list[OfficialMention], context) -> None:
    """ "Леван Гачечиладзе является депутатом парламента", "… Петров. Сейчас он работает послом":
    a person with no post in apposition takes the post a verb gives them, right after a mention in
    the nominative or after «он»/«она» early in the next sentence when that mention was the only
    person of its sentence. The country named in that post is the person's when none was given."""
    sentences = context.analysis.sentences
    named_in: dict[int, int] = Counter(m.sentence for p in people for m in p.mentions)
    for k, person in enumerate(people):
        former = bool(out[k].position) and former_post_only(person, sentences)
        if out[k].position and out[k].position != out[k].rank and not former:
            continue  # a rank alone is no post: "Командующим флотом стал вице-адмирал Иван Петров"
        for mention in sorted(person.mentions, key=lambda m: m.span):
            tokens = sentences[mention.sentence]
            if mention.reading.case in ("accs", "gent"):
                found = appointed_post(tokens, mention.first, mention.last)
                if found is not None:
                    _give(out[k], found, tokens, context, person)
                    break
            found = relative_post(tokens, mention.last)
            if found is not None:
                _give(out[k], found, tokens, context, person)
                break
            if mention.reading.case not in (None, "nomn") and not former:
                # a former post read into the name's case: «Занимавший пост полпреда … Александр
                # Матовников назначен …» is a subject all the same
                continue
            ranked = mention.post is not None and mention.post.text == mention.post.rank
            found = (
                predicate_post(tokens, mention.last)
                or predicate_post_before(tokens, mention.post.first if ranked else mention.first)
                # a seat held («занимал пост …») is no newer than a former post: «экс-президент»
                or (
                    None
                    if former
                    else held_post(tokens, mention.post.first if ranked else mention.first, mention.last)
                )
            )
            if found is None and named_in[mention.sentence] == 1 and mention.sentence + 1 < len(sentences):
                tokens = sentences[mention.sentence + 1]
                if named_in.get(mention.sentence + 1, 0) == 0:
                    pronoun = next(
                        (i for i, t in enumerate(tokens[:6]) if t.text.lower() in _SUBJECT_PRONOUNS), None
                    )
                    found = predicate_post(tokens, pronoun + 1) if pronoun is not None else None
            if found is None:
                continue
            _give(out[k], found, tokens, context, person)
            break


def _after_place_preposition(tokens, start: int) -> bool:
    """ "послом в Чили": a country after a preposition is where the post is, not whose."""
    before = [t for t in tokens if t.stop <= start][-1:]
    return bool(before) and before[0].text.lower() in PLACE_PREPOSITIONS


def _give(official: OfficialMention, found: tuple[int, int, str], tokens, context, person: Person) -> None:
    """The post found for the official, and the country named in it when he has none; failing that,
    an office holder's guess from the company, as for a post in apposition («Ещё одним заместителем
    губернатора стал …» in a story about one Russian region)."""
    first, end, text = found
    official.position = text
    if official.country is None:
        hits = context._countries_in(tokens[first].start, tokens[end - 1].stop)
        inside = [hit for hit in hits if not _after_place_preposition(tokens, hit[0])]
        official.country = (
            inside[0][2]
            if inside
            else context.orgs.country_in(context.text[tokens[first].start : tokens[end - 1].stop])
        )
        if official.country is None and text and not is_role(text.split()[0]):
            # "послом в Чили": where he is posted is no guess for whose he is
            official.country = context.country_by_company(person, exclude={iso for _s, _e, iso in hits})


# How far a description may stand from a mention of the person it describes, in sentences:
# "Барак Обама принимает … Саркози. … обсудить с главой администрации США …" (the next sentence),
# "… огорчила переизбранного президента Белоруссии … Лукашенко и ещё 30 его служащих …" (the one
# before). On the factRuEval devset every such description found by hand was in the sentence
# before or after; two sentences away it was as often another person's.
DESCRIPTION_REACH = 1


def posts_described_nearby(people: list[Person], out: list[OfficialMention], found: dict, context) -> None:
    """ "Дмитрий Медведев пообещал … Глава российского государства заявил …": a person the text gives
    no post takes an office described without a name (a post tied to a country, no name after it)
    in a sentence next to one of their mentions that names nobody else. A description is passed
    over when another person of its country holds a post of the same word (it is theirs), and when
    several postless people could take it and none is of its country (the text does not say whose)."""
    # a rank alone is no post: "Глава Минобороны Беларуси прибыл … Генерал-лейтенант Виктор Хренин …"
    postless = [k for k, o in enumerate(out) if not o.position or o.position.lower() == o.rank.lower()]
    if not postless:
        return
    described = context.described_posts()
    if not described:
        return
    named_in: dict[int, set[int]] = {}
    for k, person in enumerate(people):
        for m in person.mentions:
            named_in.setdefault(m.sentence, set()).add(k)
    claims: dict[int, list[int]] = {}
    for index, (sentence, lemma, _text, iso) in enumerate(described):
        if named_in.get(sentence):
            continue  # the sentence names someone: the description is about them, or about no one
        if any(o.country == iso and o.position and lemma in o.position.lower() for k, o in enumerate(out)):
            continue
        for k in postless:
            _post, country, certainty = found[id(people[k])]
            if certainty == CERTAIN and country and country != iso:
                continue
            origin = origin_countries(people[k].name)
            if origin and iso not in origin:
                continue  # "Ильхам Алиев … президента Турции": a name of another part of the world
            if any(abs(m.sentence - sentence) <= DESCRIPTION_REACH for m in people[k].mentions):
                claims.setdefault(index, []).append(k)
    taken: dict[int, tuple[int, int]] = {}  # person → (distance, description)
    for index, claimants in claims.items():
        sentence, _lemma, _text, iso = described[index]
        if len(claimants) > 1:
            claimants = [k for k in claimants if out[k].country == iso]
            if len(claimants) != 1:
                continue
        k = claimants[0]
        distance = min(abs(m.sentence - sentence) for m in people[k].mentions)
        if k not in taken or (distance, index) < taken[k]:
            taken[k] = (distance, index)
    for k, (_distance, index) in taken.items():
        _sentence, _lemma, text, iso = described[index]
        out[k].position, out[k].country = text, iso


def posts_of_a_plural_before(people: list[Person], out: list[OfficialMention], found: dict, context) -> None:
    """ "Министры обороны США и России провели переговоры. Роберт Гейтс и Анатолий Сердюков …": the
    names of a list none of whom has a post take, in order, the posts and countries of a plural post
    named shortly before them (coordination.plural_post_before). A country the text gave is kept, unless
    the plural post stands in the list's own sentence («Министры обороны Армении и Греции, Сейран Оганян и
    Дмитрис Аврамопулос, …»); a post found for one of them elsewhere gives way only to such a post."""
    groups: dict[tuple[int, int], list[int]] = {}
    for k, person in enumerate(people):
        for m in person.mentions:
            if m.group is not None:
                groups.setdefault(m.group, []).append(k)
    for (sentence, first), members in groups.items():
        if len(set(members)) != len(members) or any(found[id(people[k])][0] for k in members):
            continue
        args = (
            context.text,
            context.analysis.sentences,
            sentence,
            first,
            len(members),
            context.country_spans,
        )
        shared = plural_post_before(*args, reach=0)
        here = shared is not None  # in their own sentence: its states, in order, are theirs
        if shared is None and not any(out[k].position for k in members):
            shared = plural_post_before(*args)
        if shared is None:
            continue
        for k, (post, iso) in zip(members, shared, strict=True):
            out[k].position = post
            if here or found[id(people[k])][2] < CERTAIN or out[k].country is None:
                out[k].country = iso
