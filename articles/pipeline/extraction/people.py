"""People named in an article: Natasha's PER spans, read in the nominative, merged per person.

name_spans.py cuts each tagged span to the name it holds; names.py puts each mention in the
nominative, helped by the case the post in apposition or a preposition demands (positions.py reads
the post); mentions of one person (full name, surname alone, initials, a first name alone, a first
name and patronymic) merge into one Person whose name is voted over its mentions.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from articles.pipeline.extraction.abbreviated_posts import join_abbreviated_posts
from articles.pipeline.extraction.apposition_case import reading_by_post_after
from articles.pipeline.extraction.coordination import name_lists, shared_post
from articles.pipeline.extraction.dashed_posts import post_before_dash, post_before_name_dash
from articles.pipeline.extraction.entities import Span
from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.extraction.missed_mentions import add_missed_mentions
from articles.pipeline.extraction.name_spans import (
    FEMALE_PATRONYMIC,
    LATIN,
    alone_on_line,
    is_first_name,
    looks_like_person,
    name_words,
    past_possessor_or_organisation,
    split_at_punctuation,
    split_run_together,
)
from articles.pipeline.extraction.names import (
    NATASHA_CASES,
    NATASHA_GENDERS,
    NameReading,
    is_initial,
    is_particle,
    is_patronymic,
    read_name,
    same_name_word,
    surname_first,
)
from articles.pipeline.extraction.origins import CHINESE_SPEAKING
from articles.pipeline.extraction.positions import (
    Post,
    Token,
    case_of,
    cases_agree,
    is_rank,
    is_singular_head,
    post_after,
    post_before,
)
from articles.pipeline.extraction.possessors import post_of_possessor
from articles.pipeline.extraction.single_names import reported
from articles.pipeline.nlp import natasha

# The case a preposition right before a name demands.
_PREPOSITION_CASES = {
    **dict.fromkeys(["с", "со"], "ablt"),
    **dict.fromkeys(["к", "ко"], "datv"),
    **dict.fromkeys(["у", "от", "для", "без", "до", "из", "против", "после", "кроме", "среди"], "gent"),
    **dict.fromkeys(["о", "об", "обо", "при"], "loct"),
}


@dataclass
class Analysis:
    sentences: list[list[Token]]
    people: list[tuple[int, int, int]]  # (sentence, first token, token after the last) of each PER span


@lru_cache(maxsize=4)
def analyse(text: str) -> Analysis:
    """Natasha's segmentation and PER spans; morphology only for the sentences that name someone."""
    from natasha import Doc
    from natasha.doc import inject_morph

    nlp = natasha()
    doc = Doc(text)
    doc.segment(nlp["segmenter"])
    doc.tag_ner(nlp["ner"])
    with_people = [s for s in doc.sents if any(span.type == "PER" for span in s.spans)]
    if with_people:
        markups = nlp["morph_tagger"].map([[t.text for t in s.tokens] for s in with_people])
        for sent, markup in zip(with_people, markups, strict=True):
            inject_morph(sent.tokens, markup.tokens)
    sentences, people = [], []
    for index, sent in enumerate(doc.sents):
        tokens = [
            Token(
                t.text, t.start, t.stop, getattr(t, "pos", None) or "", dict(getattr(t, "feats", None) or {})
            )
            for t in sent.tokens
        ]
        tokens = join_abbreviated_posts(tokens)
        sentences.append(tokens)
        starts = {t.start: i for i, t in enumerate(tokens)}
        stops = {t.stop: i for i, t in enumerate(tokens)}
        for span in sent.spans:
            if span.type == "PER" and span.start in starts and span.stop in stops:
                for first, last in split_at_punctuation(tokens, starts[span.start], stops[span.stop] + 1):
                    if last - first == 1 and is_singular_head(tokens[first]):
                        continue  # "… сотрудничества Генконсул Китая Ло Шисюн": a post word, no name
                    if (
                        people
                        and people[-1][0] == index
                        and people[-1][2] == first
                        and last - people[-1][1] <= 4
                    ):
                        first = people.pop()[
                            1
                        ]  # "адмирала Мухаммада Амджада | Хана Ниязи": one name cut in two
                    if _first_name_left_out(tokens, first):
                        first -= (
                            1  # «майор-генерал Энри | Давид Родригес»: the tagger left the first name out
                        )
                    people.append((index, first, last))
    return Analysis(sentences, people)


