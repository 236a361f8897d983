"""Stories: reprints and rewrites of one report are one story, different reports stay apart, and an
editor's split or merge lasts through re-import and re-extraction."""

import csv
import io
import json
from io import StringIO

import pytest
from admin_helpers import make_article
from django.core.management import call_command

from articles.archive import stories, story_candidates, story_editing
from articles.models import Article, ArticleSignature, Story, StoryBand, StoryJudgement
from articles.pipeline import nearduplicates

pytestmark = pytest.mark.django_db

BODY = (
    "МОСКВА, 15 октября. Министр обороны России Андрей Белоусов и министр обороны Белоруссии "
    "Виктор Хренин подписали в Москве программу стратегического партнерства в военной области "
    "на 2026–2030 годы. Документ определяет основные направления военного сотрудничества двух "
    "стран на пять лет, сообщили в российском военном ведомстве.\n\n"
    "Белоусов отметил, что программа предусматривает совместную подготовку войск, развитие "
    "региональной группировки войск и единой системы противовоздушной обороны. По его словам, "
    "союзники будут и дальше укреплять взаимодействие в оборонной сфере.\n\n"
    "Хренин подчеркнул, что белорусская сторона высоко ценит помощь России в оснащении армии "
    "современным вооружением и рассчитывает на расширение совместных учений в следующем году."
)
REPRINT = (
    "Главное за день | Новости партнёров\n\n"
    "Россия и Белоруссия подписали пятилетнюю программу военного партнерства\n\n" + BODY + "\n\n"
    "Читайте также: курс валют на сегодня"
)
REWRITE = (
    "Москва и Минск договорились о военном партнерстве на пять лет\n\n"
    "Оборонные ведомства двух союзных государств утвердили новый документ о стратегическом "
    "партнерстве, который будет действовать до 2030 года. Министр обороны России Андрей Белоусов "
    "и министр обороны Белоруссии Виктор Хренин подписали программу 15 октября 2025 года в Москве.\n\n"
    "Белоусов отметил, что программа предусматривает совместную подготовку войск, развитие "
    "региональной группировки войск и единой системы противовоздушной обороны."
)
# Shares too little text to pass as a reprint (estimated Jaccard below REPRINT_SIMILARITY).
HEAVY_REWRITE = (
    "Белоусов и Хренин закрепили союзнические обязательства на пятилетку\n\n"
    "Военные ведомства России и Белоруссии утвердили программу стратегического партнерства в "
    "военной области на 2026–2030 годы. Подписи поставили глава Минобороны России Андрей Белоусов "
    "и его белорусский коллега Виктор Хренин. Эксперты называют документ логичным продолжением "
    "курса на интеграцию оборонных систем Союзного государства и ожидают роста числа совместных "
    "мероприятий уже в будущем году. Хренин подчеркнул, что белорусская сторона высоко ценит "
    "поддержку союзника."
)
OTHER_REPORT = (
    "Белоусов и Хренин обсудили подготовку к учениям «Запад»\n\n"
    "МОСКВА, 15 октября. Министр обороны России Андрей Белоусов провел телефонный разговор с "
    "министром обороны Белоруссии Виктором Хрениным. Стороны обсудили ход подготовки к совместным "
    "стратегическим учениям и график прибытия подразделений на полигоны Белоруссии. Отдельно "
    "министры затронули вопросы поставок запасных частей для авиационной техники и ремонт "
    "бронетехники на предприятиях оборонной промышленности."
)


def write(tmp_path, name: str, text: str, header: str = " date 2025-10-15 "):
    path = tmp_path / name
    path.write_text(header + text if header else text, encoding="utf-8")
    return path


def import_files(*paths) -> None:
    for path in paths:
        call_command("import_articles", str(path), stdout=StringIO(), stderr=StringIO())


def article(name: str) -> Article:
    return Article.objects.get(source_file=name)


@pytest.fixture
def wire(tmp_path):
    return write(
        tmp_path, "tass.txt", "Россия и Белоруссия подписали программу стратегического партнерства\n\n" + BODY
    )


