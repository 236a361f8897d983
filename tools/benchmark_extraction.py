"""Extraction alone, without the database: articles per second and peak memory.

    DJANGO_DEBUG=1 .venv/bin/python tools/benchmark_extraction.py [--articles 2000] [--seed 1] [--json]

Generates the corpus in memory (articles.bench.corpus), parses each text, then times extract() over
all of them after the models have loaded (load time is reported apart). Peak memory is the
process's maximum resident set size.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coopnews.settings")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.articles < 1:
        parser.error("--articles must be at least 1")

    import django

    django.setup()
    from articles.bench.corpus import generate
    from articles.pipeline.extraction.lexicon import Lexicon
    from articles.pipeline.extraction.pipeline import extract
    from articles.pipeline.parsing import ParsedArticle, parse_text

    lexicon = Lexicon.from_files()
    parsed = [
        p
        for p in (
            parse_text(g.text, g.name, lexicon.outlets) for g in generate(args.articles, seed=args.seed)
        )
        if isinstance(p, ParsedArticle)
    ]
    started = time.perf_counter()
    extract(parsed[0], lexicon)  # loads Natasha and pymorphy3 once
    load_s = time.perf_counter() - started

    started = time.perf_counter()
    found = 0
    for article in parsed:
        result = extract(article, lexicon)
        found += len(result.countries) + len(result.officials) + len(result.agreements)
    elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    chars = sum(len(p.body) for p in parsed)
    figures = {
        "articles": len(parsed),
        "mean_chars": round(chars / len(parsed)),
        "model_load_s": round(load_s, 2),
        "articles_per_s": round(len(parsed) / elapsed, 1),
        "ms_per_article": round(1000 * elapsed / len(parsed), 1),
        "peak_rss_mb": round(peak_mb),
        "entities_found": found,
    }
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:16} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
