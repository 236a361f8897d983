"""One document named twice in one article, or two documents: kinds, titles and parties compared
(`merge_same_documents`), and the namings that give no parties or count a document as «ещё одно».

«Зеленский и Мелони подписали соглашение о сотрудничестве в сфере безопасности … Важным результатом
стало подписание двустороннего соглашения по безопасности»: the second sentence names no state, and the
article's only document of that kind whose name it can be is the one meant. «подписали ещё одно
соглашение по безопасности» counts one more in a series the states keep (one more for Ukraine), not a
second document of this article, when it has a name and that name agrees with the one said before
(«ещё один документ», with no name, stays another).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from articles.pipeline.extraction.cues import RANK
from articles.pipeline.extraction.document_lists import listed_apart
from articles.pipeline.extraction.documents import GENERIC_SUBJECT, content_lemmas, parses, subject_lemmas
from articles.pipeline.extraction.surroundings import FUTURE
from articles.pipeline.text import fold

if TYPE_CHECKING:
    from articles.pipeline.extraction.agreements import _Agreement as Agreement
    from articles.pipeline.extraction.documents import Mention

ONE_MORE = re.compile(r"\bещ[её]\s+одн\w*\s+(?:[а-яё-]+\s+)?$", re.I)


def one_more_of_a_series(text: str, m: Mention) -> bool:
    return bool(m.complement) and bool(ONE_MORE.search(text, max(0, m.start - 30), m.start))


YEAR = re.compile(r"(?<![\d.])(?:19|20)\d\d(?!\d)")
SENTENCE_END = re.compile(r"[.!?\n]")


def _dated_apart(text: str, mentions: list[Mention]) -> bool:
    """A sentence that writes a year of its own («Программа … впервые была принята в 2021 году») may
    speak of an earlier document of the same name; a year in the name («план … на 2019 год») says
    which one the name is."""
    for m in mentions:
        start = max((e.end() for e in SENTENCE_END.finditer(text, 0, m.start)), default=0)
        end = SENTENCE_END.search(text, m.end)
        years = YEAR.finditer(text, start, end.start() if end else len(text))
        if any(not m.start <= y.start() < max(m.extent_end, m.end) for y in years):
            return True
    return False


def partyless_alike(entry, candidate, found: list, alike: Callable, text: str) -> bool:
    """`entry` and `candidate` ((document, parties) each) are one document: one names no party, the
    other names two, the one naming none writes no year of its own, and no other document of the
    article with two parties could be it."""
    (a, one), (b, other) = entry, candidate
    if bool(one) == bool(other):
        return False
    named, bare = ((a, one), b) if one else ((b, other), a)
    if len(named[1]) < 2 or not alike(named[0], bare) or _dated_apart(text, bare.mentions):
        return False
    rivals = [d for d, parties in found if len(parties) >= 2 and d is not named[0] and alike(d, bare)]
    return not rivals


WORD_AFTER_DASH = re.compile(r"[—–-]\s*([а-яё]+)\s+$", re.I)


def relation_after_dash(text: str, start: int, end: int) -> bool:
    """«Это соглашение — продолжение договора, подписанного в 1992 году»: a noun after the dash says
    how the first document stands to the second (its continuation, part, basis); the dash restates the
    document only when a name follows it directly or after an adjective («— новый договор»)."""
    word = WORD_AFTER_DASH.search(text, start, end)
    if word is None:
        return False
    found = parses(word.group(1).lower())
    return bool(found) and found[0].tag.POS == "NOUN"


GENERIC_NAME = frozenset({"взаимопонимание", "намерение"})
# Words the press uses for one another: a treaty is often called «соглашение» a sentence later, and the
# other way round. A memorandum, a plan or a declaration is not called either.
INTERCHANGEABLE = frozenset({"treaty", "agreement"})


def interchangeable(one: str, other: str) -> bool:
    return one != other and one in INTERCHANGEABLE and other in INTERCHANGEABLE


def compatible_titles(a: Agreement, b: Agreement) -> bool:
    """Two names of one document: one says no more than the other («соглашение о военном
    сотрудничестве» in «межправительственное соглашение о сотрудничестве в военной сфере»), or most
    of their words are shared. «о военном» and «о военно-техническом сотрудничестве» stay apart."""
    if not a.complement or not b.complement:
        return (a.status in FUTURE) == (b.status in FUTURE)
    # «пункт МТО» and «пункт материально-технического обеспечения», «о недрах» and «о полезных
    # ископаемых»: one subject spelled two ways (`subject_lemmas`).
    left, right = subject_lemmas(_subject(a.complement)), subject_lemmas(_subject(b.complement))
    if not left or not right:
        return False
    # «меморандум о взаимопонимании в сфере безопасности» is the «меморандум о сотрудничестве в сфере
    # безопасности» of the headline: those words name the genre, not what the document is about.
    left, right = _years_unsaid(_military(left - GENERIC_NAME), _military(right - GENERIC_NAME))
    if not left or not right:
        return True
    if left <= right or right <= left:
        return True
    # «об отправке военных на территорию» and «о порядке отправки солдат»: less the generic words, one
    # says no more than the other. Only when both keep a word: «о военном сотрудничестве» has none
    # left, and is not «о военно-техническом сотрудничестве».
    left_own, right_own = left - GENERIC_SUBJECT, right - GENERIC_SUBJECT
    if left_own and right_own and (left_own <= right_own or right_own <= left_own):
        return True
    # «системы ПВО» and «системы противовоздушной обороны»: an abbreviation may stand for words the other
    # name spells out, so it neither agrees nor disagrees.
    short = _abbreviations(a.title) | _abbreviations(b.title)
    if left - short and right - short and (left - short <= right or right - short <= left):
        return True
    return len(left & right) / len(left | right) >= 0.6


BETWEEN_PARTIES = re.compile(r"\s+между\s.*$", re.I | re.S)


def _subject(complement: str) -> str:
    """What a name says the document is about, less whom it is between: «о взаимопонимании между
    Министерством обороны Беларуси и Министерством обороны … Ирана» is about «взаимопонимание»."""
    return BETWEEN_PARTIES.sub("", complement) or complement


def _military(words: frozenset[str]) -> frozenset[str]:
    """«об оборонном сотрудничестве» is «о военном сотрудничестве»: defence cooperation, the press's two
    words for one (a treaty «об обороне», of mutual defence, names no cooperation and stays apart)."""
    if "сотрудничество" in words and "оборона" in words:
        return words - {"оборона"} | {"военный"}
    return words


# «план … на будущий год» and «план … на 2019 год»: a year said relative to the news is the year written.
RELATIVE_YEAR = frozenset({"будущий", "следующий", "предстоящий", "наступающий", "грядущий", "текущий"})
# «план … на ближайшее время» (or «на ближайшие годы») and «план … на 2020–2021 годы»: a term said relative to
# the news is the term written; «ближайшее время» names no year, so both its words go.
NEAR = "близкий"
NEAR_TERM = frozenset({"время", "период", "год"})
WRITTEN_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _years_unsaid(left: frozenset[str], right: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Both names less their years, when one says the year relative to the news and the other writes it."""

    def relative(words: frozenset[str]) -> set[str]:
        said = set(words & RELATIVE_YEAR) if "год" in words else set()
        if NEAR in words and words & NEAR_TERM:
            said |= {NEAR} | (words & NEAR_TERM - {"год"})
        return said

    def written(words: frozenset[str]) -> set[str]:
        return {w for w in words if WRITTEN_YEAR.match(w)}

    if (relative(left) and written(right)) or (relative(right) and written(left)):
        left = left - relative(left) - written(left)
        right = right - relative(right) - written(right)
    return left, right