def test_a_word_for_word_reprint_with_a_different_header_joins_the_story(tmp_path, wire):
    import_files(wire, write(tmp_path, "portal.txt", REPRINT, header=""))
    assert article("portal.txt").story_id == article("tass.txt").story_id is not None
    assert Story.objects.count() == 1


def test_a_rewrite_with_a_new_lead_joins_the_story(tmp_path, wire):
    import_files(wire, write(tmp_path, "rewrite.txt", REWRITE))
    assert article("rewrite.txt").story_id == article("tass.txt").story_id


def test_a_heavier_rewrite_joins_by_pair_officials_and_a_date_within_days(tmp_path, wire):
    import_files(wire, write(tmp_path, "retold.txt", HEAVY_REWRITE, header=" date 2025-10-16 "))
    retold, original = (nearduplicates.signature(article(name).body) for name in ("retold.txt", "tass.txt"))
    assert nearduplicates.similarity(retold, original) < story_candidates.REPRINT_SIMILARITY  # no reprint
    assert article("retold.txt").story_id == article("tass.txt").story_id


def test_the_same_rewrite_dated_weeks_later_stays_apart(tmp_path, wire):
    import_files(wire, write(tmp_path, "retold.txt", HEAVY_REWRITE, header=" date 2025-11-05 "))
    assert article("retold.txt").story_id != article("tass.txt").story_id


def test_two_different_reports_about_the_same_pair_on_the_same_day_stay_apart(tmp_path, wire):
    import_files(wire, write(tmp_path, "call.txt", OTHER_REPORT))
    assert article("call.txt").story_id != article("tass.txt").story_id
    assert Story.objects.count() == 2


# Two different events told from one ministry's template: the same pair, the same minister, two
# days apart, the same boilerplate — different counterparts and a different subject.
TEMPLATED = (
    "МОСКВА, {day} октября. Министр обороны России Андрей Белоусов провел переговоры с "
    "{counterpart}. Стороны обсудили состояние и перспективы военного и военно-технического "
    "сотрудничества, а также актуальные вопросы региональной безопасности.\n\n"
    "По итогам переговоров стороны договорились {subject}. «Отношения между нашими странами носят "
    "характер стратегического партнерства, и мы высоко ценим сотрудничество с Белоруссией», — "
    "сказал Белоусов.\n\n"
    "Военно-техническое сотрудничество России и Белоруссии опирается на межправительственные "
    "договоренности, заключенные в разные годы. Сегодня оно включает поставки техники, ее "
    "сервисное обслуживание, модернизацию ранее поставленных образцов и подготовку специалистов."
)
MEETING = TEMPLATED.format(
    day=15,
    counterpart="министром обороны Белоруссии Виктором Хрениным",
    subject="провести совместные учения авиации в марте следующего года",
)
OTHER_MEETING = TEMPLATED.format(
    day=17,
    counterpart="государственным секретарем Совета безопасности Белоруссии Александром Вольфовичем",
    subject="создать рабочую группу по защите информации",
)


def test_a_templated_report_of_another_event_with_the_same_minister_days_later_stays_apart(tmp_path):
    import_files(
        write(tmp_path, "talks.txt", "Белоусов и Хренин обсудили учения\n\n" + MEETING),
        write(
            tmp_path,
            "other.txt",
            "Белоусов и Вольфович обсудили защиту информации\n\n" + OTHER_MEETING,
            header=" date 2025-10-17 ",
        ),
    )
    talks, other = article("talks.txt"), article("other.txt")
    sig = {a.pk: nearduplicates.signature(a.body) for a in (talks, other)}
    # What the old rules joined on: the pair, one official in common, two days, shared wording.
    assert nearduplicates.similarity(*sig.values()) >= story_candidates.REPRINT_SIMILARITY
    assert talks.story_id != other.story_id


def test_a_rewrite_naming_one_more_person_still_joins(tmp_path, wire):
    quoted = REWRITE + (
        "\n\nНачальник Генерального штаба Вооруженных сил России Валерий Герасимов назвал документ "
        "основой для совместного планирования."
    )
    import_files(wire, write(tmp_path, "rewrite.txt", quoted))
    assert article("rewrite.txt").story_id == article("tass.txt").story_id


