"""The reference data shipped with the code (articles/data/*.csv), read as plain rows."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def shipped_rows(name: str) -> Iterator[dict[str, str]]:
    path = DATA_DIR / name
    if not path.exists():
        return iter(())
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [
            {k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(line for line in fh if line.strip() and not line.startswith("#"))
        ]
    return iter(rows)