def _abbreviations(title: str) -> set[str]:
    return {fold(w.lower()) for w in re.findall(r"\b[А-ЯЁ]{2,6}\b", title)}


def merge_same_documents(
    found: list[tuple[Agreement, list[str]]], text: str = ""
) -> list[tuple[Agreement, list[str]]]:
    """One document named twice in different words becomes one: same kind, the same parties (or a
    mention that names only one of them, like a headline, or none: `same_document`), and titles that
    can name the same thing."""
    kept: list[list] = []
    for a, parties in found:
        same = next(
            (
                entry
                for entry in kept
                if (
                    (entry[0].kind == a.kind or named_alike(entry[0], a))
                    and (
                        same_parties(entry[1], parties)
                        or partyless_alike((entry[0], entry[1]), (a, parties), found, alike, text)
                    )
                    or bare_retelling((entry[0], entry[1]), (a, parties), found, text)
                    or (
                        entry[0].kind == a.kind
                        and (not entry[1] or not parties)
                        and not _dated_apart(text, (a if not parties else entry[0]).mentions)
                        and retold_by_name(entry[0], a, text)
                    )
                )
                and (
                    not any(m.another for m in a.mentions[:1])
                    or same_name(entry[0], a)
                    or one_more_of_a_series(text, a.mentions[0])
                )
                and (
                    compatible_titles(entry[0], a)
                    or named_within(entry[0], a)
                    or retold_by_name(entry[0], a, text)
                    or generic_retelling(entry[0], a, found)
                )
                and not named_apart(entry[0], a)
                and not listed_apart(entry[0].mentions, a.mentions, text)
            ),
            None,
        )
        if same is None:
            kept.append([a, parties])
            continue
        first = same[0]
        first.mentions.extend(a.mentions)
        first.spans.extend(a.spans)
        if len(parties) > len(same[1]):
            same[1] = parties
        if RANK[a.status] > RANK[first.status] and stage_applies(first, a.status):
            first.status = a.status
        if {first.kind, a.kind} == DEAL_AS_AGREEMENT:
            first.kind = "contract"  # a deal the press calls an agreement is a contract (`a_deal`)
        if a.kind == "memorandum" and first.kind != a.kind and first.kind in RETOLD_AS_AGREEMENT:
            # a memorandum called «соглашение» later is still a memorandum (`memorandum_retold`)
            first.kind, first.title, first.complement = a.kind, a.title, a.complement
        elif len(a.complement) > len(first.complement):
            if not first.complement and interchangeable(first.kind, a.kind):
                # a bare «соглашение» said first: the treaty the text names (`bare_retelling`)
                first.kind = a.kind
            first.title, first.complement = a.title, a.complement
    return [(a, parties) for a, parties in kept]


