"""Stories' candidates: which articles already in the archive may be the same story as the one being
placed, and how alike they are — the thresholds of each rule (archive/stories.py gives the rules in
order and verifies a join against the whole story).

Thresholds were tuned on tests/data/stories (tools/evaluate_stories.py): different reports on one
topic share boilerplate («военно-техническое сотрудничество», ministers' titles) at a Jaccard of
0.03–0.12 over 3-word shingles, web copies of one wire report 0.2–0.5 with their page furniture.
Joining two events is worse than missing a reprint, so each threshold sits above what the
different reports reach.
"""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.db.models import Count, F, Q, Window
from django.db.models.functions import Substr

from articles.archive import story_events
from articles.models import (
    AgreementClaim,
    Article,
    ArticlePair,
    ArticleSignature,
    OfficialClaim,
    StoryBand,
)
from articles.pipeline import name_keys, nearduplicates, protagonists
from articles.pipeline.text import normalise

REPRINT_SIMILARITY = (
    0.15  # with the same pair within days: above what two reports of one topic share (≤ 0.08 measured)
)
# Text alone, whatever the pair: templated news (a ministry's or a generator's) puts different
# events at 0.15–0.7 (a generated corpus of 1,500: 19% of unrelated pairs ≥ 0.15; 0.695 at most
# for two different commission meetings from one template), while a copy of one report keeps 0.77
# and more there (the least of 161 copies: 0.773).
COPY_SIMILARITY = 0.75
# Every rule also needs the two to name mostly the same people and documents: a Jaccard of their
# officials and agreements of at least ENTITY_AGREEMENT (not tested when either names none). Sharing
# one official was too weak: a pair's defence minister is in most of its news. Measured: the 30
# same-story pairs of the development set have 0.4–1.0, and every one the rules join ≥ 0.5; of the
# 204 different-event pairs the old rules joined on a generated corpus, 197 are below 0.4 and the
# other 7 at 0.4–1.0 (3 of them the templated 0.63–0.65 "copies" COPY_SIMILARITY now leaves out).
ENTITY_AGREEMENT = 0.5
DOCUMENT_WORDS = 5  # a document title this long names one document (`_document_key`)
# With the same pair and an official or agreement in common, less text is enough: dated within
# REWRITE_DAYS, above the 0.03 that any two reports of one pair share; with a date missing, above
# the 0.07 that different events of one pair with the same leaders reached on the development set.
REWRITE_SIMILARITY = 0.04
UNDATED_SIMILARITY = 0.09
REWRITE_DAYS = 3  # a wire report is reposted and retold within days, not weeks
CANDIDATES = 50  # the most recent reports of the pair (around that date) compared with
COMMON_BAND = 50  # a band value more articles share than this is boilerplate (band_neighbours)


class Neighbourhood:
    """What the rewrite rule reads about the article being placed, read once for all its
    candidates: its primary pair, its date window, the officials and agreements it names; and which
    candidates share one of those (looked up once an article)."""

    def __init__(self, article: Article):
        self.article = article
        pair = (
            ArticlePair.objects.visible()
            .filter(article=article, primary=True)
            .values_list("country_a_id", "country_b_id")
            .first()
        )
        self.pair: tuple[str, str] | None = pair
        self.days = _days_around(article)
        self._days = _window(article)
        self._event_days = _window(article, story_events.EVENT_DAYS)
        self._same_day = _window(article, 0)
        self._entities: tuple[list[int], list[int]] | None = None
        self.surname_keys: dict[int, str] = {}  # official → surname key, read with `entities`
        self.full_names: list[str] = []  # the officials' full names, read with `entities`
        self.aliases: dict[str, str] = {}  # `name_keys.aliases` of the people `same_people` compared
        self.document_keys: dict[int, int | str] = {}  # agreement → `_document_key`, read with `entities`
        self._sharing: dict[int, bool] = {}

    def entities(self) -> tuple[list[int], list[int]]:
        """The officials and agreements the article names (ids)."""
        if self._entities is None:
            rows = (
                OfficialClaim.objects.visible()
                .filter(article=self.article)
                .values_list("official_id", "official__surname_key", "official__full_name")
                .distinct()
            )
            people = {pk: key for pk, key, _name in rows}
            self.surname_keys = people
            self.full_names = [name for _pk, _key, name in rows]
            self.document_keys = {
                pk: _document_key(pk, title)
                for pk, title in AgreementClaim.objects.visible()
                .filter(article=self.article)
                .values_list("agreement_id", "agreement__title")
                .distinct()
            }
            self._entities = (list(people), list(self.document_keys))
        return self._entities

    def within(self, year: int | None, month: int | None, day: int | None, days: list | None = None) -> bool:
        """Whether a candidate's date is within REWRITE_DAYS (or the window `days`):
        `_days_around`'s rule, in Python."""
        days = self._days if days is None else days
        if days is None or month is None or day is None:
            return False
        return any((month, day) == (m, d) and (y is None or year is None or year == y) for y, m, d in days)

    def event_kind(self, year: int | None, month: int | None, day: int | None) -> str | None:
        """How a report of the pair dated so compares for the event rule: on the article's day
        (SAME_DAY), within EVENT_DAYS (DATED), one of the two without a day (UNDATED), or farther
        apart (None)."""
        if self._days is None or month is None or day is None:
            return story_events.UNDATED
        if self.within(year, month, day, self._same_day):
            return story_events.SAME_DAY
        return story_events.DATED if self.within(year, month, day, self._event_days) else None

    def sharing(self, ids: set[int]) -> set[int]:
        """Those of `ids` that name one of the article's officials or agreements."""
        unknown = ids - self._sharing.keys()
        if unknown:
            officials, agreements = self.entities()
            found = set()
            if officials:
                found |= set(
                    OfficialClaim.objects.visible()
                    .filter(article_id__in=unknown, official_id__in=officials)
                    .values_list("article_id", flat=True)
                )
            if agreements:
                found |= set(
                    AgreementClaim.objects.visible()
                    .filter(article_id__in=unknown, agreement_id__in=agreements)
                    .values_list("article_id", flat=True)
                )
            self._sharing.update((pk, pk in found) for pk in unknown)
        return {pk for pk in ids if self._sharing[pk]}


