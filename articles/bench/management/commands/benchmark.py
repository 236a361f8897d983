"""benchmark --articles N: import a generated corpus into an empty archive, then time the pages."""

from __future__ import annotations

import json
import os
import platform
import tempfile
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from articles.bench.benchmarking import analyze, import_generated, measure_pages, real_articles_exist
from articles.bench.floor import import_vs_extraction, measure_floor
from articles.models import Article


class Command(BaseCommand):
    help = (
        "On an empty database: generate N articles and import them through import_articles (throughput "
        "and peak memory), then request the reader's pages through the real URL stack (p50/p95 over "
        "repeated requests, SQL queries per page, the streamed CSV export's time and memory). The "
        "generated articles stay, marked as generated, for a load test. --json prints one object."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True, metavar="N", help="articles to import")
        parser.add_argument("--workers", type=int, default=2, help="import_articles --workers; default 2")
        parser.add_argument(
            "--writers",
            type=int,
            default=1,
            help="import_articles --writers (PostgreSQL: each process extracts and writes; it then "
            "stands for --workers in import_vs_extraction); default 1",
        )
        parser.add_argument("--seed", type=int, default=1, help="corpus seed; default 1")
        parser.add_argument("--repeat", type=int, default=20, help="timed requests per page; default 20")
        parser.add_argument(
            "--export-repeat", type=int, default=2, help="timed downloads of the whole CSV export; default 2"
        )
        parser.add_argument("--no-extract", action="store_true", help="import without entity extraction")
        parser.add_argument(
            "--floor-articles",
            type=int,
            default=2000,
            metavar="N",
            help="the import's floor (parse + extract in one process, no database) is timed on the "
            "first N of the imported files; 0: all of them; default 2000",
        )
        parser.add_argument(
            "--pages-only",
            action="store_true",
            help="skip the import and measure the pages of a database that holds only generated articles",
        )
        parser.add_argument("--json", action="store_true", help="print one JSON object and nothing else")

    def handle(self, *args, **options):
        n, workers, repeat = options["articles"], options["workers"], options["repeat"]
        if n < 1 or workers < 1 or options["writers"] < 1 or repeat < 1 or options["export_repeat"] < 1:
            raise CommandError(
                "--articles, --workers, --writers and the repeats must be at least 1", returncode=2
            )
        if options["floor_articles"] < 0 or options["floor_articles"] == 1:
            raise CommandError("--floor-articles must be 0 (all) or at least 2", returncode=2)
        if n < 2 and not options["pages_only"]:
            raise CommandError(
                "--articles must be at least 2: the floor times all but the first", returncode=2
            )
        report: dict = {"articles": n}
        if options["pages_only"]:
            if real_articles_exist() or not Article.objects.exists():
                raise CommandError("--pages-only needs a database holding generated articles only")
            report["articles"] = Article.objects.count()
        else:
            if Article.objects.exists():
                raise CommandError(
                    f"the database holds {Article.objects.count()} articles: benchmark needs an empty one "
                    "(create a separate database and point DATABASE_URL at it)"
                )
            self._progress(options, f"importing {n} generated articles with {workers} worker(s)…")
            report.update(self._import(n, workers, options))
        analyze()
        self._progress(options, f"measuring pages, {repeat} requests each…")
        started = time.perf_counter()
        report["pages"] = measure_pages(repeat=repeat, export_repeat=options["export_repeat"])
        report["pages_seconds"] = round(time.perf_counter() - started, 1)
        # What most readers get: the same pages from the shared page cache (articles/web/page_cache.py).
        report["pages_cached"] = measure_pages(repeat=repeat, page_cache=True)
        report["machine"] = _machine()
        if options["json"]:
            self.stdout.write(json.dumps(report, ensure_ascii=False))
            return
        self._table(report)

    def _import(self, n: int, workers: int, options) -> dict:
        """Import the generated corpus, then time its floor on the same files in this process."""
        extract = not options["no_extract"]
        with tempfile.TemporaryDirectory(prefix="coopnews-corpus-") as tmp:
            run = import_generated(
                n,
                seed=options["seed"],
                workers=workers,
                writers=options["writers"],
                extract=extract,
                directory=Path(tmp),
            )
            if run.failed:
                raise CommandError(f"import_articles failed: {run.failed}\n{run.output}")
            self._progress(options, "timing the floor: the same files parsed and extracted in one process…")
            floor = measure_floor(Path(tmp), limit=options["floor_articles"] or None, extract=extract)
        import_per_s, floor_per_s = round(run.per_second, 1), round(floor.per_second, 1)
        return {
            "articles": run.articles,
            "import_articles_per_s": import_per_s,
            "import_peak_rss_mb": round(run.peak_rss_mb),
            "import_seconds": round(run.seconds, 1),
            "import_workers": workers,
            "import_writers": options["writers"],
            "import_extract": run.extract,
            "import_peak_rss_parent_mb": round(run.peak_rss_parent_mb),
            "import_peak_rss_worker_mb": round(run.peak_rss_worker_mb),
            # The floor: parse + extract (parse only with --no-extract), one process, no database.
            "extract_articles_per_s": floor_per_s,
            "extract_articles": floor.articles,
            "extract_model_load_s": round(floor.load_seconds, 1),
            # From the printed rates, so a reader can check it: 1.0 would be an import at the floor.
            # With several writers each extracts its own share: they are the extracting processes.
            "import_vs_extraction": round(import_vs_extraction(import_per_s, run.workers, floor_per_s), 3),
        }

    def _progress(self, options, message: str) -> None:
        if not options["json"] and options["verbosity"] >= 1:
            self.stderr.write(message)

    def _table(self, report: dict) -> None:
        if "import_articles_per_s" in report:
            self.stdout.write(
                f"import: {report['articles']} articles in {report['import_seconds']} s — "
                f"{report['import_articles_per_s']} articles/s, peak memory {report['import_peak_rss_mb']} MB "
                f"({report['import_workers']} worker(s), {report['import_writers']} writer(s), extraction {'on' if report['import_extract'] else 'off'})"
            )
            self.stdout.write(
                f"floor: {report['extract_articles_per_s']} articles/s parsed and extracted in one process, "
                f"no database ({report['extract_articles']} of the same files); import ÷ (workers × floor) = "
                f"{report['import_vs_extraction']}"
            )
        self.stdout.write(f"{'page':<30} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'status':>7}")
        for name, page in report["pages"].items():
            line = (
                f"{name:<30} {page['p50_ms']:>8} {page['p95_ms']:>8} {page['queries']:>8} {page['status']:>7}"
            )
            if "rss_growth_mb" in page:
                line += f"   memory +{page['rss_growth_mb']} MB while streaming {page['bytes']} bytes"
            self.stdout.write(line)
        self.stdout.write("from the page cache:")
        for name, page in report["pages_cached"].items():
            self.stdout.write(
                f"{name:<30} {page['p50_ms']:>8} {page['p95_ms']:>8} {page['queries']:>8} {page['status']:>7}"
            )
        self.stdout.write(f"machine: {report['machine']}")


def _machine() -> dict:
    info = {
        "python": platform.python_version(),
        "cpus": _cpus(),
        "database": connection.vendor,
    }
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            info["database"] = f"PostgreSQL {cursor.fetchone()[0]}"
    return info


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
