"""Stories: grouping the copies and rewrites of one report, inside the writer's transaction.

`place()` runs for every new or changed article, after its claims are written. The rule, in order:

1. An editor's judgement first: an article judged "same story" as another joins that one's story;
   a story holding an article judged "not this story" is never joined.
2. Reprints: candidates share at least one LSH band of the body's MinHash (one indexed query on
   StoryBand); a copy joins at an estimated Jaccard of COPY_SIMILARITY, or of REPRINT_SIMILARITY
   when it speaks of the same primary pair within REWRITE_DAYS (or one of them is undated), unless
   their headlines and leads tell two moments (story_events.Events.stage_apart: a preview and the event).
3. Heavier rewrites (new lead, trimmed, a paragraph added) keep too few shingles for that. They join
   when they share the primary country pair, an official or an agreement, are dated within
   REWRITE_DAYS of each other, and still share REWRITE_SIMILARITY of their text: the entities say it
   is the same kind of event, the text says it is the same report of it.
   Unless their headlines tell two events (story_events.REWRITE_HEADLINE) and their leads do not
   retell each other (story_events.REWRITE_LEAD: a headline of the site's own says nothing then).
3a. Rewrites from other sources share almost no phrase: they join on what they report, their content
   words weighed against the pair's neighbourhood, within a day (archive/story_events.py).
4. Whatever the rule, the two must name mostly the same people and documents (ENTITY_AGREEMENT of
   the officials and agreements either names): one minister in common is not one event. Except two
   reports of the same day that rule 3a joins and whose verbs tell one moment: then half of the
   smaller side's people and documents is enough (a trimmed copy, an expanded rewrite), unless
   they name different documents (story_candidates.same_people). And two reports of the same day
   that rule 3a joins whose protagonists agree — everyone either one names with a post or a country
   in its headline or lead, the other names too — whoever their other paragraphs name
   (story_candidates._same_cast, pipeline/protagonists.py).
5. Below a copy, two reports whose headlines and leads name different designations or quoted
   names and none in common («Т-90С» / «Су-35») are two events (story_events.Events.named_apart).
6. Otherwise the article is a story of its own.

Each join is verified against the story, not one member: the article must qualify for the story's
lead or for half of its earliest members (VERIFIED), so that A~B, B~C, C~D… never chain a pair's
reports into one story.

The candidates and each rule's thresholds, with how they were tuned: archive/story_candidates.py.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from articles.archive import pair_months, story_dates, story_events
from articles.archive.story_candidates import (
    COPY_SIMILARITY,
    REPRINT_SIMILARITY,
    REWRITE_DAYS,
    Neighbourhood,
    Similarities,
    among,
    band_neighbours,
    could_join,
    pair_neighbours,
    rewrite_candidates,
    same_people,
)
from articles.models import (
    Article,
    ArticleSignature,
    Story,
    StoryBand,
    StoryJudgement,
)
from articles.models.stories import earliest_first
from articles.pipeline import eventwords, nearduplicates
from articles.pipeline.story_text import EventText, StoryText, story_text

VERIFIED = 8  # a join is verified against a story's lead or half of this many of its earliest members

Verdict = StoryJudgement.Verdict


def place(article: Article, *, fresh: bool = False, text: StoryText | None = None) -> Story:
    """Index the article's body and put the article in its story (the caller holds the transaction).

    `fresh`: the article was created in this transaction, so it has no index rows, no story and no
    editor's judgement yet — nothing to read back or delete (the import's common case). `text`: what
    the stories read of its title and body, when an import's worker computed it already (used only
    if it is of the article's title and body); otherwise computed here, before the stories' lock."""
    if text is None or not text.of(article.title, article.body):
        text = story_text(article.title, article.body)
    pair_months.lock_stories()
    sig, words, text = _index(article, text, fresh)
    same, different = ([], []) if fresh else _judgements(article.pk)
    banned = (
        set(Article.objects.filter(pk__in=different).exclude(story=None).values_list("story_id", flat=True))
        if different
        else set()
    )
    story = _judged_story(same, banned) if same else None
    merged: list[int] = []
    if story is None and sig is not None:
        story, merged = _similar_stories(article, sig, words, text, banned)
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
    pair_months.story_created(story.pk, article)
    return story


def _index(
    article: Article, read: StoryText, fresh: bool = False
) -> tuple[bytes | None, frozenset[str], EventText | None]:
    """Store the article's MinHash, band keys, content words and event text; return all but the bands."""
    sig, words, text = read.signature, read.words, read.event
    if not fresh:
        StoryBand.objects.filter(article=article).delete()
    if sig is None or text is None:
        if not fresh:
            ArticleSignature.objects.filter(article=article).delete()
        return None, frozenset(), None
    stored = {"minhash": sig, "words": eventwords.encode(words), "event_text": text.encode()}
    if fresh:
        ArticleSignature.objects.create(article=article, **stored)
    else:
        ArticleSignature.objects.update_or_create(article=article, defaults=stored)
    StoryBand.objects.bulk_create(
        StoryBand(article=article, band=band, hash=value) for band, value in nearduplicates.band_keys(sig)
    )
    return sig, words, text


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


