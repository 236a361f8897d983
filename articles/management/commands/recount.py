"""recount: rebuild the derived counts (the pair × month table, what each story counts, the stories'
leads) from the archive itself."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction

from articles.archive import generation, pair_months
from articles.models import PairMonth, StoryPair


class Command(BaseCommand):
    help = (
        "Recount the pair × month table (articles and stories, every pair and primary pairs), the "
        "pairs each story counts for and each story's lead from the articles, in one transaction. "
        "The writer keeps them current; this is for a write that bypassed it (a raw SQL fix, a restore)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="recount, report, and roll back")

    def handle(self, *args, **options):
        with transaction.atomic():
            before = PairMonth.objects.count()
            pair_months.rebuild()
            after, owned = PairMonth.objects.count(), StoryPair.objects.count()
            if options["dry_run"]:
                transaction.set_rollback(True)
            else:
                generation.bump_on_commit()  # readers' cached totals follow
        verb = "would be" if options["dry_run"] else "recounted"
        self.stdout.write(
            self.style.SUCCESS(f"pair × month cells: {before} before, {after} {verb}; story pairs: {owned}")
        )
