"""Dates without a year: the date keeps its precision, a likely year is kept apart with its origin."""

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from articles.models import Article, YearEstimate
from articles.pipeline.datelines import year_in_text
from articles.pipeline.dates import PartialDate, estimate_year, year_before
from articles.web.exporting import article_records
from articles.web.presentation import pdate, pdate_note
from tests.admin_helpers import form_data, make_article, make_editor

WITHOUT_YEAR = (
    "Россия и Китай провели учения\n\n"
    "МОСКВА, 18 августа. /ТАСС/. Россия и Китай провели совместные учения в Жёлтом море.\n"
)


# --- the pure rules ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "collected, year",
    [
        (dt.date(2025, 9, 1), 2025),  # collected after 18 August: that year
        (dt.date(2025, 8, 18), 2025),  # the same day
        (dt.date(2025, 3, 1), 2024),  # 18 August 2025 would be in the future: the year before
    ],
)
def test_the_batch_hint_gives_the_year_of_collection_or_the_one_before(collected, year):
    assert year_before(PartialDate(None, 8, 18), collected) == year


def test_the_29th_of_february_gets_the_latest_leap_year():
    assert year_before(PartialDate(None, 2, 29), dt.date(2026, 3, 10)) == 2024


def test_a_year_the_text_ties_to_the_day_wins_over_the_batch_hint():
    text = "Учения начались 18 августа на полигоне, который открыли в 2019 году."
    assert year_in_text(PartialDate(None, 8, 18), text) == 2019
    assert estimate_year(PartialDate(None, 8, 18), 2019, dt.date(2025, 9, 1)) == (2019, "text")
    assert estimate_year(PartialDate(None, 8, 18), None, dt.date(2025, 9, 1)) == (2025, "batch")


def test_two_years_in_the_sentence_tie_none_and_a_full_date_is_not_estimated():
    text = "18 августа подписан план на 2025 и 2026 годы."
    assert year_in_text(PartialDate(None, 8, 18), text) is None
    assert estimate_year(PartialDate(2024, 8, 18), None, dt.date(2025, 9, 1)) == (None, "")


# --- import, pages, filters, export ----------------------------------------------------------------


def run_import(*args) -> None:
    call_command("import_articles", *map(str, args), "--no-extract", stdout=StringIO(), stderr=StringIO())


@pytest.mark.django_db
def test_import_with_a_collection_day_stores_the_estimate_apart_from_the_date(tmp_path):
    (tmp_path / "a.txt").write_text(WITHOUT_YEAR, encoding="utf-8")
    run_import(tmp_path, "--collected-on", "2025-09-01")
    article = Article.objects.get()
    assert article.partial_date == PartialDate(None, 8, 18)
    assert (article.date_estimated_year, article.date_estimated_from) == (2025, YearEstimate.BATCH)
    assert article.date_from == dt.date(2025, 8, 18)  # filters and ordering use the estimate


