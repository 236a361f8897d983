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

from articles.archive import pair_months, stories, story_editing
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
    # The undated copy counts in its story's month, as a story and, with the date the story lends
    # it (an estimate), as an article.
    assert (row.articles, row.stories) == (3, 1)
    assert not PairMonth.objects.filter(year=0).exists()


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
        story_editing.split(article)
        return f"split {article.source_file}"

    def merge():
        ids = sorted(set(Article.objects.exclude(story=None).values_list("story_id", flat=True)))
        if len(ids) < 2:
            return "no merge"
        a, b = rng.sample(ids, 2)
        story_editing.merge(Story.objects.get(pk=a), Story.objects.get(pk=b))
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


# --- the pages ------------------------------------------------------------------------------------


def copies_of_one_story(n: int, a: str = "CN", b: str = "RU") -> list[Article]:
    story = Story.objects.create()
    copies = [make_article(f"Копия {i}", date=(2024, 5, 1 + i)) for i in range(n)]
    Article.objects.filter(pk__in=[c.pk for c in copies]).update(story=story)
    stories.recount(story.pk, articles=[c.pk for c in copies])
    for copy in copies:
        copy.refresh_from_db()
        claim_pair(copy, a, b)
    return copies


def matrix_cell(client, query: str, a: str = "Китай", b: str = "Россия") -> str:
    page = client.get("/pairs/" + query).content.decode()
    marker = f'aria-label="{a} — {b}: '
    return page[page.index(marker) + len(marker) :].split('"', 1)[0] if marker in page else ""


def test_the_matrix_counts_one_story_once_however_many_copies(client):
    copies_of_one_story(4)
    claim_pair(make_article(date=(2024, 6, 1)), "CN", "RU")  # another story of the pair
    assert matrix_cell(client, "") == "2"
    assert matrix_cell(client, "?count=articles") == "5"
    assert "Сюжетов о паре стран" in client.get("/pairs/").content.decode()


def test_primary_pairs_by_default_a_side_pair_behind_the_switch(client):
    article = make_article(date=(2024, 5, 1))
    claim_pair(article, "CN", "RU", primary=True)
    claim_pair(article, "IN", "RU", primary=False)  # «в отличие от договора России с Индией»
    home = client.get("/").content.decode()
    assert "/pairs/cn-ru/" in home and "/pairs/in-ru/" not in home
    every = client.get("/?pairs=all").content.decode()
    assert "/pairs/in-ru/?pairs=all" in every
    assert matrix_cell(client, "?pairs=all&count=articles", "Индия") == "1"
    assert matrix_cell(client, "?count=articles", "Индия") == ""


def test_the_switches_are_links_on_the_page_and_carry_to_the_dossier(client):
    copies_of_one_story(3)
    page = client.get("/pairs/?from=2024-01").content.decode()
    assert 'href="?from=2024-01&amp;count=articles"' in page
    assert 'href="?from=2024-01&amp;pairs=all"' in page
    counted_articles = client.get("/pairs/?from=2024-01&count=articles").content.decode()
    assert "/pairs/cn-ru/?from=2024-01&amp;count=articles" in counted_articles
    assert 'type="hidden" name="count" value="articles"' in counted_articles  # the period form keeps it
    dossier = client.get("/pairs/cn-ru/").content.decode()
    assert "Сюжетов об этой паре: 1" in dossier or "1 сюжет об этой паре" in dossier
    assert "Статей об этой паре: 3" in client.get("/pairs/cn-ru/?count=articles").content.decode()


def test_a_country_page_counts_stories_and_partners_by_story(client):
    copies = copies_of_one_story(3)
    from reader_helpers import claim_country

    for copy in copies:
        claim_country(copy, "CN")
    page = client.get("/countries/cn/").content.decode()
    assert "1 сюжет упоминает страну" in page
    assert "Статей, упоминающих страну: 3" in client.get("/countries/cn/?count=articles").content.decode()


