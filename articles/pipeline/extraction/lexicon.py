"""The reference data the extractor reads, as plain mappings: no database inside the pipeline.

`articles.archive.reference.lexicon_from_db()` reads the editable tables (so an alias an editor adds is used by the next
re-extraction); `Lexicon.from_files()` reads the CSVs shipped in articles/data (pure tests).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from articles.pipeline.reference_data import shipped_rows
from articles.pipeline.text import normalise


@dataclass
class Lexicon:
    country_names: dict[str, str] = field(default_factory=dict)  # ISO → Russian name
    country_forms: dict[str, tuple[str, str]] = field(default_factory=dict)  # normalised form → (ISO, kind)
    organisations: dict[str, str] = field(default_factory=dict)  # normalised name → ISO
    # normalised name → the name as written: abbreviations and proper nouns are matched by their case
    organisation_spellings: dict[str, str] = field(default_factory=dict)
    outlets: dict[str, str] = field(default_factory=dict)  # normalised spelling → outlet name

    @classmethod
    def from_files(cls) -> Lexicon:
        lex = cls()
        for r in shipped_rows("countries.csv"):
            lex.country_names[r["iso"]] = r["name_ru"]
            lex.country_forms.setdefault(normalise(r["name_ru"]), (r["iso"], "name"))
            if r.get("official_name_ru"):
                lex.country_forms.setdefault(normalise(r["official_name_ru"]), (r["iso"], "official"))
        for r in shipped_rows("country_forms.csv"):
            lex.country_forms.setdefault(normalise(r["form"]), (r["iso"], r.get("kind") or "name"))
        for r in shipped_rows("organisations.csv"):
            lex.organisations.setdefault(normalise(r["name"]), r["iso"])
            lex.organisation_spellings.setdefault(normalise(r["name"]), r["name"])
        for r in shipped_rows("outlets.csv"):
            for spelling in [r["name"], *r.get("spellings", "").split("|")]:
                if spelling.strip():
                    lex.outlets.setdefault(normalise(spelling), r["name"])
        return lex