def test_a_band_value_more_articles_share_than_the_limit_is_boilerplate_not_a_candidate(monkeypatch):
    """Four articles share every band of the new one, a fifth only its first band: that value is
    shared by five. Under a limit of five all five are candidates; under four the first band is
    boilerplate, and the fifth, which shares nothing else, is not (on PostgreSQL a per-value LIMIT,
    on SQLite a window count: the same answer)."""
    sig = nearduplicates.signature(BODY)
    keys = nearduplicates.band_keys(sig)
    me, *copies, fifth = (make_article(f"Статья {n}", BODY) for n in range(6))
    rows = [StoryBand(article=a, band=band, hash=value) for a in (me, *copies) for band, value in keys]
    StoryBand.objects.bulk_create([*rows, StoryBand(article=fifth, band=keys[0][0], hash=keys[0][1])])
    monkeypatch.setattr(story_candidates, "COMMON_BAND", 5)
    assert story_candidates.band_neighbours(me, sig) == {a.pk for a in (*copies, fifth)}
    monkeypatch.setattr(story_candidates, "COMMON_BAND", 4)
    assert story_candidates.band_neighbours(me, sig) == {a.pk for a in copies}


def test_an_article_with_no_reprint_is_a_story_of_its_own(wire):
    import_files(wire)
    only = article("tass.txt")
    assert list(Article.objects.filter(story=only.story)) == [only]
    assert StoryBand.objects.filter(article=only).count() == nearduplicates.BANDS


def test_the_lead_is_the_earliest_dated_article(tmp_path):
    import_files(
        write(tmp_path, "late.txt", "Программа подписана\n\n" + BODY, header=" date 2025-10-16 "),
        write(tmp_path, "undated.txt", REPRINT, header=""),
        write(tmp_path, "early.txt", "Программа подписана в Москве\n\n" + BODY, header=" date 2025-10-15 "),
    )
    story = article("late.txt").story
    assert article("undated.txt").story == article("early.txt").story == story
    assert story_editing.lead(story) == article("early.txt")


def test_a_split_made_by_an_editor_survives_reimport_and_reextract(tmp_path, wire):
    reprint = write(tmp_path, "portal.txt", REPRINT, header="")
    import_files(wire, reprint)
    story_editing.split(article("portal.txt"))
    assert article("portal.txt").story_id != article("tass.txt").story_id

    reprint.write_text(REPRINT + "\n\nОбновлено в 14:22", encoding="utf-8")  # changed: re-placed
    import_files(reprint, wire)
    call_command("reextract", "--all", stdout=StringIO(), stderr=StringIO())
    assert article("portal.txt").story_id != article("tass.txt").story_id
    assert StoryJudgement.objects.filter(verdict=StoryJudgement.Verdict.DIFFERENT).count() == 1


def test_a_split_story_is_not_merged_back_by_an_article_that_resembles_both(tmp_path, wire):
    import_files(wire, write(tmp_path, "portal.txt", REPRINT, header=""))
    story_editing.split(article("portal.txt"))
    import_files(write(tmp_path, "third.txt", "Третья копия\n\n" + BODY))
    assert article("portal.txt").story_id != article("tass.txt").story_id


def test_a_merge_made_by_an_editor_survives_reimport(tmp_path, wire):
    call = write(tmp_path, "call.txt", OTHER_REPORT)
    import_files(wire, call)
    story_editing.merge(article("tass.txt").story, article("call.txt").story)
    assert article("call.txt").story_id == article("tass.txt").story_id

    call.write_text(" date 2025-10-15 " + OTHER_REPORT + " Обновлено.", encoding="utf-8")
    import_files(call)
    assert article("call.txt").story_id == article("tass.txt").story_id


