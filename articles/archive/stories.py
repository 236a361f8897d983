"""Stories: grouping the copies and rewrites of one report, inside the writer's transaction.

`place()` runs for every new or changed article, after its claims are written. The rule, in order:

1. An editor's judgement first: an article judged "same story" as another joins that one's story;
   a story holding an article judged "not this story" is never joined.
2. Reprints: candidates share at least one LSH band of the body's MinHash (one indexed query on
   StoryBand); a copy joins at an estimated Jaccard of COPY_SIMILARITY, or of REPRINT_SIMILARITY
   when it speaks of the same primary pair within REWRITE_DAYS (or one of them is undated).
3. Heavier rewrites (new lead, trimmed, a paragraph added) keep too few shingles for that. They join
   when they share the primary country pair, an official or an agreement, are dated within
   REWRITE_DAYS of each other, and still share REWRITE_SIMILARITY of their text: the entities say it
   is the same kind of event, the text says it is the same report of it.
   Unless their headlines tell two events (story_events.REWRITE_HEADLINE).
3a. Rewrites from other sources share almost no phrase: they join on what they report, their content
   words weighed against the pair's neighbourhood, within a day (archive/story_events.py).
4. Whatever the rule, the two must name mostly the same people and documents (ENTITY_AGREEMENT of
   the officials and agreements either names): one minister in common is not one event.
5. Otherwise the article is a story of its own.

Each join is verified against the story, not one member: the article must qualify for the story's
lead or for half of its earliest members (VERIFIED), so that A~B, B~C, C~D… never chain a pair's
reports into one story.

Thresholds were tuned on tests/data/stories (tools/evaluate_stories.py): different reports on one
topic share boilerplate («военно-техническое сотрудничество», ministers' titles) at a Jaccard of
0.03–0.12 over 3-word shingles, web copies of one wire report 0.2–0.5 with their page furniture.
Joining two events is worse than missing a reprint, so each threshold sits above what the
different reports reach.
"""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Window
from django.db.models.functions import Coalesce

from articles.archive import pair_months, story_dates, story_events
from articles.models import (
    AgreementClaim,
    Article,
    ArticlePair,
    ArticleSignature,
    OfficialClaim,
    Story,
    StoryBand,
    StoryJudgement,
)
from articles.models.stories import earliest_first
from articles.pipeline import eventwords, nearduplicates

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
# With the same pair and an official or agreement in common, less text is enough: dated within
# REWRITE_DAYS, above the 0.03 that any two reports of one pair share; with a date missing, above
# the 0.07 that different events of one pair with the same leaders reached on the development set.
REWRITE_SIMILARITY = 0.04
UNDATED_SIMILARITY = 0.09
REWRITE_DAYS = 3  # a wire report is reposted and retold within days, not weeks
VERIFIED = 8  # a join is verified against a story's lead or half of this many of its earliest members
CANDIDATES = 50  # the most recent reports of the pair (around that date) compared with
COMMON_BAND = 50  # a band value more articles share than this is boilerplate (_band_neighbours)

Verdict = StoryJudgement.Verdict


def place(article: Article, *, fresh: bool = False) -> Story:
    """Index the article's body and put the article in its story (the caller holds the transaction).

    `fresh`: the article was created in this transaction, so it has no index rows, no story and no
    editor's judgement yet — nothing to read back or delete (the import's common case)."""
    pair_months.lock_stories()
    sig, words = _index(article, fresh)
    same, different = ([], []) if fresh else _judgements(article.pk)
    banned = set(
        Article.objects.filter(pk__in=different).exclude(story=None).values_list("story_id", flat=True)
    )
    story = _judged_story(same, banned)
    merged: list[int] = []
    if story is None and sig is not None:
        story, merged = _similar_stories(article, sig, words, banned)
    previous = article.story_id
    if story is None and fresh:
        return _alone(article)
    if story is None:
        alone = (
            previous is not None
            and not Article.objects.filter(story_id=previous).exclude(pk=article.pk).exists()
        )
        if alone and previous not in banned:
            story = article.story
        else:
            story = Story.objects.create(size=1)  # this article alone
    if story.pk != previous:
        article.story = story
        Article.objects.filter(pk=article.pk).update(story=story)
    recount(story.pk, previous, *merged, articles=[article.pk])
    return story