@pytest.mark.django_db
def test_a_jsonl_collected_key_is_the_records_hint(tmp_path):
    record = {"text": WITHOUT_YEAR, "collected": "2025-03-01"}
    (tmp_path / "b.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    run_import(tmp_path)
    assert Article.objects.get().date_estimated_year == 2024


@pytest.mark.django_db
def test_a_bad_collection_day_is_refused_with_a_clear_message(tmp_path):
    (tmp_path / "a.txt").write_text(WITHOUT_YEAR, encoding="utf-8")
    with pytest.raises(CommandError, match="--collected-on must be a date YYYY-MM-DD"):
        call_command("import_articles", str(tmp_path), "--collected-on", "вчера", stdout=StringIO())
    record = {"text": WITHOUT_YEAR, "collected": "1 сентября"}
    (tmp_path / "b.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_articles", str(tmp_path / "b.jsonl"), "--no-extract", stdout=StringIO(), stderr=err
        )
    assert "b.jsonl:1: collected is not a date YYYY-MM-DD" in err.getvalue()


@pytest.mark.django_db
def test_the_estimate_is_exported_in_its_own_fields_never_as_the_date():
    make_article(date_month=8, date_day=18, date_estimated_year=2025, date_estimated_from=YearEstimate.BATCH)
    record = next(article_records(Article.objects.all()))
    assert record["date"] == "--08-18"
    assert record["date_estimated"] == "2025-08-18"
    assert record["date_estimated_from"] == "batch"


@pytest.mark.django_db
def test_the_estimate_is_shown_marked_with_its_origin(client):
    article = make_article(
        date_month=8, date_day=18, date_estimated_year=2025, date_estimated_from=YearEstimate.TEXT
    )
    assert pdate(article) == "18 августа [2025?]"
    assert "год, названный в тексте" in pdate_note(article)
    page = client.get(reverse("articles:article", args=[article.pk])).content.decode()
    assert "18 августа [2025?]" in page
    assert 'title="Год в тексте не указан; оценка: год, названный в тексте"' in page


@pytest.mark.django_db
def test_date_filters_and_ordering_treat_the_estimate_as_the_day(client):
    estimated = make_article("Оценка", date_month=8, date_day=18, date_estimated_year=2025)
    make_article("Без оценки", date_month=8, date_day=19)
    make_article("Раньше", date_year=2025, date_month=8, date_day=1)
    assert list(Article.objects.filter(date_from__gte=dt.date(2025, 8, 10))) == [estimated]
    assert [a.title for a in Article.objects.exclude(date_from=None)] == ["Оценка", "Раньше"]
    page = client.get(reverse("articles:article_list"), {"date_after": "2025-08-10"}).content.decode()
    assert "Оценка" in page and "Раньше" not in page


@pytest.mark.django_db
def test_a_given_year_ends_the_estimate():
    article = make_article(
        date_month=8, date_day=18, date_estimated_year=2025, date_estimated_from=YearEstimate.BATCH
    )
    article.date_year = 2024
    article.save()
    article.refresh_from_db()
    assert (article.date_estimated_year, article.date_estimated_from) == (None, "")
    assert article.date_from == dt.date(2024, 8, 18)


# --- the editors' desk ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_editor_confirming_the_estimate_makes_it_the_date_and_imports_keep_it(client, tmp_path):
    (tmp_path / "a.txt").write_text(WITHOUT_YEAR, encoding="utf-8")
    run_import(tmp_path, "--collected-on", "2025-09-01")
    article = Article.objects.get()
    client.force_login(make_editor())
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "confirm_estimated_years", "_selected_action": [article.pk]},
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.partial_date == PartialDate(2025, 8, 18)
    assert article.date_estimated_year is None
    record = next(article_records(Article.objects.all()))
    assert (record["date"], record["date_estimated"]) == ("2025-08-18", None)

    (tmp_path / "a.txt").write_text(WITHOUT_YEAR + "\nДополнение.\n", encoding="utf-8")
    run_import(tmp_path, "--collected-on", "2023-01-01")
    article.refresh_from_db()
    assert article.partial_date == PartialDate(2025, 8, 18)


@pytest.mark.django_db
def test_an_editor_setting_the_estimate_is_recorded_as_the_editors(client):
    article = make_article(
        date_month=8, date_day=18, date_estimated_year=2025, date_estimated_from=YearEstimate.BATCH
    )
    client.force_login(make_editor())
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(client.get(url))
    data["date_estimated_year"] = "2024"
    assert client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert (article.date_estimated_year, article.date_estimated_from) == (2024, YearEstimate.EDITOR)
    assert "date_estimated_year" in article.edited_fields
    assert article.partial_date == PartialDate(None, 8, 18)


@pytest.mark.django_db
def test_a_changed_file_imported_without_a_hint_keeps_the_estimate_of_the_same_day(tmp_path):
    (tmp_path / "a.txt").write_text(WITHOUT_YEAR, encoding="utf-8")
    run_import(tmp_path, "--collected-on", "2025-09-01")
    (tmp_path / "a.txt").write_text(WITHOUT_YEAR + "\nДополнение.\n", encoding="utf-8")
    run_import(tmp_path)
    assert Article.objects.get().date_estimated_year == 2025
    (tmp_path / "a.txt").write_text(WITHOUT_YEAR.replace("18 августа", "19 августа"), encoding="utf-8")
    run_import(tmp_path)
    assert Article.objects.get().date_estimated_year is None
