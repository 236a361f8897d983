"""Posts a verb gives: "Леван Гачечиладзе является депутатом парламента", and the other order,
"Капитаном команды стал Михаель Баллак", "Новым послом назначен Иван Петров"."""

from __future__ import annotations

from articles.pipeline.extraction.positions import (
    Token,
    _blocks,
    _is_adjective,
    _lemma,
    _nominative_text,
    case_of,
    head_lemma,
    is_singular_head,
)
from articles.pipeline.extraction.post_words import ACTING, EVALUATIVE
from articles.pipeline.nlp import parses

# Verbs after which a noun in the instrumental is the subject's post: "является депутатом",
# "стал министром", "назначен послом", "избран президентом", "работает врачом".
_COPULAS = frozenset("являться стать назначить переназначить избрать переизбрать работать служить".split())
# Words that may open the clause before such a post: "Ещё одним заместителем стал …".
_OPENERS = frozenset("ещё еще одним одной".split())
# Of those, the verbs whose active form gives the post to the object: "назначил Петрова послом".
_APPOINTING = frozenset("назначить переназначить избрать переизбрать".split())
# Nouns of appointing that give the post to their object the same way: "о назначении Петрова послом".
_APPOINTING_NOUNS = frozenset("назначение переназначение избрание".split())
# How far before the name the word of appointing may stand: "назначил Героя России генерал-майора …".
_APPOINTER_REACH = 4
# Words that may stand between the subject and such a verb: "он уже является", "был назначен".
_BEFORE_COPULA = frozenset("уже также тоже ещё еще теперь ныне сейчас недавно был была ранее".split())


def predicate_post(tokens: list[Token], start: int) -> tuple[int, int, str] | None:
    """The post a verb gives the subject ending before tokens[start]: "… Гачечиладзе является
    депутатом парламента" → "депутат парламента". (first, end, text) of the phrase, or None."""
    i = start
    while i < len(tokens) and i - start < 3 and tokens[i].text.lower() in _BEFORE_COPULA:
        i += 1
    if i >= len(tokens) or _lemma(tokens[i].text) not in _COPULAS or _active_appointment(tokens[i]):
        return None
    return _post_in_instrumental(tokens, i + 1)


def appointed_post(tokens: list[Token], first: int, last: int) -> tuple[int, int, str] | None:
    """The post an active verb of appointing gives its object, the name at tokens[first:last]:
    "Путин назначил Петрова послом", "назначил генерал-майора Петрова …", "о назначении Петрова …",
    "Петрова губернатор назначил министром культуры"."""
    for i in range(first - 1, max(first - 1 - _APPOINTER_REACH, -1), -1):
        if not any(ch.isalnum() for ch in tokens[i].text):
            break  # a clause mark: the word of appointing before it is about someone else
        if _active_appointment(tokens[i]) or _appointing_noun(tokens[i]):
            return _post_in_instrumental(tokens, last)
    for i in range(last, min(last + 4, len(tokens))):
        if not any(ch.isalnum() for ch in tokens[i].text):
            return None
        if _active_appointment(tokens[i]):
            return _post_in_instrumental(tokens, i + 1)
    return None


def relative_post(tokens: list[Token], last: int) -> tuple[int, int, str] | None:
    """The post a relative clause right after the name gives: "Петров, которого назначили
    командующим флотом", "Петров, который был назначен послом"."""
    if last + 1 >= len(tokens) or tokens[last].text != ",":
        return None
    found = parses(tokens[last + 1].text.lower())
    if not found or found[0].normal_form != "который":
        return None
    if found[0].tag.case == "nomn":
        return predicate_post(tokens, last + 2)
    i = last + 2
    while i < len(tokens) and i - last < 5 and tokens[i].text.lower() in _BEFORE_COPULA:
        i += 1
    # «которого» of a person reads as the genitive as well as the accusative
    if found[0].tag.case in ("accs", "gent") and i < len(tokens) and _active_appointment(tokens[i]):
        return _post_in_instrumental(tokens, i + 1)
    return None