def test_the_export_carries_the_story_id(tmp_path, wire):
    import_files(wire, write(tmp_path, "portal.txt", REPRINT, header=""))
    story = article("tass.txt").story_id

    out = StringIO()
    call_command("export_articles", "--format", "jsonl", stdout=out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert {r["source_file"]: r["story"] for r in records} == {"tass.txt": story, "portal.txt": story}

    out = StringIO()
    call_command("export_articles", "--format", "csv", stdout=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff"))))
    assert {row["story"] for row in rows} == {str(story)}


def test_similarity_estimates_shared_shingles():
    sig = nearduplicates.signature(BODY)
    assert nearduplicates.similarity(sig, nearduplicates.signature(BODY)) == 1.0
    assert nearduplicates.similarity(sig, nearduplicates.signature(OTHER_REPORT)) < 0.1
    assert nearduplicates.signature("Коротко.") is None


def test_similarities_to_many_are_each_one_s_similarity():
    sig = nearduplicates.signature(BODY)
    others = [nearduplicates.signature(text) for text in (BODY, OTHER_REPORT, REPRINT)]
    assert nearduplicates.similarities(sig, others) == [nearduplicates.similarity(sig, o) for o in others]
    assert nearduplicates.similarities(sig, []) == []


def test_the_article_page_lists_the_other_reports_of_its_story_with_outlets_and_dates(client, tmp_path, wire):
    import_files(wire, write(tmp_path, "portal.txt", REPRINT.replace("Главное", "РИА Новости. Главное")))
    page = client.get(f"/articles/{article('tass.txt').pk}/").content.decode()
    assert "Другие сообщения сюжета" in page
    assert f'href="/articles/{article("portal.txt").pk}/"' in page
    assert "15 октября 2025" in page


def test_a_story_of_one_shows_no_other_reports(client, wire):
    import_files(wire)
    page = client.get(f"/articles/{article('tass.txt').pk}/").content.decode()
    assert "Другие сообщения сюжета" not in page


def test_editors_split_an_article_off_and_merge_stories_in_the_admin(client, tmp_path, wire):
    from admin_helpers import make_editor

    call = write(tmp_path, "call.txt", OTHER_REPORT)
    import_files(wire, write(tmp_path, "portal.txt", REPRINT, header=""), call)
    client.force_login(make_editor())

    response = client.post(
        "/admin/articles/article/",
        {"action": "split_from_story", "_selected_action": [article("portal.txt").pk]},
    )
    assert response.status_code == 302
    assert article("portal.txt").story_id != article("tass.txt").story_id

    chosen = [article("tass.txt").story_id, article("call.txt").story_id]
    response = client.post("/admin/articles/story/", {"action": "merge_stories", "_selected_action": chosen})
    assert response.status_code == 302
    assert article("call.txt").story_id == article("tass.txt").story_id
    assert article("tass.txt").story.size == 2
    assert client.get(f"/admin/articles/story/{article('tass.txt').story_id}/change/").status_code == 200


def test_place_stories_groups_articles_stored_before_stories_existed(tmp_path, wire):
    import_files(wire, write(tmp_path, "portal.txt", REPRINT, header=""))
    # As the migration leaves an older archive: unindexed, each article a story of its own.
    ArticleSignature.objects.all().delete()
    StoryBand.objects.all().delete()
    Article.objects.filter(source_file="portal.txt").update(story=Story.objects.create())

    out = StringIO()
    call_command("place_stories", stdout=out)
    assert "2 articles placed" in out.getvalue()
    assert article("portal.txt").story_id == article("tass.txt").story_id
    assert Story.objects.count() == 1


# --- two imports placing articles into one story at once -------------------------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_imports_joining_one_story_at_once_count_it_as_a_rebuild_does(tmp_path, wire):
    import threading
    import time

    from django.db import connection, transaction

    from articles.archive import pair_months
    from articles.models import PairMonth, StoryPair

    if connection.vendor != "postgresql":
        pytest.skip(
            "two writers at once need PostgreSQL (DATABASE_URL=postgres://...); SQLite serialises them"
        )
    import_files(
        wire,
        write(tmp_path, "portal.txt", REPRINT, header=""),
        write(tmp_path, "rewrite.txt", REWRITE),
    )
    # Both copies out of the wire's story, each a story of its own, the counts as a rebuild makes them.
    for name in ("portal.txt", "rewrite.txt"):
        Article.objects.filter(source_file=name).update(story=Story.objects.create())
    pair_months.rebuild()
    portal, rewrite, story = article("portal.txt"), article("rewrite.txt"), article("tass.txt").story_id
    placed, waited, failures = threading.Event(), threading.Event(), []

    def first_import():
        try:
            with transaction.atomic():
                stories.place(portal)
                placed.set()
                # Commit only once the other import waits for a lock this one holds.
                with connection.cursor() as cursor:
                    for _ in range(3000):  # up to 30 s
                        time.sleep(0.01)
                        cursor.execute(
                            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                            "AND datname = current_database() AND pid <> pg_backend_pid()"
                        )
                        if cursor.fetchone()[0]:
                            waited.set()
                            break
        except Exception as exc:  # reported by the main thread
            failures.append(exc)
        finally:
            connection.close()

    worker = threading.Thread(target=first_import)
    worker.start()
    assert placed.wait(30)
    with transaction.atomic():
        stories.place(rewrite)
    worker.join(30)
    assert failures == []
    assert waited.is_set()  # the second import did wait for the first
    assert set(Article.objects.values_list("story_id", flat=True)) == {story}
    assert Story.objects.get(pk=story).size == 3
    incremental = sorted(PairMonth.objects.values_list("country_a", "country_b", "year", "month", "stories"))
    rows = sorted(
        StoryPair.objects.values_list("story", "article", "country_a", "country_b", "year", "month")
    )
    lead = Story.objects.get(pk=story).lead_id
    pair_months.rebuild()
    assert incremental == sorted(
        PairMonth.objects.values_list("country_a", "country_b", "year", "month", "stories")
    )
    assert rows == sorted(
        StoryPair.objects.values_list("story", "article", "country_a", "country_b", "year", "month")
    )
    assert lead == Story.objects.get(pk=story).lead_id


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_an_import_joining_a_story_another_import_merges_away_lands_in_the_merged_story(tmp_path, wire):
    import threading
    import time

    from django.db import connection, transaction

    from articles.archive import pair_months
    from articles.models import PairMonth

    if connection.vendor != "postgresql":
        pytest.skip(
            "two writers at once need PostgreSQL (DATABASE_URL=postgres://...); SQLite serialises them"
        )
    copy = REPRINT.replace("Главное за день | Новости партнёров", "Лента дня | Новости партнёров")
    import_files(
        wire,
        write(tmp_path, "portal.txt", REPRINT, header=""),
        write(tmp_path, "copy.txt", copy, header=""),
        write(tmp_path, "rewrite.txt", REWRITE),
    )
    # Each article a story of its own (as if the wire and the portal had never been compared).
    for name in ("portal.txt", "copy.txt", "rewrite.txt"):
        Article.objects.filter(source_file=name).update(story=Story.objects.create())
    pair_months.rebuild()
    placed, waited, failures = threading.Event(), threading.Event(), []

    def first_import():  # the copy bridges the portal's story and the wire's: one merges into the other
        try:
            with transaction.atomic():
                stories.place(article("copy.txt"))
                placed.set()
                with connection.cursor() as cursor:
                    for _ in range(3000):  # up to 30 s, until the other import waits for this one
                        time.sleep(0.01)
                        cursor.execute(
                            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                            "AND datname = current_database() AND pid <> pg_backend_pid()"
                        )
                        if cursor.fetchone()[0]:
                            waited.set()
                            break
        except Exception as exc:  # reported by the main thread
            failures.append(exc)
        finally:
            connection.close()

    worker = threading.Thread(target=first_import)
    worker.start()
    assert placed.wait(30)
    with transaction.atomic():
        stories.place(article("rewrite.txt"))
    worker.join(30)
    assert failures == []
    assert waited.is_set()
    assert len(set(Article.objects.values_list("story_id", flat=True))) == 1
    story = Story.objects.get()
    assert story.size == 4
    incremental = sorted(PairMonth.objects.values_list("country_a", "country_b", "year", "month", "stories"))
    lead = story.lead_id
    pair_months.rebuild()
    assert incremental == sorted(
        PairMonth.objects.values_list("country_a", "country_b", "year", "month", "stories")
    )
    assert lead == Story.objects.get().lead_id


def test_the_corpus_scorer_counts_a_collapsed_corpus_as_imprecise_and_families_as_exact():
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "tools" / "stories_on_corpus.py"
    spec = importlib.util.spec_from_file_location("stories_on_corpus", script)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    families = {"gen-1": ["gen-1.txt", "gen-2.txt"]}
    exact = scorer.score(families, {"gen-1.txt": 7, "gen-2.txt": 7, "gen-3.txt": 8, "gen-4.txt": 9})
    assert (exact["precision"], exact["recall"], exact["stories"]) == (1.0, 1.0, 3)
    collapsed = scorer.score(
        families, {name: 7 for name in ("gen-1.txt", "gen-2.txt", "gen-3.txt", "gen-4.txt")}
    )
    assert (collapsed["precision"], collapsed["recall"], collapsed["largest_story"]) == (
        round(1 / 6, 4),
        1.0,
        4,
    )
    apart = scorer.score(families, {"gen-1.txt": 1, "gen-2.txt": 2})
    assert apart["recall"] == 0.0


TEMPLATE = (
    "Стороны обсудили ход выполнения ранее достигнутых договоренностей в области военного и "
    "военно-технического сотрудничества, состояние и перспективы взаимодействия оборонных ведомств, "
    "а также вопросы региональной безопасности. По итогам встречи министры выразили уверенность в "
    "дальнейшем развитии двусторонних связей в интересах обеих стран и договорились продолжить "
    "консультации на уровне профильных управлений в следующем году."
)


def test_a_band_neighbour_that_could_never_join_is_no_route_to_a_story(tmp_path, monkeypatch):
    """Templated wording makes reports of other pairs share LSH bands with the article at 0.15–0.75
    of their text: not a copy, and not of the article's pair, so no candidate (each one's story was
    read and verified at every import). The same share with the article's pair within days is."""
    write(
        tmp_path,
        "a.txt",
        "Белоусов и Хренин провели переговоры\n\n"
        "Министр обороны России Андрей Белоусов провел переговоры с министром обороны Белоруссии "
        "Виктором Хрениным в Москве. Белорусская делегация также посетила предприятия оборонной "
        "промышленности и учебный центр Сухопутных войск в Подмосковье.\n\n" + TEMPLATE,
    )
    write(
        tmp_path,
        "other_pair.txt",
        "Министры обороны Китая и Лаоса провели переговоры\n\n"
        "Министр обороны Китая Дун Цзюнь провел переговоры с министром обороны Лаоса Чансамоном "
        "Чаньялатом в Пекине.\n\n" + TEMPLATE + "\n\nКитайская сторона передала лаосским военным "
        "партию инженерной техники и медицинского оборудования.",
    )
    write(
        tmp_path,
        "same_pair.txt",
        "Белоусов встретился с Хрениным\n\n"
        "Белоусов провел в Москве переговоры с белорусским коллегой Виктором Хрениным, сообщили в "
        "Минобороны России.\n\n" + TEMPLATE + "\n\nРоссийская сторона передала белорусским военным "
        "партию инженерной техники и медицинского оборудования.",
    )
    import_files(tmp_path / "other_pair.txt", tmp_path / "same_pair.txt", tmp_path / "a.txt")
    placed = article("a.txt")
    sig = bytes(placed.signature.minhash)
    others = {name: article(name).pk for name in ("other_pair.txt", "same_pair.txt")}
    for pk in others.values():
        other = bytes(ArticleSignature.objects.get(article_id=pk).minhash)
        assert (
            story_candidates.REPRINT_SIMILARITY
            <= nearduplicates.similarity(sig, other)
            < story_candidates.COPY_SIMILARITY
        )
    near = story_candidates.Neighbourhood(placed)
    found = story_candidates.could_join(
        near,
        set(others.values()),
        story_candidates.Similarities(sig, placed.pk),
        story_candidates.pair_neighbours(near),
    )
    assert found == {others["same_pair.txt"]}
    cut = story_candidates.pair_neighbours(near)
    cut.clear()
    cut.complete = False  # as when the pair has more reports around the date than CANDIDATES
    assert story_candidates.could_join(
        near, set(others.values()), story_candidates.Similarities(sig, placed.pk), cut
    ) == {others["same_pair.txt"]}
    assert story_candidates.pair_neighbours(near).complete  # one report of the pair around the date
    monkeypatch.setattr(story_candidates, "CANDIDATES", 1)
    assert not story_candidates.pair_neighbours(near).complete  # as many as the lists keep: maybe cut
