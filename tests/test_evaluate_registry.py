"""The registry measurement script matches mentions and scores "same agreement" as it should: tiny fabricated
gold and exports, known answers. The run on the real set spawns manage.py and is marked slow."""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tools" / "evaluate_registry.py"


@pytest.fixture(scope="module")
def ev():
    spec = importlib.util.spec_from_file_location("evaluate_registry", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses resolve their annotations through sys.modules
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop(spec.name, None)


def agreement(kind, title, parties, document=None, **extra):
    out = {"kind": kind, "title": title, "parties": parties, **extra}
    if document:
        out["document"] = document
    return out


def exported(file, *agreements):
    return {"source_file": f"/somewhere/{file}", "agreements": list(agreements)}


# Two documents between Russia and Belarus (a treaty reported by three articles, a plan by one), and one
# between Russia and Iran; the article c.txt mentions the treaty and the plan.
GOLD = {
    "_about": "synthetic",
    "a.txt": {"agreements": [agreement("treaty", "договор о гарантиях безопасности", ["RU", "BY"], "T")]},
    "b.txt": {"agreements": [agreement("treaty", "договор о гарантиях безопасности", ["BY", "RU"], "T")]},
    "c.txt": {
        "agreements": [
            agreement("plan", "план военного сотрудничества на 2026 год", ["BY", "RU"], "P"),
            agreement(
                "treaty", "Договор о гарантиях безопасности в рамках Союзного государства", ["BY", "RU"], "T"
            ),
        ]
    },
    "d.txt": {
        "agreements": [agreement("agreement", "соглашение о военном сотрудничестве", ["IR", "RU"], "M")]
    },
}


def test_a_mention_matches_the_agreement_of_its_kind_and_parties_not_its_neighbour(ev):
    gold = [
        agreement("treaty", "договор о гарантиях безопасности", ["BY", "RU"]),
        agreement("plan", "план военного сотрудничества", ["BY", "RU"]),
    ]
    got = [
        agreement("plan", "план сотрудничества", ["RU", "BY"], id=7),
        agreement("treaty", "договор", ["BY", "RU"], id=8),
        agreement("treaty", "договор о гарантиях", ["IR", "RU"], id=9),
    ]
    assert ev.match_article(gold, got) == {0: 1, 1: 0}


def test_the_title_chooses_between_two_documents_of_one_kind_and_pair(ev):
    gold = [
        agreement("agreement", "соглашение о столетнем партнерстве", ["GB", "UA"]),
        agreement("agreement", "соглашение о безопасности", ["GB", "UA"]),
    ]
    got = [
        agreement("agreement", "соглашения о сотрудничестве в сфере безопасности", ["GB", "UA"], id=1),
        agreement("agreement", "соглашение о столетнем партнерстве", ["GB", "UA"], id=2),
    ]
    assert ev.match_article(gold, got) == {0: 1, 1: 0}


def test_another_kind_matches_only_on_a_similar_title_and_other_parties_never(ev):
    gold = [
        agreement("treaty", "Договор о всеобъемлющем стратегическом партнерстве", ["IR", "RU"], type_alt=[])
    ]
    assert (
        ev.match_article(
            gold, [agreement("agreement", "соглашение о стратегическом партнерстве", ["IR", "RU"])]
        )
        == {}
    )
    similar = agreement("agreement", "договора о всеобъемлющем стратегическом партнерстве", ["IR", "RU"])
    assert ev.match_article(gold, [similar]) == {0: 0}
    assert ev.match_article(gold, [agreement("treaty", "договор", ["KP", "RU"])]) == {}


def test_a_type_alt_counts_as_the_same_kind(ev):
    gold = [agreement("treaty", "договор о партнерстве", ["IR", "RU"], type_alt=["agreement"])]
    assert ev.match_article(gold, [agreement("agreement", "соглашение", ["IR", "RU"])]) == {0: 0}


def exports(a, b, c, d):
    """The four articles of GOLD exported with these agreement ids (c: the treaty's, then the plan's)."""
    return [
        exported("a.txt", agreement("treaty", "договор о гарантиях безопасности", ["BY", "RU"], id=a)),
        exported("b.txt", agreement("treaty", "договор", ["BY", "RU"], id=b)),
        exported(
            "c.txt",
            agreement("treaty", "договор о гарантиях", ["BY", "RU"], id=c[0]),
            agreement("plan", "план на 2026 год", ["BY", "RU"], id=c[1]),
        ),
        exported("d.txt", agreement("agreement", "соглашение", ["IR", "RU"], id=d)),
    ]


def test_one_record_per_document_scores_perfectly(ev):
    result = ev.score(GOLD, exports(1, 1, (1, 2), 3))
    assert result["pairs"] == {"tp": 3, "fp": 0, "fn": 0}
    assert (result["precision"], result["recall"], result["f1"]) == (1.0, 1.0, 1.0)
    assert (result["recurring_documents"], result["one_record"], result["one_record_share"]) == (1, 1, 1.0)
    assert (result["mentions"], result["mentions_matched"]) == (5, 5)


def test_a_record_per_mention_has_no_recall(ev):
    result = ev.score(GOLD, exports(1, 2, (3, 4), 5))
    assert result["pairs"] == {"tp": 0, "fp": 0, "fn": 3}
    assert (result["precision"], result["recall"], result["f1"]) == (1.0, 0.0, 0.0)
    assert result["one_record"] == 0
    assert result["split"] == {"T": 3}


def test_two_documents_in_one_record_cost_precision(ev):
    # the treaty's three pairs hold; the plan joined to each of the treaty's three mentions is wrong
    result = ev.score(GOLD, exports(1, 1, (1, 1), 5))
    assert result["pairs"] == {"tp": 3, "fp": 3, "fn": 0}
    assert result["precision"] == 0.5
    assert result["joined_apart"] == {"P + T": 3}
    assert result["one_record"] == 1


def test_an_unmatched_mention_is_counted_and_keeps_its_document_from_being_one_record(ev):
    records = [
        exported("a.txt", agreement("treaty", "договор", ["BY", "RU"], id=1)),
        exported("b.txt", agreement("treaty", "договор", ["BY", "RU"], id=1)),
        exported("c.txt", agreement("plan", "план", ["BY", "RU"], id=2)),
    ]
    result = ev.score(GOLD, records)
    assert (result["mentions"], result["mentions_matched"]) == (5, 3)
    assert result["missing"] == ["d.txt"]
    assert result["pairs"] == {"tp": 1, "fp": 0, "fn": 0}
    assert result["one_record"] == 0


def test_an_optional_mention_counts_in_pairs_when_matched_and_is_never_missed(ev):
    gold = {
        "a.txt": {"agreements": [agreement("treaty", "договор", ["BY", "RU"], "T")]},
        "b.txt": {"agreements": [agreement("treaty", "договор", ["BY", "RU"], "T", optional=True)]},
        "c.txt": {"agreements": [agreement("treaty", "договор", ["BY", "RU"], "T")]},
    }
    records = [
        exported("a.txt", agreement("treaty", "договор", ["BY", "RU"], id=1)),
        exported("b.txt", agreement("treaty", "договор", ["BY", "RU"], id=2)),
        exported("c.txt", agreement("treaty", "договор", ["BY", "RU"], id=1)),
    ]
    result = ev.score(gold, records)
    assert result["pairs"] == {"tp": 1, "fp": 0, "fn": 2}
    assert (result["mentions"], result["optional_mentions"], result["optional_matched"]) == (2, 1, 1)
    assert result["one_record"] == 0  # matched, the optional mention is one of the document's records

    result = ev.score(gold, records[:1] + records[2:])
    assert result["pairs"] == {"tp": 1, "fp": 0, "fn": 0}
    assert result["one_record"] == 1


@pytest.mark.parametrize("name", ["registry", "registry2"])
def test_the_development_set_and_its_gold_agree(name):
    gold = json.loads((ROOT / "tests" / "data" / f"{name}_gold.json").read_text(encoding="utf-8"))
    texts = {p.name for p in (ROOT / "tests" / "data" / name).glob("*.txt")}
    assert texts == {k for k in gold if not k.startswith("_")}
    sources = (ROOT / "tests" / "data" / name / "SOURCES.tsv").read_text(encoding="utf-8").splitlines()
    assert {line.split("\t")[0] for line in sources[1:]} == texts
    documents = [a["document"] for k, v in gold.items() if not k.startswith("_") for a in v["agreements"]]
    assert set(documents) == set(gold["_documents"])


@pytest.mark.slow
def test_the_script_scores_a_small_set_through_the_project_commands(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    source = ROOT / "tests" / "data" / "registry"
    names = ["r10_kp_ru_treaty_duma.txt", "r11_kp_ru_treaty_interfax.txt"]
    for name in names:
        (texts / name).write_bytes((source / name).read_bytes())
    full = json.loads((ROOT / "tests" / "data" / "registry_gold.json").read_text(encoding="utf-8"))
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({name: full[name] for name in names}, ensure_ascii=False), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(SCRIPT), str(texts), str(gold), "--project", str(ROOT), "--json"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["articles"] == 2 and result["missing"] == []
    assert (result["mentions"], result["mentions_matched"]) == (2, 2)
    assert result["pairs"]["tp"] + result["pairs"]["fn"] == 1 and result["pairs"]["fp"] == 0