class Similarities(dict):
    """Estimated text similarity (MinHash) of other articles to the one being placed, by id: each
    signature read once a placement, in one query for each set of ids asked about."""

    def __init__(self, sig: bytes, pk: int):
        super().__init__({pk: 1.0})
        self.sig = sig

    def read(self, ids: set[int]) -> None:
        missing = set(ids) - self.keys()
        if missing:
            rows = list(
                ArticleSignature.objects.filter(article_id__in=missing).values_list("article_id", "minhash")
            )
            scores = nearduplicates.similarities(self.sig, [bytes(other) for _pk, other in rows])
            self.update(zip([pk for pk, _other in rows], scores, strict=True))


def could_join(
    near: Neighbourhood, ids: set[int], score_of: Similarities, neighbours: Neighbours
) -> set[int]:
    """Of the articles sharing a band with the article (`band_neighbours`), those that could join
    on their own as a copy: at COPY_SIMILARITY, or at REPRINT_SIMILARITY when they speak of the
    article's pair within days or undated (`among`'s "paired"). The others are no route to a story.
    Templated wording shares bands at 0.15–0.7 across events (a generated corpus of 10,000: 160 band
    neighbours an article, 151 of them at 0.15–0.75 and about one paired), and each one's story was
    read and verified member by member at every import. A story reached only through one of them
    could join only through a member qualifying on its own, which the copy, rewrite and event
    routes find themselves; the one member left unfound is a paired report at 0.15+ sharing no band
    (the 1,500-article corpus and every story set came out the same with and without this).

    Which of them speak of the pair within days: the pair's `neighbours` are exactly those when
    neither of their lists was cut at CANDIDATES (no query then); otherwise one query."""
    if not ids:
        return set()
    score_of.read(ids)
    copies = {pk for pk in ids if score_of.get(pk, 0.0) >= COPY_SIMILARITY}
    maybe = {pk for pk in ids - copies if score_of.get(pk, 0.0) >= REPRINT_SIMILARITY}
    if maybe and near.pair is not None:
        copies |= (
            maybe & neighbours.keys() if neighbours.complete else _paired(near, _pair_dates(near, maybe))
        )
    return copies