@pytest.mark.parametrize(
    "query", ["?count=x", "?pairs=%00", "?count=articles&count=stories", "?pairs=" + "a" * 500]
)
def test_a_bad_switch_value_is_ignored(client, query):
    copies_of_one_story(2)
    for url in ("/", "/pairs/", "/pairs/cn-ru/", "/countries/cn/"):
        assert client.get(url + query).status_code == 200
    assert matrix_cell(client, query) == "1"


# --- exports --------------------------------------------------------------------------------------


def test_the_exports_give_one_row_per_story_with_its_reports_and_outlets(client):
    import csv
    import io
    import json

    from articles.models import Outlet

    tass, _ = Outlet.objects.get_or_create(name="ТАСС")
    ria, _ = Outlet.objects.get_or_create(name="РИА Новости")
    copies = copies_of_one_story(3)
    Article.objects.filter(pk=copies[1].pk).update(source=ria)
    Article.objects.filter(pk__in=[copies[0].pk, copies[2].pk]).update(source=tass)
    alone = make_article("Отдельная", date=(2024, 7, 1))

    def download(url: str) -> str:
        return b"".join(client.get(url).streaming_content).decode()

    records = [json.loads(line) for line in download("/articles/export.jsonl?per=story").splitlines()]
    assert [(r["id"], r["reports"], r["outlets"]) for r in records] == [
        (alone.pk, 1, []),
        (copies[0].pk, 3, ["ТАСС", "РИА Новости"]),
    ]  # newest first as the list; the lead's fields
    assert records[1]["story"] == copies[0].story_id

    rows = list(csv.DictReader(io.StringIO(download("/articles/export.csv?per=story"))))
    assert [(r["id"], r["reports"], r["outlets"]) for r in rows] == [
        (str(alone.pk), "1", ""),
        (str(copies[0].pk), "3", "ТАСС; РИА Новости"),
    ]
    every = download("/articles/export.csv?per=whatever")
    assert len(every.strip().splitlines()) == 5 and "reports" not in every.splitlines()[0]

    out = StringIO()
    call_command("export_articles", "--per-story", "--format", "jsonl", stdout=out)
    assert [json.loads(line)["reports"] for line in out.getvalue().splitlines()] == [3, 1]  # in id order


# --- a story lends what a copy lacks --------------------------------------------------------------


def test_a_copy_without_a_year_borrows_its_storys_year_as_an_estimate(tmp_path, client):
    import json

    import_text(tmp_path, "tass.txt", "Россия и Белоруссия подписали программу\n\n" + BODY, "2025-10-15")
    import_text(tmp_path, "portal.txt", REPRINT, None)  # «МОСКВА, 15 октября.»: no year
    tass, portal = Article.objects.get(source_file="tass.txt"), Article.objects.get(source_file="portal.txt")
    assert portal.story_id == tass.story_id
    assert (portal.date_year, portal.date_month, portal.date_day) == (None, 10, 15)
    assert (portal.date_estimated_year, portal.date_estimated_from) == (2025, "story")
    assert portal.date_from is not None  # sorted and placed on timelines as that day

    out = StringIO()
    call_command("export_articles", "--format", "jsonl", stdout=out)
    record = {r["source_file"]: r for r in map(json.loads, out.getvalue().splitlines())}["portal.txt"]
    assert record["date"] == "--10-15"  # never the article's own date
    assert (record["date_estimated"], record["date_estimated_from"]) == ("2025-10-15", "story")

    page = client.get(f"/articles/{portal.pk}/").content.decode()
    assert "[2025?]" in page and "оценён по датированной перепечатке этого сюжета" in page
    assert f'href="/articles/{tass.pk}/"' in page

    story_editing.split(portal)  # out of the story: the story's year goes with it
    portal.refresh_from_db()
    assert (portal.date_estimated_year, portal.date_estimated_from) == (None, "")
    assert_equal_to_a_rebuild("split after a lent year")