def _post_in_instrumental(tokens: list[Token], first: int) -> tuple[int, int, str] | None:
    """The post in the instrumental opening at tokens[first], with its adjectives and complements."""
    acting = _acting(tokens, first)
    if acting is not None:
        return acting
    head = first
    while (
        head < len(tokens)
        and head - first < 3
        and _is_adjective(tokens[head])
        and not head_lemma(tokens[head].text)
    ):
        head += 1
    if head >= len(tokens) or not is_singular_head(tokens[head]) or case_of(tokens[head]) != "ablt":
        return None
    end = _phrase_end(tokens, head)
    return first, end, _nominative_text(tokens, first, head, end, "ablt")


def _phrase_end(tokens: list[Token], head: int) -> int:
    """The token after the post's complements: up to a clause mark, a verb, «и»."""
    end = head + 1
    while (
        end < len(tokens)
        and end - head < 12
        and tokens[end].text not in {",", ")", ".", ";", ":", "!", "?", "—", "–", "("}
    ):
        if _blocks(tokens[end]) or tokens[end].text.lower() == "и":
            break
        end += 1
    return end


def _active_appointment(verb: Token) -> bool:
    """ "Филимонов назначил министром культуры": the active verb gives the post to its object, not
    to its subject ("назначен", "был избран" give it to the subject)."""
    found = parses(verb.text.lower())
    return bool(found) and found[0].normal_form in _APPOINTING and found[0].tag.POS == "VERB"


def _appointing_noun(word: Token) -> bool:
    found = parses(word.text.lower())
    return bool(found) and found[0].normal_form in _APPOINTING_NOUNS and found[0].tag.POS == "NOUN"


def _acting(tokens: list[Token], first: int) -> tuple[int, int, str] | None:
    """ "стал исполняющим обязанности министра культуры", "стал врио губернатора": the acting words,
    then the post in the genitive."""
    k = first
    while k < len(tokens) and tokens[k].text.lower() in ACTING:
        k += 1
    if k == first or k >= len(tokens) or not head_lemma(tokens[k].text) or case_of(tokens[k]) != "gent":
        return None
    participle = max(i for i in range(first, k) if tokens[i].text.lower() != "обязанности")
    end = _phrase_end(tokens, k)
    return first, end, _nominative_text(tokens, first, participle, end, "ablt")


def predicate_post_before(tokens: list[Token], name_first: int) -> tuple[int, int, str] | None:
    """The post a verb gives the subject named after it: "Капитаном стал Михаель Баллак", "Новым
    командующим флотом назначен Иван Петров" → (first, end, text) of the post phrase, or None. The
    phrase opens its clause: a post word in the instrumental with its adjectives before it and its
    complements after it, then the verb, then the name."""
    verb = name_first - 1
    if verb < 1 or _lemma(tokens[verb].text) not in _COPULAS:
        return None
    head = next(
        (
            i
            for i in range(verb - 1, max(verb - 8, -1), -1)
            if is_singular_head(tokens[i]) and case_of(tokens[i]) == "ablt"
        ),
        None,
    )
    if head is None or any(_blocks(t) for t in tokens[head + 1 : verb]):
        return None
    if any(head_lemma(t.text) and case_of(t) == "ablt" for t in tokens[head + 1 : verb]):
        return None
    first = head
    while first > 0 and _is_adjective(tokens[first - 1]) and case_of(tokens[first - 1]) == "ablt":
        first -= 1
    while first > 0 and tokens[first - 1].text.lower() in _OPENERS:
        first -= 1  # "Ещё одним заместителем губернатора стал …"
    if first > 0 and any(ch.isalnum() for ch in tokens[first - 1].text):
        return None  # "… был награжден орденом, а капитаном стал": not where the clause begins
    text_first = first
    while text_first < head and (
        _lemma(tokens[text_first].text) in EVALUATIVE or tokens[text_first].text.lower() in _OPENERS
    ):
        text_first += 1  # "Новым командующим": the post is «командующий»
    return first, verb, _nominative_text(tokens, text_first, head, verb, "ablt")
