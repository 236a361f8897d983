"""The event rule of stories: rewrites of one event by different sites, which share too little text
for the reprint and rewrite rules (archive/stories.py), join on what they report.

Two reports of the article's primary pair join when they name mostly the same people and documents
(story_candidates.ENTITY_AGREEMENT, as every rule) and their content words (pipeline/eventwords.py),
weighted against the pair's neighbourhood, say the same event:
- dated within EVENT_DAYS of each other: an overlap of at least DATED_OVERLAP and a headline cover
  of at least DATED_HEADLINE;
- one of them without a day (web copies often drop the dateline): at least UNDATED_OVERLAP and
  UNDATED_HEADLINE, since nothing then tells the same day's report from another week's.
Two dated more than EVENT_DAYS apart are never one event by this rule.
Two reports dated within EVENT_DAYS whose headlines fail the cover may pass on their lead
sentences' cover instead (`eventwords.lead_words`), with an overlap of LEAD_OVERLAP: a web page's
headline is often its furniture («Поиск», «Газета», «Текст: …») or the site's own wording, its lead
the agency's. Leads share the posts and the ministry's phrases across one visit's events, so more
of the words must agree: measured on stories–stories4 (whole-set pools), different-event pairs
within a day with a lead cover of 0.2 or more reach an overlap of 0.14, the same-event pairs that
only the leads join (stories4's exercise and order) 0.23–0.38. Never for a report without a day:
two stages of one document (submitted, ratified) have leads naming it in the same words and
differing in the verb, which content words leave out (stories2 joined such a pair).

The verbs are read apart (`pipeline/eventstage.py`): two reports whose headline and lead tell
different moments («внесли» / «ратифицировала», «прибыли» / «завершились», a preview's future
against a report) are never one event by this rule, nor by the rewrite rule (`told_otherwise`).
Two that tell one stage of a document, in whatever synonym («ратифицировала» / «утвердили»), may
join with an overlap of STAGE_OVERLAP when one has no day, or on their leads' cover: the verb was
what made those pairs unsafe. Measured on stories2 (the India agreement and the Khmeimim
agreement, each submitted and ratified weeks apart, mostly undated copies): no different-stage pair
passes, and the same-stage undated rewrites that pass have 0.10–0.16 of their words in common.

The pool that weighs the words is the article and its pair's neighbourhood: the reports of the
pair dated within story_candidates.REWRITE_DAYS and the most recent undated ones (the rewrite rule's
candidates, read anyway), so a word all of them use weighs nothing.

Tuned on tests/data/stories, stories2 and stories3 (tools/evaluate_stories.py). Measured there on
every pair of reports of one primary pair, each pool as an import in file order sees it:
- dated within a day: different events reach a headline cover of 0.18 (two reports naming other
  people), same-event pairs 0.24–1.0, with an overlap of 0.05 and more;
- without a day: different events reach a headline cover of 1.0 (a short headline: «Госдума
  ратифицировала договор…» for a submission and a ratification of one document) and, with a cover
  of 0.25 or more, an overlap of 0.19 (0.13 with the same people); same-event pairs above both
  thresholds have an overlap of 0.23–0.54.
So each threshold stands above every different-event pair of the three sets even before the
people are compared. REWRITE_HEADLINE vetoes the rewrite rule where the headlines tell two
events: two meetings of one visit sharing one ministry's phrases (a shingle Jaccard of 0.047, the
people the same) passed that rule; the three sets score the same with and without the veto.
"""

from __future__ import annotations

from django.db.models.functions import Substr

from articles.models import Article, ArticleSignature
from articles.pipeline import eventmarks, eventstage, eventwords
from articles.pipeline.story_text import EventText, event_text

EVENT_DAYS = 1  # a rewrite from another source comes the same day or the next morning
DATED_OVERLAP = 0.04
DATED_HEADLINE = 0.22
UNDATED_OVERLAP = 0.2
UNDATED_HEADLINE = 0.25
LEAD_OVERLAP = 0.2  # dated within a day, joined by their leads rather than their headlines
STAGE_OVERLAP = 0.1  # both telling one stage of a document in their verbs, one without a day or by leads
REWRITE_HEADLINE = 0.12  # below it, the rewrite rule's few shared phrases do not make one event
# ... unless their lead sentences retell each other at REWRITE_LEAD: the headline is then the site's
# own (a quote, the page's address, «Поиск»), not another event (`told_otherwise`).
REWRITE_LEAD = 0.4
# Dated within a day and telling one moment in their verbs (`eventstage.same_moment`: «начались» /
# «стартовали»), a rewrite with a headline and lead of its own joins on less: either cover at
# MOMENT_COVER and an overlap of MOMENT_OVERLAP (`told_alike`).
MOMENT_COVER = 0.15
MOMENT_OVERLAP = 0.08
# One of them without a day: when the headline cover and the lead cover both reach BOTH_COVERS (the
# headline and the lead each retell the other's event), an overlap of BOTH_OVERLAP is enough.
BOTH_COVERS = 0.4
BOTH_OVERLAP = 0.15