def _alone(article: Article) -> Story:
    """A story of one for an article created in this transaction that joins none (the import's
    common case): `recount`'s work, knowing what it would read back — the story is new, so nothing
    is stored for it or for the article (never counted alone: placement follows its pairs in the
    same transaction), its size is 1, its lead the article, no date to lend."""
    story = Story.objects.create(size=1, lead=article)
    article.story = story
    Article.objects.filter(pk=article.pk).update(story=story)
    pair_months.story_created(story.pk)
    return story


def _index(article: Article, fresh: bool = False) -> tuple[bytes | None, frozenset[str]]:
    """Store the article's MinHash, band keys and content words; return the first and the last."""
    sig = nearduplicates.signature(article.body)
    if not fresh:
        StoryBand.objects.filter(article=article).delete()
    if sig is None:
        if not fresh:
            ArticleSignature.objects.filter(article=article).delete()
        return None, frozenset()
    words = eventwords.content_words(f"{article.title}\n{article.body}")
    stored = {"minhash": sig, "words": eventwords.encode(words)}
    if fresh:
        ArticleSignature.objects.create(article=article, **stored)
    else:
        ArticleSignature.objects.update_or_create(article=article, defaults=stored)
    StoryBand.objects.bulk_create(
        StoryBand(article=article, band=band, hash=value) for band, value in nearduplicates.band_keys(sig)
    )
    return sig, words


def _judgements(pk: int) -> tuple[list[int], list[int]]:
    same, different = [], []
    rows = StoryJudgement.objects.filter(Q(article_id=pk) | Q(other_id=pk)).values_list(
        "article_id", "other_id", "verdict"
    )
    for a, b, verdict in rows:
        (same if verdict == Verdict.SAME else different).append(b if a == pk else a)
    return same, different


def _judged_story(same: list[int], banned: set[int]) -> Story | None:
    judged = Article.objects.filter(pk__in=same).exclude(story=None).exclude(story__in=banned)
    first = judged.select_related("story").order_by("id").first()
    return first.story if first is not None else None


class _Neighbourhood:
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
        self._entities: tuple[list[int], list[int]] | None = None
        self.surname_keys: dict[int, str] = {}  # official → surname key, read with `entities`
        self._sharing: dict[int, bool] = {}

    def entities(self) -> tuple[list[int], list[int]]:
        """The officials and agreements the article names (ids)."""
        if self._entities is None:
            people = dict(
                OfficialClaim.objects.visible()
                .filter(article=self.article)
                .values_list("official_id", "official__surname_key")
                .distinct()
            )
            self.surname_keys = people
            self._entities = (
                list(people),
                list(
                    AgreementClaim.objects.visible()
                    .filter(article=self.article)
                    .values_list("agreement_id", flat=True)
                    .distinct()
                ),
            )
        return self._entities

    def within(self, year: int | None, month: int | None, day: int | None, days: list | None = None) -> bool:
        """Whether a candidate's date is within REWRITE_DAYS (or the window `days`):
        `_days_around`'s rule, in Python."""
        days = self._days if days is None else days
        if days is None or month is None or day is None:
            return False
        return any((month, day) == (m, d) and (y is None or year is None or year == y) for y, m, d in days)

    def event_kind(self, year: int | None, month: int | None, day: int | None) -> str | None:
        """How a report of the pair dated so compares for the event rule: within EVENT_DAYS
        (DATED), one of the two without a day (UNDATED), or farther apart (None)."""
        if self._days is None or month is None or day is None:
            return story_events.UNDATED
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


