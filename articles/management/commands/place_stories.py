"""place_stories: index stored articles for near-duplicate search and put them in their stories."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction

from articles.archive import stories
from articles.models import Article, Story
from articles.models.stories import earliest_first

CHUNK_SIZE = 200


class Command(BaseCommand):
    help = (
        "Index articles imported before stories existed (or every article with --all) and place "
        "each in its story, earliest first, as an import would. Editors' judgements are respected."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="every article, not only unindexed ones")

    def handle(self, *args, **options):
        queryset = Article.objects.order_by(*earliest_first())
        if not options["all"]:
            queryset = queryset.filter(signature__isnull=True)
        before = Story.objects.count()
        done = 0
        for article in queryset.iterator(chunk_size=CHUNK_SIZE):
            with transaction.atomic():
                stories.place(article)
            done += 1
            if options["verbosity"] >= 2:
                self.stdout.write(f"placed {article.pk}: story {article.story_id}")
        after = Story.objects.count()
        self.stdout.write(
            self.style.SUCCESS(f"{done} articles placed; stories: {before} before, {after} after")
        )