# One of them without a day, naming only half the other's people (`Events.retold`): the headline and
# the lead each retell the other's at RETOLD_COVER, with an overlap of RETOLD_OVERLAP.
RETOLD_COVER = 0.5
RETOLD_OVERLAP = 0.2

# A headline of fewer content words than this (its people and places left out) covers any report of
# the pair's meetings: its cover is no evidence, and the leads are read instead.
HEADLINE_WORDS = 2

# Dated a day apart (DATED, not SAME_DAY), more of the words must agree: the next day's news of a pair
# is often the sequel of the day's (a leader's verdict on yesterday's talks, which it retells), while a
# rewrite from another source the next morning keeps the report's words.
NEXT_DAY_OVERLAP = 0.1

# How two reports' dates compare, when the rule may apply: within EVENT_DAYS (DATED, or SAME_DAY
# when the very day), or one of them without a day (UNDATED)
DATED, SAME_DAY, UNDATED = "dated", "same day", "undated"


class Events:
    """The event rule for one article being placed: its words, its headline's, and the pool of its
    pair's neighbourhood; other articles' words and headlines are read once, on demand."""

    def __init__(self, article: Article, words: frozenset[str], text: EventText, neighbours: set[int]):
        self.words = words
        self.headline, self.lead, self.stage, self.marks = text
        self._bags: dict[int, frozenset[str]] = {}
        self._headlines: dict[int, frozenset[str]] = {}
        self._leads: dict[int, frozenset[str]] = {}
        self._stages: dict[int, frozenset[str]] = {}
        self._marks: dict[int, frozenset[str]] = {}
        self._read(neighbours - {article.pk})
        self.pool = eventwords.Pool([words, *self._bags.values()])

    def _read(self, ids: set[int]) -> None:
        unknown = ids - self._bags.keys()
        if not unknown:
            return
        self._bags.update((pk, frozenset()) for pk in unknown)
        rows = ArticleSignature.objects.filter(article_id__in=unknown).values_list(
            "article_id", "words", "event_text"
        )
        kept = set()
        for pk, stored, event_text_stored in rows:
            self._bags[pk] = eventwords.decode(stored)
            if (text := EventText.decode(event_text_stored)) is not None:
                self._remember(pk, text)
                kept.add(pk)
        # Without a signature, or indexed before the event text was kept: read from the article.
        rows = Article.objects.filter(pk__in=unknown - kept).values_list(
            "pk", "title", Substr("body", 1, eventwords.LEAD_CHARS)
        )
        for pk, title, body in rows:
            self._remember(pk, event_text(title, body))

    def _remember(self, pk: int, text: EventText) -> None:
        self._headlines[pk], self._leads[pk], self._stages[pk], self._marks[pk] = text

    def _cover(self, pk: int, leads: bool = False, evidence: bool = True) -> float | None:
        """The headline cover of the article and `pk` (read), or with `leads` their lead
        sentences' (`eventwords.lead_words`). None when either has no such words or no words, and,
        as `evidence` of one event, when a headline has fewer than HEADLINE_WORDS (a low cover is
        still evidence of two)."""
        bag = self._bags.get(pk)
        mine, theirs = (self.lead, self._leads.get(pk)) if leads else (self.headline, self._headlines.get(pk))
        if not bag or not self.words or not mine or not theirs:
            return None
        if evidence and not leads and min(len(mine), len(theirs)) < HEADLINE_WORDS:
            return None  # «Путин и Алиев начали переговоры в Душанбе»: «переговоры» alone, any meeting's word
        return eventwords.headline_cover(mine, self.words, theirs, bag, self.pool)

    def same_event(self, kinds: dict[int, str]) -> set[int]:
        """Those of `kinds` (article → DATED, SAME_DAY or UNDATED) that report the article's event by their
        words (the people are checked by the caller)."""
        self._read(set(kinds))
        found = set()
        for pk, kind in kinds.items():
            theirs = self._stages.get(pk, frozenset())
            if eventstage.apart(self.stage, theirs):
                continue
            dated = kind != UNDATED
            overlap = eventwords.overlap(self.words, self._bags[pk], self.pool)
            if self.told_alike(pk, dated, overlap):
                found.add(pk)
                continue
            same_stage = bool(eventstage.same_document_stage(self.stage, theirs))
            need_overlap, need_headline = (
                (DATED_OVERLAP, DATED_HEADLINE) if dated else (UNDATED_OVERLAP, UNDATED_HEADLINE)
            )
            if not dated and same_stage:
                need_overlap = STAGE_OVERLAP
            if kind == DATED:
                need_overlap = max(need_overlap, NEXT_DAY_OVERLAP)
            cover = self._cover(pk)
            if cover is None or cover < need_headline:
                if (not dated and not same_stage) or (self._cover(pk, leads=True) or 0.0) < need_headline:
                    continue
                need_overlap = STAGE_OVERLAP if same_stage else LEAD_OVERLAP
            if overlap >= need_overlap:
                found.add(pk)
        return found

    def told_alike(self, pk: int, dated: bool, overlap: float) -> bool:
        """Whether `pk` (read, not told apart by its verbs) retells the article's event in words of
        its own, on the evidence of its headline and lead together:
        - dated within EVENT_DAYS, both telling one moment in their verbs (`eventstage.same_moment`),
          with the headline or the lead cover at MOMENT_COVER and an overlap of MOMENT_OVERLAP;
        - one of them without a day, both the headline cover and the lead cover at BOTH_COVERS and an
          overlap of BOTH_OVERLAP.
        Measured on stories–stories7 at each import (its pool then): a dozen same-event pairs the other
        routes missed pass, none of another event. One moment: «начались» / «стартовали» учения,
        «прибыли» / «прилетели», under headlines of their own (a cover of 0.17), an overlap of
        0.10–0.24; the nearest other event telling the same moment, two reports of one exercise's
        end a day apart, 0.05. Both covers: undated copies whose headline and lead retell the
        other's at 0.5–0.7, an overlap of 0.15–0.17; the nearest other event, two undated reports
        of one treaty with the same headline words (a signing, and one telling no verb), 0.13.
        """
        covers = (self._cover(pk) or 0.0, self._cover(pk, leads=True) or 0.0)
        if not dated:
            return min(covers) >= BOTH_COVERS and overlap >= BOTH_OVERLAP
        moment = eventstage.same_moment(self.stage, self._stages.get(pk, frozenset()))
        return bool(moment) and max(covers) >= MOMENT_COVER and overlap >= MOMENT_OVERLAP

    def retold(self, ids: set[int], kinds: dict[int, str]) -> set[int]:
        """Those of `ids` (read), one of the two without a day, whose headline and lead each retell
        the article's (both covers at RETOLD_COVER) with an overlap of RETOLD_OVERLAP: a short
        agency item and a site's fuller rewrite of it, the rewrite naming the counterpart and a
        deputy the item left out (same_people's looser set then stands for the people). Measured on
        tests/data/stories21: the instructors' item and its two rewrites, covers 0.59–0.77 and an
        overlap of 0.22–0.23; the nearest different-event pairs of stories–stories21 with one of
        them undated stay under one of the three."""
        found = set()
        for pk in ids:
            if kinds.get(pk) != UNDATED:
                continue
            covers = (self._cover(pk) or 0.0, self._cover(pk, leads=True) or 0.0)
            overlap = eventwords.overlap(self.words, self._bags.get(pk, frozenset()), self.pool)
            if min(covers) >= RETOLD_COVER and overlap >= RETOLD_OVERLAP:
                found.add(pk)
        return found

    def same_moment(self, ids: set[int]) -> set[int]:
        """Those of `ids` (read) whose verbs tell one moment with the article's
        (`eventstage.same_moment`)."""
        return {pk for pk in ids if eventstage.same_moment(self.stage, self._stages.get(pk, frozenset()))}

    def told_otherwise(self, ids: set[int]) -> set[int]:
        """Those of `ids` whose headline and the article's tell two different things: a cover
        below REWRITE_HEADLINE while their lead sentences' cover stays below REWRITE_LEAD, or verbs
        of two different moments (`eventstage.apart`). The rewrite rule's little shared text (a
        minister's title, the ministry's phrases) is no evidence against that; a copy's is. A
        headline of the site's own — a quote, the page's address, a sidebar's — says nothing when
        the leads retell each other: measured on tests/data/stories11 and stories12, same-day
        rewrites of one meeting with headline covers of 0.0–0.07 and lead covers of 0.53–0.57."""
        self._read(ids)
        return {
            pk
            for pk in ids
            if (cover := self._cover(pk, evidence=False)) is not None
            and cover < REWRITE_HEADLINE
            and (self._cover(pk, leads=True) or 0.0) < REWRITE_LEAD
        } | self.stage_apart(ids)

    def stage_apart(self, ids: set[int]) -> set[int]:
        """Those of `ids` whose headline and lead tell another moment than the article's
        (`eventstage.apart`: a preview against the event, a submission against a ratification).
        Vetoes every rule below a copy (story_candidates.COPY_SIMILARITY): two items of one agency
        on one document share its background paragraphs (a shingle Jaccard above REPRINT_SIMILARITY)
        whatever the day's news, and the verbs are what tell them apart."""
        self._read(ids)
        return {pk for pk in ids if eventstage.apart(self.stage, self._stages.get(pk, frozenset()))}

    def named_apart(self, ids: set[int]) -> set[int]:
        """Those of `ids` whose headline and lead name designations or names of their own and none
        of the article's (`eventmarks.apart`: a delivery of «БМП-3» and one of «Як-130»). Vetoes
        every rule below a copy, as `stage_apart` does: the pair's reports of one day share its
        ministers and phrases, and a template its whole paragraphs (a generated corpus of 5,000:
        a third of the stories joining two events named two different designations)."""
        self._read(ids)
        return {pk for pk in ids if eventmarks.apart(self.marks, self._marks.get(pk, frozenset()))}
