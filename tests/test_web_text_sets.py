"""The web-text development sets (tests/data/webtext*): every text has its gold record and its
address, and each gold record is consistent with its text."""

import json
import re
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
SETS = sorted(p.name for p in DATA.glob("webtext*") if p.is_dir())
DATE = re.compile(r"\d{4}(?:-\d\d){0,2}|--\d\d-\d\d")


def _quotes_as_spaces(text: str) -> str:
    """Quotes of any kind and the backslashes escaping them as spaces, runs of spaces as one (as the
    evaluator compares titles)."""
    return " ".join(re.sub(r'[«»"“”„\\]', " ", text).split())


@pytest.mark.parametrize("name", SETS)
def test_each_web_text_has_a_gold_record_and_an_address(name):
    texts = {p.name for p in (DATA / name).glob("*.txt")}
    gold = json.loads((DATA / f"{name}_gold.json").read_text(encoding="utf-8"))
    assert {k for k in gold if not k.startswith("_")} == texts
    rows = (DATA / f"{name}_sources.tsv").read_text(encoding="utf-8").splitlines()[1:]
    assert {row.split("\t")[0] for row in rows} == texts


@pytest.mark.parametrize("name", SETS)
def test_each_gold_record_agrees_with_its_text(name):
    gold = json.loads((DATA / f"{name}_gold.json").read_text(encoding="utf-8"))
    for file, record in gold.items():
        if file.startswith("_"):
            continue
        text = (DATA / name / file).read_text(encoding="utf-8")
        if record.get("title_in_text", "title" in record):
            # (a headline may wrap over two lines; a page may escape its quotes: «\\"Степным орлом\\"»)
            assert _quotes_as_spaces(record["title"]) in _quotes_as_spaces(text), file
        assert record["date"] is None or DATE.fullmatch(record["date"]), file
        countries = set(record["countries"])
        assert record["countries"] == sorted(countries), file
        # (a state the text only implies — «Северный флот», «Мурманск» — may be optional yet in the pair)
        assert set(record.get("primary_pair") or []) <= countries | set(
            record.get("countries_optional", [])
        ), file
        # (a set may annotate only the page's fields, countries and the pair: webtext19)
        names = {o["name"] for o in record.get("officials", [])}
        for agreement in record.get("agreements", []):
            assert set(agreement["parties"]) <= countries, file
            assert set(agreement.get("signatories") or []) <= names, file