def _similar_stories(
    article: Article, sig: bytes, words: frozenset[str], banned: set[int]
) -> tuple[Story | None, list[int]]:
    """The story the article qualifies for as a whole, the most similar first. Candidates come
    from any member (a shared LSH band, or the rewrite rule's pair, people and dates), but a join
    is verified against the story: the article must qualify for its lead or for at least half of
    its earliest VERIFIED members. Judged member by member, A~B, B~C, C~D… chained one pair's
    reports into one story (a generated corpus of 1,500 articles came out as one story of 1,499).
    Other stories the article reprints the same way (the text rule alone) are merged into it: the
    article bridges them, and had it come first they would all have joined it. Stories an editor
    keeps apart are never merged. Returns the story and the stories merged into it (left empty,
    for the caller to recount)."""
    near = _Neighbourhood(article)
    score_of = _Similarities(sig, article.pk)
    reprints = _could_join(near, _band_neighbours(article, sig), score_of)
    neighbours = _pair_neighbours(near)
    events = story_events.Events(article, words, set(neighbours)) if near.pair is not None else None
    close = {pk: kind for pk, (date, _dated) in neighbours.items() if (kind := near.event_kind(*date))}
    eventful = events.same_event(close) if events is not None else set()
    candidates = reprints | _rewrite_candidates(near, neighbours).keys() | eventful
    if not candidates:
        return None, []
    stories = (
        set(Article.objects.filter(pk__in=candidates).exclude(story=None).values_list("story_id", flat=True))
        - banned
    )
    members = _verified_members(stories)
    compared = {pk for story in members.values() for pk in story} - {article.pk}
    paired, rewrites, kinds = _among(near, compared)
    if events is not None:
        eventful = events.same_event(kinds)
        for pk in events.told_otherwise(set(rewrites)):
            del rewrites[pk]
    score_of.read(compared)
    agree = _same_people(near, compared)
    scores: dict[int, float] = {}
    reprinted: set[int] = set()
    for story_id, ids in members.items():
        copied = [
            pk
            for pk in ids
            if pk in agree
            and (
                score_of.get(pk, 0.0) >= COPY_SIMILARITY
                or (pk in paired and score_of.get(pk, 0.0) >= REPRINT_SIMILARITY)
            )
        ]
        qualified = copied + [
            pk
            for pk in ids
            if pk not in copied
            and pk in agree
            and ((pk in rewrites and score_of.get(pk, 0.0) >= rewrites[pk]) or pk in eventful)
        ]
        if ids[0] in qualified or 2 * len(qualified) >= len(ids):
            scores[story_id] = max(score_of.get(pk, 0.0) for pk in qualified)
            if ids[0] in copied or 2 * len(copied) >= len(ids):
                reprinted.add(story_id)
    if not scores:
        return None, []
    ranked = sorted(scores, key=lambda story_id: (-scores[story_id], story_id))
    target = Story.objects.get(pk=ranked[0])
    merged = [
        story_id for story_id in ranked[1:] if story_id in reprinted and not _kept_apart(target.pk, story_id)
    ]
    if merged:
        Article.objects.filter(story_id__in=merged).update(story=target)
    return target, merged  # place() recounts them


class _Similarities(dict):
    """Estimated text similarity (MinHash) of other articles to the one being placed, by id: each
    signature read once a placement, in one query for each set of ids asked about."""

    def __init__(self, sig: bytes, pk: int):
        super().__init__({pk: 1.0})
        self.sig = sig

    def read(self, ids: set[int]) -> None:
        missing = set(ids) - self.keys()
        if missing:
            for pk, other in ArticleSignature.objects.filter(article_id__in=missing).values_list(
                "article_id", "minhash"
            ):
                self[pk] = nearduplicates.similarity(self.sig, bytes(other))