def _first_name_left_out(tokens: list[Token], first: int) -> bool:
    """A capitalised first name between a rank and a tagged name: the name's first word."""
    if first < 2 or not is_rank(tokens[first - 2].text) or not tokens[first - 2].text.islower():
        return False
    word = tokens[first - 1].text
    return word.isalpha() and word[:1].isupper() and is_first_name(word)


@dataclass
class Mention:
    sentence: int
    first: int
    last: int  # exclusive
    span: Span
    written: str  # as in the text, whitespace collapsed
    words: list[str]  # without the patronymic
    reading: NameReading
    post: Post | None = None
    patronymic: str = ""
    given_only: bool = False  # a first name alone, merged into the person who bears it
    country: str | None = None  # given by a shared post: "министры обороны Белоруссии и России А и Б"
    group: tuple[int, int] | None = None  # (sentence, first token) of the list of names it stands in

    @property
    def surname(self) -> str:
        return self.reading.words[-1]

    @property
    def full(self) -> bool:
        return sum(1 for w in self.words if not is_initial(w) and not is_particle(w)) >= 2

    @property
    def initials(self) -> bool:
        return len(self.words) >= 2 and all(is_initial(w) for w in self.words[:-1])


@dataclass
class Person:
    mentions: list[Mention] = field(default_factory=list)
    extra_spans: list[Span] = field(default_factory=list)
    name: str = ""

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    @property
    def given(self) -> str:
        return self.name.split()[0] if len(self.name.split()) > 1 else ""


def people_in(text: str, analysis: Analysis, country_spans, lexicon: Lexicon) -> list[Person]:
    """Each person the text names, with all their mentions, in order of first mention."""
    people = reported(_people(_mentions(text, analysis, country_spans, lexicon)), analysis.sentences)
    add_missed_mentions(text, analysis.sentences, people, country_spans)
    _surnames_natasha_missed(text, people)
    return people


_CAPITALISED = re.compile(r"(?<![\w-])[А-ЯЁ][а-яё]{3,}(?![\w-])")


def _surnames_natasha_missed(text: str, people: list[Person]) -> None:
    """Evidence Natasha's tagger skipped: "Путин на форуме заявил" when Путин is named in full elsewhere."""
    taken = [m.span for p in people for m in p.mentions]
    for match in _CAPITALISED.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        owners = [p for p in people if len(p.surname) >= 4 and same_name_word(match.group(), p.surname)]
        if len(owners) == 1:
            owners[0].extra_spans.append((start, end))


def _in_country(i: int, tokens: list[Token], country_spans) -> bool:
    t = tokens[i]
    return any(s < t.stop and t.start < e for s, e, _ in country_spans)


def _abbreviated_state(i: int, tokens: list[Token], country_spans) -> bool:
    """A state's abbreviation («РУз», «РФ»), not a first name that is a capital too («Веллингтон»)."""
    return sum(c.isupper() for c in tokens[i].text) >= 2 and _in_country(i, tokens, country_spans)


