"""The newest-first indexes follow the reader's order (articles/web/reader.py NEWEST): after the
earliest possible day, the month and day an article or agreement gives without a year, so
year-unknown rows sort by their date rather than in import order, and a page of the newest rows
is still an index scan. PostgreSQL only, like migrations 0004 and 0008 that made them."""

from django.db import migrations

KEYS_NEW = "date_from DESC NULLS LAST, date_month DESC NULLS LAST, date_day DESC NULLS LAST, id DESC"
KEYS_OLD = "date_from DESC NULLS LAST, id DESC"
TABLES = {"article_newest_idx": "articles_article", "agreement_newest_idx": "articles_agreement"}


def _indexes(keys):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for index, table in TABLES.items():
            schema_editor.execute(f"DROP INDEX IF EXISTS {index}")
            schema_editor.execute(f"CREATE INDEX {index} ON {table} ({keys})")

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0012_reader_name_en"),
    ]

    operations = [
        migrations.RunPython(_indexes(KEYS_NEW), _indexes(KEYS_OLD), elidable=False),
    ]