def band_neighbours(article: Article, sig: bytes) -> set[int]:
    """Articles sharing an LSH band with the article's signature: one indexed query. A band value
    that more than COMMON_BAND other articles share is boilerplate (a ministry's standard
    paragraph, a template), not evidence of a copy: a copy shares many of the 42 bands, so
    leaving out the common ones loses no reprint, while keeping them made every templated report a
    candidate of every other (a generated corpus of 10,000: single band values shared by 879
    articles, and candidate lists of thousands at each import).

    On PostgreSQL each value's rows are read up to COMMON_BAND + 2 (its own row and one past the
    limit) through the (hash, band) index, so a common value costs the same however many articles
    share it; SQLite, which has no LATERAL join, counts each value's rows with a window."""
    values = [value for _band, value in nearduplicates.band_keys(sig)]  # the hash includes the band
    if connection.vendor == "postgresql":
        table = StoryBand._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"""SELECT v.hash, s.article_id FROM unnest(%s::bigint[]) AS v(hash)
                    CROSS JOIN LATERAL (
                        SELECT article_id FROM {table} WHERE hash = v.hash LIMIT %s
                    ) AS s""",
                [values, COMMON_BAND + 2],
            )
            sharing: dict[int, set[int]] = {}
            for value, pk in cursor.fetchall():
                sharing.setdefault(value, set()).add(pk)
        found = set()
        for ids in sharing.values():
            ids.discard(article.pk)
            if len(ids) <= COMMON_BAND:
                found |= ids
        return found
    rows = (
        StoryBand.objects.filter(hash__in=values)
        .exclude(article=article)
        .annotate(sharing=Window(Count("pk"), partition_by=[F("hash")]))
        .filter(sharing__lte=COMMON_BAND)
        .values_list("article_id", flat=True)
    )
    return set(rows)


def same_people(near: Neighbourhood, ids: set[int]) -> tuple[set[int], set[int], set[int]]:
    """Those of `ids` that name mostly the same people and documents as the article: a Jaccard of
    their officials and agreements of at least ENTITY_AGREEMENT, or no test when either names none
    (a trimmed copy may keep no name). Two reports of one event name the same people; two events of
    one pair share the pair's minister and little else, however alike their wording.

    And, second, the looser set of those that name at least half of the smaller side's people and
    documents (ENTITY_AGREEMENT of the lesser of the two), and no other document when both name
    one: a trimmed copy keeps the minister and drops the others («Госдума ратифицировала…» naming
    two against a report naming six), an expanded one adds the deputies who spoke. Only for two
    reports of the same day telling one moment (archive/stories.py): one minister in common is no
    evidence otherwise.

    A person is compared by surname key (`Official.surname_key`, pipeline/name_keys.py): one site's
    «Шойгу» is often another official record than another site's «Сергей Шойгу» (a surname alone is
    not merged into a full name), and a report would otherwise disagree with its own copy. Measured
    on tests/data/stories4: three same-event pairs named one person under two records. A name of
    two surnames goes by either («Родригес Паррилья» / «Паррилья» / «Родригес»: `name_keys.aliases`
    over the full names read, branch `stories13`; tests/data/stories9).

    And third, those whose **protagonists** agree with the article's (`_same_cast`): everyone
    either one names in its headline or lead sentence, the other names too, whoever else their
    added paragraphs and bylines name. Only for two reports of the same day that the event rule
    joins (archive/stories.py)."""
    if not ids:
        return set(), set(), set()
    officials, agreements = near.entities()
    if not officials and not agreements:
        return set(ids), set(ids), set(ids)
    rows = list(
        OfficialClaim.objects.visible()
        .filter(article_id__in=ids)
        .values_list(
            "article_id",
            "official_id",
            "official__surname_key",
            "position",
            "country_id",
            "official__full_name",
        )
    )
    near.aliases = name_keys.aliases([*near.full_names, *(row[-1] for row in rows)])
    mine = {("official", _person_key(pk, near.surname_keys[pk], near.aliases)) for pk in officials}
    mine |= {("agreement", near.document_keys[pk]) for pk in agreements}
    entities: dict[int, set[tuple[str, int | str]]] = {}
    people: dict[int, dict[int, str]] = {}  # article → official → surname key, for `_same_cast`
    for article_id, official_id, key, post, country, _name in rows:
        entities.setdefault(article_id, set()).add(("official", _person_key(official_id, key, near.aliases)))
        if post or country:
            people.setdefault(article_id, {})[official_id] = key
    for article_id, agreement_id, title in (
        AgreementClaim.objects.visible()
        .filter(article_id__in=ids)
        .values_list("article_id", "agreement_id", "agreement__title")
    ):
        entities.setdefault(article_id, set()).add(("agreement", _document_key(agreement_id, title)))
    agree, alike = set(), set()
    documents = {e for e in mine if e[0] == "agreement"}
    for other in ids:
        theirs = entities.get(other, set())
        common = len(mine & theirs)
        if not theirs or common >= ENTITY_AGREEMENT * len(mine | theirs):
            agree.add(other)
            alike.add(other)
            continue
        other_documents = {e for e in theirs if e[0] == "agreement"}
        if documents and other_documents and not documents & other_documents:
            continue
        if common >= ENTITY_AGREEMENT * min(len(mine), len(theirs)):
            alike.add(other)
    cast = agree | _same_cast(near, mine, {pk: entities.get(pk, set()) for pk in ids - agree}, people)
    return agree, alike, cast


