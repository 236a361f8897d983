"""The skeleton: strict settings, reference data after migrate, canonical pairs, partial dates."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import IntegrityError, connection, transaction

from articles.models import Article, ArticlePair, Country, CountryAlias
from articles.pipeline.dates import PartialDate

ROOT = Path(__file__).resolve().parent.parent


def run_settings(env_extra: dict[str, str], code: str = "from django.conf import settings; settings.DEBUG"):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update({"DJANGO_SETTINGS_MODULE": "coopnews.settings", **env_extra})
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def test_missing_secret_key_outside_debug_is_refused():
    result = run_settings({})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is required" in result.stderr


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DJANGO_DEBUG", "maybe"),
        ("DJANGO_SECURE_SSL", "yes please"),
        ("DATABASE_URL", "mysql://x@y/z"),
        ("DJANGO_LOG_LEVEL", "LOUD"),
    ],
)
def test_a_malformed_variable_is_named_in_the_error(name, value):
    result = run_settings({"DJANGO_SECRET_KEY": "k" * 60, name: value})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert name in result.stderr


def test_an_sqlite_archive_keeps_a_write_ahead_log_and_commits_without_waiting_for_the_disk(tmp_path):
    """Readers read while an import writes, and an import's commits don't each wait for a sync."""
    code = (
        "from django.db import connection; cursor = connection.cursor(); "
        "print(cursor.execute('PRAGMA journal_mode').fetchone()[0], "
        "cursor.execute('PRAGMA synchronous').fetchone()[0])"
    )
    result = run_settings({"DJANGO_DEBUG": "1", "DATABASE_URL": f"sqlite:///{tmp_path / 'a.sqlite3'}"}, code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["wal", "1"]  # 1: NORMAL (the default, FULL, is 2)


@pytest.mark.slow
def test_check_deploy_is_clean_with_production_settings():
    env = {
        "DJANGO_SECRET_KEY": "a-strong-production-key-" + "Zq7!x9Lm#" * 6,
        "DJANGO_ALLOWED_HOSTS": "coopnews.example.org",
    }
    result = run_settings(
        env,
        "from django.core.management import call_command; call_command('check', '--deploy', '--fail-level', 'WARNING')",
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr


@pytest.mark.django_db
def test_every_iso_country_is_present_with_its_russian_name_after_migrate():
    assert Country.objects.count() >= 249
    assert Country.objects.get(iso="RU").name_ru == "Россия"
    assert Country.objects.get(iso="CN").name_ru == "Китай"
    assert Country.objects.get(iso="TV").name_en == "Tuvalu"
    assert CountryAlias.objects.filter(country_id="CN", form="Китайская Народная Республика").exists()


@pytest.mark.django_db
def test_pairs_are_stored_in_alphabetical_order_and_once_per_article():
    article = Article.objects.create(title="t", body="b", raw_text="b", source_file="a.txt", fingerprint="f")
    pair = ArticlePair.objects.create(article=article, country_a_id="RU", country_b_id="CN", primary=True)
    assert (pair.country_a_id, pair.country_b_id) == ("CN", "RU")
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticlePair.objects.create(article=article, country_a_id="CN", country_b_id="RU")
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticlePair.objects.create(article=article, country_a_id="BY", country_b_id="CN", primary=True)


@pytest.mark.django_db
def test_article_dates_keep_their_precision():
    article = Article(title="t", body="b", raw_text="b", source_file="a.txt", fingerprint="f")
    article.partial_date = PartialDate(None, 8, 18)
    article.save()
    article.refresh_from_db()
    assert article.date_precision == "day_month"
    assert article.partial_date.iso() == "--08-18"
    assert article.date_from is None


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("2026-01-27", "day"),
        ("2026-01", "month"),
        ("2026", "year"),
        ("--08-18", "day_month"),
        (None, "unknown"),
    ],
)
def test_partial_dates_round_trip_through_iso(text, precision):
    date = PartialDate.from_iso(text)
    assert date.precision == precision
    assert date.iso() == text


@pytest.mark.parametrize("text", ["2024-13-45", "2023-02-29", "--02-30", "yesterday", "2026-1-1"])
def test_impossible_dates_are_refused(text):
    with pytest.raises(ValueError):
        PartialDate.from_iso(text)


def test_tests_run_on_the_database_ci_asked_for():
    """CI runs the suite twice; this fails if DATABASE_URL=postgres://… silently fell back to SQLite."""
    wanted = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    assert connection.vendor == wanted
