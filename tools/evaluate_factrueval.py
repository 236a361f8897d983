#!/usr/bin/env python3
"""Measure person and country extraction on the factRuEval-2016 devset.

Usage: DJANGO_DEBUG=1 .venv/bin/python tools/evaluate_factrueval.py [DEVSET_DIR] [--details] [--baseline]

Per document, the gold people are the coreference objects of type Person (`.coref`: firstname,
lastname, nickname; patronymics left out, as the extractor leaves them out of the canonical name),
and the gold countries are the Location/LocOrg objects whose normalised name is a country's name,
official name or abbreviation in the lexicon. The extractor runs over each `.txt`: people from
find_officials, countries from find_countries. Scores are micro-averaged over documents:

- person names, strict: the same set of words (case and ё ignored; word order ignored, since
  the gold splits "Ким Чен Ир" as lastname Ким, firstname Чен Ир);
- person names, by surname: as strict, or the same last word (what the seeds scorer accepts);
- countries: ISO codes;
- posts of officials: of the gold Occupation facts whose person we found, the share where our post
  (or rank) shares a word with the gold post (recall is the figure; there are no false positives);
  "lemmas": the same with words compared by their dictionary form (the gold's "мэра", "главу"
  against our nominative "мэр", "глава"; the first figure misses those);
- posts with their organisation: as above, and where the fact names the organisation (Where), our
  post or our country names it too ("министр обороны" of "Россия": "министр обороны РФ", or RU);
- countries of officials: of those whose Occupation "Where" is a country (or names one), the share
  where our country is that one (fp: a wrong country, fn: none given).

--baseline also scores Natasha's own PER normalisation (span.normalize), for comparison.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DEVSET = ROOT.parent / "shared" / "data" / "factRuEval-2016" / "devset"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PERSON_KEYS = ("firstname", "firstname1", "firstname2", "lastname", "lastname1")


@dataclass(frozen=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def line(self, label: str) -> str:
        return (
            f"{label:<28} P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}"
            f"   (tp {self.tp}, fp {self.fp}, fn {self.fn})"
        )


def name_words(name: str) -> frozenset[str]:
    """A name as a set of normalised words: "Жан-Мари Ле Пен" → {"жан", "мари", "ле", "пен"}."""
    clean = name.replace("ё", "е").replace("Ё", "Е").lower().replace("-", " ").replace(".", " ")
    return frozenset(clean.split())


def surname(name: str) -> str:
    words = name.replace("ё", "е").replace("Ё", "Е").lower().split()
    return words[-1] if words else ""


def score_names(gold: list[str], got: list[str], by_surname: bool = False) -> Score:
    """Match extracted names to gold names one to one: same words, or (by_surname) the same last word."""
    remaining = list(dict.fromkeys(gold))
    got = list(dict.fromkeys(got))
    tp = fp = 0
    for name in got:
        hit = next((g for g in remaining if name_words(g) == name_words(name)), None)
        if hit is None and by_surname:
            hit = next((g for g in remaining if surname(g) and surname(g) == surname(name)), None)
        if hit is None:
            fp += 1
        else:
            remaining.remove(hit)
            tp += 1
    return Score(tp, fp, len(remaining))


def score_sets(gold: set[str], got: set[str]) -> Score:
    return Score(len(gold & got), len(got - gold), len(gold - got))


# --- the devset ---------------------------------------------------------------------------------


def read_objects(path: Path) -> dict[str, str]:
    """Mention id → type (Person, Location, LocOrg, Org …) from a .objects file."""
    types = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("#", 1)[0].split()
        if len(fields) >= 2:
            types[fields[0]] = fields[1]
    return types


def read_coref(path: Path) -> list[tuple[list[str], dict[str, list[str]]]]:
    """Each coreference object: its mention ids and its key → values."""
    out = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [ln for ln in block.splitlines() if ln.strip()]
        if not lines:
            continue
        mention_ids = lines[0].split()[1:]
        attrs: dict[str, list[str]] = defaultdict(list)
        for line in lines[1:]:
            key, _, value = line.partition(" ")
            if value.strip():
                attrs[key].append(value.strip())
        out.append((mention_ids, attrs))
    return out


def gold_people(coref, types: dict[str, str]) -> list[str]:
    people = []
    for mention_ids, attrs in coref:
        if not any(types.get(m) == "Person" for m in mention_ids):
            continue
        words = [v for key in PERSON_KEYS for v in attrs.get(key, [])]
        if not words:
            words = attrs.get("nickname", [])[:1]
        if words:
            people.append(" ".join(words))
    return people


def read_facts(path: Path) -> list[dict[str, list[str]]]:
    """Occupation facts: Who (coref object id), Position (text), Where (coref object id)."""
    if not path.exists():
        return []
    facts = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [ln for ln in block.splitlines() if ln.strip()]
        if not lines or not lines[0].endswith("Occupation"):
            continue
        fact: dict[str, list[str]] = defaultdict(list)
        for line in lines[1:]:
            key, _, rest = line.partition(" ")
            ref, _, value = rest.partition(" ")
            fact[key].append(ref.removeprefix("obj") if ref.startswith("obj") else value or ref)
        facts.append(fact)
    return facts


def coref_by_id(path: Path) -> dict[str, dict[str, list[str]]]:
    out = {}
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [ln for ln in block.splitlines() if ln.strip()]
        if lines:
            attrs: dict[str, list[str]] = defaultdict(list)
            for line in lines[1:]:
                key, _, value = line.partition(" ")
                if value.strip():
                    attrs[key].append(value.strip())
            out[lines[0].split()[0]] = attrs
    return out


def person_name(attrs: dict[str, list[str]]) -> str:
    words = [v for key in PERSON_KEYS for v in attrs.get(key, [])]
    return " ".join(words or attrs.get("nickname", [])[:1])


def same_post(gold: str, got: str, lemmas: bool = False) -> bool:
    """The seeds scorer's test: some word of three letters or more shares its first five letters.

    lemmas: compare the words' dictionary forms instead, since the devset gives posts as the text
    declines them ("мэра", "главу") and the extractor in the nominative ("мэр", "глава"), which
    the five letters miss for short words."""

    def words(text: str) -> set[str]:
        out = set()
        for w in text.replace("ё", "е").lower().replace("«", " ").replace("»", " ").split():
            w = w.strip('„“”"().,')
            if len(w) > 2:
                out.add((_lemma(w) if lemmas else w)[:5])
        return out

    return bool(words(gold) & words(got))


def _lemma(word: str) -> str:
    from articles.pipeline.nlp import parses

    found = parses(word)
    return found[0].normal_form.replace("ё", "е") if found else word


def gold_countries(coref, types: dict[str, str], country_forms: dict[str, tuple[str, str]]) -> set[str]:
    from articles.pipeline.text import normalise

    found = set()
    for mention_ids, attrs in coref:
        if not any(types.get(m) in ("Location", "LocOrg") for m in mention_ids):
            continue
        for name in attrs.get("name", []):
            iso, kind = country_forms.get(normalise(name), (None, None))
            if iso and kind in ("name", "official", "abbreviation"):
                found.add(iso)
    return found


def natasha_people(text: str) -> list[str]:
    """Natasha's PER spans, normalised by Natasha alone: the baseline."""
    from natasha import Doc

    from articles.pipeline.nlp import natasha

    nlp = natasha()
    doc = Doc(text)
    doc.segment(nlp["segmenter"])
    doc.tag_morph(nlp["morph_tagger"])
    doc.tag_ner(nlp["ner"])
    names = []
    for span in doc.spans:
        if span.type == "PER":
            span.normalize(nlp["morph_vocab"])
            names.append(span.normal)
    return names