def _same_cast(
    near: Neighbourhood,
    mine: set[tuple[str, int | str]],
    theirs: dict[int, set[tuple[str, int | str]]],
    people: dict[int, dict[int, str]],
) -> set[int]:
    """Of `theirs` (article → the people and documents it names), those whose protagonists agree
    with the article's: each names someone in its headline or lead sentence
    (`pipeline/protagonists.py`) with a post or a country (a byline «Дарья Корзина» at the top of
    a page has neither), and everyone either one names there the other names somewhere; two that
    name documents name one in common. A rewrite's added paragraph (the president's arrival the
    same day), a byline or a sidebar adds people; another event of the same day puts another
    counterpart in its lead. Two queries: the article's people with a post or a country, and
    `theirs`' headlines and leads (`people`: their officials with a post or a country)."""
    if not theirs:
        return set()
    officials = (
        OfficialClaim.objects.visible()
        .filter(article=near.article, official_id__in=near.surname_keys)
        .exclude(position="", country=None)
        .values_list("official_id", flat=True)
    )
    keys = {pk: near.surname_keys[pk] for pk in officials}
    cast = _cast(near.article.title, near.article.body, keys, near.aliases)
    documents = {e for e in mine if e[0] == "agreement"}
    rows = Article.objects.filter(pk__in=theirs).values_list(
        "pk", "title", Substr("body", 1, protagonists.LEAD_CHARS)
    )
    found = set()
    for pk, title, body in rows:
        other = theirs[pk]
        other_cast = _cast(title, body, people.get(pk, {}), near.aliases)
        other_documents = {e for e in other if e[0] == "agreement"}
        if documents and other_documents and not documents & other_documents:
            continue
        if cast and other_cast and cast <= other and other_cast <= mine:
            found.add(pk)
    return found


def _cast(title: str, body: str, keys: dict[int, str], aliases: dict[str, str]) -> set[tuple[str, int | str]]:
    """The people a report names in its headline or lead (`protagonists.named`), as `same_people`
    compares them."""
    return {("official", _person_key(pk, keys[pk], aliases)) for pk in protagonists.named(title, body, keys)}


def _document_key(pk: int, title: str) -> int | str:
    """An agreement as `same_people` compares them: a title of DOCUMENT_WORDS words or more by its
    letters and digits alone (`text.normalise`: «партнёрства» and «партнерства»; «2026 – 2030» and
    «2026-2030»), so two records the registry kept apart for one programme still agree; a shorter,
    generic title («соглашение о сотрудничестве») by its record. Measured on tests/data/stories8:
    two reports of one signing named the same programme under two records."""
    words = normalise(title).split()
    return "".join(ch for ch in "".join(words) if ch.isalnum()) if len(words) >= DOCUMENT_WORDS else pk


def _person_key(pk: int, key: str, aliases: dict[str, str]) -> int | str:
    """An official as `same_people` compares them: the surname key — one for the keys a person of
    two surnames goes by (`name_keys.aliases`) — or the record without one."""
    return aliases.get(key, key) or pk


def among(near: Neighbourhood, ids: set[int]) -> tuple[set[int], dict[int, float], dict[int, str]]:
    """Of `ids` (the members a join is verified against), with one query for their dates:
    - those that speak of the article's primary pair and are dated within REWRITE_DAYS of it (or
      undated, as web copies often are); for an article of no pair none (a copy must pass
      COPY_SIMILARITY);
    - those the rewrite rule admits (`rewrite_candidates`' rule, the CANDIDATES most recent of each
      kind), each with the text similarity it needs;
    - those of the pair the event rule may join, with how their dates compare (`event_kind`)."""
    if near.pair is None or not ids:
        return set(), {}, {}
    rows = _pair_dates(near, ids)
    paired = _paired(near, rows)
    if near.days is None:
        dated: list[int] = []
        undated = sorted(paired, reverse=True)
    else:
        dated = sorted((pk for pk, *date in rows if near.within(*date)), reverse=True)
        undated = sorted((pk for pk, _y, _m, day in rows if day is None), reverse=True)
    kinds = {pk: kind for pk, *date in rows if (kind := near.event_kind(*date))}
    dated, undated = dated[:CANDIDATES], undated[:CANDIDATES]
    sharing = near.sharing(set(dated) | set(undated))
    rewrites = {pk: REWRITE_SIMILARITY if pk in dated else UNDATED_SIMILARITY for pk in sharing}
    return paired, rewrites, kinds


