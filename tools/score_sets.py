#!/usr/bin/env python3
"""Score every development set in tests/data with ../shared/tools/extract_eval.py, one row a set.

    .venv/bin/python tools/score_sets.py --evaluator ../shared/tools/extract_eval.py   # every set
    .venv/bin/python tools/score_sets.py webtext4 holdout --jobs 2

A set is a folder of texts, `tests/data/NAME/` (or its `texts/` subfolder), with its gold in
`tests/data/NAME_gold.json` or `tests/data/NAME/gold.json`. Each is imported into its own fresh
database through the project's own commands, exactly as the hidden sets are scored.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
EVALUATOR = ROOT.parent / "shared" / "tools" / "extract_eval.py"  # the evaluation kit beside the checkout
COLUMNS = (
    ("articles", "n"),
    ("title_acc", "title"),
    ("date_acc", "date"),
    ("source_acc", "source"),
    ("primary_pair_acc", "pair"),
    ("countries_prf", "countries F1"),
    ("officials_prf", "officials F1"),
    ("official_country_acc", "off. country"),
    ("official_position_acc", "post"),
    ("agreements_prf", "agreements F1"),
    ("agreement_signed_acc", "signed"),
    ("agreement_status_acc", "status"),
    ("agreement_date_acc", "agr. date"),
)


def sets() -> dict[str, tuple[Path, Path]]:
    found = {}
    for folder in sorted(p for p in DATA.iterdir() if p.is_dir()):
        gold = next(
            (g for g in (DATA / f"{folder.name}_gold.json", folder / "gold.json") if g.exists()), None
        )
        texts = folder / "texts" if (folder / "texts").is_dir() else folder
        if gold is not None:
            found[folder.name] = (texts, gold)
    return found


# What a set's gold must give for a column to mean anything (the registry sets give no people).
GIVEN = {
    "title_acc": "title",
    "primary_pair_acc": "primary_pair",
    "countries_prf": "countries",
    "officials_prf": "officials",
    "official_country_acc": "officials",
    "official_position_acc": "officials",
}
# Columns a gold may leave as null on purpose (no date in the text): meaningful when the key is there.
PRESENT = {
    "date_acc": "date",
    "source_acc": "source",
    "agreements_prf": "agreements",
    "agreement_signed_acc": "agreements",
    "agreement_status_acc": "agreements",
    "agreement_date_acc": "agreements",
}


def columns_given(gold: Path) -> set[str]:
    """The columns the gold can score: GIVEN's keys with a value in at least one record, PRESENT's
    keys in at least one record; the others always."""
    data = json.loads(gold.read_text(encoding="utf-8"))
    records = [r for r in (data.values() if isinstance(data, dict) else data) if isinstance(r, dict)]
    valued = {key for record in records for key, value in record.items() if value}
    valued |= {"primary_pair"} if "pair" in valued else set()
    present = {key for record in records for key in record}
    return (
        {column for column, key in GIVEN.items() if key in valued}
        | {column for column, key in PRESENT.items() if key in present}
        | {column for column, _label in COLUMNS if column not in GIVEN and column not in PRESENT}
    )


def score(evaluator: Path, texts: Path, gold: Path) -> dict:
    run = subprocess.run(
        [sys.executable, str(evaluator), str(texts), str(gold), "--project", str(ROOT), "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if run.returncode != 0:
        return {"error": (run.stderr or run.stdout).strip().splitlines()[-1:]}
    return json.loads(run.stdout)["summary"]


def cell(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, list):  # precision, recall, F1
        return f"{value[2]:.3f}"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="sets to score (default: every set with a gold file)")
    parser.add_argument("--jobs", type=int, default=1, help="sets scored at once; default 1")
    parser.add_argument(
        "--evaluator", type=Path, default=EVALUATOR, help=f"extract_eval.py; default {EVALUATOR}"
    )
    args = parser.parse_args()
    if not args.evaluator.is_file():
        parser.error(f"no evaluator at {args.evaluator}: pass --evaluator PATH to extract_eval.py")
    available = sets()
    unknown = [name for name in args.names if name not in available]
    if unknown:
        parser.error(f"no such set with a gold file: {', '.join(unknown)} (known: {', '.join(available)})")
    chosen = args.names or list(available)
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = dict(
            zip(chosen, pool.map(lambda name: score(args.evaluator, *available[name]), chosen), strict=True)
        )
    print("| set | " + " | ".join(label for _key, label in COLUMNS) + " |")
    print("| --- " * (len(COLUMNS) + 1) + "|")
    failed = False
    for name in chosen:
        summary = results[name]
        if "error" in summary:
            failed = True
            print(f"| {name} | error: {' '.join(summary['error'])} |")
            continue
        scored = columns_given(available[name][1])
        cells = (cell(summary.get(key)) if key in scored else "–" for key, _label in COLUMNS)
        print(f"| {name} | " + " | ".join(cells) + " |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
