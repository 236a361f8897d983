"""Which of the people found are reported: a name of two words always; a name of one word only when
the text treats it as a person's — a post, several mentions, a known surname, the subject of a verb
of speech, a first name after a kinship noun, or a neighbour in a list of names that are people
(a score line: «Бернс (Рой, Грин) • 2:1 — 09:17 Куниц»)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from articles.pipeline.extraction.name_spans import is_first_name
from articles.pipeline.extraction.names import known_name_parses
from articles.pipeline.extraction.positions import Token
from articles.pipeline.extraction.post_words import KIN_NOUNS, SPEECH_VERBS
from articles.pipeline.nlp import parses
from articles.pipeline.text import fold

if TYPE_CHECKING:
    from articles.pipeline.extraction.people import Mention, Person


def reported(people: list[Person], sentences: list[list[Token]]) -> list[Person]:
    """The people worth reporting, in their order; a doubtful single word is taken when it stands in
    a list next to a name that is taken (repeated until no more join)."""
    taken = {id(p) for p in people if _worth_reporting(p, sentences)}
    doubtful = [p for p in people if id(p) not in taken and _reportable_shape(p)]
    owner = {(m.sentence, m.first): p for p in people for m in p.mentions}
    grew = True
    while grew and doubtful:
        grew = False
        for person in list(doubtful):
            if any(id(n) in taken for m in person.mentions for n in _list_neighbours(m, owner, sentences)):
                taken.add(id(person))
                doubtful.remove(person)
                grew = True
    return [p for p in people if id(p) in taken]


def _reportable_shape(person: Person) -> bool:
    return not all(m.patronymic and len(m.words) == 1 for m in person.mentions)


def _worth_reporting(person: Person, sentences: list[list[Token]]) -> bool:
    """A surname alone is reported when it is clearly a person: a post, repeated, a known surname,
    the subject of a verb of speech, or a first name after a kinship noun."""
    if not _reportable_shape(person):
        return False  # "Николай Платонович" joined nobody named in full: not a person we can name
    if len(person.name.split()) > 1:
        return True
    if any(m.post for m in person.mentions) or len(person.mentions) > 1:
        return True
    if any("Surn" in p.tag for p in known_name_parses(person.name.lower())):
        return True
    return any(_speaks(sentences[m.sentence], m) or _kin(sentences[m.sentence], m) for m in person.mentions)


# How many tokens without a word may stand between two names of a list ("Грин) • 2:1 — 09:17 Куниц").
_LIST_GAP = 12


def _list_neighbours(mention: Mention, owner: dict, sentences: list[list[Token]]) -> list[Person]:
    """The people named right before and after the mention in its sentence with nothing but list
    marks, brackets, scores and times between (no word): «Бернс (Рой, Грин)», «Уорд — Набоков»."""
    tokens = sentences[mention.sentence]
    out = []
    before = mention.first - 2
    if before >= 0 and tokens[mention.first - 1].text == "(":
        person = next((p for p in owner.values() if _ends_at(p, mention.sentence, before)), None)
        if person is not None and len(person.name.split()) > 1:
            return []  # "Иван Соколов (Нидерланды, 37)": what a full name's brackets say of it
    for i in range(mention.last, min(mention.last + _LIST_GAP, len(tokens))):
        if (mention.sentence, i) in owner:
            out.append(owner[(mention.sentence, i)])
            break
        if any(ch.isalpha() for ch in tokens[i].text):
            break
    for i in range(mention.first - 1, max(mention.first - _LIST_GAP - 1, -1), -1):
        if any(ch.isalpha() for ch in tokens[i].text):
            # the word before is the end of a name: find whose
            person = next(
                (
                    p
                    for (s, first), p in owner.items()
                    if s == mention.sentence and first <= i and _ends_at(p, s, i)
                ),
                None,
            )
            if person is not None:
                out.append(person)
            break
    return out


def _ends_at(person: Person, sentence: int, i: int) -> bool:
    return any(m.sentence == sentence and m.last == i + 1 for m in person.mentions)


# Words that may stand between a verb of speech and its subject: "предрёк сам Нострадамус",
# "сочла последним всемирно известная Ванга".
_BETWEEN_VERB_AND_SUBJECT = frozenset({"ADJF", "ADJS", "ADVB", "PRTF"})
_EMPHATIC = frozenset("сам сама также же тоже ещё еще".split())


def _speaks(tokens: list[Token], mention: Mention) -> bool:
    """ "Проди заявил", "считает Лонгин": a verb of speech right after the name, or before it with at
    most three adjectives or adverbs between, whose subject the name is (in the nominative)."""
    if mention.reading.case not in (None, "nomn"):
        return False
    if mention.last < len(tokens) and _speech_verb(tokens[mention.last]):
        return True
    i = mention.first - 1
    while i >= 0 and mention.first - i <= 4:
        word = tokens[i].text.lower()
        if _speech_verb(tokens[i]):
            return True
        found = parses(word)
        if word not in _EMPHATIC and not (found and found[0].tag.POS in _BETWEEN_VERB_AND_SUBJECT):
            return False
        i -= 1
    return False


def _speech_verb(token: Token) -> bool:
    found = parses(token.text.lower())
    return bool(found) and found[0].tag.POS == "VERB" and fold(found[0].normal_form) in SPEECH_VERBS


def _kin(tokens: list[Token], mention: Mention) -> bool:
    """ "его дочь Лиза", "мать Раиса": a first name alone right after a kinship noun."""
    if mention.first == 0 or not is_first_name(mention.words[-1]):
        return False
    found = parses(tokens[mention.first - 1].text.lower())
    return bool(found) and fold(found[0].normal_form) in KIN_NOUNS