def _mentions(text: str, analysis: Analysis, country_spans, lexicon: Lexicon) -> list[Mention]:
    out: list[Mention] = []
    barrier_by_sentence: dict[int, int] = {}
    next_name = {}
    for (s1, f1, _l1), (s2, f2, _l2) in zip(analysis.people, analysis.people[1:], strict=False):
        if s1 == s2:
            next_name[(s1, f1)] = f2
    lists = name_lists(analysis.people, analysis.sentences)
    shared: dict[tuple[int, int], tuple[Post, list[tuple[str, str | None]]]] = {}
    group_cases: dict[tuple[int, int], str | None] = {}
    possessors: dict[int, tuple[int, Post]] = {}  # sentence → (end of a genitive name, its post)
    # Chinese names keep their final vowels («Ли Шанфу»); only where the article names a Chinese state
    chinese = bool({iso for _s, _e, iso in country_spans} & CHINESE_SPEAKING)
    spans = list(split_run_together(analysis.people, analysis.sentences))
    starts = {(sentence, first) for sentence, first, _last in spans}
    for sentence, first, last in spans:
        tokens = analysis.sentences[sentence]
        if tokens[last - 1].text == "." and last - first >= 2 and len(tokens[last - 2].text) == 1:
            last -= 1  # "Ван И." at the end of a sentence: the full stop is not part of the name
        for i in range(first + 1, last):
            if "\n" in text[tokens[i - 1].stop : tokens[i].start]:
                last = i  # a name ends at the end of its line: "Иван Петров\nОпубликовано …"
                break
            if LATIN.search(tokens[i].text):
                last = i  # "Скотт Хоровитц (Scott Horowitz)": the Russian spelling is the name
                break
        first = past_possessor_or_organisation(tokens, first, last)
        while first < last - 1 and _abbreviated_state(first, tokens, country_spans):
            first += 1  # "глава Минобороны РУз Шухрат Халмухамедов": the state is the post's, not the name's
        start, stop = tokens[first].start, tokens[last - 1].stop
        written = " ".join(text[start:stop].split())
        words = name_words(written)
        if not looks_like_person(words, written, tokens, first, last, lexicon):
            continue
        if alone_on_line(text, start, stop):
            continue
        if len(words) == 1 and (words[0].endswith(("...", "…")) or text.startswith(("...", "…"), stop)):
            # "министр обороны РФ Андрей...": a teaser cut inside the name, told in full below; a
            # whole name before the cut («…и министра России Сергея Лаврова....») stays a name
            continue
        patronymic = ""
        if len(words) == 3 and not is_initial(words[1]) and is_patronymic(words[1]):
            patronymic = words.pop(1)  # "Владимир Владимирович Путин" is "Владимир Путин"
        elif (
            len(words) == 3
            and not is_initial(words[2])
            and is_first_name(words[1])
            and (
                is_patronymic(words[2], dictionary_only=True)
                and (not is_first_name(words[0]) or surname_first(*words))
                # «Кошербаева Ермека Беделбаевича»: a patronymic the dictionary lacks, by its ending
                or is_patronymic(words[2])
                and not is_first_name(words[0])
            )
        ):
            # "Тараев Иван Степанович", "Лагуткина Сергея Павловича": a register's order, the surname
            # first, is "Иван Тараев" as the text names him elsewhere
            patronymic = words.pop(2)
            words = [words[1], words[0]]
        elif len(words) == 2 and is_first_name(words[0]) and FEMALE_PATRONYMIC.search(words[1].lower()):
            patronymic = words.pop(1)  # "Наина Иосифовна"; a man's "-ович" may be a surname: "Иван Бозович"
        countries = {i for i in range(len(tokens)) if _in_country(i, tokens, country_spans)}
        if last - 1 in countries and len(countries & set(range(first, last))) * 2 >= last - first:
            continue  # "Коста-Рика", "Эль-Сальвадор" read as a person; not "Веллингтон Гу"
        # (a line break is a barrier too: «Матвиенко встретилась с президентом Таджикистана» as a headline
        # with no stop, over «Матвиенко …» — the segmenter runs the two lines into one sentence)
        line_start = max(
            (i for i in range(1, first + 1) if "\n" in text[tokens[i - 1].stop : tokens[i].start]), default=0
        )
        barrier = max(barrier_by_sentence.get(sentence, 0), line_start)
        barrier_by_sentence[sentence] = last
        group, place, size = lists.get((sentence, first), (None, 0, 1))
        list_case = group_cases.get(group) if group is not None and place > 0 else None
        assigned = None
        if group is not None and place > 0:
            before = None
            if group in shared:  # a later name of a list under one plural post
                before, posts = shared[group]
                text_here, assigned = posts[place]
                # its own rank, if the list gives one before it («… и дивизионный генерал Ибрахим Дембеле»)
                own = post_before(tokens, first, barrier, countries)
                before = replace(before, text=text_here, rank=own.rank if own is not None else "")
        else:
            before = post_before(
                tokens,
                first,
                barrier,
                countries,
                plural=group is not None,
                possessive=(sentence, last) in starts,
            )
            possessor = possessors.get(sentence)
            if before is None and possessor is not None and possessor[0] == first:
                before = post_of_possessor(tokens, possessor[1], first, last)
            if before is not None and before.plural:
                posts = shared_post(text, tokens, before, size, country_spans)
                shared[group] = (before, posts)
                text_here, assigned = posts[0]
                before = replace(before, text=text_here)
        # "Борис Николаевич" is a first name and patronymic; with a post, "генерал армии Александр
        # Петрович" or "Александр Петрович, начальник Генштаба", the dictionary's patronymic is a surname
        given_and_patronymic = (
            not patronymic
            and len(words) == 2
            and is_first_name(words[0])
            and is_patronymic(words[1], dictionary_only=True)
        )
        surname = tokens[last - 1]
        context_case = _context_case(tokens, first, before)
        if group is not None and place == 0:
            group_cases[group] = context_case
        tags = {
            "tagged_case": NATASHA_CASES.get(surname.feats.get("Case", "")),
            "tagged_gender": NATASHA_GENDERS.get(surname.feats.get("Gender", "")),
            "chinese_allowed": chinese,
        }
        # "с Юлией Тимошенко и Анналеной Бербок": a later name of a list stands in the case the
        # preposition or post before the first one demands
        reading = read_name(words, context_case=context_case or list_case, **tags)
        post = before
        if post is not None and post.text == post.rank:
            post = post_before_dash(tokens, post, barrier, countries) or post
        if post is None or post.text == post.rank:
            after = post_after(tokens, last, countries, limit=next_name.get((sentence, first)))
            if after is not None and not (context_case or list_case):
                again = reading_by_post_after(words, reading, after.case, **tags)
                reading = again or reading
            # "Иван Иванов, министр …" agrees with the name; "…Медведева, депутаты …" starts a new phrase
            if after is not None and cases_agree(after.case, reading.case):
                # "адмирал Навид Ашраф, командующий ВМС": the rank before, the post after
                post = replace(after, rank=after.rank or post.rank) if post else after
        if post is None:
            post = post_before_name_dash(tokens, first, barrier, countries, reading.case)
        if given_and_patronymic and post is None:
            patronymic = words.pop(1)
            reading = NameReading(reading.words[:1], reading.case, reading.gender)
        mention = Mention(sentence, first, last, (start, stop), written, words, reading, post, patronymic)
        mention.country, mention.group = assigned, group
        if post is not None and post.outer is not None:
            possessors[sentence] = (last, post)
        out.append(mention)
    return out


