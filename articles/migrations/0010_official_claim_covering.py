"""Covering partial indexes over visible official claims (PostgreSQL only; SQLite has no INCLUDE).

An official's page aggregates every visible claim of the official (posts with first/last dates and
the article total): 40 % of the articles name the most mentioned official, so at 100,000 articles
that is 40,000 claims — read from the index alone instead of 7,000 heap pages. A pair dossier's
«who speaks» matches the pair's articles to visible claims by article: same, keyed by article.
Written as SQL at the time (PostgreSQL only). Migration 0012 declares both in OfficialClaim's
Meta.indexes, renaming the second to `official_claim_article_vis_idx` (Django's 30 characters).
"""

from django.db import migrations

INDEXES = {
    "official_claim_visible_idx": (
        "ON articles_officialclaim (official_id, article_id) INCLUDE (position) "
        "WHERE state IN ('proposed', 'confirmed')"
    ),
    "official_claim_article_visible_idx": (
        "ON articles_officialclaim (article_id) INCLUDE (official_id) WHERE state IN ('proposed', 'confirmed')"
    ),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, definition in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} {definition}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_pair_month"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=True)]
