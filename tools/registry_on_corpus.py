"""The agreements registry against a generated corpus's known documents: pairwise P/R/F1 of "same
agreement" and the share of documents named in two or more articles that come out as one record.

    DJANGO_DEBUG=1 DATABASE_URL=… .venv/bin/python tools/registry_on_corpus.py CORPUS_DIR/corpus_truth.json [--json]

Run on a database the same corpus (same seed and size) was imported into — `benchmark --articles N`
or `generate_corpus N` leave it there. Each known document is found among its article's claims by
kind and parties; an article with two claims of one kind and pair is left out (ambiguous).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coopnews.settings")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("truth", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    import django

    django.setup()
    from articles.models import AgreementClaim

    truth = json.loads(args.truth.read_text(encoding="utf-8"))
    claims: dict[str, dict[tuple[str, str], list[int]]] = defaultdict(lambda: defaultdict(list))
    rows = AgreementClaim.objects.visible().values_list(
        "article__source_file", "kind", "parties_key", "agreement_id"
    )
    for source_file, kind, key, agreement in rows.iterator(chunk_size=2000):
        claims[Path(source_file).name][(kind, key)].append(agreement)
    mentions = []  # (document, agreement)
    missing = 0
    for identity, document in truth["documents"].items():
        pair = document["pair"]
        for name in document["articles"]:
            found = claims.get(name, {}).get((document["kind"], pair), [])
            if len(found) == 1:
                mentions.append((identity, found[0]))
            else:
                missing += 1
    tp = fp = fn = 0
    for (doc_a, agr_a), (doc_b, agr_b) in itertools.combinations(mentions, 2):
        same_doc, same_agr = doc_a == doc_b, agr_a == agr_b
        tp += same_doc and same_agr
        fp += same_agr and not same_doc
        fn += same_doc and not same_agr
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    by_document = defaultdict(set)
    for identity, agreement in mentions:
        by_document[identity].add(agreement)
    holders = defaultdict(set)
    for identity, agreement in mentions:
        holders[agreement].add(identity)
    recurring = [d for d, agreements in by_document.items() if len(truth["documents"][d]["articles"]) > 1]
    exactly_one = [
        d for d in recurring if len(by_document[d]) == 1 and holders[next(iter(by_document[d]))] == {d}
    ]
    result = {
        "documents": len(truth["documents"]),
        "mentions_matched": len(mentions),
        "mentions_unmatched": missing,
        "agreements_holding_them": len({a for _, a in mentions}),
        "pairwise_precision": round(precision, 4),
        "pairwise_recall": round(recall, 4),
        "pairwise_f1": round(f1, 4),
        "recurring_documents": len(recurring),
        "recurring_exactly_one_record": round(len(exactly_one) / len(recurring), 4) if recurring else None,
    }
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
