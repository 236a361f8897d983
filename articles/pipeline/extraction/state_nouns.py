"""A post that names its state by a common noun: «посол республики в России», «председатель комитета
оборонной промышленности братской страны».

The noun («республики», «страны», «государства») stands for a state the text named before it: the
subject of its sentence when one state is named there in the nominative («Сербия получит от Китая
комплексы, заявил президент республики»: Serbia, not the nearer China) or owns the subject in the
genitive («Министерство обороны Киргизии получит помощь, обещанную Россией, — заявил заместитель
министра обороны республики»: Kyrgyzstan, not the nearer Russia), else the nearest one (a state
named right after the noun, «республики Куба Раулем Кастро», is the one it names), less the place the post itself names after it («в России»: where the ambassador works,
not whose he is). With a word that sets the state against another («братской», «дружественной»,
«соседней») the states of the other people of the sentence are not it either: the brotherly country of
«министр обороны Азербайджана … встретился с председателем комитета братской страны» is not Azerbaijan.
A region the text names counts as its state («глава республики» after «Татарстан»). A noun that can
only be plural stands for several states, one for each person of the list it heads, in the order the
text named them: «Армения и Азербайджан … в присутствии глав республик Никола Пашиняна и Ильхама Алиева»,
«российско-индийской комиссии … под руководством министров обороны двух государств С.Шойгу и
А.Джейтли»; without as many states named before it, it names none. A regional adjective before the
noun («глава МИД африканского государства», «этой азиатской страны») keeps the states of that region
(articles/data/world_regions.csv): under «Буркина-Фасо хочет сотрудничать с Россией» it is Burkina Faso,
not the nearer Russia; with none of the region named, none.
"""

from __future__ import annotations

from functools import lru_cache

from articles.pipeline import nlp
from articles.pipeline.extraction.documents import lemma
from articles.pipeline.extraction.post_words import STATE_DEMONSTRATIVES
from articles.pipeline.reference_data import shipped_rows
from articles.pipeline.text import fold

STATE_NOUNS = frozenset({"республика", "страна", "государство"})
# Adjectives that make the state another than the speaker's: «братской страны», «соседнего государства».
OTHER_STATE_WORDS = frozenset(
    fold(w) for w in ("братский", "дружественный", "дружеский", "соседний", "союзный", "партнёрский")
)


def state_referred(tokens, post, spans, others_states, place=(0, 1)) -> str | None:
    """The state a common noun in the post stands for, or None.

    tokens: the sentence; post: the person's Post; spans: (start, end, iso) of the states and regions
    the text names, in order; others_states(): the states of the other people of the sentence;
    place: (index, count) of the person among the names the post heads."""
    for i in range(post.head + 1, post.last):
        token = tokens[i]
        if lemma(token.text) not in STATE_NOUNS:
            continue
        form = _government_form(tokens, i) if not token.text[:1].islower() else None
        if not token.text[:1].islower() and form is None:
            continue
        if any(s < token.stop and token.start < e for s, e, _iso in spans):
            continue  # «Азербайджанской Республики»: the state's own name
        if _only_plural(token.text):  # «глав республик А и Б»: the last states named, one each
            return _respectively(spans, token.start, place)
        if i + 1 < len(tokens):
            named = [iso for s, e, iso in spans if s <= tokens[i + 1].start < e]
            if named:  # «республики Куба» before the person's name: the state the noun is named by
                return named[0]
        if i + 1 < post.last and tokens[i + 1].text[:1].isupper():
            continue  # «республики Казахстан», «государства СНГ»: a state the name after it says
        end = tokens[post.last - 1].stop
        skip = {iso for s, e, iso in spans if token.stop <= s and e <= end}  # «в США»: where, not whose
        if i and lemma(tokens[i - 1].text) in OTHER_STATE_WORDS:
            skip |= set(others_states())
        before = [(s, iso) for s, e, iso in spans if e <= token.start and iso not in skip]
        region = _regions().get(fold(lemma(tokens[i - 1].text))) if i else None
        if region is not None:  # «африканского государства»: one of the region's states
            before = [(s, iso) for s, iso in before if iso in region]
        if form is not None:  # «Исламской Республики»: a state whose official name begins so
            before = [(s, iso) for s, iso in before if iso in form]
            if not before:  # named only after it: the one such state the text names
                named = {iso for _s, _e, iso in spans if iso in form and iso not in skip}
                return named.pop() if len(named) == 1 else None
        visited = {iso for s, iso in before if s >= tokens[0].start and _visited(tokens, s)}
        if len(visited) == 1:
            return (
                visited.pop()
            )  # «…, который прибыл с визитом в Лаос, провел переговоры с министром обороны страны»
        if i and tokens[i - 1].text.lower() in STATE_DEMONSTRATIVES and before:
            return before[-1][1]  # «начальник Генштаба этой страны»: the state named just before
        subjects = {iso for s, iso in before if s >= tokens[0].start and _subject(tokens, s)}
        if len(subjects) == 1:
            return subjects.pop()
        return before[-1][1] if before else None
    return None


