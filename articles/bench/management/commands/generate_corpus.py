"""generate_corpus N: a synthetic corpus for benchmarks, written to files or imported and marked."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.bench.benchmarking import import_generated, real_articles_exist
from articles.bench.corpus import write_corpus


class Command(BaseCommand):
    help = (
        "Generate N realistic synthetic Russian articles about defence cooperation (many countries, "
        "pairs, officials with declined names, agreements of every kind and status, outlets, datelines, "
        "a decade of dates, documents that recur across articles, reprints by other outlets). The same "
        "--seed gives the same articles. With --output, write the files there, with corpus_truth.json "
        "(reprint families and recurring documents, by identity), and touch no database; otherwise import them through import_articles and mark them "
        "as generated. Refuses a database holding real articles unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, metavar="N", help="how many articles")
        parser.add_argument("--seed", type=int, default=1, help="default 1; the same seed, the same corpus")
        parser.add_argument(
            "--output", metavar="DIR", help="write the files into DIR (a new or empty directory) instead"
        )
        parser.add_argument(
            "--format",
            choices=["txt", "jsonl"],
            default="txt",
            help="with --output: .txt files (folders of 1,000) or .jsonl files of 1,000 lines; default txt",
        )
        parser.add_argument("--workers", type=int, default=1, help="import_articles --workers; default 1")
        parser.add_argument("--no-extract", action="store_true", help="import without entity extraction")
        parser.add_argument(
            "--force", action="store_true", help="add generated articles even where real ones are"
        )

    def handle(self, *args, count: int, seed: int, output: str | None, **options):
        if count < 1:
            raise CommandError(f"N must be at least 1 (got {count})", returncode=2)
        if options["workers"] < 1:
            raise CommandError(f"--workers must be at least 1 (got {options['workers']})", returncode=2)
        if output:
            self._write(Path(output), count, seed, options["format"])
            return
        if options["format"] != "txt":
            raise CommandError("--format applies to --output only (imports use .txt files)", returncode=2)
        if real_articles_exist() and not options["force"]:
            raise CommandError(
                "this database holds real (not generated) articles: generated ones would mix with them "
                "in every page and export. Use a separate database, or --force if you mean it."
            )
        run = import_generated(
            count, seed=seed, workers=options["workers"], extract=not options["no_extract"]
        )
        if options["verbosity"] >= 2:
            self.stdout.write(run.output)
        summary = (
            f"{run.files} articles generated (seed {seed}) and imported in {run.seconds:.1f} s "
            f"({run.per_second:.1f} articles/s, {run.workers} worker(s), extraction "
            f"{'on' if run.extract else 'off'}); {run.articles} generated articles in the archive"
        )
        if run.failed:
            self.stderr.write(run.output)
            raise CommandError(f"{summary}; import_articles: {run.failed}")
        self.stdout.write(self.style.SUCCESS(summary))

    def _write(self, directory: Path, count: int, seed: int, fmt: str) -> None:
        if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
            raise CommandError(f"{directory} exists and is not an empty directory", returncode=2)
        written = write_corpus(directory, count, seed=seed, fmt=fmt)
        self.stdout.write(
            self.style.SUCCESS(f"{written} articles written to {directory} ({fmt}, seed {seed})")
        )
