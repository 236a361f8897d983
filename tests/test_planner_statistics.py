"""A bulk import keeps PostgreSQL's planner statistics current (archive/planner_statistics.py): the
archive's tables are analysed when the articles it added reach a share of the archive, never for a
few articles, and not at all on SQLite (which plans without statistics)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from articles.archive import planner_statistics
from articles.archive.planner_statistics import PlannerStatistics

pytestmark = pytest.mark.django_db

TEXT = (
    "Россия и Китай провели {n}-й раунд консультаций по военному сотрудничеству\n\n"
    "ПЕКИН, {n} марта. Делегации министерств обороны России и Китая провели в Пекине очередной раунд "
    "консультаций, на котором обсудили план совместных учений и обмен военными делегациями. "
    "Встреча номер {n} прошла в конструктивной обстановке, сообщили в военном ведомстве."
)


def _files(tmp_path, count):
    for n in range(1, count + 1):
        (tmp_path / f"r{n}.txt").write_text(TEXT.format(n=n), encoding="utf-8")
    return tmp_path


def _analysed_rows() -> float | None:
    """What the planner believes articles_article holds (-1: never analysed; PostgreSQL)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'articles_article'")
        return cursor.fetchone()[0]


def test_the_count_of_new_articles_decides_when_to_analyse(monkeypatch):
    monkeypatch.setattr(planner_statistics, "FLOOR", 3)
    statistics = PlannerStatistics()
    statistics.enabled = True  # the rule itself, on either database
    ran = []
    monkeypatch.setattr(statistics, "_analyze", lambda: ran.append(statistics.added))
    statistics.added_one()
    statistics.added_one()
    assert ran == []  # two new articles: below the floor
    statistics.finish()
    assert ran == []  # nor at the end
    statistics.added_one()
    assert ran == [3]


def test_the_growth_is_measured_against_the_archive_as_it_was(monkeypatch):
    statistics = PlannerStatistics()
    statistics.enabled, statistics.size = True, 10_000
    assert not statistics._due()
    statistics.added = 2_499
    assert not statistics._due()  # a quarter of 10,000 is 2,500
    statistics.added = 2_500
    assert statistics._due()


def _spy(monkeypatch) -> list[int]:
    """The runs of `ANALYZE` an import makes (each the new articles it counted), really run."""
    runs = []
    real = PlannerStatistics._analyze

    def analyse(self):
        runs.append(self.added)
        real(self)

    monkeypatch.setattr(PlannerStatistics, "_analyze", analyse)
    return runs


def test_an_import_that_grows_the_archive_enough_analyses_it(tmp_path, monkeypatch):
    monkeypatch.setattr(planner_statistics, "FLOOR", 3)
    runs = _spy(monkeypatch)
    call_command("import_articles", str(_files(tmp_path, 3)), stdout=StringIO(), stderr=StringIO())
    if connection.vendor == "postgresql":
        assert runs == [3]
        assert _analysed_rows() >= 0  # the planner no longer takes the table for never analysed
    else:  # SQLite plans without statistics: none are made
        assert runs == []
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
            assert cursor.fetchone()[0] == 0


def test_a_few_articles_into_the_archive_are_not_worth_an_analysis(tmp_path, monkeypatch):
    monkeypatch.setattr(planner_statistics, "FLOOR", 5)
    runs = _spy(monkeypatch)
    call_command("import_articles", str(_files(tmp_path, 3)), stdout=StringIO(), stderr=StringIO())
    assert runs == []
