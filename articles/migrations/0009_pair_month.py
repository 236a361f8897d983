"""The pair × month table (articles/archive/pair_months.py keeps it current), filled from the archive."""

from collections import Counter

import django.db.models.deletion
from django.db import migrations, models

VISIBLE_STATES = ("proposed", "confirmed")


def fill(apps, schema_editor):
    ArticlePair = apps.get_model("articles", "ArticlePair")
    PairMonth = apps.get_model("articles", "PairMonth")
    rows = (
        ArticlePair.objects.using(schema_editor.connection.alias)
        .filter(state__in=VISIBLE_STATES)
        .values_list("country_a", "country_b", "article__date_year", "article__date_month")
        .iterator(chunk_size=10_000)
    )
    counts = Counter((a, b, year or 0, (month or 0) if year else 0) for a, b, year, month in rows)
    PairMonth.objects.using(schema_editor.connection.alias).bulk_create(
        [
            PairMonth(country_a_id=a, country_b_id=b, year=year, month=month, articles=n)
            for (a, b, year, month), n in sorted(counts.items())
        ],
        batch_size=5_000,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0008_scale"),
    ]

    operations = [
        migrations.CreateModel(
            name="PairMonth",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(help_text="0 — без даты.", verbose_name="год")),
                (
                    "month",
                    models.PositiveSmallIntegerField(
                        help_text="0 — известен только год или нет даты.", verbose_name="месяц"
                    ),
                ),
                ("articles", models.IntegerField(verbose_name="статей")),
                (
                    "country_a",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="articles.country",
                        verbose_name="страна A",
                    ),
                ),
                (
                    "country_b",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="articles.country",
                        verbose_name="страна B",
                    ),
                ),
            ],
            options={
                "verbose_name": "статьи пары за месяц",
                "verbose_name_plural": "статьи пар по месяцам",
                "ordering": ["country_a", "country_b", "year", "month"],
                "indexes": [models.Index(fields=["country_b", "country_a"], name="pair_month_b_idx")],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("country_a", "country_b", "year", "month"), name="pair_month_unique"
                    )
                ],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=False),
    ]