def test_a_copy_with_no_date_at_all_borrows_its_storys_whole_date_as_an_estimate(tmp_path, client):
    import json

    import_text(tmp_path, "tass.txt", "Россия и Белоруссия подписали программу\n\n" + BODY, "2025-10-15")
    undated = "Россия и Белоруссия подписали программу\n\n" + BODY.replace("МОСКВА, 15 октября. ", "")
    import_text(tmp_path, "portal.txt", undated, None)  # no header, no dateline: no date at all
    tass, portal = Article.objects.get(source_file="tass.txt"), Article.objects.get(source_file="portal.txt")
    assert portal.story_id == tass.story_id
    assert (portal.date_year, portal.date_month, portal.date_day) == (None, None, None)  # its own: none
    estimate = (portal.date_estimated_year, portal.date_estimated_month, portal.date_estimated_day)
    assert (*estimate, portal.date_estimated_from) == (2025, 10, 15, "story")
    assert (portal.timeline_year, portal.timeline_month) == (2025, 10)
    assert str(portal.date_from) == "2025-10-15"  # sorted and placed on timelines as that day
    assert PairMonth.objects.get(country_a="BY", country_b="RU", year=2025, month=10).articles == 2
    assert_equal_to_a_rebuild("a whole date lent")

    out = StringIO()
    call_command("export_articles", "--format", "jsonl", stdout=out)
    record = {r["source_file"]: r for r in map(json.loads, out.getvalue().splitlines())}["portal.txt"]
    assert record["date"] is None  # never the article's own date
    assert (record["date_estimated"], record["date_estimated_from"]) == ("2025-10-15", "story")

    page = client.get(f"/articles/{portal.pk}/").content.decode()
    assert "[15 октября 2025?]" in page and "Дата в тексте не указана" in page

    story_editing.split(portal)  # out of the story: the story's date goes with it
    portal.refresh_from_db()
    assert (portal.date_estimated_year, portal.date_estimated_month, portal.date_estimated_from) == (
        None,
        None,
        "",
    )
    assert portal.date_from is None
    assert_equal_to_a_rebuild("split after a lent date")


def test_a_year_the_copys_own_text_gives_is_never_replaced(tmp_path):
    import_text(tmp_path, "tass.txt", "Россия и Белоруссия подписали программу\n\n" + BODY, "2025-10-15")
    import_text(tmp_path, "portal.txt", REPRINT, None)
    portal = Article.objects.get(source_file="portal.txt")
    Article.objects.filter(pk=portal.pk).update(date_estimated_year=2024, date_estimated_from="text")
    stories.recount(portal.story_id)
    portal.refresh_from_db()
    assert (portal.date_estimated_year, portal.date_estimated_from) == (2024, "text")


# --- the list folded by story ---------------------------------------------------------------------


def test_the_list_folds_a_storys_reprints_under_its_lead(client, django_assert_max_num_queries):
    from articles.models import Outlet

    outlets = [Outlet.objects.get_or_create(name=name)[0] for name in ("ТАСС", "Sputnik", "БелТА")]
    copies = copies_of_one_story(3)
    for copy, outlet in zip(copies, outlets, strict=True):
        Article.objects.filter(pk=copy.pk).update(source=outlet)
    alone = make_article("Отдельная", date=(2024, 7, 1))
    for _ in range(3):  # more stories of two: the page's query count does not grow with them
        copies_of_one_story(2, "BY", "RU")

    with django_assert_max_num_queries(7):
        page = client.get("/articles/?fold=story").content.decode()
    assert f'href="/articles/{copies[0].pk}/"' in page  # the lead
    assert f'href="/articles/{copies[1].pk}/"' not in page and f'href="/articles/{copies[2].pk}/"' not in page
    assert f'href="/articles/{alone.pk}/"' in page
    assert "+2 перепечатки</a>: Sputnik, БелТА" in page
    assert 'name="fold" value="story"' in page  # the filter form keeps the folding

    every = client.get("/articles/").content.decode()
    assert f'href="/articles/{copies[2].pk}/"' in every and 'class="item__reprints"' not in every


def test_the_recount_command_rebuilds_what_a_bypassing_write_left_stale():
    copies_of_one_story(2)
    right = snapshot()
    PairMonth.objects.update(stories=7, articles_primary=0)
    StoryPair.objects.all().delete()
    out = StringIO()
    call_command("recount", "--dry-run", stdout=out)
    assert "would be" in out.getvalue() and PairMonth.objects.filter(stories=7).exists()
    call_command("recount", stdout=StringIO())
    assert snapshot() == right
