"""Where the import's writer spends its time: N more generated articles (the bench corpus from
article START on), parsed and extracted first, then written through `Importer.write` under cProfile
and `CaptureQueriesContext`. Prints ms and statements an article, the costliest statements, and the
project's functions by cumulative time.

    DJANGO_DEBUG=1 DATABASE_URL=… .venv/bin/python tools/profile_writer.py START N

Run it on a database a benchmark filled (`benchmark --articles 10000` leaves its articles), with
START past them so the articles are new. It writes N articles into that database.
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

    lexicon = lexicon_from_db()
    items = []
    for article in generate(args.count, seed=1, start=args.start):
        parsed = parse_file(article.text.encode(), f"profile-{article.name}", lexicon.outlets, 10**7)
        items.append((parsed, extract_safely(parsed, lexicon)[0]))
    importer = Importer(lexicon)
    profile = cProfile.Profile()
    with CaptureQueriesContext(connection) as queries, generation.batch():
        started = time.perf_counter()
        profile.enable()
        for parsed, extraction in items:
            importer.write(parsed, extraction)
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


if __name__ == "__main__":
    main()
