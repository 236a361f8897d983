"""Full-text search schema, PostgreSQL only (see articles/web/search.py).

- `articles_article.search_vector`: a stored generated tsvector, title weight A and body weight B
  with the `russian` configuration, so it can never go stale and no import code has to maintain it.
- `article_search_idx`: GIN index over it for `search_vector @@ websearch_to_tsquery(...)`.
- `article_newest_idx`: the article list's default order (newest first, undated last) as an index,
  so a page of the newest articles is an index scan rather than a sort of the whole table.

On SQLite every operation here is a no-op: search falls back to folded substring matching.
The column and its GIN index stay SQL: the column exists on PostgreSQL only (a generated tsvector),
so no model field and no Meta index can name it. `article_newest_idx` is declared in Article's
Meta.indexes since migration 0012.
"""

from django.db import migrations

FORWARD = [
    """
    ALTER TABLE articles_article ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector('russian'::regconfig, coalesce(title, '')), 'A')
            || setweight(to_tsvector('russian'::regconfig, coalesce(body, '')), 'B')
        ) STORED
    """,
    "CREATE INDEX article_search_idx ON articles_article USING gin (search_vector)",
    "CREATE INDEX article_newest_idx ON articles_article (date_from DESC NULLS LAST, id DESC)",
]

BACKWARD = [
    "DROP INDEX IF EXISTS article_newest_idx",
    "DROP INDEX IF EXISTS article_search_idx",
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_vector",
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
        ("articles", "0003_editors_group"),
    ]

    operations = [
        migrations.RunPython(_run(FORWARD), _run(BACKWARD), elidable=False),
    ]