def _pair_dates(near: Neighbourhood, ids: set[int]) -> list[tuple[int, int | None, int | None, int | None]]:
    """Those of `ids` that speak of the article's primary pair (as any of their pairs), each with its
    date: one query."""
    return list(
        ArticlePair.objects.visible()
        .filter(article_id__in=ids, country_a=near.pair[0], country_b=near.pair[1])
        .values_list("article_id", "article__date_year", "article__date_month", "article__date_day")
        .distinct()
    )


def _paired(near: Neighbourhood, rows: list) -> set[int]:
    """Of `_pair_dates`' rows, the reports dated within REWRITE_DAYS of the article or without a day
    (all of them when the article has no day)."""
    if near.days is None:
        return {pk for pk, *_date in rows}
    return {pk for pk, *date in rows if near.within(*date) or date[2] is None}


class Neighbours(dict[int, tuple[tuple[int | None, int | None, int | None], bool]]):
    """`pair_neighbours`: article → (its date, whether it came as dated). `complete` when neither
    list was cut at CANDIDATES: then they are every report of the pair `_paired` would admit."""

    complete = True


def pair_neighbours(near: Neighbourhood) -> Neighbours:
    """The reports of the article's primary pair (as their primary pair or another) around it: the
    CANDIDATES most recent dated within REWRITE_DAYS of it, and the CANDIDATES most recent without a
    day (all of them dated or not when the article has no day). Each with its date, and whether it
    came as dated. Two indexed queries; none for an article of no pair."""
    found = Neighbours()
    if near.pair is None:
        return found
    same_pair = (
        ArticlePair.objects.visible()
        .filter(country_a=near.pair[0], country_b=near.pair[1])
        .exclude(article=near.article)
        .order_by("-article_id")
    )
    fields = ("article_id", "article__date_year", "article__date_month", "article__date_day")
    if near.days is not None:
        dated = same_pair.filter(near.days).values_list(*fields)[:CANDIDATES]
        for pk, *date in dated:
            found[pk] = (tuple(date), True)
        found.complete = len(found) < CANDIDATES
        undated = same_pair.filter(article__date_day=None)
    else:
        undated = same_pair
    rows = list(undated.values_list(*fields)[:CANDIDATES])
    for pk, *date in rows:
        found.setdefault(pk, (tuple(date), False))
    found.complete = found.complete and len(rows) < CANDIDATES
    return found


def rewrite_candidates(near: Neighbourhood, neighbours: Neighbours) -> dict[int, float]:
    """Articles that may retell this one, each with the text similarity it needs to join: of the
    pair's neighbours (`pair_neighbours`), those that share an official or an agreement with it.
    Dated within REWRITE_DAYS of each other they need REWRITE_SIMILARITY; when one date is missing
    (a web copy often has none), UNDATED_SIMILARITY. An article that names no official and no
    agreement has none (nothing to read from the archive)."""
    if not neighbours or near.entities() == ([], []):
        return {}
    sharing = near.sharing(set(neighbours))
    return {pk: REWRITE_SIMILARITY if neighbours[pk][1] else UNDATED_SIMILARITY for pk in sharing}


def _window(article: Article, within: int = REWRITE_DAYS) -> list[tuple[int | None, int, int]] | None:
    """The days `_days_around` admits (or those `within` days of the article's), as (year or None
    for any, month, day)."""
    if article.date_month is None or article.date_day is None:
        return None
    year = article.date_year
    center = dt.date(year if year is not None else 2000, article.date_month, article.date_day)
    days = []
    for delta in range(-within, within + 1):
        day = center + dt.timedelta(days=delta)
        days.append((day.year if year is not None else None, day.month, day.day))
    return days


def _days_around(article: Article) -> Q | None:
    """Dates within REWRITE_DAYS, on ArticlePair's article. A copy often drops the year (a dateline
    «20 января»): a date without a year matches by day and month, never two different years."""
    window = _window(article)
    if window is None:
        return None
    days = Q()
    for year, month, day in window:
        when = Q(article__date_month=month, article__date_day=day)
        if year is not None:  # that day's own year (a year's edge moves it), or none given
            when &= Q(article__date_year__isnull=True) | Q(article__date_year=year)
        days |= when
    return days
