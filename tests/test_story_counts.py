"""Counting by story and by primary pair: the pair × month table's four counts stay equal to a
recount from scratch through every kind of write, in any order."""

import random
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Q
from reader_helpers import claim_pair, make_article
from test_stories import BODY, OTHER_REPORT, REPRINT, REWRITE

from articles.archive import pair_months, stories
from articles.archive.importing import reextract
from articles.archive.reference import lexicon_from_db
from articles.models import Article, ArticlePair, ClaimState, PairMonth, Story, StoryPair

pytestmark = pytest.mark.django_db

CHINA = (
    "ПЕКИН, 3 марта. Министр обороны Китая Дун Цзюнь и министр обороны России Андрей Белоусов "
    "провели переговоры в Пекине. Стороны обсудили совместное патрулирование в Тихом океане и "
    "подготовку к военно-морским учениям «Морское взаимодействие». Дун Цзюнь заявил, что "
    "военное сотрудничество Китая и России выходит на новый уровень, а Белоусов предложил "
    "расширить обмен курсантами военных вузов двух стран."
)


def snapshot() -> tuple[dict, Counter]:
    table = {
        (r.country_a_id, r.country_b_id, r.year, r.month): (
            r.articles,
            r.articles_primary,
            r.stories,
            r.stories_primary,
        )
        for r in PairMonth.objects.all()
    }
    owned = Counter(
        StoryPair.objects.values_list(
            "story", "article", "country_a", "country_b", "year", "month", "primary"
        )
    )
    return table, owned


def assert_equal_to_a_rebuild(step: str) -> None:
    incremental = snapshot()
    pair_months.rebuild()
    assert incremental == snapshot(), step


def import_text(tmp_path, name: str, text: str, date: str | None) -> None:
    path = tmp_path / name
    path.write_text((f" date {date} " if date else "") + text, encoding="utf-8")
    call_command("import_articles", str(path), stdout=StringIO(), stderr=StringIO())


def test_one_story_counts_once_however_many_copies():
    story_article = make_article(date=(2024, 5, 1))
    story = Story.objects.create()
    copies = [story_article, make_article(date=(2024, 5, 2)), make_article()]
    Article.objects.filter(pk__in=[a.pk for a in copies]).update(story=story)
    stories.recount(story.pk, articles=[a.pk for a in copies])
    for copy in copies:
        copy.refresh_from_db()
        claim_pair(copy, "CN", "RU")
    row = PairMonth.objects.get(country_a="CN", country_b="RU", year=2024, month=5)
    assert (row.articles, row.stories) == (2, 1)  # the undated copy counts in its story's month
    assert not PairMonth.objects.filter(year=0, stories__gt=0).exists()
    assert PairMonth.objects.get(year=0).articles == 1


def test_a_side_pair_counts_only_among_all_pairs():
    article = make_article(date=(2024, 5, 1))
    claim_pair(article, "CN", "RU", primary=True)
    claim_pair(article, "IN", "RU", primary=False)
    side = PairMonth.objects.get(country_a="IN")
    main = PairMonth.objects.get(country_a="CN")
    assert (side.articles, side.articles_primary, side.stories, side.stories_primary) == (1, 0, 1, 0)
    assert (main.articles, main.articles_primary, main.stories, main.stories_primary) == (1, 1, 1, 1)


def test_counts_stay_equal_to_a_rebuild_through_a_random_sequence_of_writes(tmp_path):
    texts = {
        "tass": ("Россия и Белоруссия подписали программу\n\n" + BODY, "2025-10-15"),
        "portal": (REPRINT, None),
        "rewrite": (REWRITE, "2025-10-16"),
        "call": (OTHER_REPORT, "2025-10-15"),
        "china": ("Переговоры в Пекине\n\n" + CHINA, "2025-03-03"),
        "china-copy": ("Дун Цзюнь и Белоусов\n\n" + CHINA, None),
    }
    rng = random.Random(15)
    lexicon = lexicon_from_db()
    from articles.pipeline.extraction import pipeline

    for name, (text, date) in texts.items():
        import_text(tmp_path, f"{name}.txt", text, date)
        assert_equal_to_a_rebuild(f"import {name}")
    assert PairMonth.objects.filter(stories__gt=0).exists()

    def hide_or_restore():
        pair = rng.choice(list(ArticlePair.objects.order_by("pk")))
        pair.state = ClaimState.CONFIRMED if pair.state == ClaimState.REJECTED else ClaimState.REJECTED
        with pair_months.recounting(Q(pk=pair.pk), [pair.article_id]):
            pair.save()
        return f"hide/restore {pair}"

    def split():
        article = rng.choice(list(Article.objects.order_by("pk")))
        stories.split(article)
        return f"split {article.source_file}"

    def merge():
        ids = sorted(set(Article.objects.exclude(story=None).values_list("story_id", flat=True)))
        if len(ids) < 2:
            return "no merge"
        a, b = rng.sample(ids, 2)
        stories.merge(Story.objects.get(pk=a), Story.objects.get(pk=b))
        return f"merge {a} {b}"

    def redate():
        article = rng.choice(list(Article.objects.order_by("pk")))
        article.date_year, article.date_month, article.date_day = rng.choice(
            [(None, None, None), (2025, 10, 14), (2024, 1, 2), (None, 10, 15)]
        )
        with pair_months.recounting(Q(article=article), [article.pk]):
            article.save()
        return f"redate {article.source_file}"

    def delete():
        article = rng.choice(list(Article.objects.order_by("pk")))
        pk = article.pk
        with pair_months.recounting(Q(article=pk), [pk]):
            article.delete()
        return f"delete {article.source_file}"

    def reimport():
        name = rng.choice(sorted(texts))
        text, date = texts[name]
        import_text(tmp_path, f"{name}.txt", text + f"\n\nОбновлено {rng.randint(1, 99)}.", date)
        return f"reimport {name}"

    def re_extract():
        article = rng.choice(list(Article.objects.order_by("pk")))
        reextract(article, lexicon, pipeline.extract)
        return f"reextract {article.source_file}"

    writes = [hide_or_restore, split, merge, redate, delete, reimport, re_extract]
    for _ in range(30):
        if not Article.objects.exists():
            break
        assert_equal_to_a_rebuild(rng.choice(writes)())
