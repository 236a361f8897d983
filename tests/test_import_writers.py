"""import_articles --writers N: on PostgreSQL N processes each parse, extract and write their share of
the files into one import batch, and the command reports every file as one writer would; on SQLite,
which takes one writer at a time, the same command runs as --workers N."""

import os
import signal

import pytest
from django.db import connection
from import_helpers import TEXT, run, write

from articles.archive import writers
from articles.archive.importing import Outcome
from articles.models import Article, ImportBatch

pytestmark = pytest.mark.django_db(transaction=True)  # the writers see only what is committed

postgresql_only = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").split(":")[0] not in {"postgres", "postgresql"},
    reason="several writers at once need PostgreSQL (DATABASE_URL=postgres://...); SQLite runs them as workers",
)


def files(directory, count: int) -> None:
    for n in range(count):
        write(directory, f"{n:02d}.txt", TEXT + f"\n\nАбзац номер {n} о другом.")


@postgresql_only
def test_writers_import_every_file_once_into_one_batch_and_name_a_bad_one(tmp_path):
    files(tmp_path, 6)
    write(
        tmp_path,
        "feed.jsonl",
        '{"text": "Первая статья ленты. Россия и Индия провели переговоры."}\n'
        '{"text": "Вторая статья ленты. Беларусь и Китай подписали соглашение."}\n',
    )
    write(tmp_path, "empty.txt", "")
    out, err, code = run(tmp_path, writers=2)
    assert code == 1, err
    assert "8 new, 0 unchanged, 0 updated, 1 failed" in out
    assert "failed: empty.txt" in err
    batch = ImportBatch.objects.get()
    assert (batch.status, batch.new_count, batch.failed_count) == ("finished", 8, 1)
    assert Article.objects.filter(import_batch=batch).count() == 8
    assert set(Article.objects.values_list("source_file", flat=True)) == {
        *(f"{n:02d}.txt" for n in range(6)),
        "feed.jsonl:1",
        "feed.jsonl:2",
    }
    for n in range(6):
        assert f"new: {n:02d}.txt" in out  # each file reported, as by one writer

    out, _, code = run(tmp_path, writers=2)  # nothing changed: nothing written
    assert "0 new, 8 unchanged, 0 updated, 1 failed" in out
    assert Article.objects.count() == 8


@postgresql_only
def test_sigterm_lets_each_writer_finish_its_article_and_a_rerun_completes_the_batch(tmp_path, monkeypatch):
    files(tmp_path, 40)
    real = writers.Writers.lines

    def terminate_after_the_first(self):
        for n, reported in enumerate(real(self)):
            if n == 0:
                os.kill(os.getpid(), signal.SIGTERM)
            yield reported

    monkeypatch.setattr(writers.Writers, "lines", terminate_after_the_first)
    before = signal.getsignal(signal.SIGTERM)
    out, err, code = run(tmp_path, writers=2)
    assert code == 130 and "interrupted" in err
    batch = ImportBatch.objects.get()
    written = Article.objects.count()
    assert batch.status == "interrupted" and batch.new_count == written and 1 <= written < 40
    assert signal.getsignal(signal.SIGTERM) == before

    monkeypatch.setattr(writers.Writers, "lines", real)
    out, _, code = run(tmp_path, writers=2)
    assert code == 0 and f"{40 - written} new, {written} unchanged" in out


@pytest.mark.slow
def test_on_sqlite_writers_run_as_workers(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite path: PostgreSQL runs several writers")
    files(tmp_path, 3)
    out, err, code = run(tmp_path, writers=2)
    assert code == 0 and "3 new" in out
    assert "SQLite takes one writer at a time: --writers 2 runs as --workers 2" in err


def test_a_bad_share_or_writer_count_is_bad_usage(tmp_path):
    files(tmp_path, 1)
    assert run(tmp_path, writers=0)[2] == 2
    out, err, code = run(tmp_path, share="2/2", report="jsonl")
    assert code == 2 and "--share must be k/N with 0 ≤ k < N" in err
    assert Article.objects.count() == 0


def test_a_writer_that_ends_unexpectedly_leaves_its_unreported_files_failed_with_why():
    failed = writers.not_reported(["a.txt", "b.txt", "c.txt"], {"b.txt"}, -9)
    assert [(r.source_file, r.outcome) for r in failed] == [
        ("a.txt", Outcome.FAILED),
        ("c.txt", Outcome.FAILED),
    ]
    assert "ended with status -9; run the same command again" in failed[0].reason


def test_a_writers_report_lines_read_back_and_other_output_is_ignored():
    from articles.archive.importing import FileResult

    line = writers.result_line(FileResult("a.jsonl", Outcome.NEW, 7, line=3), "warning: no date")
    reported = writers.parse(line.encode())
    assert (reported.result.source_file, reported.result.outcome, reported.result.article_id) == (
        "a.jsonl",
        Outcome.NEW,
        7,
    )
    assert reported.result.line == 3 and reported.warning == "warning: no date"
    assert writers.parse(writers.done_line("a.jsonl").encode()).done == "a.jsonl"
    assert writers.parse(b"Loading model...\n") is None
    assert writers.parse(b'{"outcome": "exploded"}\n') is None