def _could_join(near: _Neighbourhood, ids: set[int], score_of: _Similarities) -> set[int]:
    """Of the articles sharing a band with the article (`_band_neighbours`), those that could join
    on their own as a copy: at COPY_SIMILARITY, or at REPRINT_SIMILARITY when they speak of the
    article's pair within days or undated (`_among`'s "paired"). The others are no route to a story.
    Templated wording shares bands at 0.15–0.7 across events (a generated corpus of 10,000: 160 band
    neighbours an article, 151 of them at 0.15–0.75 and about one paired), and each one's story was
    read and verified member by member at every import. A story reached only through one of them
    could join only through a member qualifying on its own, which the copy, rewrite and event
    routes find themselves; the one member left unfound is a paired report at 0.15+ sharing no band
    (the 1,500-article corpus and every story set came out the same with and without this)."""
    if not ids:
        return set()
    score_of.read(ids)
    copies = {pk for pk in ids if score_of.get(pk, 0.0) >= COPY_SIMILARITY}
    maybe = {pk for pk in ids - copies if score_of.get(pk, 0.0) >= REPRINT_SIMILARITY}
    if maybe and near.pair is not None:
        copies |= _paired(near, _pair_dates(near, maybe))
    return copies


def _band_neighbours(article: Article, sig: bytes) -> set[int]:
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


def _same_people(near: _Neighbourhood, ids: set[int]) -> set[int]:
    """Those of `ids` that name mostly the same people and documents as the article: a Jaccard of
    their officials and agreements of at least ENTITY_AGREEMENT, or no test when either names none
    (a trimmed copy may keep no name). Two reports of one event name the same people; two events of
    one pair share the pair's minister and little else, however alike their wording.

    A person is compared by surname key (`Official.surname_key`, pipeline/name_keys.py): one site's
    «Шойгу» is often another official record than another site's «Сергей Шойгу» (a surname alone is
    not merged into a full name), and a report would otherwise disagree with its own copy. Measured
    on tests/data/stories4: three same-event pairs named one person under two records."""
    if not ids:
        return set()
    officials, agreements = near.entities()
    mine = {("official", _person_key(pk, near.surname_keys[pk])) for pk in officials}
    mine |= {("agreement", pk) for pk in agreements}
    if not mine:
        return set(ids)
    entities: dict[int, set[tuple[str, int | str]]] = {}
    for article_id, official_id, key in (
        OfficialClaim.objects.visible()
        .filter(article_id__in=ids)
        .values_list("article_id", "official_id", "official__surname_key")
    ):
        entities.setdefault(article_id, set()).add(("official", _person_key(official_id, key)))
    for article_id, agreement_id in (
        AgreementClaim.objects.visible().filter(article_id__in=ids).values_list("article_id", "agreement_id")
    ):
        entities.setdefault(article_id, set()).add(("agreement", agreement_id))
    agree = set()
    for other in ids:
        theirs = entities.get(other, set())
        if not theirs or len(mine & theirs) >= ENTITY_AGREEMENT * len(mine | theirs):
            agree.add(other)
    return agree


def _person_key(pk: int, key: str) -> int | str:
    """An official as `_same_people` compares them: the surname key, or the record without one."""
    return key or pk


