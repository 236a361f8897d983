#!/usr/bin/env python3
"""Score "same story" against annotated story groups, through the project's own commands.

Usage: tools/evaluate_stories.py [TEXTS_DIR] [GOLD_JSON] [--project DIR] [--json]

Runs `manage.py migrate`, `import_articles TEXTS_DIR` and `export_articles --format jsonl` on a
throwaway SQLite database (as /work/shared/tools/extract_eval.py does), then compares every pair of
exported articles: the same `story` id against the same gold group. Pairwise precision, recall and
F1, and the pairs it got wrong. Defaults: tests/data/stories/texts and its stories_gold.json.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
DATA = HERE / "tests" / "data" / "stories"


def exported(project: Path, texts: Path, db: Path) -> list[dict]:
    env = dict(
        os.environ,
        DATABASE_URL=f"sqlite:///{db}",
        DJANGO_SECRET_KEY="evaluate-stories-" + os.urandom(8).hex(),
        PYTHONWARNINGS="ignore",
    )
    python = project / ".venv" / "bin" / "python"
    python = python if python.exists() else Path(sys.executable)

    def manage(*args: str) -> str:
        run = subprocess.run(
            [str(python), "manage.py", *args], cwd=project, env=env, text=True, capture_output=True
        )
        if run.returncode:
            sys.exit(f"manage.py {args[0]} failed:\n{(run.stderr or run.stdout)[-1500:]}")
        return run.stdout

    manage("migrate", "--noinput")
    manage("import_articles", str(texts))
    lines = manage("export_articles", "--format", "jsonl").splitlines()
    return [json.loads(line) for line in lines if line.startswith("{")]


def score(gold: dict[str, str], records: list[dict]) -> dict:
    story = {Path(r["source_file"]).name: r["story"] for r in records}
    files = sorted(f for f in gold if not f.startswith("_"))
    missing = [f for f in files if f not in story]
    tp = fp = fn = 0
    wrong = []
    for a, b in itertools.combinations([f for f in files if f in story], 2):
        same_gold = gold[a] == gold[b]
        same_got = story[a] is not None and story[a] == story[b]
        if same_gold and same_got:
            tp += 1
        elif same_got:
            fp += 1
            wrong.append(f"joined apart: {a} + {b}")
        elif same_gold:
            fn += 1
            wrong.append(f"missed: {a} + {b}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "articles": len(files),
        "stories_gold": len({gold[f] for f in files}),
        "stories_found": len({story[f] for f in files if f in story}),
        "pairs": {"tp": tp, "fp": fp, "fn": fn},
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "missing": missing,
        "wrong": wrong,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("texts", nargs="?", default=str(DATA / "texts"))
    parser.add_argument("gold", nargs="?", default=str(DATA / "stories_gold.json"))
    parser.add_argument("--project", default=str(HERE))
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args()
    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        result = score(gold, exported(Path(args.project), Path(args.texts), Path(tmp) / "stories.sqlite3"))
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return
    print(
        f"{result['articles']} articles, {result['stories_gold']} stories in gold, {result['stories_found']} found"
    )
    print(
        f"pairs {result['pairs']}  precision {result['precision']}  recall {result['recall']}  F1 {result['f1']}"
    )
    for line in result["wrong"]:
        print("  " + line)
    if result["missing"]:
        print("not exported: " + ", ".join(result["missing"]))


if __name__ == "__main__":
    main()
