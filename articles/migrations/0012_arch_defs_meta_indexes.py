"""The indexes migrations 0004, 0008 and 0010 create in SQL, now declared in the models' Meta.indexes.

On PostgreSQL those migrations already created them (same names, same definitions), so here the
database only renames `official_claim_article_visible_idx`, whose name is past Django's 30
characters (a rename, not a rebuild). On SQLite, where they created nothing, the indexes are created
now (without INCLUDE, which SQLite lacks). Either way the state gains the indexes.
"""

from django.db import migrations, models

import articles.models.common

RENAMED = {"official_claim_article_vis_idx": "official_claim_article_visible_idx"}  # new → old


def _indexes(apps):
    # From the operations, not from `apps`: RunPython sees the state before them.
    for operation in STATE:
        yield apps.get_model("articles", operation.model_name), operation.index


def _existing(schema_editor, table) -> set[str]:
    with schema_editor.connection.cursor() as cursor:
        return set(schema_editor.connection.introspection.get_constraints(cursor, table))


def _rename(schema_editor, old, new):
    quote = schema_editor.quote_name
    schema_editor.execute(schema_editor.sql_rename_index % {"old_name": quote(old), "new_name": quote(new)})


def create(apps, schema_editor):
    for model, index in _indexes(apps):
        existing = _existing(schema_editor, model._meta.db_table)
        if index.name in existing:
            continue
        if RENAMED.get(index.name) in existing:
            _rename(schema_editor, RENAMED[index.name], index.name)
        else:
            schema_editor.add_index(model, index)


def restore(apps, schema_editor):
    """Back to what 0011 left: the SQL-made indexes on PostgreSQL (under their old names), none on SQLite."""
    for model, index in _indexes(apps):
        if index.name not in _existing(schema_editor, model._meta.db_table):
            continue
        if schema_editor.connection.vendor == "postgresql":
            if index.name in RENAMED:
                _rename(schema_editor, index.name, RENAMED[index.name])
        else:
            schema_editor.remove_index(model, index)


STATE = [
    migrations.AddIndex(
        model_name="agreement",
        index=articles.models.common.SortedIndex(
            models.OrderBy(models.F("date_from"), descending=True, nulls_last=True),
            models.OrderBy(models.F("id"), descending=True),
            name="agreement_newest_idx",
        ),
    ),
    migrations.AddIndex(
        model_name="article",
        index=articles.models.common.SortedIndex(
            models.OrderBy(models.F("date_from"), descending=True, nulls_last=True),
            models.OrderBy(models.F("id"), descending=True),
            name="article_newest_idx",
        ),
    ),
    migrations.AddIndex(
        model_name="article",
        index=models.Index(
            fields=["id"],
            include=("date_year", "date_month", "date_from", "date_to"),
            name="article_dates_cover_idx",
        ),
    ),
    migrations.AddIndex(
        model_name="officialclaim",
        index=models.Index(
            condition=models.Q(("state__in", ("proposed", "confirmed"))),
            fields=["official", "article"],
            include=("position",),
            name="official_claim_visible_idx",
        ),
    ),
    migrations.AddIndex(
        model_name="officialclaim",
        index=models.Index(
            condition=models.Q(("state__in", ("proposed", "confirmed"))),
            fields=["article"],
            include=("official",),
            name="official_claim_article_vis_idx",
        ),
    ),
]


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0011_agreement_party_country_idx"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=STATE,
            database_operations=[migrations.RunPython(create, restore, elidable=False)],
        ),
    ]