def _context_case(tokens: list[Token], first: int, post: Post | None) -> str | None:
    """The case a name must stand in: that of the post in apposition, or the preposition's."""
    if post is not None and post.case:
        adjacent = tokens[first - 1]
        if post.head != first - 1 and is_singular_head(adjacent):
            return case_of(adjacent) or post.case  # "… генерал-лейтенанта Аксары Кердпола"
        return post.case
    if first and tokens[first - 1].text.lower() in _PREPOSITION_CASES:
        return _PREPOSITION_CASES[tokens[first - 1].text.lower()]
    return None


# --- one person, many mentions ------------------------------------------------------------------


def _people(mentions: list[Mention]) -> list[Person]:
    people: list[Person] = []
    for mention in sorted(mentions, key=lambda m: (not m.full, m.span)):
        if mention.full:
            person = next((p for p in people if _same_full_name(p, mention)), None)
            if person is None:
                person = Person()
                people.append(person)
            person.mentions.append(mention)
            person.name = _canonical_name(person.mentions)
            continue
        person = _owner_of_short(people, mention)
        if person is None:
            person = Person()
            people.append(person)
        person.mentions.append(mention)
        if not person.name or len(person.name.split()) == 1:
            person.name = _canonical_name(person.mentions)
    return sorted(people, key=lambda p: min(m.span for m in p.mentions))