def evaluate(devset: Path, details: bool = False, baseline: bool = False) -> dict[str, Score]:
    from articles.pipeline.extraction.countries import find_countries
    from articles.pipeline.extraction.lexicon import Lexicon
    from articles.pipeline.extraction.officials import find_officials
    from articles.pipeline.extraction.organisations import OrganisationMatcher

    lexicon = Lexicon.from_files()
    orgs = OrganisationMatcher.for_lexicon(lexicon)
    totals: dict[str, Score] = defaultdict(lambda: Score(0, 0, 0))
    texts = sorted(devset.glob("*.txt"))
    if not texts:
        raise SystemExit(f"no .txt files in {devset}")
    started = time.perf_counter()
    for path in texts:
        text = path.read_text(encoding="utf-8")
        types = read_objects(path.with_suffix(".objects"))
        coref = read_coref(path.with_suffix(".coref"))
        g_people = gold_people(coref, types)
        g_countries = gold_countries(coref, types, lexicon.country_forms)
        countries = find_countries(text, lexicon)
        officials = find_officials(text, countries, lexicon)
        people = [o.name for o in officials]
        totals["posts of officials"] += _score_posts(path, officials, lexicon, orgs)
        totals["posts of officials, lemmas"] += _score_posts(path, officials, lexicon, orgs, lemmas=True)
        totals["posts with their organisation"] += _score_posts(
            path, officials, lexicon, orgs, with_where=True, details=details
        )
        totals["countries of officials"] += _score_official_countries(path, officials, lexicon, orgs)
        strict = score_names(g_people, people)
        totals["person names, strict"] += strict
        totals["person names, by surname"] += score_names(g_people, people, by_surname=True)
        totals["countries (ISO)"] += score_sets(g_countries, {c.iso for c in countries})
        if baseline:
            totals["natasha baseline, strict"] += score_names(g_people, natasha_people(text))
        if details and (strict.fp or strict.fn):
            missed = [g for g in g_people if not any(name_words(g) == name_words(p) for p in people)]
            extra = [p for p in people if not any(name_words(g) == name_words(p) for g in g_people)]
            print(f"{path.name}: missed {missed} extra {extra}")
    elapsed = time.perf_counter() - started
    print(f"{len(texts)} documents in {elapsed:.1f} s")
    return dict(totals)


