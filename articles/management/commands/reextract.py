"""reextract: run entity extraction again on stored articles, keeping every editor decision."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from articles.archive import generation
from articles.archive.importing import reextract
from articles.archive.reference import lexicon_from_db
from articles.models import Article

CHUNK_SIZE = 200


class Command(BaseCommand):
    help = (
        "Re-run extraction on stored articles (from their stored body). Only machine claims nobody "
        "has decided on are replaced; confirmed, rejected and editor-made claims stay, and a rejected "
        "claim is never proposed again."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group()
        which.add_argument("--all", action="store_true", help="every article")
        which.add_argument("--article", type=int, nargs="+", metavar="ID", default=[], help="these articles")

    def handle(self, *args, **options):
        if not options["all"] and not options["article"]:
            raise CommandError("say which articles: --all or --article ID [ID …]", returncode=2)
        queryset = Article.objects.select_related("source").order_by("id")
        if options["article"]:
            ids = sorted(set(options["article"]))
            found = set(Article.objects.filter(pk__in=ids).values_list("pk", flat=True))
            missing = [str(pk) for pk in ids if pk not in found]
            if missing:
                raise CommandError(f"no article with id {', '.join(missing)}", returncode=2)
            queryset = queryset.filter(pk__in=ids)

        from articles.pipeline.extraction import (
            pipeline,  # looked up at run time: tests may replace extract()
        )

        lexicon = lexicon_from_db()  # once per run
        done = warnings = 0
        with generation.batch():  # readers' pages follow at a bounded delay, like an import's
            for article in queryset.iterator(chunk_size=CHUNK_SIZE):
                warning = reextract(article, lexicon, pipeline.extract)
                done += 1
                if warning:
                    warnings += 1
                    self.stderr.write(f"warning: article {article.pk} ({article.source_file}): {warning}")
                elif options["verbosity"] >= 2:
                    self.stdout.write(f"re-extracted {article.pk}: {article.source_file}")
        self.stdout.write(self.style.SUCCESS(f"{done} articles re-extracted, {warnings} with errors"))
        if warnings:
            raise CommandError(f"extraction failed on {warnings} articles", returncode=1)