def _same_full_name(person: Person, mention: Mention) -> bool:
    words = mention.reading.words
    if same_name_word(words[-1], person.surname) and same_name_word(words[0], person.given):
        return True
    # "Ван Занг" after "Фан Ван Занг": the last words of a longer foreign name are that person.
    name = person.name.split()
    return _ends_with(name, words) or _ends_with(words, name)


def _ends_with(longer: list[str], shorter: list[str]) -> bool:
    """`longer` (3+ words) ends with all of `shorter` (2+ words), word by word."""
    if len(longer) < 3 or not 2 <= len(shorter) < len(longer):
        return False
    return all(same_name_word(a, b) for a, b in zip(longer[-len(shorter) :], shorter, strict=True))


def _owner_of_short(people: list[Person], mention: Mention) -> Person | None:
    """The person a surname-only or initials mention refers to: "Белоусова", "И. Алиев", "Наина"."""
    forms = (mention.surname, mention.words[-1])
    initial = mention.words[0][0].lower() if mention.initials else ""
    candidates = [
        p
        for p in people
        if any(same_name_word(f, p.surname) for f in forms)
        and (not initial or p.given[:1].lower() == initial or not p.given)
    ]
    if not candidates and len(mention.words) == 1:
        # "Си" for "Си Цзиньпин", "Наина" for "Наина Ельцина": a first name alone
        candidates = [p for p in people if p.given and any(same_name_word(f, p.given) for f in forms)]
        mention.given_only = bool(candidates)
    if not candidates:
        return None
    return max(candidates, key=lambda p: len(p.mentions))


def _canonical_name(mentions: list[Mention]) -> str:
    """The name's nominative, voting over the mentions: a form written in the nominative counts double.

    The fullest form wins when it extends the usual one: "Реджеп Тайип Эрдоган" over "Реджеп Эрдоган".
    """
    pool = [m for m in mentions if m.full] or [m for m in mentions if not m.given_only] or mentions
    usual = Counter(len(m.reading.words) for m in pool).most_common(1)[0][0]
    typical = next(m.reading.words for m in pool if len(m.reading.words) == usual)
    length = (
        max(
            len(m.reading.words)
            for m in pool
            if len(m.reading.words) <= 4
            and (
                same_name_word(m.reading.words[0], typical[0])
                and same_name_word(m.reading.words[-1], typical[-1])
                or _ends_with(m.reading.words, typical)
            )
        )
        if usual <= 4
        else usual
    )
    pool = [m for m in pool if len(m.reading.words) == length]
    words = []
    for i in range(length):
        votes: Counter[str] = Counter()
        for m in pool:
            votes[m.reading.words[i]] += 1
            if m.reading.case in (None, "nomn"):
                votes[m.words[i]] += 2
            elif m.words[i] == m.reading.words[i]:
                votes[m.words[i]] += 1  # unchanged in an oblique case: an indeclinable word
        words.append(max(votes.items(), key=lambda kv: (kv[1], -len(kv[0])))[0])
    return " ".join(words)
