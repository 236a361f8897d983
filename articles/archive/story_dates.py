"""A story lends what a copy lacks: the date of a fully dated article of its story, as an estimate
marked as such (`YearEstimate.STORY`), never the copy's own date. Called by `stories.recount`
whenever a story changes."""

from __future__ import annotations

import datetime as dt

from articles.archive import pair_months
from articles.models import Article, YearEstimate
from articles.models.stories import earliest_first


def lend_dates(story_ids: set[int]) -> None:
    """A copy that gives a day and month without a year borrows the year from a fully dated article
    of its story (its own year, not an estimate): an estimate marked as such (YearEstimate.STORY),
    never the date itself. Of the years around the donor's, the one that puts the copy's day
    nearest to the donor's: a copy of 31 December of a report of 2 January is from the year
    before. A copy that gives no date at all borrows the donor's whole date the same way (a web
    copy often drops the dateline). An estimate the copy's own text gives (TEXT) or an editor's
    stays; a batch's hint gives way to the story. Recomputed whenever the story changes: a copy
    that left the story, or whose story has no dated article any more, loses the story's date."""
    copies = (
        Article.objects.filter(story__in=story_ids)
        .order_by("story_id", *earliest_first())
        .defer("body", "raw_text")
    )
    by_story: dict[int, list[Article]] = {}
    for article in copies:
        by_story.setdefault(article.story_id, []).append(article)
    for members in by_story.values():
        donor = next((a for a in members if a.date_year and a.date_month and a.date_day), None)
        for article in members:
            undated = article.date_month is None and article.date_day is None
            if article.date_year is not None or not (undated or (article.date_month and article.date_day)):
                continue
            if (
                article.date_estimated_from in KEPT_ESTIMATES
                or "date_estimated_year" in article.edited_fields
            ):
                continue
            if donor is not None and undated:
                wanted = (donor.date_year, donor.date_month, donor.date_day, YearEstimate.STORY)
            elif donor is not None:
                year = _nearest_year(donor, article.date_month, article.date_day)
                wanted = (year, None, None, YearEstimate.STORY)
            elif article.date_estimated_from == YearEstimate.STORY:
                wanted = (None, None, None, "")
            else:
                continue
            have = (
                article.date_estimated_year,
                article.date_estimated_month,
                article.date_estimated_day,
                article.date_estimated_from,
            )
            if have != wanted:
                before = (article.timeline_year, article.timeline_month)
                (
                    article.date_estimated_year,
                    article.date_estimated_month,
                    article.date_estimated_day,
                    article.date_estimated_from,
                ) = wanted
                article.save(update_fields=[*_ESTIMATE, *_DERIVED])
                pair_months.article_moved(article, *before)


KEPT_ESTIMATES = {YearEstimate.TEXT, YearEstimate.EDITOR}  # what the copy's own text or an editor says
_ESTIMATE = ("date_estimated_year", "date_estimated_month", "date_estimated_day", "date_estimated_from")
_DERIVED = ("date_from", "date_to", "date_precision")


def _nearest_year(donor: Article, month: int, day: int) -> int:
    center = dt.date(donor.date_year, donor.date_month, donor.date_day)

    def distance(year: int) -> int:
        try:
            return abs((dt.date(year, month, day) - center).days)
        except ValueError:  # 29 February of a common year
            return 10**6

    return min((donor.date_year, donor.date_year - 1, donor.date_year + 1), key=distance)