def _among(near: _Neighbourhood, ids: set[int]) -> tuple[set[int], dict[int, float], dict[int, str]]:
    """Of `ids` (the members a join is verified against), with one query for their dates:
    - those that speak of the article's primary pair and are dated within REWRITE_DAYS of it (or
      undated, as web copies often are); for an article of no pair none (a copy must pass
      COPY_SIMILARITY);
    - those the rewrite rule admits (`_rewrite_candidates`' rule, the CANDIDATES most recent of each
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


def _pair_dates(near: _Neighbourhood, ids: set[int]) -> list[tuple[int, int | None, int | None, int | None]]:
    """Those of `ids` that speak of the article's primary pair (as any of their pairs), each with its
    date: one query."""
    return list(
        ArticlePair.objects.visible()
        .filter(article_id__in=ids, country_a=near.pair[0], country_b=near.pair[1])
        .values_list("article_id", "article__date_year", "article__date_month", "article__date_day")
        .distinct()
    )


def _paired(near: _Neighbourhood, rows: list) -> set[int]:
    """Of `_pair_dates`' rows, the reports dated within REWRITE_DAYS of the article or without a day
    (all of them when the article has no day)."""
    if near.days is None:
        return {pk for pk, *_date in rows}
    return {pk for pk, *date in rows if near.within(*date) or date[2] is None}


def _verified_members(story_ids: set[int]) -> dict[int, list[int]]:
    """Each story's lead and earliest members, at most VERIFIED, the lead first: what a join is
    verified against. A bounded number a story, so a large story costs no more at each import."""
    members: dict[int, list[int]] = {}
    sizes = dict(Story.objects.filter(pk__in=story_ids).values_list("pk", "size"))
    small = [pk for pk in story_ids if sizes.get(pk, 0) <= VERIFIED]
    rows = Article.objects.filter(story_id__in=small).order_by("story_id", *earliest_first())
    for story_id, pk in rows.values_list("story_id", "pk"):
        members.setdefault(story_id, []).append(pk)
    for story_id in sorted(set(story_ids) - set(small)):
        first = Article.objects.filter(story_id=story_id).order_by(*earliest_first())
        members[story_id] = list(first.values_list("pk", flat=True)[:VERIFIED])
    return {story_id: ids for story_id, ids in members.items() if ids}


def _kept_apart(a: int, b: int) -> bool:
    """Whether an editor judged an article of story a "not this story" with one of story b."""
    in_a = Article.objects.filter(story_id=a).values("pk")
    in_b = Article.objects.filter(story_id=b).values("pk")
    return StoryJudgement.objects.filter(
        Q(article__in=in_a, other__in=in_b) | Q(article__in=in_b, other__in=in_a),
        verdict=Verdict.DIFFERENT,
    ).exists()


Neighbours = dict[int, tuple[tuple[int | None, int | None, int | None], bool]]


def _pair_neighbours(near: _Neighbourhood) -> Neighbours:
    """The reports of the article's primary pair (as their primary pair or another) around it: the
    CANDIDATES most recent dated within REWRITE_DAYS of it, and the CANDIDATES most recent without a
    day (all of them dated or not when the article has no day). Each with its date, and whether it
    came as dated. Two indexed queries; none for an article of no pair."""
    if near.pair is None:
        return {}
    same_pair = (
        ArticlePair.objects.visible()
        .filter(country_a=near.pair[0], country_b=near.pair[1])
        .exclude(article=near.article)
        .order_by("-article_id")
    )
    fields = ("article_id", "article__date_year", "article__date_month", "article__date_day")
    found: Neighbours = {}
    if near.days is not None:
        for pk, *date in same_pair.filter(near.days).values_list(*fields)[:CANDIDATES]:
            found[pk] = (tuple(date), True)
        undated = same_pair.filter(article__date_day=None)
    else:
        undated = same_pair
    for pk, *date in undated.values_list(*fields)[:CANDIDATES]:
        found.setdefault(pk, (tuple(date), False))
    return found


def _rewrite_candidates(near: _Neighbourhood, neighbours: Neighbours) -> dict[int, float]:
    """Articles that may retell this one, each with the text similarity it needs to join: of the
    pair's neighbours (`_pair_neighbours`), those that share an official or an agreement with it.
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


def recount(*story_ids: int | None, articles: list[int] | tuple = ()) -> None:
    """After articles joined or left these stories: their sizes, what they count in the pair ×
    month table (`articles`: the articles that moved, which may have been stories of their own),
    and the stories left empty deleted."""
    ids = {pk for pk in story_ids if pk is not None}
    if not ids:
        return
    members = Article.objects.filter(story=OuterRef("pk")).order_by().values("story")
    Story.objects.filter(pk__in=ids).update(
        size=Coalesce(
            Subquery(members.annotate(n=Count("pk")).values("n")[:1], output_field=IntegerField()), 0
        )
    )
    story_dates.lend_dates(ids)  # before the counts: a lent year moves the article and may change the lead
    pair_months.refresh(ids, articles)
    Story.objects.filter(pk__in=ids, size=0).delete()
