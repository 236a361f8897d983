"""load_reference_data: add the countries, forms, outlets and organisations a release ships."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction

from articles.archive import generation
from articles.archive.reference import load_reference_data


class Command(BaseCommand):
    help = (
        "Add reference rows from articles/data/*.csv that the database lacks. Only adds: rows an "
        "editor changed are left as they are."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            added = load_reference_data()
            if any(added.values()):
                generation.bump_on_commit()  # new country names show on readers' pages
        self.stdout.write(
            self.style.SUCCESS(
                ", ".join(f"{n} {what.replace('_', ' ')}" for what, n in added.items()) + " added"
            )
        )
