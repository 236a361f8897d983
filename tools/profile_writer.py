"""Where the import's writer spends its time: N more generated articles (the bench corpus from
article START on), parsed, extracted and their story text read first (as the import's workers do), then written through `Importer.write` under cProfile
and `CaptureQueriesContext`. Prints ms and statements an article, the costliest statements, and the
project's functions by cumulative time.

    DJANGO_DEBUG=1 DATABASE_URL=… .venv/bin/python tools/profile_writer.py START N

Run it on a database a benchmark filled (`benchmark --articles 10000` leaves its articles), with
START past them so the articles are new. It writes N articles into that database.

With `--cpu` it profiles nothing and prints the CPU time an article of this process and of its
PostgreSQL backend (read from /proc: the server on this machine), which a loaded machine changes
far less than the wall-clock time: compare two versions of the code with it.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coopnews.settings")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("start", type=int)
    parser.add_argument("count", type=int)
    parser.add_argument("--functions", type=int, default=40, help="project functions listed; default 40")
    parser.add_argument(
        "--cpu", action="store_true", help="CPU time an article, writer and database; no profile"
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.archive import generation
    from articles.archive.batches import extract_safely
    from articles.archive.importing import Importer
    from articles.archive.reference import lexicon_from_db
    from articles.bench.corpus import generate
    from articles.pipeline.parsing import parse_file
    from articles.pipeline.story_text import story_text

    lexicon = lexicon_from_db()
    items = []
    for article in generate(args.count, seed=1, start=args.start):
        parsed = parse_file(article.text.encode(), f"profile-{article.name}", lexicon.outlets, 10**7)
        items.append((parsed, extract_safely(parsed, lexicon)[0], story_text(parsed.title, parsed.body)))
    importer = Importer(lexicon)
    if args.cpu:
        return cpu_time(importer, items)
    profile = cProfile.Profile()
    with CaptureQueriesContext(connection) as queries, generation.batch():
        started = time.perf_counter()
        profile.enable()
        for parsed, extraction, story in items:
            importer.write(
                parsed, extraction, story
            )  # as the import's writer: the workers read the story text
        profile.disable()
        seconds = time.perf_counter() - started
    n = args.count
    print(
        f"{n} articles: {1000 * seconds / n:.1f} ms an article, {len(queries.captured_queries) / n:.1f} statements"
    )
    cost: Counter = Counter()
    for query in queries.captured_queries:
        cost[query["sql"][:100]] += float(query["time"])
    for sql, spent in cost.most_common(12):
        print(f"{1000 * spent / n:6.2f} ms  {sql}")
    stats = pstats.Stats(profile)
    stats.sort_stats("cumulative").print_stats(str(ROOT / "articles"), args.functions)


def cpu_time(importer, items) -> None:
    from django.db import connection

    from articles.archive import generation

    backend = None
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            backend = Path(f"/proc/{cursor.fetchone()[0]}/stat")
    if backend is not None and not backend.exists():
        backend = None  # the server runs on another machine

    def database_cpu() -> float:
        if backend is None:
            return 0.0
        fields = backend.read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime

    own, database, wall = time.process_time(), database_cpu(), time.perf_counter()
    with generation.batch():
        for parsed, extraction, story in items:
            importer.write(parsed, extraction, story)
    n = len(items)
    own, database = time.process_time() - own, database_cpu() - database
    print(
        f"{n} articles: writer {1000 * own / n:.1f} ms CPU an article, "
        + (
            f"its PostgreSQL backend {1000 * database / n:.1f} ms"
            if backend
            else "no local PostgreSQL backend"
        )
        + f"; wall {1000 * (time.perf_counter() - wall) / n:.1f} ms"
    )


if __name__ == "__main__":
    main()
