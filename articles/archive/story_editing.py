"""What editors do with stories (split an article off, merge two stories, judge two articles), and
reading a story's lead and other reports. Judgements last: `stories.place` respects them at every
re-import and `reextract`."""

from __future__ import annotations

from django.db.models import Q

from articles.archive import pair_months
from articles.archive.stories import recount
from articles.models import Article, Story, StoryJudgement
from articles.models.stories import earliest_first

Verdict = StoryJudgement.Verdict


# --- what editors do -----------------------------------------------------------------------------


def judge(a: int, b: int, verdict: str, editor=None) -> None:
    low, high = sorted((a, b))
    if low == high:
        return
    StoryJudgement.objects.update_or_create(
        article_id=low, other_id=high, defaults={"verdict": verdict, "editor": editor}
    )


def split(article: Article, editor=None) -> Story:
    """Take the article out of its story into a story of its own, for good."""
    pair_months.lock_stories()
    others = list(
        Article.objects.filter(story_id=article.story_id).exclude(pk=article.pk).values_list("pk", flat=True)
    )
    for other in others:
        judge(article.pk, other, Verdict.DIFFERENT, editor)
    if not others and article.story_id is not None:
        return article.story
    story = Story.objects.create()
    previous, article.story = article.story_id, story
    Article.objects.filter(pk=article.pk).update(story=story)
    recount(previous, story.pk, articles=[article.pk])
    return story


def merge(target: Story, other: Story, editor=None) -> Story:
    """One story out of two: `other`'s articles join `target`, judged the same as its lead."""
    if target.pk == other.pk:
        return target
    pair_months.lock_stories()
    anchor = lead(target)
    moving = list(Article.objects.filter(story=other).values_list("pk", flat=True))
    for pk in moving:
        StoryJudgement.objects.filter(Q(article_id=min(pk, anchor.pk), other_id=max(pk, anchor.pk))).delete()
        judge(pk, anchor.pk, Verdict.SAME, editor)
    # A "not this story" between the two stories' members would undo the merge at the next import.
    members = list(Article.objects.filter(story=target).values_list("pk", flat=True))
    StoryJudgement.objects.filter(
        Q(article_id__in=moving, other_id__in=members) | Q(article_id__in=members, other_id__in=moving),
        verdict=Verdict.DIFFERENT,
    ).delete()
    Article.objects.filter(story=other).update(story=target)
    recount(target.pk, other.pk)  # deletes `other`, now empty
    return target


# --- reading -------------------------------------------------------------------------------------


def lead(story: Story) -> Article | None:
    """The story's earliest dated article (the first imported when none is dated)."""
    return Article.objects.filter(story=story).order_by(*earliest_first()).first()


def other_reports(article: Article) -> list[Article]:
    """The other articles of the article's story, earliest first, with their outlets; no query
    for a story of one (expects `story` selected with the article)."""
    if article.story_id is None or article.story.size <= 1:
        return []
    others = Article.objects.filter(story_id=article.story_id).exclude(pk=article.pk)
    return list(others.select_related("source").order_by(*earliest_first()))
