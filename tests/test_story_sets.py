"""The story development sets are whole: every text has a story group, a source line and (where kept) its
per-text fields, and nothing else is listed. Scored by tools/evaluate_stories.py; no database here."""

import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"


@pytest.mark.parametrize(
    "name", ["stories", "stories2", "stories3", "stories4", "stories5", "stories6", "stories8", "stories9"]
)
def test_every_text_of_a_story_set_has_a_group_and_a_source_line(name):
    root = DATA / name
    gold = json.loads((root / "stories_gold.json").read_text(encoding="utf-8"))
    groups = {k: v for k, v in gold.items() if not k.startswith("_")}
    texts = {p.name for p in (root / "texts").glob("*.txt")}
    assert set(groups) == texts
    sources = (root / "sources.tsv").read_text(encoding="utf-8").splitlines()
    assert {line.split("\t")[0] for line in sources[1:]} == texts
    # a story of one is named after its file, so a typo in a group name can't pass for a story of one
    alone = [g for g in groups.values() if list(groups.values()).count(g) == 1]
    assert all(g in texts or f"{g}.txt" in texts for g in alone)


@pytest.mark.parametrize("name", ["stories2", "stories3", "stories4", "stories5", "stories6"])
def test_the_later_story_sets_give_the_per_text_fields_of_every_text(name):
    root = DATA / name
    fields = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    texts = {p.name for p in (root / "texts").glob("*.txt")}
    assert {k for k in fields if not k.startswith("_")} == texts
    for name in texts:
        record = fields[name]
        assert set(record) <= {
            "title_in_text",
            "title",
            "date",
            "date_alt",
            "date_note",
            "source",
            "source_aliases",
            "source_note",
            "cited_sources",
        }
        assert record["title_in_text"] == ("title" in record)
        if record.get("title"):
            assert record["title"] in (root / "texts" / name).read_text(encoding="utf-8")
