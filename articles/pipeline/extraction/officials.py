"""Officials: people named in the text, in the nominative, with their posts and countries.

people.py finds who is named and merges the mentions of each person; the post is the one written
next to a mention (positions.py); the country comes from the post (a country or an organisation
inside it), from the organisation's or the post's country named elsewhere ("президент
Азербайджана"), from the clause ("Белорусскую сторону возглавил …"), from a nationality word
("американец", "из Великобритании"), and as a last resort — for an office holder, or a name whose
form points to a state the text names (origins.py) — from the countries named around the person.
"""

from __future__ import annotations

import re
from collections import Counter
from types import SimpleNamespace

from articles.pipeline.extraction.colleagues import colleague_state, counterpart_state
from articles.pipeline.extraction.deputies import deputies_states
from articles.pipeline.extraction.entities import (
    CERTAIN,
    GUESSED,
    GUESSED_BY_NAME,
    CountryMention,
    OfficialMention,
)
from articles.pipeline.extraction.joined_leaders import leaders_named_together
from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.extraction.names import looks_chinese, stem
from articles.pipeline.extraction.organisations import OrganisationMatcher, international_in
from articles.pipeline.extraction.origins import (
    EAST_SLAVIC_COUNTRIES,
    country_adjectives,
    demonym,
    east_slavic,
    origin_countries,
)
from articles.pipeline.extraction.people import Analysis, Person, analyse, people_in
from articles.pipeline.extraction.positions import (
    Post,
    Token,
    counterpart_from,
    head_lemma,
    is_rank,
    is_role,
    is_singular_head,
    post_text,
)
from articles.pipeline.extraction.post_words import (
    AGENCY_WORD,
    COUNTERPARTS,
    OFFICES,
    PERIPHRASIS_NOUNS,
    PLACE_PREPOSITIONS,
    SEVERAL_STATES,
    TITLES,
)
from articles.pipeline.extraction.posts_elsewhere import (
    posts_described_nearby,
    posts_of_a_plural_before,
    posts_of_predicates,
)
from articles.pipeline.extraction.regions import region_spans
from articles.pipeline.extraction.single_holders import states_held_by_others, states_others_lead
from articles.pipeline.extraction.state_lists import posts_of_state_lists
from articles.pipeline.extraction.state_nouns import post_region, state_referred
from articles.pipeline.extraction.visits import visited_countries
from articles.pipeline.nlp import parses

# Marks that end the clause a name stands in, looking back from it: a bullet starts another item.
_CLAUSE_MARKS = frozenset({",", ";", ":", "—", "–", "•", "·"})


# A person after «с» is the one met or talked to: the clause's state before it is the other side's.
_PARTNER_PREPOSITIONS = frozenset({"с", "со"})

# Bodies named after what they study: «Институт Китая и современной Азии», «Центр изучения Ирана».
# Verbs that give a person a post: «который является президентом», «будучи министром».
_COPULAS = frozenset("являться быть стать".split())

# A country's side in sport: «в сборной России», «команда Казахстана».
_TEAMS = frozenset("сборная сборный команда".split())

_STUDIES = frozenset("институт центр кафедра отдел сектор факультет лаборатория изучение".split())


# States whose official name is a kingdom: «королевство» in a post points to the one the article names.
KINGDOMS = frozenset("SA MA JO BH TH KH GB ES NL BE NO SE DK BT LS SZ TO".split())
_KINGDOM = re.compile(r"\bкоролевств", re.IGNORECASE)
# Between a region and the post it names: nothing, or a dash joining two posts of one person.
_JOINS_POSTS = frozenset({"", "—", "–"})


def find_officials(text: str, countries: list[CountryMention], lexicon: Lexicon) -> list[OfficialMention]:
    """Every person named in the text, once, with the post and country the text gives them."""
    if not text.strip():
        return []
    analysis = analyse(text)
    country_spans = sorted((s, e, c.iso) for c in countries for s, e in c.spans)
    context = _Context(text, analysis, country_spans, OrganisationMatcher.for_lexicon(lexicon))
    context.adjectives = country_adjectives(lexicon)
    out = []
    people = people_in(text, analysis, country_spans, lexicon)
    context.people = people
    found = {id(p): context.post_and_country(p) for p in people}
    deputies_states(people, found, analysis.sentences)
    _different_countries_in_lists(people, found, context)
    leaders_named_together(people, found, analysis.sentences)
    for person in people:
        post, country, _certainty = found[id(person)]
        spans = sorted({m.span for m in person.mentions} | set(person.extra_spans))
        # A first name alone is evidence, not an alias: "Андрей" must not find this person in another article
        aliases = sorted({m.written for m in person.mentions if not m.given_only} - {person.name})
        out.append(
            OfficialMention(
                name=person.name,
                aliases=aliases,
                position=post,
                rank=_rank_of(person),
                country=country,
                spans=spans,
            )
        )
    # "Переговоры с Нарендрой Моди … Премьер-министр Индии пригласил …": the one person of a country
    # named without a post takes the post the article names for that country.
    posts_of_predicates(people, out, context)
    for person, official in zip(people, out, strict=True):
        if not official.position and not official.country:
            official.position, official.country = context.office_after_copula(person) or ("", None)
    postless = Counter(o.country for o in out if not o.position and o.country)
    for official in out:
        if not official.position and official.country and postless[official.country] == 1:
            official.position = context.titled_post(official.country) or ""
    posts_described_nearby(people, out, found, context)
    posts_of_a_plural_before(people, out, found, context)
    posts_of_state_lists(people, out, context)
    return out