def post_region(tokens, post) -> frozenset[str] | None:
    """The states a post's regional adjective and state noun allow («министр обороны африканского
    государства»: Africa's), or None when the post names no region so."""
    for i in range(max(post.head, 1), post.last):
        if tokens[i].text[:1].islower() and lemma(tokens[i].text) in STATE_NOUNS:
            region = _regions().get(fold(lemma(tokens[i - 1].text)))
            where = {t.text.lower() for t in tokens[max(0, i - 3) : i - 1]} & _PLACE
            if region is not None and not where:  # («посол Беларуси в этой африканской стране»: where)
                return region
    return None


_PLACE = frozenset({"в", "во", "на"})


@lru_cache(maxsize=1)
def _regions() -> dict[str, frozenset[str]]:
    """Regional adjective (lemma) → the ISO codes of the region's states."""
    found: dict[str, frozenset[str]] = {}
    for row in shipped_rows("world_regions.csv"):
        members = frozenset(row["members"].split())
        for adjective in row["adjectives"].split("|"):
            found[fold(adjective)] = members
    return found


def _government_form(tokens, i: int) -> frozenset[str] | None:
    """The states whose official name begins with the capitalised adjective and state noun at i - 1, i
    («Исламской Республики»: Iran, Pakistan, Afghanistan, Mauritania), or None."""
    if i < 1 or not tokens[i - 1].text[:1].isupper():
        return None
    return _government_forms().get((fold(lemma(tokens[i - 1].text)), fold(lemma(tokens[i].text))))


@lru_cache(maxsize=1)
def _government_forms() -> dict[tuple[str, str], frozenset[str]]:
    """(adjective lemma, state noun lemma) → the states whose official name opens with them and goes on
    with the state's name: «Исламская Республика Иран», «Боливарианская Республика Венесуэла»."""
    found: dict[tuple[str, str], set[str]] = {}
    for row in shipped_rows("countries.csv"):
        words = row.get("official_name_ru", "").split()
        if len(words) > 2 and lemma(words[1]) in STATE_NOUNS:
            found.setdefault((fold(lemma(words[0])), fold(lemma(words[1]))), set()).add(row["iso"])
    return {key: frozenset(isos) for key, isos in found.items()}


PREPOSITION = "PREP"


def _respectively(spans, before: int, place: tuple[int, int]) -> str | None:
    """The state of the person at `place` (index, count) in a list a plural noun heads: the last
    `count` distinct states named before the noun, in text order; None when fewer were named."""
    index, count = place
    states: list[str] = []
    for _s, e, iso in sorted(spans, key=lambda span: (span[1], span[0]), reverse=True):
        if e <= before and iso not in states:
            states.insert(0, iso)
            if len(states) == count:
                break
    return states[index] if count > 1 and len(states) == count else None


def _only_plural(word: str) -> bool:
    """«республик», «стран»: no reading of the word is singular («республики» may be)."""
    numbers = {p.tag.number for p in nlp.parses(word.lower())}
    return bool(numbers) and "sing" not in numbers


_VISIT_WORDS = frozenset("визит посещение поездка прибыть приехать прилететь".split())


def _visited(tokens, start: int) -> bool:
    """Whether the state named at `start` is where the sentence's visit goes: «с визитом в Лаосскую
    Республику», «прибыл в Ханой» (a word of the visit within two tokens before «в»), or where the
    sentence opens («В Джакарте …»)."""
    for k, token in enumerate(tokens):
        if token.start == start:
            if k < 1 or tokens[k - 1].text.lower() not in ("в", "во"):
                return False
            if k == 1:
                return (
                    True  # «В Джакарте секретарь Совбеза РФ встретился с президентом страны»: where they meet
                )
            return any(lemma(t.text) in _VISIT_WORDS for t in tokens[max(0, k - 4) : k - 1])
    return False


def _subject(tokens, start: int) -> bool:
    """Whether the state named at `start` in the sentence `tokens` reads as its subject: a word that
    can be nominative, not after a preposition («в Китай» is no subject); or the state whose body is
    the subject, in the genitive after it («Министерство обороны Киргизии получит …»)."""
    for k, token in enumerate(tokens):
        if token.start == start:
            if any(p.tag.case == "nomn" for p in nlp.parses(token.text.lower())):
                return not _after_preposition(tokens, k)
            return _owns_subject(tokens, k)
    return False


def _after_preposition(tokens, k: int) -> bool:
    return bool(k) and any(p.tag.POS == PREPOSITION for p in nlp.parses(tokens[k - 1].text.lower()))


def _owns_subject(tokens, k: int) -> bool:
    """A genitive state right after a nominative noun, or after one with a genitive noun between
    («Министерство обороны Киргизии»): the noun most likely read as a nominative, heading no
    prepositional phrase («армии Киргизии» is a dative first, no subject)."""
    if not any(p.tag.case == "gent" for p in nlp.parses(tokens[k].text.lower())):
        return False
    for j in (k - 1, k - 2):
        if j < 0:
            return False
        parses = nlp.parses(tokens[j].text.lower())
        if not parses or parses[0].tag.POS != "NOUN":
            return False
        if parses[0].tag.case == "nomn":
            return not _after_preposition(tokens, j)
        if parses[0].tag.case != "gent":
            return False
    return False
