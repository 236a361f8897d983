"""Indexes live in the models' Meta.indexes; raw SQL only for the two Django cannot declare."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection

ARTICLES = Path(__file__).resolve().parent.parent / "articles"
# A generated tsvector column that exists only on PostgreSQL, and Django's implicit M2M through table.
SQL_ONLY = {"article_search_idx", "agreement_party_country_idx"}


def declared_indexes():
    return [
        (model, index)
        for model in apps.get_app_config("articles").get_models()
        for index in model._meta.indexes
    ]


@pytest.mark.django_db
def test_every_declared_index_exists_in_the_migrated_database_under_its_name():
    missing = []
    with connection.cursor() as cursor:
        for model, index in declared_indexes():
            found = connection.introspection.get_constraints(cursor, model._meta.db_table)
            if index.name not in found:
                missing.append(index.name)
    assert missing == []
    assert {"article_newest_idx", "agreement_newest_idx", "official_claim_visible_idx"} <= {
        index.name for _, index in declared_indexes()
    }


@pytest.mark.django_db
def test_the_sql_only_indexes_exist_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: the search column and the party index")
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname = ANY(%s)", [sorted(SQL_ONLY)])
        assert {row[0] for row in cursor.fetchall()} == SQL_ONLY


def test_no_migration_creates_in_sql_an_index_that_meta_indexes_could_declare():
    made_in_sql = set()
    for path in (ARTICLES / "migrations").glob("0*.py"):
        text = path.read_text(encoding="utf-8")
        if "CREATE INDEX" in text:  # the names it writes inline or keeps in a table
            made_in_sql |= set(re.findall(r"\b(\w+_idx)\b", text))
    declared = {index.name for _, index in declared_indexes()}
    # Older migrations still create some of the declared ones (for databases migrating from zero).
    assert made_in_sql - declared - {"official_claim_article_visible_idx"} == SQL_ONLY


def test_every_declared_index_has_a_comment_naming_the_query_that_needs_it():
    uncommented = []
    for path in (ARTICLES / "models").glob("*.py"):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            if re.match(r"\s+(models\.Index|SortedIndex|GinIndex)\(", line):
                before = lines[number - 1].strip()
                if not before.startswith("#"):
                    uncommented.append(f"{path.name}:{number + 1}")
    assert uncommented == []
