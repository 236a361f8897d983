"""The registry's candidate keys (articles/archive/registry_keys.py): a mention is scored only against
the agreements of its parties that share a title term, a signatory or a signing day with it, or that
are the pair's only one of its kind — which must be every agreement the full scan could join."""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

import pytest
from registry_helpers import agreement_of, reading

from articles.archive import registry, registry_keys
from articles.models import Agreement, AgreementKey, Official
from articles.pipeline.dates import PartialDate

DATA = Path(__file__).parent / "data"


def _gold_readings() -> list[registry.Reading]:
    """Every agreement mention a reader wrote down in the development sets' gold, as a reading."""
    found = []
    for path in sorted(DATA.glob("*_gold.json")):
        for name, text in json.loads(path.read_text(encoding="utf-8")).items():
            if name.startswith("_") or not isinstance(text, dict):
                continue
            for mention in text.get("agreements") or []:
                if not mention.get("title") or not mention.get("parties"):
                    continue
                try:
                    date = PartialDate.from_iso(mention.get("date"))
                except (TypeError, ValueError):
                    date = None
                found.append(
                    reading(
                        mention["title"],
                        status=mention.get("status") or "other",
                        date=date,
                        kind=mention.get("kind") or "other",
                        key=registry.parties_key(p for p in mention["parties"] if p),
                    )
                )
    return found


def test_every_pair_the_full_scan_would_join_shares_a_key():
    """Over the real mentions of every development set: whenever one mention's reading scores at
    FIT_SCORE or more against an agreement made of another's (so resolution could join them), the
    two share a key. The pairs that can join only as the pair's lone document are left to `_lone`."""
    readings = _gold_readings()
    assert len(readings) > 300
    checked = 0
    for a, b in combinations(readings, 2):
        if a.parties_key != b.parties_key:
            continue
        for mention, other in ((a, b), (b, a)):
            terms = registry.terms_of([other])
            value = registry.score(mention, terms, other.kind)
            if value is None or value < registry.FIT_SCORE - 1e-9:
                continue
            checked += 1
            assert registry.reading_keys(mention) & registry_keys.of_terms(terms), (mention, other)
    assert checked > 200  # the invariant was tested on many real joins, not a handful


def test_keys_of_an_agreement_are_its_title_terms_signatories_and_signing_days():
    terms = {
        "titles": [["оборона", "сотрудничество"]],
        "plain": [["оборона"]],
        "cores": [["пво"]],
        "signatories": [7],
        "signed_dates": [[2016, 2, 3], [None, 2, 3]],
    }
    assert registry_keys.of_terms(terms) == {"t:оборона", "t:сотрудничество", "t:пво", "s:7", "d:2016-2-3"}
    assert registry_keys.of_terms({}) == set()


@pytest.mark.django_db
def test_resolution_reads_only_keyed_candidates_and_finds_the_same_documents():
    pvo = agreement_of(reading("соглашение о единой региональной системе ПВО", date=PartialDate(2016, 2, 3)))
    agreement_of(reading("соглашение о военном образовании", date=PartialDate(2019, 5, 1)))
    signer = Official.objects.create(full_name="Андрей Равков", country_id="BY").pk
    signed_by = agreement_of(
        reading("договор о союзе", signatories=[signer], date=PartialDate(2020, 1, 10), kind="agreement")
    )
    # the same document retold: a shared term
    assert registry.resolve(reading("соглашение о единой системе ПВО")) == pvo
    # no title of its own, but the same signing day: only the day's key finds it
    same_day = reading("соглашение", date=PartialDate(2016, 2, 3), kind="agreement")
    assert registry.reading_keys(same_day) & registry_keys.of_terms(pvo.terms)
    # a signatory and the same day, no word in common
    assert (
        registry.resolve(reading("соглашение о границе", signatories=[signer], date=PartialDate(2020, 1, 10)))
        == signed_by
    )
    # nothing in common with any of them: no candidate at all is read
    candidates, alone = registry._candidates(
        reading("договор о рыболовстве", date=PartialDate(2021, 1, 1)), set()
    )
    assert candidates == [] and alone is None


@pytest.mark.django_db
def test_a_bare_title_still_finds_the_pairs_only_document_of_its_kind():
    only = agreement_of(reading("меморандум о подготовке кадров", kind="memorandum", status="signed"))
    agreement_of(reading("соглашение о поставках", kind="agreement"))
    assert registry.resolve(reading("меморандум", kind="memorandum", status="signed")) == only


@pytest.mark.django_db
def test_keys_follow_the_agreements_terms_and_parties():
    agreement = agreement_of(reading("соглашение о системе ПВО", date=PartialDate(2016, 2, 3)))
    keys = set(AgreementKey.objects.filter(agreement=agreement).values_list("key", flat=True))
    assert keys == registry_keys.of_terms(agreement.terms) and "t:противовоздушный" in keys
    # a new wording folded in by an import adds its terms
    registry.refresh(agreement, added=[reading("соглашение о системе ПВО и радиолокационной разведке")])
    agreement.refresh_from_db()
    keys = set(AgreementKey.objects.filter(agreement=agreement).values_list("key", flat=True))
    assert keys == registry_keys.of_terms(agreement.terms) and "t:разведка" in keys
    # an editor gives it other parties (the admin's path): its keys move with it
    Agreement.objects.filter(pk=agreement.pk).update(parties_key="KZ-RU")
    agreement.parties_key = "KZ-RU"
    registry.store_keys(agreement)
    assert set(AgreementKey.objects.filter(agreement=agreement).values_list("parties_key", flat=True)) == {
        "KZ-RU"
    }
    assert registry.resolve(reading("соглашение о системе ПВО", key="KZ-RU")) == agreement
    assert registry.resolve(reading("соглашение о системе ПВО", key="BY-RU")) is None
