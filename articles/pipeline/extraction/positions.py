"""Posts next to a person's name: "министр обороны РФ Андрей Белоусов", "Иван Иванов, посол России".

A post is a noun phrase headed by a word for an office, a rank or a role (министр, глава,
председатель, генерал-майор, эксперт …) standing in apposition to the name: before it, or after
it set off by a comma, a dash or brackets. The phrase keeps its complements as written ("глава
военного ведомства КНР"); the head and the adjectives agreeing with it go to the nominative.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from articles.pipeline.extraction.names import NATASHA_CASES
from articles.pipeline.extraction.post_words import (
    ABBREVIATED_POSTS,
    ACTING,
    COUNTERPARTS,
    EVALUATIVE,
    INNER_PREPOSITIONS,
    PLACE_DEMONSTRATIVES,
    POSITION_HEADS,
    PREFIXES,
    RANKS,
    ROLES,
    SEVERAL_STATES,
    STATE_DEMONSTRATIVES,
)
from articles.pipeline.extraction.state_nouns import STATE_NOUNS
from articles.pipeline.nlp import parses
from articles.pipeline.text import fold, spelled_like

_QUOTES = frozenset("«»\"„“”'()")
_STOP_POS = frozenset({"VERB", "AUX", "ADV", "PRON", "SCONJ", "NUM", "PART", "INTJ", "DET"})
MAX_PHRASE = 25
_HEADS = POSITION_HEADS | ROLES | RANKS | COUNTERPARTS


@dataclass
class Token:
    text: str
    start: int
    stop: int
    pos: str = ""  # Universal POS from Natasha's morph tagger, when the sentence was tagged
    feats: dict[str, str] = field(default_factory=dict)


@dataclass
class Post:
    """A post found next to a name: tokens [first, last) of the sentence, and its nominative text."""

    first: int  # the head, or the first adjective agreeing with it
    last: int  # exclusive: the token after the phrase
    head: int
    text: str
    case: str | None  # the case the head stands in: the name in apposition agrees with it
    scope: int  # first token that still describes the post (a country adjective: "российский эксперт")
    plural: bool = False  # "министры обороны …": one post shared by the names listed after it
    # A military or special rank written with the post ("министр обороны генерал-полковник …"):
    # kept apart from the post's text. A rank alone is both the post and the rank.
    rank: str = ""
    # "пресс-секретарь президента РФ Владимира Путина Дмитрий Песков": the post word a genitive name
    # stood in the complement of («пресс-секретарь»); the next name takes it (post_of_possessor).
    outer: int | None = None


@lru_cache(maxsize=65536)
def head_lemma(word: str) -> str | None:
    """The post a word names, as its lemma, or None: "главой" → "глава", "генерал-майором" → "генерал-майор"."""
    low = fold(word)
    if low in ABBREVIATED_POSTS:
        return ABBREVIATED_POSTS[low]
    if _deputy_compound(low):
        return low
    for p in parses(low):
        if p.tag.POS not in ("NOUN", "ADJF", "PRTF") and "Fixd" not in p.tag:
            continue
        lemma = fold(p.normal_form)
        if p.tag.POS == "PRTF":  # "управляющим": the noun is the participle's masculine nominative
            masculine = p.inflect({"nomn", "sing", "masc"})
            lemma = fold(masculine.word) if masculine else lemma
        if lemma in _HEADS:
            return lemma
        for prefix in PREFIXES:
            if lemma.startswith(prefix) and (lemma[len(prefix) :] in _HEADS):
                return lemma
        if "-" in lemma and lemma.rpartition("-")[2] in POSITION_HEADS:
            return lemma  # «статс-секретарь», «обер-прокурор»: a compound of a post word
    return None


def _deputy_compound(low: str) -> bool:
    """ "замгубернатора", "замкомандующего": «зам» and a post in the genitive, one word that does
    not decline (the dictionary's guesser would read "замгубернатора" as a declined noun)."""
    if not low.startswith("зам") or len(low) < 8:
        return False
    rest = low[3:]
    lemma = head_lemma(rest)
    return lemma is not None and lemma != rest and any(p.tag.case == "gent" for p in parses(rest))


def is_singular_head(token: Token) -> bool:
    """A post word that can stand for one person: "президент", not "президенты" ("кандидат в президенты")."""
    if not head_lemma(token.text):
        return False
    if fold(token.text) in ABBREVIATED_POSTS:
        return True  # "зам." stands for one person
    if token.feats.get("Number") == "Plur":
        return False
    if token.feats:
        return True
    return any(p.tag.number != "plur" for p in parses(token.text.lower()) if p.tag.POS in ("NOUN", "ADJF"))


def _singular_at(tokens: list[Token], i: int) -> bool:
    """is_singular_head, but "атташе" (the same in both numbers, whatever the tagger guessed) is
    plural only after a plural adjective ("военные атташе")."""
    token = tokens[i]
    if is_singular_head(token):
        return True
    if not head_lemma(token.text) or not _indeclinable(token):
        return False
    before = tokens[i - 1] if i > 0 else None
    return not (
        before is not None
        and before.feats.get("Number") == "Plur"
        and any(p.tag.POS == "ADJF" for p in parses(before.text.lower()))
    )


def is_role(word: str) -> bool:
    """A word for what someone does rather than an office: "эксперт", "тренер", "корреспондент"."""
    lemma = head_lemma(word)
    return bool(lemma) and lemma.removeprefix("экс-") in ROLES


def is_rank(word: str) -> bool:
    lemma = head_lemma(word)
    return bool(lemma) and lemma.removeprefix("экс-") in RANKS


def case_of(token: Token, allowed: tuple[str, ...] = ("NOUN", "ADJF", "PRTF")) -> str | None:
    tagged = NATASHA_CASES.get(token.feats.get("Case", ""))
    if tagged:
        return tagged
    for p in parses(token.text.lower()):
        if p.tag.POS in allowed and p.tag.case:
            return p.tag.case
    return None


def _participle(token: Token) -> bool:
    """A participle with a case: an adjective in a post («объединённых», «вооружённых»)."""
    return token.feats.get("VerbForm") == "Part" and "Case" in token.feats


def _is_adjective(token: Token) -> bool:
    if token.pos:
        return token.pos == "ADJ" or (token.pos == "VERB" and _participle(token))
    best = parses(token.text.lower())
    return bool(best) and best[0].tag.POS in ("ADJF", "PRTF")


@lru_cache(maxsize=65536)
def _lemma(word: str) -> str:
    found = parses(word.lower())
    return found[0].normal_form if found else word.lower()


def _blocks(token: Token, stop_prepositions: bool = True) -> bool:
    """A token a post never spans: a verb, a clause boundary, a preposition that starts another phrase."""
    text = token.text
    if not any(ch.isalnum() for ch in text):
        return text not in _QUOTES
    low = text.lower()
    if low == "и":
        return False
    if token.pos == "VERB" and is_rank(text):
        return False  # «майор-генерал»: the tagger reads the rank as a verb
    if token.pos == "VERB" and _participle(token):
        return False  # «министр вооружённых сил»: the tagger reads the participle as a verb
    if low in SEVERAL_STATES:
        return False  # «министры обороны двух государств», «главы МИД обеих стран»
    if token.pos in _STOP_POS or token.pos == "CCONJ":
        return True
    if token.pos == "ADP" or (not token.pos and low in _PREPOSITION_WORDS):
        return stop_prepositions and low not in INNER_PREPOSITIONS
    best = parses(low)
    if best and best[0].tag.POS in ("VERB", "INFN", "GRND"):
        return True  # a finite verb ends the phrase even when the tagger read it otherwise
    if not token.pos and best and best[0].tag.POS in ("ADVB", "CONJ", "NPRO", "PRCL"):
        return True
    return text.isdigit()


_PREPOSITION_WORDS = frozenset("с со к ко у от для без до из о об обо про через перед за между после".split())


def post_before(
    tokens: list[Token],
    name_first: int,
    barrier: int,
    countries: set[int],
    plural: bool = False,
    possessive: bool = True,
) -> Post | None:
    """The post standing right before a name (tokens[name_first] is the name's first token).

    barrier: index of the first token we may not cross (the end of a previous name);
    countries: indices of tokens inside a country mention;
    plural: a list of names follows, so a plural post ("президенты … Иван Иванов и Пётр Петров") counts;
    its text is given in the singular, as the post of each of them;
    possessive: another name follows this one directly, so a name in the genitive may be the
    complement's ("пресс-секретарь президента РФ Владимира Путина Дмитрий Песков"); without one,
    a genitive name is the post's own ("заместитель министра обороны Индонезии Донни Тауфанто",
    tagged genitive though it declines no ending).
    """
    window_start = name_first
    # «Генеральный секретарь Организации Договора о коллективной безопасности (ОДКБ) Имангали …»: a
    # body's full name closed by its abbreviation in brackets right before the name holds its own
    # prepositions
    named_body = _abbreviation_before(tokens, name_first)
    while window_start > max(barrier, name_first - MAX_PHRASE) and (
        not _blocks(tokens[window_start - 1], stop_prepositions=not named_body)
        # "министры … Вьетнама, Лаоса и Камбоджи": a comma inside a list of countries
        or (plural and tokens[window_start - 1].text == "," and {window_start - 2, window_start} <= countries)
        or _place_demonstrative(tokens, window_start - 1)
        or _state_demonstrative(tokens, window_start - 1)
        or counterpart_from(tokens, window_start - 1)
    ):
        if _closes_aside(tokens, window_start - 1):
            break
        window_start -= 1
    heads = [
        i
        for i in range(window_start, name_first)
        if _singular_at(tokens, i) or (plural and head_lemma(tokens[i].text) and _plural(tokens[i]))
    ]
    if not heads:
        return None
    head = heads[0]
    outer = None
    name_case = NATASHA_CASES.get(tokens[name_first].feats.get("Case", ""))
    for later in heads[1:]:
        # "с корреспондентом «Голоса Америки» лидер движения Иван Петров": a post word in another
        # case than the first, and not its complement in the genitive, starts the name's own post
        case = case_of(tokens[later])
        if is_rank(tokens[later].text):
            continue
        if (
            case not in (case_of(tokens[head]), "gent", None)
            or _object_between(tokens, head, later)
            or _another_states_post(tokens, head, later, name_first, countries)
        ):
            head = later
        elif (
            possessive
            and case == "gent" == name_case
            and case_of(tokens[head]) not in ("gent", None)
            and not plural
        ):
            # "пресс-секретарь президента РФ Владимира Путина": a name in the genitive is the
            # complement's, "президент РФ"; the post word before is the next name's
            outer = head if outer is None else outer
            head = later
    many = not _singular_at(tokens, head)
    first = scope = head
    i = head - 1
    while i >= window_start and (
        _is_adjective(tokens[i])
        or tokens[i].text.lower() in ACTING
        or _adjectives_joined(tokens, i, head, window_start)
    ):
        if tokens[i].text.lower() == "и":
            i -= 1  # «Чрезвычайный и Полномочный посол»: two adjectives of the one post
            continue
        if i in countries:
            scope = i  # "российский военный эксперт": the country, not part of the post's name
            # "российский и белорусский министры": a plural post may be preceded by a list of them
            while many and i - 2 >= window_start and tokens[i - 1].text in ("и", ",") and i - 2 in countries:
                i -= 2
                scope = i
            break
        if tokens[i].text.lower() not in ACTING and not _agree(tokens[i], tokens[head]):
            break  # "декларацией, подписанной президентами": an adjective of another noun
        if _lemma(tokens[i].text) not in EVALUATIVE:
            first = i
        scope = i
        i -= 1
    agrees = _agreeing_word(tokens, first, head)
    case = _case_of_post(tokens, first, agrees)
    rank_first, rank = _rank(tokens, first, head, name_first, many)
    end = name_first if rank_first is None or rank_first == first else rank_first
    text = _nominative_text(tokens, first, agrees, end, case, singular=many)
    if head_lemma(tokens[head].text) in COUNTERPARTS and (
        head == name_first - 1 or counterpart_from(tokens, head + 1)
    ):
        text = ""  # "российский коллега", "коллега из Китая" tell the country and the case, not the post
    scope = min(first, scope)
    earlier = _earlier_post(tokens, first, barrier, countries, case) if text and not many else None
    if earlier is not None:
        # "председателем совета Мьянмы, главнокомандующим вооруженными силами … Мин Аун Хлайном":
        # posts in a row, each agreeing with the name, are all the person's
        text, first, scope = f"{earlier.text}, {text}", earlier.first, min(scope, earlier.scope)
    return Post(
        first=first,
        last=name_first,
        head=head,
        text=text,
        case=None if _after_acting_abbreviation(tokens, first) else case,
        scope=scope,
        plural=many,
        rank=rank,
        outer=outer,
    )


def _adjectives_joined(tokens: list[Token], i: int, head: int, window_start: int) -> bool:
    """«и» between two adjectives that agree with the post's head: «Чрезвычайный и Полномочный посол»."""
    return (
        tokens[i].text.lower() == "и"
        and i - 1 >= window_start
        and i + 1 < head
        and _is_adjective(tokens[i - 1])
        and _is_adjective(tokens[i + 1])
        and _agree(tokens[i - 1], tokens[head])
        and _agree(tokens[i + 1], tokens[head])
    )


_ABBREVIATION = re.compile(r"^[A-ZА-ЯЁ]{2,6}$")


def _abbreviation_before(tokens: list[Token], name_first: int) -> bool:
    """Whether a bracketed abbreviation («(ОДКБ)») stands right before the name."""
    return (
        name_first >= 3
        and tokens[name_first - 1].text == ")"
        and tokens[name_first - 3].text == "("
        and bool(_ABBREVIATION.match(tokens[name_first - 2].text))
    )


def _another_states_post(
    tokens: list[Token], head: int, later: int, name_first: int, countries: set[int]
) -> bool:
    """ "с главой МИД Армении и госсекретарём США Майком Помпео": two posts joined by «и», each
    naming its own state, are two people's; the name holds the nearer one."""
    return (
        tokens[later - 1].text.lower() == "и"
        and any(head < i < later - 1 for i in countries)
        and any(later < i < name_first for i in countries)
    )


def _object_between(tokens: list[Token], head: int, later: int) -> bool:
    """ "передал главе Туркменистана приветствия от Президента Реджепа …": a noun in the accusative
    (not after a preposition) between two post words is the verb's object; the later post is the name's."""
    return any(
        tokens[i].pos == "NOUN"
        and NATASHA_CASES.get(tokens[i].feats.get("Case", "")) == "accs"
        and tokens[i - 1].pos != "ADP"
        for i in range(head + 1, later)
    )


def _place_demonstrative(tokens: list[Token], i: int) -> bool:
    """ "посол Беларуси в этой африканской стране": a demonstrative right after a post's preposition."""
    return (
        i > 0
        and tokens[i].text.lower() in PLACE_DEMONSTRATIVES
        and tokens[i - 1].text.lower() in INNER_PREPOSITIONS
    )


def _state_demonstrative(tokens: list[Token], i: int) -> bool:
    """ "начальник Генштаба этой страны", "глава МИД этой азиатской страны": a demonstrative before the
    state noun that closes the post (an adjective may stand between)."""
    return tokens[i].text.lower() in STATE_DEMONSTRATIVES and any(
        t.text.islower() and _lemma(t.text) in STATE_NOUNS for t in tokens[i + 1 : i + 3]
    )


def counterpart_from(tokens: list[Token], i: int) -> bool:
    """ "со своим коллегой из Китая Вэй Фэнхэ": «из» right after a word for a counterpart says
    where the colleague comes from; the name after the state is still his."""
    return (
        0 < i < len(tokens) - 1
        and tokens[i].text.lower() == "из"
        and head_lemma(tokens[i - 1].text) in COUNTERPARTS
    )


def _closes_aside(tokens: list[Token], i: int) -> bool:
    """ "Йоахим Лёв (второй тренер) и Андреас Кёпке": a bracket closed before «и» or a comma ends
    the aside of the name before it; the post inside is that person's, not the next one's."""
    return tokens[i].text == ")" and i + 1 < len(tokens) and tokens[i + 1].text.lower() in ("и", ",")


def _earlier_post(tokens: list[Token], first: int, barrier: int, countries: set[int], case) -> Post | None:
    """A post before this one, set off by a comma and in the same case (both in apposition)."""
    if first - 1 <= barrier or tokens[first - 1].text != "," or case is None:
        return None
    earlier = post_before(tokens, first - 1, barrier, countries)
    if earlier is None or earlier.case != case or earlier.rank or not earlier.text:
        return None
    return earlier


def _rank(
    tokens: list[Token], first: int, head: int, end: int, singular: bool = False
) -> tuple[int | None, str]:
    """The rank written last in a post, and where it begins: "министр обороны генерал-полковник",
    "начальник штаба генерал армии", "бригадный генерал", "капитан первого ранга" (what follows the
    rank word up to the name is its complement). (None, "") when the phrase holds no rank."""
    word = next((i for i in range(end - 1, head - 1, -1) if is_rank(tokens[i].text)), None)
    if word is None:
        return None, ""
    if any(head_lemma(t.text) and not is_rank(t.text) for t in tokens[word + 1 : end]):
        return None, ""  # "генерал-полковник, министр обороны": the post, not a rank, is last
    start = word
    while start > first and _is_adjective(tokens[start - 1]) and not _country_word(tokens[start - 1]):
        start -= 1  # "бригадный генерал", "старший лейтенант"
    return start, _nominative_text(tokens, start, word, end, case_of(tokens[word]), singular)


def _country_word(token: Token) -> bool:
    """ "российский" before a rank describes the person's country, not the rank."""
    return token.text[:1].isupper() or any("Geox" in p.tag for p in parses(token.text.lower())[:1])


def _after_acting_abbreviation(tokens: list[Token], first: int) -> bool:
    """ "с и.о. министра Николом …", "с врио губернатора Иваном …": the head is the genitive the
    abbreviation governs, and the abbreviation has no case, so the name's own ending decides."""
    if tokens[first].text.lower() == "врио":
        return True
    return [t.text.lower() for t in tokens[max(0, first - 4) : first]] == ["и", ".", "о", "."]


def _case_of_post(tokens: list[Token], first: int, agrees: int) -> str | None:
    """The case of the post's head; of an indeclinable head, that of an adjective before it
    ("с военным атташе"), or none ("принял замминистра …": the name's own ending decides)."""
    if not _indeclinable(tokens[agrees]):
        return case_of(tokens[agrees])
    if first < agrees and _is_adjective(tokens[first]):
        return case_of(tokens[first])
    return None


def _indeclinable(token: Token) -> bool:
    """ "замминистра", "атташе": the same in every case, so it says nothing of the name's case."""
    low = token.text.lower()
    if _deputy_compound(low):
        return True
    nouns = [p for p in parses(low) if p.tag.POS == "NOUN"]
    return bool(nouns) and all("Fixd" in p.tag for p in nouns)


def _agree(adjective: Token, noun: Token) -> bool:
    """Do the tagger's case and number of an adjective fit its noun (when it tagged both)?"""
    for feat in ("Case", "Number"):
        a, n = adjective.feats.get(feat), noun.feats.get(feat)
        if a and n and a != n:
            return False
    return True


def _plural(token: Token) -> bool:
    if token.feats:
        return token.feats.get("Number") == "Plur"
    return any(p.tag.number == "plur" for p in parses(token.text.lower()) if p.tag.POS == "NOUN")


def singular_text(tokens: list[Token], first: int, head: int, end: int, case: str | None) -> str:
    """tokens[first:end] as one person's post: "министрами обороны" → "министр обороны"."""
    return _nominative_text(tokens, first, head, end, case, singular=True)


def post_after(
    tokens: list[Token], name_last: int, countries: set[int], limit: int | None = None
) -> Post | None:
    """A post set off after a name: "Иван Иванов, заместитель министра обороны, заявил …".

    limit: index of the next name's first token in the sentence (a post never runs into it).
    """
    tokens = tokens[: limit if limit is not None else len(tokens)]
    i = _past_transliteration(tokens, name_last)
    if i >= len(tokens):
        return None
    if tokens[i].text not in {",", "(", "–", "—", "-"}:
        # a signature: "Кирсан Илюмжинов Президент ФИДЕ" — a capitalised post word in the
        # nominative right after the name, with nothing between them
        if not (
            tokens[i].text[:1].isupper() and is_singular_head(tokens[i]) and case_of(tokens[i]) == "nomn"
        ):
            return None
        i -= 1
    i += 1
    first = scope = i
    one_of = _one_of(tokens, i)
    if one_of:
        i += 2  # "Эдуард Мишлен, один из президентов группы компаний": a post shared with others
    while (
        i < len(tokens)
        and i - first < 6
        and (_is_adjective(tokens[i]) or tokens[i].text.lower() in ACTING)
        and not head_lemma(tokens[i].text)
    ):
        i += 1
    if i < len(tokens) and one_of and head_lemma(tokens[i].text) and _plural(tokens[i]):
        return _one_of_post(tokens, first, i, countries)
    if (
        i == first
        and i + 2 < len(tokens)
        and tokens[i + 1].text.lower() == "и"
        and _coordinated_head(tokens, i + 2)
    ):
        if (
            tokens[i].text.isalpha()
            and tokens[i].text.islower()
            and case_of(tokens[i]) == case_of(tokens[i + 2])
        ):
            i += 2  # "Гергей Ковач - политик и лидер партии": a word the list lacks, and a post
    if i >= len(tokens) or not is_singular_head(tokens[i]):
        return _post_after_aside(tokens, first, countries)
    head = i
    while first < head and (first in countries or _lemma(tokens[first].text) in EVALUATIVE):
        first += 1
    end = head + 1
    while (
        end < len(tokens)
        and end - head < 15
        and tokens[end].text not in {",", ")", ".", ";", ":", "!", "?", "—", "–"}
    ):
        if tokens[end].text.lower() == "и" and _coordinated_head(tokens, end + 1):
            end += 2  # "политик и лидер партии": two posts of one person, joined
            continue
        if _blocks(tokens[end]) or tokens[end].text.lower() == "и":
            break
        end += 1
    text_end = end
    opened = [i for i in range(head + 1, end) if tokens[i].text == "("]
    if opened and not any(t.text == ")" for t in tokens[opened[-1] : end]):
        # "лидер партии (Венгрия), …": a bracket the phrase does not close is an aside, out of the
        # post's text; the country in it is still the post's (the span reaches it)
        text_end = opened[-1]
    agrees = _agreeing_word(tokens, first, head)
    case = _case_of_post(tokens, first, agrees)
    rank_first, rank = _rank(tokens, first, head, text_end)
    stop = text_end if rank_first is None or rank_first == first else rank_first
    text = _nominative_text(tokens, first, agrees, stop, case)
    comma = _comma_after_complement(tokens, end)
    if comma is not None and not rank:
        # "Александра Брода, борца с ксенофобией, члена Общественной палаты": posts in a row, each
        # agreeing with the name, are all the person's
        further = post_after(tokens, comma, countries)
        if further is not None and not further.rank and cases_agree(further.case, case):
            text, end = f"{text}, {further.text}", further.last
    return Post(first=first, last=end, head=head, text=text, case=case, scope=scope, rank=rank)


def _comma_after_complement(tokens: list[Token], end: int) -> int | None:
    """The comma that ends a post: right at its end, or after a short complement it left out
    ("борца с ксенофобией,": lower-case words after a preposition, no verb)."""
    if end < len(tokens) and tokens[end].text == ",":
        return end
    if end >= len(tokens) or tokens[end].pos != "ADP":
        return None
    for k in range(end + 1, min(end + 5, len(tokens))):
        if tokens[k].text == ",":
            return k if k > end + 1 else None
        if not tokens[k].text.isalpha() or not tokens[k].text.islower() or tokens[k].pos in _STOP_POS:
            return None
    return None


def cases_agree(one: str | None, other: str | None) -> bool:
    """Can words in these cases stand in apposition? The same case, or the accusative and the
    genitive, which an animate masculine noun spells alike (the tagger often reads one for the other)."""
    return one is None or other is None or one == other or {one, other} == {"accs", "gent"}


def _one_of(tokens: list[Token], i: int) -> bool:
    """ "один из", "одной из": the start of a post shared with others."""
    return i + 2 < len(tokens) and _lemma(tokens[i].text) == "один" and tokens[i + 1].text.lower() == "из"


def _one_of_post(tokens: list[Token], first: int, head: int, countries: set[int]) -> Post | None:
    """ "одному из президентов группы компаний Michelin" → "один из президентов группы компаний
    Michelin": «один» in the nominative, the rest as written, up to the end of the apposition."""
    end = head + 1
    while end < len(tokens) and end - head < 12 and tokens[end].text not in _APPOSITION_END:
        if _blocks(tokens[end]) or tokens[end].text.lower() == "и":
            break
        end += 1
    case = case_of(tokens[first])
    one = "одна" if tokens[first].text.lower() in ("одна", "одной", "одну", "одною") else "один"
    rest = "".join(
        (" " if tokens[k].start > tokens[k - 1].stop else "") + tokens[k].text for k in range(first + 1, end)
    )
    return Post(first=first, last=end, head=head, text=one + rest, case=case, scope=first)


_APPOSITION_END = frozenset({",", ")", ".", ";", ":", "!", "?", "—", "–"})


def _post_after_aside(tokens: list[Token], first: int, countries: set[int]) -> Post | None:
    """ "Александра Брода, известного борца с ксенофобией, члена Общественной палаты": a
    description that is no post, set off by commas, then a post in the same case — the name's."""
    comma = next(
        (k for k in range(first, min(first + 7, len(tokens))) if tokens[k].text in _APPOSITION_END), None
    )
    if comma is None or comma == first or tokens[comma].text != ",":
        return None
    aside = tokens[first:comma]
    if any(t.text[:1].isupper() or (_blocks(t) and t.text.lower() not in _PREPOSITION_WORDS) for t in aside):
        return None  # a name, a verb or a clause: not a description of the person
    case = case_of(aside[0])
    if case is None or case == "nomn":
        return None  # the nominative after a comma may start the next clause
    found = post_after(tokens[: comma + 12], comma, countries)
    if found is None or found.case != case or found.plural:
        return None
    return found


def _coordinated_head(tokens: list[Token], i: int) -> bool:
    """A singular post word (after at most one adjective) at i: the second post of "политик и лидер"."""
    if i < len(tokens) and _is_adjective(tokens[i]) and not head_lemma(tokens[i].text):
        i += 1
    return i < len(tokens) and is_singular_head(tokens[i])


def _past_transliteration(tokens: list[Token], i: int) -> int:
    """ "Скотт Хоровитц (Scott Horowitz), бывший астронавт": the name in Latin letters in brackets
    after the Russian one is still the name; the post follows it."""
    if i < len(tokens) and tokens[i].text == "(":
        close = next((j for j in range(i + 1, min(i + 6, len(tokens))) if tokens[j].text == ")"), None)
        inner = tokens[i + 1 : close] if close else []
        if inner and all(t.text.isascii() and t.text[:1].isupper() for t in inner if t.text.isalpha()):
            return close + 1
    return i


def post_text(tokens: list[Token], head: int, end: int) -> str:
    """tokens[head:end] as a post in the nominative: "министром обороны КНР" → "министр обороны КНР"."""
    return _nominative_text(tokens, head, head, end, case_of(tokens[head]))


def _agreeing_word(tokens: list[Token], first: int, head: int) -> int:
    """The word the name agrees with: the head, or "исполняющий" in "исполняющий обязанности посла"."""
    for i in range(first, head):
        if tokens[i].text.lower().startswith("исполняющ"):
            return i
    return head


def _nominative_text(
    tokens: list[Token], first: int, head: int, end: int, case: str | None, singular: bool = False
) -> str:
    """The phrase as written, with the head (and its adjectives, and a final rank) in the nominative
    (and in the singular: "президентами" → "президент")."""
    out: list[str] = []
    gender = _gender(tokens[head].text, case) if case else None
    for i in range(first, end):
        word = tokens[i].text
        # a rank in apposition agrees too: "с начальником Генштаба генералом армии …"
        agrees = i <= head or (is_rank(word) and case_of(tokens[i]) == case)
        if agrees and case and (case != "nomn" or singular):
            # "главного редактора": the adjective takes the noun's gender ("главный", not "главное")
            word = _to_nominative(word, case, singular, gender if i < head else None)
        if agrees and not word.isupper():
            word = word.lower()  # "Вице-премьер" at the start of a sentence is still a common noun
        if i > first and tokens[i].start > tokens[i - 1].stop:
            out.append(" ")
        out.append(word)
    return "".join(out)


def _gender(noun: str, case: str) -> str | None:
    """ "masc" when a post's head noun is masculine in that case ("редактора"). Only the masculine
    is forced on adjectives: "глава", "судья" are feminine in form but agree as the person does."""
    for p in parses(noun.lower()):
        if p.tag.POS == "NOUN" and p.tag.case == case:
            return "masc" if p.tag.gender == "masc" else None
    return None


@lru_cache(maxsize=65536)
def _to_nominative(word: str, case: str, singular: bool = False, gender: str | None = None) -> str:
    low = word.lower()
    for p in parses(low):
        if p.tag.case == case and p.tag.POS in ("NOUN", "ADJF", "PRTF"):
            wanted = {"nomn", "sing"} if singular else {"nomn"}
            if gender and p.tag.POS != "NOUN" and p.tag.number != "plur":
                wanted = wanted | {gender, "sing"}
            inflected = p.inflect(wanted)
            if inflected is not None:
                return spelled_like(inflected.word, word)
    return word