# A rank held no longer: «полковник в отставке», «отставной генерал», «капитан запаса».
_RETIRED = re.compile(r"отставк|отставн|запаса", re.IGNORECASE)
# «… из Института мировой безопасности США», «… от Центра стратегических исследований Ирана»
_FROM_INSTITUTION = re.compile(
    r"\s*,?\s*(?:из|от)\s+(?:[а-яё-]+\s+)?(?:институт|центр|университет|академи|фонд|агентств|корпораци|"
    r"министерств|посольств)\w*",
    re.IGNORECASE,
)
_PHRASE_END = re.compile(r"[,.;:!?()—–]|\s-\s")
# «с российской стороны», «со стороны Индонезии»: whose side a list of participants is.
_SIDE = re.compile(
    r"(?<!\w)(?:со?\s+[а-яё]+(?:ой|ей)\s+(?:стороны|(?=[—–]))|со\s+стороны\s+[А-ЯЁ][\w-]+)", re.IGNORECASE
)  # («…, с чилийской — заместитель министра …»: the second side, its noun left out)


def _holds_office(context: _Context, posts: list) -> bool:
    """Does some post of the person name an office, not a role ("эксперт") or a rank alone?"""
    for mention, post in posts:
        head = context.analysis.sentences[mention.sentence][post.head].text
        if post.rank and _RETIRED.search(post.text):
            continue  # "полковник в отставке": no office now
        if post.text and post.text != post.rank and not is_role(head):
            return True
    return False


def _rank_of(person: Person) -> str:
    """The rank the text gives the person, from the fullest and earliest mention that has one."""
    ranked = sorted(
        (m for m in person.mentions if m.post and m.post.rank), key=lambda m: (not m.full, m.span)
    )
    return ranked[0].post.rank if ranked else ""


def _different_countries_in_lists(people: list[Person], found: dict, context: _Context) -> None:
    """ "подписали президенты Ильхам Алиев и Реджеп Эрдоган": the people of one list under a plural
    post hold the same post in different states. A country guessed from the company a person keeps
    gives way to one the others of the list have not taken; the surest guesses are kept first."""
    groups: dict[tuple[int, int], list[Person]] = {}
    for person in people:
        for group in {m.group for m in person.mentions if m.group and m.post is not None and m.post.plural}:
            groups.setdefault(group, []).append(person)
    for members in groups.values():
        taken: set[str] = set()
        for person in sorted(members, key=lambda p: -found[id(p)][2]):
            post, country, certainty = found[id(person)]
            if country in taken and certainty < CERTAIN:
                other = context.country_by_company(person, exclude=taken)
                if other:
                    found[id(person)] = (post, other, certainty)
                    country = other
            if country:
                taken.add(country)


# --- posts and countries -------------------------------------------------------------------------


def _lemma(word: str) -> str:
    found = parses(word.lower())
    return found[0].normal_form if found else word.lower()


def _genitive_noun(word: str) -> bool:
    """A lower-case noun whose likeliest reading is in the genitive: "обороны", "иностранных дел"."""
    found = parses(word.lower())
    return (
        word.islower()
        and bool(found)
        and found[0].tag.POS in ("NOUN", "ADJF")
        and found[0].tag.case == "gent"
    )


def _noun_first(word: str) -> bool:
    """Is the word's likeliest reading a noun, an adjective or a participle (not "после", "чего")?"""
    found = parses(word.lower())
    return bool(found) and found[0].tag.POS in ("NOUN", "ADJF", "PRTF")


