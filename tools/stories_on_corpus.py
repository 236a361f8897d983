"""Stories against a generated corpus's reprint families: pairwise P/R/F1 of "same story", the
number of stories and the size of the largest.

    DJANGO_DEBUG=1 DATABASE_URL=… .venv/bin/python tools/stories_on_corpus.py CORPUS_DIR/corpus_truth.json [--json]

Run on a database the same corpus (same seed and size) was imported into — `benchmark --articles N`
or `generate_corpus N` leave it there. A reprint family is one story (corpus_truth.json lists the
families of two or more; every other generated article is a story of its own). Pairs are counted
from the group sizes (C(n, 2) per group), not enumerated: a collapsed corpus costs no more to score.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coopnews.settings")


def pairs(n: int) -> int:
    return n * (n - 1) // 2


def score(families: dict[str, list[str]], stories: dict[str, int]) -> dict:
    """`families`: the truth's groups of two or more (by article name); `stories`: each imported
    article's story id. Articles the truth does not name in a family are their own family."""
    family_of = {name: family for family, members in families.items() for name in members}
    names = set(stories)
    true_groups = Counter(family_of.get(name, name) for name in names)
    found_groups = Counter(stories[name] for name in names)
    both = Counter((family_of.get(name, name), stories[name]) for name in names)
    tp = sum(pairs(n) for n in both.values())
    found = sum(pairs(n) for n in found_groups.values())
    true = sum(pairs(n) for n in true_groups.values())
    precision = tp / found if found else 1.0
    recall = tp / true if true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "articles": len(names),
        "families": len(true_groups),
        "stories": len(found_groups),
        "largest_story": max(found_groups.values(), default=0),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("truth", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    import django

    django.setup()
    from articles.models import Article

    truth = json.loads(args.truth.read_text(encoding="utf-8"))
    stories = {
        Path(source_file).name: story
        for source_file, story in Article.objects.exclude(story=None)
        .values_list("source_file", "story_id")
        .iterator(chunk_size=2000)
    }
    known = {name for members in truth["families"].values() for name in members}
    result = score(
        truth["families"], {n: s for n, s in stories.items() if n.startswith("gen-") or n in known}
    )
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>14}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