def named_within(a: Agreement, b: Agreement) -> bool:
    """One of the names a document is given says no more than one of the other's: the headline's
    «соглашения с США об утилизации плутония» and the lead's «соглашения с Соединенными Штатами об
    утилизации оружейного плутония», though the body's fullest name («… об утилизации плутония,
    обращении с ним и сотрудничестве в этой области») says more than the lead's. Only names with a word
    of their own beside the genre's (`GENERIC_SUBJECT`): «о военном сотрудничестве» is in any name."""
    for left in _names(a):
        for right in _names(b):
            if left - GENERIC_SUBJECT and right - GENERIC_SUBJECT and (left <= right or right <= left):
                return True
    return False


def _names(a: Agreement) -> set[frozenset[str]]:
    return {frozenset(subject_lemmas(m.complement) - GENERIC_NAME) for m in a.mentions if m.complement}


def retold_by_name(a: Agreement, b: Agreement, text: str) -> bool:
    """«… подпишут соглашение о взаимном признании виз. … анонсировали подписание соглашения о вопросах
    въезда болельщиков. Документ о взаимном признании виз …»: a later mention of one document («Документ
    о …», read with the other as a reference) that repeats the other's name word for word (at least two
    words of its own subject) says the two names are of one document."""
    for one, other in ((a, b), (b, a)):
        title = _own_subject(one.complement)
        if len(title) < 2:
            continue
        for m in other.mentions:
            if m.complement:
                # a mention naming its own document is no retelling of the other
                said = m.complement if m.complement not in (one.complement, other.complement) else ""
            else:
                said = _words_after(text, m.end, len(one.complement.split()) + 2)
            if said and title <= _own_subject(said):
                return True
    return False


# The kinds a pair keeps one of for each period (a plan, a programme, a road map of cooperation), and the
# words that say how long one runs, not what it is about.
# A road map is left out: registry4's 2017 and 2021 road maps, one recalled beside the other, were joined.
PERIODIC = frozenset({"plan", "programme"})
DURATION = frozenset(
    "долгосрочный среднесрочный краткосрочный многолетний перспективный годовой пятилетний".split()
)


def generic_name(complement: str) -> bool:
    """A name that says nothing of its own but generic words and how long the document runs («долгосрочный
    план двустороннего взаимодействия»), and no year of an edition («план сотрудничества на 2026 год»)."""
    if not complement or _own_subject(complement) - DURATION:
        return False
    return not _edition(complement)


def _edition(complement: str) -> bool:
    """A name that writes a year: one period's edition («дорожная карта … на 2017–2020 годы»), which a text
    may recall beside the next one (registry4: the 2017 and 2021 road maps)."""
    return any(WRITTEN_YEAR.match(w) or w.isdigit() for w in subject_lemmas(complement))


def generic_retelling(a: Agreement, b: Agreement, found: list) -> bool:
    """«… в соответствии с планом российско-лаосского стратегического партнерства в военной сфере … Лаос
    стал одной из первых стран, с которой Вооруженные силы России подписали долгосрочный план двустороннего
    взаимодействия»: a plan (programme, road map) named once by its subject and once by generic words and
    its length only is one plan, when the text names no other of that kind and the two namings share no
    sentence (two listed in one sentence are two)."""
    if a.kind != b.kind or a.kind not in PERIODIC or not a.complement or not b.complement:
        return False
    if generic_name(a.complement) == generic_name(b.complement) or not (
        _own_subject(a.complement) or _own_subject(b.complement)
    ):
        return False
    if _edition(a.complement) or _edition(b.complement):
        return False
    if {m.sentence for m in a.mentions} & {m.sentence for m in b.mentions}:
        return False
    return sum(d.kind == a.kind for d, _parties in found) == 2


