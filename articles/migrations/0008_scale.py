"""Indexes the pages need at 100,000 articles (PostgreSQL; found with EXPLAIN ANALYZE, see the
README's Performance section).

- `agreement_newest_idx` — /agreements/, the home page's recent agreements and a pair's or an
  official's agreements are ordered newest first (date_from DESC NULLS LAST, id DESC) with LIMIT:
  an index in that order lets PostgreSQL stop after the page instead of sorting every agreement.
- `article_dates_cover_idx` — a pair's articles per month (`month_series`) and an official's posts
  over time (`posts_over_time`) join thousands of claims to their articles only for the dates: with
  the dates in the index (INCLUDE) the join is an index-only scan, not a read of the article rows
  (each several kilobytes with body, raw text and search vector).

Written as SQL at the time; on SQLite this migration does nothing. Migration 0012 declares both in
the models' Meta.indexes (same names and definitions) and creates them on SQLite.
"""

from django.db import migrations

FORWARD = [
    "CREATE INDEX IF NOT EXISTS agreement_newest_idx ON articles_agreement (date_from DESC NULLS LAST, id DESC)",
    "CREATE INDEX IF NOT EXISTS article_dates_cover_idx ON articles_article (id) "
    "INCLUDE (date_year, date_month, date_from, date_to)",
]

BACKWARD = [
    "DROP INDEX IF EXISTS article_dates_cover_idx",
    "DROP INDEX IF EXISTS agreement_newest_idx",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_search"),
    ]

    operations = [
        migrations.RunPython(_run(FORWARD), _run(BACKWARD), elidable=False),
    ]
