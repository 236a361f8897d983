"""An index on an agreement's parties by country first: (country_id, agreement_id).

A pair's or a country's agreements (`reader.agreements_between`) start, when the pair is rare, from
one country's posting list and probe the other through the (agreement_id, country_id) unique
index. Django's own index on country_id alone points at the heap for every row; this one answers
from the index (CN–IN at 44,000 agreements: 11 ms → 3 ms). Stays SQL: the through table is
Django's implicit one, which has no Meta to declare an index in (only an explicit through model
would), so the migration state does not change.
"""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS agreement_party_country_idx "
    "ON articles_agreement_parties (country_id, agreement_id)"
)
DROP = "DROP INDEX IF EXISTS agreement_party_country_idx"


def create(apps, schema_editor):
    schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0010_official_claim_covering"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