class _Context:
    """What the rest of the article says: where each country is named, which organisations appear."""

    def __init__(self, text: str, analysis: Analysis, country_spans, orgs: OrganisationMatcher):
        self.text = text
        self.analysis = analysis
        self.country_spans = country_spans
        self.orgs = orgs
        self.region_spans = region_spans(text)
        self.people: list[Person] = []
        self.adjectives: tuple[tuple[str, str], ...] = ()

    def post_and_country(self, person: Person) -> tuple[str, str | None, int]:
        """The post, the country and how sure the country is (CERTAIN, or a guess from the company)."""
        posts = [(m, m.post) for m in person.mentions if m.post is not None]
        posts.sort(key=lambda mp: (not mp[0].full, mp[0].span))
        text = next((post.text for _m, post in posts if post.text), "")
        # "министры обороны Белоруссии и России Виктор Хренин и Андрей Белоусов": given in order
        country = next((m.country for m, _post in posts if m.country), None)
        for mention, post in posts:
            if country:
                break
            country = self._country_of_post(mention.sentence, post)
        for mention, post in posts:
            if country:
                break
            country = self._region_of_post(mention.sentence, post)
        for mention, post in posts:
            if country:
                break
            country = self._state_referred(mention, post, person)
        if country is None and any(_KINGDOM.search(post.text) for _m, post in posts):
            country = self._the_kingdom()
        if country is None and any(international_in(post.text) for _m, post in posts):
            return text, None, CERTAIN  # "генсек НАТО Йенс Столтенберг": a bloc's official, no country's
        if country is None:
            country = colleague_state(person, self.people, self.analysis.sentences, self._country_of_post)
        if country is None:
            for mention, _post in posts:
                country = self._country_of_delegation(mention) or self._country_of_side(mention)
                if country:
                    break
        if country is None:
            for mention, post in posts:
                country = self._country_elsewhere(mention.sentence, post, person)
                if country:
                    break
        if country is None:
            country = (
                self._country_in_brackets(person)
                or self._country_of_nationality(person)
                or self._country_of_clause(person)
                or self._country_of_team(person)
                or self._country_of_institution(person)
            )
        certainty = CERTAIN
        origin = origin_countries(person.name) & {iso for _s, _e, iso in self.country_spans}
        several = any(w in SEVERAL_STATES for _m, post in posts for w in post.text.split())
        if country is None and not several and (_holds_office(self, posts) or origin):
            # A guess from the company kept for an office holder (an official is of some state the
            # story names) and for anyone whose name's form points to a state the story names
            # («Дмитрий Медведев», a Russian expert quoted in a story naming Russia: the convention of
            # the independent holdout sets); an expert whose name points to no state of the story
            # gets none.
            country = self.country_by_company(person)
            certainty = GUESSED_BY_NAME if origin else GUESSED
        regions = [r for m, post in posts if (r := post_region(self._tokens(m.sentence), post)) is not None]
        if country and regions and all(country not in region for region in regions):
            country = None  # «министр обороны латиноамериканской страны»: none of that region named
        if not text:
            text = next((t for m, _post in posts if (t := self._counterpart_post(m))), "")
        if country and posts:
            mention, post = posts[0]
            if self._periphrastic(mention.sentence, post):
                text = self.titled_post(country) or text
            elif post.head == post.last - 1 and post.text and post.text != post.rank:
                # a bare "президент": whose, the article says
                text = (
                    self.titled_post(country, head_lemma(self._tokens(mention.sentence)[post.head].text))
                    or text
                )
        return text, country, certainty

    def _the_kingdom(self) -> str | None:
        """«министр обороны королевства»: the monarchy the article is about, by far the most named."""
        named = Counter(iso for _s, _e, iso in self.country_spans if iso in KINGDOMS).most_common(2)
        if not named or (len(named) == 2 and named[1][1] * 2 > named[0][1]):
            return None  # two monarchies named about as often: the text does not say which
        return named[0][0]

    def _counterpart_post(self, mention) -> str:
        """ "Министр обороны Индии Раджнатх Сингх и его российский коллега Андрей Белоусов": the
        colleague holds the post named before him in the sentence, less its country."""
        post = mention.post
        if post is None or head_lemma(self._tokens(mention.sentence)[post.head].text) not in COUNTERPARTS:
            return ""
        sentence = mention.sentence
        earlier = self._posts_before(sentence, post.first)
        before = self._named_before(sentence, post.first)
        if not earlier and before is not None:
            # «Чавес обсудит со своим российским коллегой Дмитрием Медведевым»: the colleague of the
            # person named before, in the post the text gives that person elsewhere (or none)
            held = [m for m in before.mentions if m.post is not None and m.post.text != m.post.rank]
            held = [
                m for m in held if head_lemma(self._tokens(m.sentence)[m.post.head].text) not in COUNTERPARTS
            ]
            if not held:
                return ""
            sentence, earlier = held[0].sentence, [held[0].post]
        if not earlier and sentence > 0:
            # "… Небензя выступил в Совбезе. Его американская коллега Линда …", "… Остин назвал …. Его
            # слова прозвучали на встрече с южнокорейским коллегой Со Уком": with no post holder before
            # it in its sentence, the counterpart is the colleague of the last one of the sentence before
            sentence -= 1
            earlier = self._posts_before(sentence, len(self._tokens(sentence)))
        if not earlier:
            return ""
        tokens = self._tokens(sentence)
        named = max(earlier, key=lambda p: p.last)
        stop = named.last
        for s, _e, _iso in self._countries_in(tokens[named.head].stop, tokens[named.last - 1].stop):
            stop = next((i for i in range(named.head + 1, named.last) if tokens[i].stop > s), named.last)
            break
        return post_text(tokens, named.first, stop) if stop > named.head else ""

    def _named_before(self, sentence: int, end: int) -> Person | None:
        """The person named last in the sentence before token `end`, if any."""
        named = [
            (m.last, n)
            for n, p in enumerate(self.people)
            for m in p.mentions
            if m.sentence == sentence and m.last <= end
        ]
        return self.people[max(named)[1]] if named else None

    def _posts_before(self, sentence: int, end: int) -> list[Post]:
        """The posts of the sentence's names that end before token `end`, less ranks alone (no post
        to share: "Генерал-лейтенант Виктор Хренин встретится со своим коллегой") and counterparts."""
        tokens = self._tokens(sentence)
        return [
            m.post
            for person in self.people
            for m in person.mentions
            if m.sentence == sentence
            and m.post is not None
            and m.post.last <= end
            and head_lemma(tokens[m.post.head].text) not in COUNTERPARTS
            and m.post.text != m.post.rank
        ]

    def _periphrastic(self, sentence: int, post: Post) -> bool:
        """ "глава военного ведомства КНР", "с российским коллегой": a post described, not named."""
        tokens = self._tokens(sentence)
        lemma = head_lemma(tokens[post.head].text)
        if lemma in COUNTERPARTS:
            return True
        return lemma in ("глава", "руководитель") and any(
            _lemma(t.text) in PERIPHRASIS_NOUNS for t in tokens[post.head + 1 : post.last]
        )

    def office_after_copula(self, person: Person) -> tuple[str, str] | None:
        """ "Алиев, который является президентом Азербайджана": the post and country a clause right
        after a mention gives the person with a copula."""
        for mention in person.mentions:
            tokens = self._tokens(mention.sentence)
            for k in range(mention.last, min(mention.last + 4, len(tokens) - 1)):
                if _lemma(tokens[k].text) not in _COPULAS:
                    continue
                head = head_lemma(tokens[k + 1].text)
                if head not in TITLES:
                    break
                iso = self._country_next_to(tokens, k + 1)
                post = self.titled_post(iso, head) if iso else None
                if iso and post:
                    return post, iso
                break
        return None

    def titled_post(self, iso: str, lemma: str | None = None) -> str | None:
        """The post the article names for that country without a name: "министр обороны КНР заявил"."""
        found: Counter[str] = Counter()
        for sent in self.analysis.sentences:
            for i, token in enumerate(sent):
                head = head_lemma(token.text)
                if (head != lemma if lemma else head not in TITLES) or not is_singular_head(token):
                    continue
                for j in range(i + 1, min(i + 4, len(sent))):
                    if not sent[j].text[:1].isalpha():
                        break
                    hit = next(
                        ((s, e) for s, e, c in self.country_spans if s == sent[j].start and c == iso), None
                    )
                    if hit is None:
                        if sent[j].text[:1].isupper():
                            break
                        continue
                    end = j + 1
                    while end < len(sent) and sent[end].stop <= hit[1]:
                        end += 1
                    name_at = end
                    while (
                        name_at < len(sent)
                        and name_at - end < 4
                        and (is_rank(sent[name_at].text) or (name_at > end and sent[name_at].text.islower()))
                    ):
                        name_at += 1  # "министр обороны Мали генерал Садио Камара"
                    if name_at < len(sent) and sent[name_at].text[:1].isupper():
                        break  # a name follows: that post is someone's, and already read as such
                    found[post_text(sent, i, end)] += 1
                    break
        return found.most_common(1)[0][0] if found else None

    def described_posts(self) -> list[tuple[int, str, str, str]]:
        """(sentence, head lemma, post text, country) of each office the text names for a country with
        no name after it: "президента Белоруссии", "с главой администрации США", "российского
        президента", "Глава российского государства". Roles, ranks and posts of named people are not
        descriptions."""
        taken = {
            (m.sentence, i)
            for person in self.people
            for m in person.mentions
            if m.post is not None
            for i in range(m.post.first, m.post.last)
        }
        out = []
        for index, sent in enumerate(self.analysis.sentences):
            for i, token in enumerate(sent):
                lemma = head_lemma(token.text)
                if (
                    lemma is None
                    or not _noun_first(token.text)  # "после чего": a preposition, not «посол»
                    or lemma in COUNTERPARTS
                    or is_role(token.text)
                    or is_rank(token.text)
                    or (index, i) in taken
                    or not is_singular_head(token)
                ):
                    continue
                if self._quoted(token.start):
                    continue  # «Приветствую президента Турции», said by someone: not the speaker's post
                found = self._described_after(sent, i) or self._described_before(sent, i)
                if found is None:
                    continue
                end, iso = found
                text = post_text(sent, i, end)
                if lemma in ("глава", "руководитель") and any(
                    _lemma(t.text) in PERIPHRASIS_NOUNS for t in sent[i + 1 : end]
                ):
                    text = self.titled_post(iso) or text  # "глава российского государства"
                elif end == i + 1:
                    text = self.titled_post(iso, lemma) or text  # "российского президента"
                out.append((index, lemma, text, iso))
        return out

    def _quoted(self, at: int) -> bool:
        """Is the position inside quotation marks (direct speech) that are still open there?"""
        before = self.text[:at]
        return before.count("«") > before.count("»") or before.count("„") > before.count("“")

    def _described_after(self, sent: list[Token], i: int) -> tuple[int, str] | None:
        """ "президента Белоруссии", "главой администрации США", "глава российского государства":
        a country within three lower-case words after the head, and no name after the phrase."""
        for j in range(i + 1, min(i + 4, len(sent))):
            hit = next(((s, e, iso) for s, e, iso in self.country_spans if s == sent[j].start), None)
            if hit is None:
                if AGENCY_WORD.match(sent[j].text):
                    continue  # "глава Минобороны Беларуси": the body between the post and its state
                if not sent[j].text.isalpha() or not sent[j].text.islower() or not _noun_first(sent[j].text):
                    return None
                continue
            end = j + 1
            while end < len(sent) and sent[end].stop <= hit[1]:
                end += 1
            if end + 1 < len(sent) and sent[end].text.lower() == "и" and self._starts_country(sent[end + 1]):
                return None  # "главы России и Ирана": the heads of two states, not one person
            if sent[j].text.islower():  # "российского государства": the noun it qualifies
                while end < len(sent) and end - j < 3 and _lemma(sent[end].text) in PERIPHRASIS_NOUNS:
                    end += 1
            if end < len(sent) and sent[end].text[:1].isupper() and not self._starts_country(sent[end]):
                return None  # a name follows: the post is that person's
            return end, hit[2]
        return None

    def _described_before(self, sent: list[Token], i: int) -> tuple[int, str] | None:
        """ "российского президента", "Российский лидер": a country adjective right before the head."""
        if i == 0 or (i + 1 < len(sent) and sent[i + 1].text[:1].isupper()):
            return None
        prev = sent[i - 1]
        if not prev.text.isalpha() or (prev.text[:1].isupper() and i - 1 > 0):
            return None
        for s, _e, iso in self.country_spans:
            if s == prev.start:
                end = i + 1
                while end < len(sent) and end - i <= 2 and _genitive_noun(sent[end].text):
                    end += 1  # "Российский министр обороны"
                return end, iso
        return None

    def _tokens(self, sentence: int) -> list[Token]:
        return self.analysis.sentences[sentence]

    def _countries_in(self, start: int, stop: int) -> list[tuple[int, int, str]]:
        return [(s, e, iso) for s, e, iso in self.country_spans if s < stop and start < e]

    def _country_of_post(self, sentence: int, post: Post) -> str | None:
        """A country named in the post ("министр обороны РФ") or its organisation's ("глава ФСВТС")."""
        tokens = self._tokens(sentence)
        start, stop = tokens[post.scope].start, tokens[post.last - 1].stop
        for s, _e, iso in self._countries_in(start, stop):
            previous = [t for t in tokens if t.stop <= s]
            if (
                previous
                and previous[-1].text.lower() in PLACE_PREPOSITIONS
                and previous[-1].start >= start
                and not counterpart_from(tokens, len(previous) - 1)
            ):
                continue  # "посол России в Китае": a place; but "коллега из Китая" is where he is from
            if previous and _lemma(previous[-1].text) in _STUDIES:
                continue  # "сотрудник Института Китая … РАН": the country studied, not the employer's
            if self._in_quoted_name(tokens, len(previous), since=post.scope):
                continue  # "автор книги «Неизвестный Казахстан»": a title, not the person's state
            return iso
        return self.orgs.country_in(self.text[start:stop])

    def _state_referred(self, mention, post: Post, person: Person) -> str | None:
        """«посол республики в России»: the state a common noun in the post stands for."""

        def others_states():
            return [
                iso
                for other in self.people
                if other is not person
                for m in other.mentions
                if m.sentence == mention.sentence and m.post is not None
                if (iso := m.country or self._country_of_post(m.sentence, m.post))
            ]

        sharing = sorted(
            m.first
            for other in self.people
            for m in other.mentions
            if m.sentence == mention.sentence and m.post is not None
            if (m.post.first, m.post.last) == (post.first, post.last)
        )
        place = (sharing.index(mention.first), len(sharing)) if mention.first in sharing else (0, 1)
        spans = sorted(self.country_spans + self.region_spans)
        return state_referred(self._tokens(mention.sentence), post, spans, others_states, place)

    def _region_of_post(self, sentence: int, post: Post) -> str | None:
        """The state of a region or city named in the post: "губернатор Курской области" → RU.

        A region in the genitive just before the post counts too ("в правительстве Еврейской
        автономной области губернатор …"), or ending a post a dash joins to this one ("членом
        правительства Самарской области — председателем комитета …"), unless a place preposition
        puts it there ("в Приморском крае генконсул …": where someone is, not whose official).
        """
        tokens = self._tokens(sentence)
        start, stop = tokens[post.scope].start, tokens[post.last - 1].stop
        inside = next((iso for s, e, iso in self.region_spans if start <= s and e <= stop), None)
        if inside:
            return inside
        for s, e, iso in self.region_spans:
            if e > start or self.text[e:start].strip() not in _JOINS_POSTS:
                continue
            before = [t for t in tokens if t.stop <= s][-1:]
            if before and before[0].text.lower() not in PLACE_PREPOSITIONS:
                return iso
        return None

    def _country_of_delegation(self, mention) -> str | None:
        """ "делегация Минобороны РФ во главе с министром обороны Андреем Белоусовым": the leader
        is of the delegation's country, named before «во главе с»."""
        tokens = self._tokens(mention.sentence)
        start = mention.post.first if mention.post else mention.first
        words = [t.text.lower() for t in tokens[max(0, start - 3) : start]]
        if words[-3:] not in (["во", "главе", "с"], ["во", "главе", "со"]):
            return None
        end = start - 3
        begin = end
        while begin > 0 and end - begin < 8 and tokens[begin - 1].text not in {",", ";", ":", "—", "–", "("}:
            begin -= 1
        lo, hi = tokens[begin].start, tokens[end].start
        found = self._countries_in(lo, hi)
        if found:
            return found[-1][2]
        return self.orgs.country_in(self.text[lo:hi])

    def _country_of_side(self, mention) -> str | None:
        """ "С российской стороны в беседе участвовали … и заместитель председателя комитета Зияд
        Сабсаби": the side a list of participants opens with, when no other state is named between."""
        tokens = self._tokens(mention.sentence)
        lo, hi = tokens[0].start, tokens[mention.first].start
        sides = list(_SIDE.finditer(self.text, lo, hi))
        if not sides:
            return None
        side = sides[-1]
        named = self._countries_in(side.start(), side.end())
        if not named or {iso for _s, _e, iso in self._countries_in(side.end(), hi)} - {named[-1][2]}:
            return None
        return named[-1][2]

    def _country_elsewhere(self, sentence: int, post: Post, person: Person) -> str | None:
        """The post's organisation or the post itself named with a country elsewhere in the article
        (a leader's post another person holds is not this person's: single_holders; nor does the post of
        another person of the story vote; a rank after the post is no part of its organisation)."""
        tokens = self._tokens(sentence)
        complement = [t for t in tokens[post.head + 1 : post.last] if any(ch.isalpha() for ch in t.text)]
        ranks = [k for k, t in enumerate(complement) if is_rank(t.text)]
        complement = complement[: ranks[0]] if ranks else complement  # «министра обороны генерал-полковника»
        if complement:
            org_words = [t.text for t in complement[-2:]]
            found = self._followed_by_country(org_words)
            if found:
                return found
        lemma = head_lemma(tokens[post.head].text)
        taken = states_held_by_others(
            person, self.people, lemma, self.analysis.sentences, self._country_of_post
        )
        votes: Counter[str] = Counter()
        office = OFFICES.get(lemma or "")  # «Посол …» in a story about «Посольство Польши»
        # «государственным министром ОАЭ Мухаммедом …»: another person's post tells that person's state
        held = {
            (m.sentence, m.post.head)
            for other in self.people
            if other is not person
            for m in other.mentions
            if m.post is not None
        }
        for index, sent in enumerate(self.analysis.sentences):
            for i, token in enumerate(sent):
                if (index == sentence and i == post.head) or (index, i) in held:
                    continue
                at_office = office is not None and _lemma(token.text) == office
                if head_lemma(token.text) != lemma and not at_office:
                    continue
                if not at_office and not is_singular_head(token):
                    continue  # "Представители России": a group, not the one person holding the post
                iso = self._country_next_to(sent, i)
                if iso and iso not in taken:
                    votes[iso] += 1
        if votes:
            return votes.most_common(1)[0][0]
        return None

    def _followed_by_country(self, words: list[str]) -> str | None:
        """The country named after these words elsewhere: "директоров компании" … "компании Baykar"."""
        stems = [stem(w) for w in words]
        for tail in (stems, stems[-1:]):
            for sent in self.analysis.sentences:
                for i in range(len(sent) - len(tail)):
                    if [stem(t.text) for t in sent[i : i + len(tail)]] != tail:
                        continue
                    after = sent[i + len(tail)]
                    for s, _e, iso in self.country_spans:
                        if s == after.start and len(tail) == len(stems):
                            return iso
                    if after.text[:1].isupper() or after.text in ("«", '"'):
                        org = self.orgs.find(self.text[after.start : sent[-1].stop])
                        if org and org[0][0] <= after.start + 1:
                            return org[0][2]
        return None

    def _country_next_to(self, sent: list[Token], i: int) -> str | None:
        """ "президент Азербайджана", "российский президент" — when no name follows the post."""
        nxt = sent[i + 1] if i + 1 < len(sent) else None
        prev = sent[i - 1] if i else None
        for s, _e, iso in self.country_spans:
            if nxt is not None and s == nxt.start:
                # the word after the whole name of the state: «посольства Республики Польша»
                after = next((t for t in sent[i + 2 :] if t.start >= _e), None)
                if after is None or not after.text[:1].isupper() or self._starts_country(after):
                    return iso
            if prev is not None and s == prev.start and self._ends_adjective(prev):
                return iso
        return None

    def _starts_country(self, token: Token) -> bool:
        return any(s == token.start for s, _e, _iso in self.country_spans)

    @staticmethod
    def _ends_adjective(token: Token) -> bool:
        return token.text[:1].islower()

    def _country_of_clause(self, person: Person) -> str | None:
        """A country in the same clause before the first full mention: "Белорусскую сторону возглавил …"."""
        mention = min(person.mentions, key=lambda m: (not m.full, m.span))
        tokens = self._tokens(mention.sentence)
        start = mention.post.first if mention.post and mention.post.first < mention.first else mention.first
        if start > 0 and tokens[start - 1].text.lower() in _PARTNER_PREPOSITIONS:
            return None  # "представители делегации РФ встретились с председателем …": the other side
        clause_start = start
        while clause_start > 0 and tokens[clause_start - 1].text not in _CLAUSE_MARKS:
            clause_start -= 1
        visited = visited_countries(person, self.analysis.sentences, self._countries_in)
        for s, _e, iso in reversed(self._countries_in(tokens[clause_start].start, tokens[start].start)):
            if iso in visited:
                continue  # "во время посещения Зимбабве Александром Лукашенко": his host's state
            at = next(i for i, t in enumerate(tokens) if t.stop > s)
            if at and tokens[at - 1].text.lower() in PLACE_PREPOSITIONS:
                continue  # "… с турецкой компанией …": a partner or a place, not the person's side
            if at and _lemma(tokens[at - 1].text) in _STUDIES:
                continue
            if self._in_quoted_name(tokens, at):
                continue  # "с корреспондентом «Голоса Америки»": a title, not the person's side
            if any(t.text[:1].isupper() and not self._starts_country(t) for t in tokens[at + 1 : start]):
                continue  # "Тренер российского боксера Мурата Гассиева Абель Санчес": another's side
            return iso
        return None

    @staticmethod
    def _in_quoted_name(tokens: list[Token], at: int, since: int = 0) -> bool:
        """Is tokens[at] inside quotation marks opened (at or after tokens[since]) and closed within
        the sentence around it? A post's own quoted name opens inside the post; a quotation of the
        whole sentence («"В ходе разговора министр обороны РК … обсудили …", — говорится …») does not."""
        before = [t.text for t in tokens[since:at]]
        opened = before.count("«") > before.count("»") or before.count("„") > before.count("“")
        if opened and any(t.text in ("»", "“") for t in tokens[at + 1 :]):
            return True
        # straight quotes open and close alike: «автор книги "Неизвестный Казахстан"»
        return before.count('"') % 2 == 1 and any(t.text == '"' for t in tokens[at + 1 :])

    def _country_in_brackets(self, person: Person) -> str | None:
        """ "Иван Соколов (Нидерланды, 37 лет)", "• Коффи Коджа (Бенин)": a country opening the
        brackets right after a name, as lists of participants give each one's state."""
        for mention in person.mentions:
            after = self._tokens(mention.sentence)[mention.last : mention.last + 2]
            if len(after) == 2 and after[0].text == "(":
                hit = next((iso for s, _e, iso in self.country_spans if s == after[1].start), None)
                if hit:
                    return hit
        return None

    def _country_of_nationality(self, person: Person) -> str | None:
        """ "американец Джон Смит", "Джон Смит из Великобритании": a nationality word right before a
        mention, or «из» and a country right after it."""
        for mention in person.mentions:
            tokens = self._tokens(mention.sentence)
            start = (
                mention.post.first if mention.post and mention.post.first < mention.first else mention.first
            )
            if start:
                iso = demonym(tokens[start - 1].text, self.adjectives)
                if iso:
                    return iso
            if start >= 2 and tokens[start - 1].text.isalpha() and tokens[start - 1].text.islower():
                # "с американской журналисткой Маргарет Бреннан": a country's adjective on the noun
                # that describes the person
                before = tokens[start - 2]
                iso = next((iso for s, _e, iso in self.country_spans if s == before.start), None)
                if iso and before.text.islower() and _noun_first(tokens[start - 1].text):
                    return iso
            after = tokens[mention.last : mention.last + 2]
            if len(after) == 2 and after[0].text.lower() == "из":
                hit = next((iso for s, _e, iso in self.country_spans if s == after[1].start), None)
                if hit:
                    return hit
        return None

    def _country_of_team(self, person: Person) -> str | None:
        """ "в сборной России не выступали … олимпийские чемпионы Олег Саитов, …": the one national
        team a sentence of the person's names is his side."""
        found = set()
        for sentence in {m.sentence for m in person.mentions}:
            tokens = self._tokens(sentence)
            for i, token in enumerate(tokens[1:], 1):
                iso = next((iso for s, _e, iso in self.country_spans if s == token.start), None)
                if iso and _lemma(tokens[i - 1].text) in _TEAMS:
                    found.add(iso)
        return found.pop() if len(found) == 1 else None

    def _country_of_institution(self, person: Person) -> str | None:
        """ "Николай Злобин из Института мировой безопасности США": the state an institution right
        after the name («из», «от») names before the phrase ends."""
        for mention in person.mentions:
            stop = mention.span[1]
            match = _FROM_INSTITUTION.match(self.text, stop)
            if not match:
                continue
            end = _PHRASE_END.search(self.text, match.end())
            end = end.start() if end else len(self.text)
            named = [iso for s, _e, iso in self.country_spans if match.end() <= s < min(end, stop + 120)]
            if named:
                return named[0]
        return None

    def _hosts_met(self, person: Person, sentences: set[int]) -> set[str]:
        """The states another person of the person's sentences is visiting: whom a visitor meets there
        is his host's (the person himself visiting nowhere)."""
        if visited_countries(person, self.analysis.sentences, self._countries_in):
            return set()
        hosts: set[str] = set()
        for other in self.people:
            shared = [m for m in other.mentions if m.sentence in sentences]
            if other is not person and shared:  # (the visit told in the sentence they share)
                hosts |= visited_countries(
                    SimpleNamespace(mentions=shared), self.analysis.sentences, self._countries_in
                )
        return hosts

    def country_by_company(self, person: Person, exclude: set[str] = frozenset()) -> str | None:
        """The last resort: the country named most around the person, then in the whole article.

        A country after a preposition is where the person goes or what they talk about ("прибыл в
        Азербайджан"), so it counts less than "власти Беларуси" or "российский". A Chinese name
        leans to China when the article names it.
        """
        votes: Counter[str] = Counter()
        sentences = {m.sentence for m in person.mentions}
        for index, sent in enumerate(self.analysis.sentences):
            if not sent:
                continue
            weight = 1.0 if index in sentences else 0.2
            regions = [r for r in self.region_spans if sent[0].start <= r[0] < sent[-1].stop]
            for s, _e, iso in self._countries_in(sent[0].start, sent[-1].stop) + regions:
                previous = [t for t in sent if t.stop <= s][-1:]
                after_preposition = previous and previous[0].text.lower() in PLACE_PREPOSITIONS
                votes[iso] += weight * (0.3 if after_preposition else 1.0)
        exclude = set(exclude) | visited_countries(person, self.analysis.sentences, self._countries_in)
        exclude |= states_others_lead(person, self.people, self.analysis.sentences, self._country_of_post)
        exclude.add(counterpart_state(person, self.people, self.analysis.sentences, self._country_of_post))
        for iso in exclude:
            votes.pop(iso, None)
        for iso in self._hosts_met(person, sentences) - exclude:
            votes[iso] += 2  # «Находящийся с визитом в США … Велиев встретился с губернатором …»: the host's
        words = person.name.split()
        if "CN" in votes and len(words) > 1 and all(looks_chinese(w) for w in words):
            votes["CN"] += 3
        origin = Counter({iso: n for iso, n in votes.items() if iso in origin_countries(person.name)})
        if origin:
            return origin.most_common(1)[0][0]
        if not east_slavic(words):
            # "Ассими Гоита" in a Russian wire story about Mali: a name of no East Slavic form leans
            # away from Russia, Belarus and Ukraine when another state is named
            for iso in EAST_SLAVIC_COUNTRIES & set(votes):
                votes[iso] *= 0.3
        if not votes:
            return None
        return votes.most_common(1)[0][0]