def _similar_stories(
    article: Article, sig: bytes, words: frozenset[str], text: EventText, banned: set[int]
) -> tuple[Story | None, list[int]]:
    """The story the article qualifies for as a whole, the most similar first. Candidates come
    from any member (a shared LSH band, or the rewrite rule's pair, people and dates), but a join
    is verified against the story: the article must qualify for its lead or for at least half of
    its earliest VERIFIED members. Judged member by member, A~B, B~C, C~D… chained one pair's
    reports into one story (a generated corpus of 1,500 articles came out as one story of 1,499).
    Other stories the article qualifies for the same way, by whatever rule, are merged into it: the
    article bridges them, and had it come first they would all have joined it — unless their leads'
    dates contradict (`_dated_with`). Until branch
    `storyrec7` only the stories it reprinted (the text rule) were: a site's copy joined the agency's
    report and left the other site's rewrite of it, which the event rule had found, a story apart
    (tests/data/stories8: a page that kept no headline, its copy with one, an undated rewrite). Stories
    an editor keeps apart are never merged. Returns the story and the stories merged into it (left empty,
    for the caller to recount)."""
    near = Neighbourhood(article)
    score_of = Similarities(sig, article.pk)
    neighbours = pair_neighbours(near)
    reprints = could_join(near, band_neighbours(article, sig), score_of, neighbours)
    events = story_events.Events(article, words, text, set(neighbours)) if near.pair is not None else None
    close = {pk: kind for pk, (date, _dated) in neighbours.items() if (kind := near.event_kind(*date))}
    eventful = events.same_event(close) if events is not None else set()
    candidates = reprints | rewrite_candidates(near, neighbours).keys() | eventful
    if not candidates:
        return None, []
    stories = (
        set(Article.objects.filter(pk__in=candidates).exclude(story=None).values_list("story_id", flat=True))
        - banned
    )
    members = _verified_members(stories)
    compared = {pk for story in members.values() for pk in story} - {article.pk}
    paired, rewrites, kinds = among(near, compared)
    if events is not None:
        eventful = events.same_event(kinds)
        paired -= events.stage_apart(paired)  # a reprint of the background only: another moment
        named = events.named_apart(compared)  # another delivery, exercise, order: another event
        paired -= named
        eventful -= named
        for pk in events.told_otherwise(set(rewrites)) | (named & rewrites.keys()):
            del rewrites[pk]
    score_of.read(compared)
    agree, alike, cast = same_people(near, compared)
    # the same day, one moment in the verbs, the words of one event: a trimmed or expanded copy
    # may name fewer or more people than the report it retells (same_people's looser set); the same
    # day and the words of one event, the same protagonists in headline and lead: an added
    # paragraph or a byline names others (same_people's third set)
    moment = set()
    if events is not None:
        same_day = {pk for pk, kind in kinds.items() if kind == story_events.SAME_DAY}
        moment = events.same_moment(eventful & same_day & alike) | (eventful & same_day & cast)
        moment |= events.retold(eventful & alike, kinds)
    scores: dict[int, float] = {}
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
            and (
                (
                    pk in agree
                    and ((pk in rewrites and score_of.get(pk, 0.0) >= rewrites[pk]) or pk in eventful)
                )
                or pk in moment
            )
        ]
        if ids[0] in qualified or 2 * len(qualified) >= len(ids):
            scores[story_id] = max(score_of.get(pk, 0.0) for pk in qualified)
    if not scores:
        return None, []
    ranked = sorted(scores, key=lambda story_id: (-scores[story_id], story_id))
    target = Story.objects.get(pk=ranked[0])
    merged = [story_id for story_id in ranked[1:] if not _kept_apart(target.pk, story_id)]
    if merged:
        merged = _dated_with(target.pk, merged, members)
    if merged:
        Article.objects.filter(story_id__in=merged).update(story=target)
    return target, merged  # place() recounts them


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


def _dated_with(target: int, others: list[int], members: dict[int, list[int]]) -> list[int]:
    """Of `others`, the stories whose lead's date does not contradict the target's: an article that
    gives a day and month without a year matches reports of that day in any year, and would
    otherwise bridge a report of 2015 and another of 2021 into one story. Apart: both leads of a
    full date more than MERGE_DAYS apart, or of years more than one apart."""
    leads = {story_id: members[story_id][0] for story_id in (target, *others)}
    rows = Article.objects.filter(pk__in=leads.values()).values_list(
        "pk", "date_year", "date_month", "date_day"
    )
    dates = {pk: date for pk, *date in rows}
    mine = dates.get(leads[target])
    return [story_id for story_id in others if not _dates_apart(mine, dates.get(leads[story_id]))]


MERGE_DAYS = 2 * REWRITE_DAYS  # two stories' leads an article bridges: each within REWRITE_DAYS of it


def _dates_apart(a: tuple | None, b: tuple | None) -> bool:
    if a is None or b is None or a[0] is None or b[0] is None:
        return False
    if None not in a and None not in b:
        return abs((dt.date(*a) - dt.date(*b)).days) > MERGE_DAYS
    return abs(a[0] - b[0]) > 1


def _kept_apart(a: int, b: int) -> bool:
    """Whether an editor judged an article of story a "not this story" with one of story b."""
    in_a = Article.objects.filter(story_id=a).values("pk")
    in_b = Article.objects.filter(story_id=b).values("pk")
    return StoryJudgement.objects.filter(
        Q(article__in=in_a, other__in=in_b) | Q(article__in=in_b, other__in=in_a),
        verdict=Verdict.DIFFERENT,
    ).exists()


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
