#!/usr/bin/env python3
"""Score "same agreement" across articles against annotated documents, through the project's own commands.

Usage: tools/evaluate_registry.py [TEXTS_DIR] [GOLD_JSON] [--project DIR] [--json]

Runs `manage.py migrate`, `import_articles TEXTS_DIR` and `export_articles --format jsonl` on a
throwaway SQLite database (as /work/shared/tools/extract_eval.py does), then:

1. matches each gold agreement mention to one exported agreement of the same article: the same
   parties, and the same kind (or a `type_alt`) or a similar title; the best-scoring pairs first,
   each exported agreement used once (extract_eval matches on kind and parties; the title only
   breaks ties between several documents of one kind and pair in one text);
2. over every pair of matched mentions, counts "same agreement" (the exported `id` equal) against
   "same document" (the gold `document` equal): pairwise precision, recall and F1;
3. for the gold documents mentioned in two or more articles, the share that come out as exactly one
   record: every (non-optional) mention matched and all of them carrying one exported id.

Optional gold mentions count in the pairs when they are matched and are never counted as missed.
Defaults: tests/data/registry and tests/data/registry_gold.json.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaluate_stories import exported  # noqa: E402 (migrate, import, export: the one way both scripts run the project)

HERE = Path(__file__).resolve().parent.parent
DATA = HERE / "tests" / "data"

# A title is compared on the first five letters of its words longer than three letters (a crude
# stem that survives Russian declension: «соглашения о военном» ~ «соглашение о военном»).
STEM = 5
MIN_WORD = 4
# Without the same kind, a title must share at least this much to be the same mention.
TITLE_ONLY = 0.5


def stems(title: str | None) -> set[str]:
    text = unicodedata.normalize("NFKC", title or "").lower().replace("ё", "е")
    return {word[:STEM] for word in re.findall(r"\w+", text) if len(word) >= MIN_WORD}


def title_similarity(a: str | None, b: str | None) -> float:
    """Jaccard overlap of the two titles' stems (0 when either has none)."""
    sa, sb = stems(a), stems(b)
    return len(sa & sb) / len(sa | sb) if sa and sb else 0.0


def parties(agreement: dict) -> tuple[str, ...]:
    return tuple(sorted(str(x).upper() for x in agreement.get("parties") or []))


def match_article(gold: list[dict], got: list[dict]) -> dict[int, int]:
    """Gold index → exported index: same parties; same kind or a similar title; best first, one to one."""
    candidates = []
    for gi, g in enumerate(gold):
        kinds = {g.get("kind") or g.get("type"), *(g.get("type_alt") or [])}
        for ri, r in enumerate(got):
            if parties(g) != parties(r):
                continue
            same_kind = (r.get("kind") or r.get("type")) in kinds
            similarity = title_similarity(g.get("title"), r.get("title"))
            if same_kind or similarity >= TITLE_ONLY:
                candidates.append((same_kind + similarity, gi, ri))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, ri in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if gi not in matched and ri not in used:
            matched[gi] = ri
            used.add(ri)
    return matched


@dataclass(frozen=True)
class Mention:
    file: str
    document: str
    got: object  # the exported agreement id; None when the mention was not matched
    optional: bool = False


def mentions(gold: dict, records: list[dict]) -> tuple[list[Mention], list[str]]:
    """Every gold mention with the exported id it matched (None if none), and the files not exported."""
    by_file = {Path(str(r.get("source_file", ""))).name: r for r in records}
    out, missing = [], []
    for name, g in sorted(gold.items()):
        if name.startswith("_"):
            continue
        fname = name if name.endswith(".txt") else name + ".txt"
        record = by_file.get(fname)
        if record is None:
            missing.append(fname)
        gold_agreements = g.get("agreements") or []
        got = list((record or {}).get("agreements") or [])
        matched = match_article(gold_agreements, got)
        for gi, ga in enumerate(gold_agreements):
            ri = matched.get(gi)
            out.append(
                Mention(
                    fname,
                    ga["document"],
                    got[ri].get("id") if ri is not None else None,
                    bool(ga.get("optional")),
                )
            )
    return out, missing


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return round(precision, 3), round(recall, 3), round(f1, 3)


def score_mentions(all_mentions: list[Mention]) -> dict:
    matched = [m for m in all_mentions if m.got is not None]
    tp = fp = fn = 0
    joined, split = defaultdict(int), defaultdict(int)
    for a, b in itertools.combinations(matched, 2):
        same_gold, same_got = a.document == b.document, a.got == b.got
        if same_gold and same_got:
            tp += 1
        elif same_got:
            fp += 1
            joined[tuple(sorted((a.document, b.document)))] += 1
        elif same_gold:
            fn += 1
            split[a.document] += 1
    precision, recall, f1 = prf(tp, fp, fn)

    by_document = defaultdict(list)
    for m in all_mentions:
        by_document[m.document].append(m)
    recurring, one_record, per_document = [], [], {}
    for document, ms in sorted(by_document.items()):
        required = [m for m in ms if not m.optional]
        ids = {m.got for m in ms if m.got is not None}
        per_document[document] = [f"{m.file}:{m.got}" for m in ms]
        if len({m.file for m in required}) >= 2:
            recurring.append(document)
            if all(m.got is not None for m in required) and len(ids) == 1:
                one_record.append(document)
    required = [m for m in all_mentions if not m.optional]
    optional = [m for m in all_mentions if m.optional]
    return {
        "mentions": len(required),
        "mentions_matched": sum(m.got is not None for m in required),
        "optional_mentions": len(optional),
        "optional_matched": sum(m.got is not None for m in optional),
        "documents_gold": len(by_document),
        "agreements_exported": len({m.got for m in matched}),
        "pairs": {"tp": tp, "fp": fp, "fn": fn},
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "recurring_documents": len(recurring),
        "one_record": len(one_record),
        "one_record_share": round(len(one_record) / len(recurring), 3) if recurring else None,
        "joined_apart": {" + ".join(k): v for k, v in sorted(joined.items())},
        "split": dict(sorted(split.items())),
        "documents": per_document,
    }


def score(gold: dict, records: list[dict]) -> dict:
    all_mentions, missing = mentions(gold, records)
    result = score_mentions(all_mentions)
    result["articles"] = sum(1 for k in gold if not k.startswith("_"))
    result["missing"] = missing
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("texts", nargs="?", default=str(DATA / "registry"))
    parser.add_argument("gold", nargs="?", default=str(DATA / "registry_gold.json"))
    parser.add_argument("--project", default=str(HERE))
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args()
    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        records = exported(
            Path(args.project).resolve(), Path(args.texts).resolve(), Path(tmp) / "registry.sqlite3"
        )
    result = score(gold, records)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return
    print(
        f"{result['articles']} articles; gold mentions matched {result['mentions_matched']} of {result['mentions']}"
        f" (optional {result['optional_matched']} of {result['optional_mentions']});"
        f" {result['documents_gold']} documents in gold, {result['agreements_exported']} exported ids among the matched"
    )
    print(
        f"same agreement: pairs {result['pairs']}  precision {result['precision']}"
        f"  recall {result['recall']}  F1 {result['f1']}"
    )
    print(
        f"documents in 2+ articles: {result['recurring_documents']}, one record: {result['one_record']}"
        f" ({result['one_record_share']})"
    )
    for document, ids in result["documents"].items():
        print(f"  {document}: {', '.join(ids)}")
    for pair, n in result["joined_apart"].items():
        print(f"  joined apart ({n} pairs): {pair}")
    if result["missing"]:
        print("not exported: " + ", ".join(result["missing"]))


if __name__ == "__main__":
    main()