def generically_named(agreements: list, m: Mention) -> list:
    """The text's one plan (programme, road map) of `m`'s kind named only generically, when `m` names
    its subject and says nothing of its stage: its name (`generic_retelling`)."""
    if (
        m.kind not in PERIODIC
        or not m.complement
        or generic_name(m.complement)
        or _edition(m.complement)
        or not _own_subject(m.complement)
    ):
        return []
    same_kind = [a for a in agreements if a.kind == m.kind]
    if len(same_kind) != 1 or not generic_name(same_kind[0].complement):
        return []
    if m.sentence in {x.sentence for x in same_kind[0].mentions}:
        return []
    return same_kind


NAME_AFTER = re.compile(r"\s*((?:об?|по)\s[^.,;:!?()«»\"\n]*)")


def _words_after(text: str, end: int, n: int) -> str:
    """The first `n` words of a name («о взаимном признании виз …») right after a document's noun."""
    found = NAME_AFTER.match(text, end)
    return " ".join(found.group(1).split()[:n]) if found else ""


def _own_subject(complement: str) -> frozenset[str]:
    return subject_lemmas(complement) - GENERIC_NAME - GENERIC_SUBJECT if complement else frozenset()


def bare_retelling(entry: tuple, candidate: tuple, found: list, text: str) -> bool:
    """«Великобритания и Германия подписали договор о дружбе … "Это исторический день", — сказал Мерц на
    церемонии подписания соглашения»: a bare «соглашение» (or «договор») with no name of its own, in a
    text whose only other treaty or agreement is one named document of the other word, is that document
    however many sentences lie between (the nearby case is `agreements._bare`). A text that names a second
    treaty or agreement, or two bare ones, leaves them apart: which one the noun means is not said. So
    does a bare noun in a sentence of the named one («По соглашению сторон договор … может быть
    продлён») or in a sentence writing a year of its own («— продолжение договора, подписанного в 1995
    году»)."""
    a, b = entry[0], candidate[0]
    if bool(a.complement) == bool(b.complement):
        return False
    (named, theirs), (bare, bare_parties) = (entry, candidate) if a.complement else (candidate, entry)
    # «… подписали план военного сотрудничества на 2015 год … Соглашение было подписано во время …»: the
    # generic word for any signed document, in a text that names only one other document, is that one.
    generic = (
        bare.kind == "agreement"
        and bare.title.lower() == "соглашение"
        and named.kind not in INTERCHANGEABLE
        and len(found) == 2
        and not any(m.another for m in bare.mentions)
    )
    # «разрывает соглашение о приобретении 16 вертолетов … Контракт, подписанный с компанией, будет
    # расторгнут»: a deal the press calls an agreement is the text's contract.
    generic = generic or (
        (bare.kind, named.kind) == ("contract", "agreement")
        and a_deal(named)
        and len(found) == 2
        and not any(m.another for m in bare.mentions)
    )
    if not (interchangeable(a.kind, b.kind) or generic):
        return False
    if {m.sentence for m in named.mentions} & {m.sentence for m in bare.mentions}:
        return False
    if _dated_apart(text, bare.mentions):
        return False
    # the bare noun names no state the named document is not between
    if len(theirs) < 2 or not set(bare_parties) <= set(theirs):
        return False
    return generic or sum(d.kind in INTERCHANGEABLE for d, _parties in found) == 2


def alike(a: Agreement, b: Agreement) -> bool:
    return a.kind == b.kind and (compatible_titles(a, b) or named_within(a, b)) and not named_apart(a, b)


def named_apart(a: Agreement, b: Agreement) -> bool:
    """Two titles written as titles (a capital in mid-sentence) that name different things: «Договор о
    сокращении стратегических наступательных вооружений», «Договор о стратегических наступательных
    вооружениях 1991 года» and «Договор о сокращении стратегических наступательных потенциалов» are
    three treaties. A text that writes a document's official name writes it the same way again, or
    shortens it from the end («Договор о дружбе» after «Договор о дружбе и сотрудничестве»)."""
    names = []
    for one in (a, b):
        named = [m for m in one.mentions if m.named and m.complement]
        if not named:
            return False
        names.append(max(named, key=lambda m: len(m.complement)).complement)
    first, second = (" ".join(n.lower().split()) for n in names)
    if first.startswith(second) or second.startswith(first):
        return False
    if any(not subject_lemmas(_subject(n)) - GENERIC_NAME for n in names):
        return False  # «Меморандум о взаимопонимании между министерствами …» names the genre, no subject
    # spelled one way (`subject_lemmas`): «… партнерстве и взаимодействии» is «… и сотрудничестве»
    return content_lemmas(first) != content_lemmas(second) and subject_lemmas(first) != subject_lemmas(second)