def _matched(gold_name: str, officials):
    for o in officials:
        if name_words(o.name) == name_words(gold_name) or surname(o.name) == surname(gold_name):
            return o
    return None


def _occupations(path: Path):
    """(gold person name, post text, Where's coref attributes) of each Occupation fact."""
    objects = coref_by_id(path.with_suffix(".coref"))
    for fact in read_facts(path.with_suffix(".facts")):
        for who in fact.get("Who", []):
            name = person_name(objects.get(who, {}))
            where = [objects.get(w, {}) for w in fact.get("Where", [])]
            if name:
                yield name, " ".join(fact.get("Position", [])), where


def _score_posts(
    path: Path,
    officials,
    lexicon,
    orgs,
    with_where: bool = False,
    details: bool = False,
    lemmas: bool = False,
) -> Score:
    """Of the people with a gold post that we found: tp when our post shares a word with a gold post
    (with_where: and names the fact's organisation, or gives its country)."""
    posts: dict[str, list[tuple[str, list[dict[str, list[str]]]]]] = defaultdict(list)
    for name, post, where in _occupations(path):
        if post:
            posts[name].append((post, where))
    tp = fn = 0
    for name, gold in posts.items():
        found = _matched(name, officials)
        if found is None:
            continue
        ours = f"{found.position} {found.rank}"  # the gold's Position may be a rank ("генерал-лейтенанта")
        if any(
            same_post(g, ours, lemmas) and (not with_where or _names_where(w, found, lexicon, orgs))
            for g, w in gold
        ):
            tp += 1
        else:
            fn += 1
            if details:
                wanted = "; ".join(f"{g} @ {_where_names(w)}" for g, w in gold)
                print(
                    f"{path.name}: post of {found.name}: {found.position!r} ({found.country}), gold {wanted}"
                )
    return Score(tp, 0, fn)


def _where_names(where: list[dict[str, list[str]]]) -> str:
    return "/".join(n for w in where for n in w.get("name", [])[:1]) or "-"


def _names_where(where: list[dict[str, list[str]]], found, lexicon, orgs) -> bool:
    """Does our post name the fact's organisation (a shared word), or our country equal its country?"""
    if not where:
        return True
    for w in where:
        if any(same_post(n, found.position) for n in w.get("name", [])):
            return True
        iso = _where_country(w, lexicon, orgs)
        if iso and iso == found.country:
            return True
    return False


def _where_country(where: dict[str, list[str]], lexicon, orgs) -> str | None:
    from articles.pipeline.extraction.countries import find_countries
    from articles.pipeline.text import normalise

    for name in where.get("name", []):
        iso, kind = lexicon.country_forms.get(normalise(name), (None, None))
        if iso and kind in ("name", "official", "abbreviation"):
            return iso
        found = {c.iso for c in find_countries(name, lexicon)} or {iso for _s, _e, iso in orgs.find(name)}
        if len(found) == 1:
            return found.pop()
    return None


def _score_official_countries(path: Path, officials, lexicon, orgs) -> Score:
    """Of the people we found whose gold post is in a country's body: tp when our country is it."""
    gold: dict[str, set[str]] = defaultdict(set)
    for name, _post, where in _occupations(path):
        for w in where:
            iso = _where_country(w, lexicon, orgs)
            if iso:
                gold[name].add(iso)
    tp = fp = fn = 0
    for name, isos in gold.items():
        found = _matched(name, officials)
        if found is None:
            continue
        if found.country in isos:
            tp += 1
        elif found.country:
            fp += 1
        else:
            fn += 1
    return Score(tp, fp, fn)


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    devset = Path(args[0]) if args else DEFAULT_DEVSET
    if not devset.is_dir():
        print(f"devset not found: {devset}", file=sys.stderr)
        return 2
    totals = evaluate(devset, details="--details" in argv, baseline="--baseline" in argv)
    for label, score in totals.items():
        print(score.line(label))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