def same_name(a: Agreement, b: Agreement) -> bool:
    """«подписали соглашение о военной безопасности … заключили новый договор о военной безопасности»:
    «новый» says the document is new, not that it is another one, when the name is the same."""
    return bool(a.complement) and content_lemmas(a.complement) == content_lemmas(b.complement)


def named_alike(a: Agreement, b: Agreement) -> bool:
    """«Договор о сокращении стратегических наступательных вооружений» and «соглашение о мерах по
    дальнейшему сокращению … вооружений»: a treaty and an agreement are one document when both are
    named and share at least two of the words that say what they are about (one shared word, as in
    «договор о сотрудничестве» and «соглашение о военном сотрудничестве», is not enough)."""
    if not a.complement or not b.complement:
        return False
    if {a.kind, b.kind} == RETOLD_AS_AGREEMENT:
        return memorandum_retold(a, b)
    if {a.kind, b.kind} == DEAL_AS_AGREEMENT and not a_deal(a if a.kind == "agreement" else b):
        return False
    if not interchangeable(a.kind, b.kind) and {a.kind, b.kind} != DEAL_AS_AGREEMENT:
        return False
    return len((content_lemmas(a.complement) & content_lemmas(b.complement)) - GENERIC_NAME) >= 2


# «соглашение о продлении Договора …»: a document that extends another is not itself extended.
EXTENDS_ANOTHER = re.compile(r"^(?:о|об)\s+(?:продлени|пролонгаци)", re.IGNORECASE)


def stage_applies(a: Agreement, status: str) -> bool:
    """Whether a mention's stage can be the document's: «продлить соглашение» said of «соглашение о
    продлении СНВ-3» extends the treaty it is about, not the agreement."""
    return not (status == "extended" and EXTENDS_ANOTHER.match(a.complement or ""))


# «контракт на поставку систем самозащиты … Соглашение о поставке Польше вертолетных систем
# самозащиты было подписано в июле 2010 года»: a contract the press calls an agreement, when the
# agreement is about a deal (`a_deal`).
DEAL_AS_AGREEMENT = frozenset({"contract", "agreement"})
DEAL_WORDS = frozenset({"поставка", "приобретение", "закупка", "покупка", "продажа"})


def a_deal(agreement: Agreement) -> bool:
    """Whether a document's name says it is a purchase or a supply («о приобретении 16 вертолетов»)."""
    return bool(agreement.complement) and bool(content_lemmas(agreement.complement) & DEAL_WORDS)


# «Эрдоган утвердил меморандум о военном сотрудничестве … Соглашение о военном сотрудничестве … было
# подписано в Стамбуле 28 ноября»: a text that names a memorandum calls it «соглашение» later.
RETOLD_AS_AGREEMENT = frozenset({"memorandum", "agreement"})


def memorandum_retold(a: Agreement, b: Agreement) -> bool:
    """A memorandum and an agreement of one text are one document when they are about exactly the same
    thing («о взаимопонимании» names no subject), named in different sentences (two listed
    in one sentence are two: «подписали меморандум о … и соглашение о …»), and neither is still to come
    while the other is done («меморандум о … подписан, соглашение о … подпишут позже»: a step, then the
    document)."""
    subject = subject_lemmas(a.complement) - GENERIC_NAME
    if not subject or subject != subject_lemmas(b.complement) - GENERIC_NAME:
        return False
    if {m.sentence for m in a.mentions} & {m.sentence for m in b.mentions}:
        return False
    return (a.status in FUTURE) == (b.status in FUTURE)


def shares_subject(one: str, other: str) -> bool:
    """«о ликвидации ракет средней и меньшей дальности» and «о ликвидации этих типов ракет»: two
    distinctive words in common name one subject."""
    common = subject_lemmas(one) & subject_lemmas(other)
    return len(common - GENERIC_NAME - GENERIC_SUBJECT) >= 2


def same_parties(one: list[str], other: list[str]) -> bool:
    if len(one) >= 2 and len(other) >= 2:
        return one == other
    return bool(one) and bool(other) and (set(one) <= set(other) or set(other) <= set(one))
