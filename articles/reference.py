"""Reference data shipped with the code: countries, their forms, outlets, organisations.

The data migration loads it into a fresh database; `manage.py load_reference_data` adds what a
newer release ships to an existing one. Loading only ever adds: a row an editor changed or
deleted-and-replaced is left as the editor left it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def _rows(name: str) -> Iterator[dict[str, str]]:
    path = DATA_DIR / name
    if not path.exists():
        return iter(())
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [
            {k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(line for line in fh if line.strip() and not line.startswith("#"))
        ]
    return iter(rows)


def normalise(text: str) -> str:
    return " ".join(text.replace("ё", "е").replace("Ё", "Е").casefold().split())


def load_reference_data(apps=None) -> dict[str, int]:
    """Create missing reference rows. `apps` is the migration registry (None: the real models)."""
    if apps is None:
        from django.apps import apps as registry

        apps = registry
    Country = apps.get_model("articles", "Country")
    CountryAlias = apps.get_model("articles", "CountryAlias")
    Outlet = apps.get_model("articles", "Outlet")
    OutletAlias = apps.get_model("articles", "OutletAlias")
    Organisation = apps.get_model("articles", "Organisation")
    added = {"countries": 0, "country_forms": 0, "outlets": 0, "outlet_spellings": 0, "organisations": 0}

    existing = set(Country.objects.values_list("iso", flat=True))
    new = [
        Country(iso=r["iso"], name_ru=r["name_ru"], name_en=r["name_en"])
        for r in _rows("countries.csv")
        if r["iso"] not in existing
    ]
    Country.objects.bulk_create(new)
    added["countries"] = len(new)

    taken = set(CountryAlias.objects.values_list("normalised", flat=True))
    forms = []

    def add_form(iso: str, form: str, kind: str) -> None:
        key = normalise(form)
        if form and key not in taken:
            taken.add(key)
            forms.append(CountryAlias(country_id=iso, form=form, normalised=key, kind=kind))

    for r in _rows("countries.csv"):
        add_form(r["iso"], r["name_ru"], "name")
        add_form(r["iso"], r.get("official_name_ru", ""), "official")
    for r in _rows("country_forms.csv"):
        add_form(r["iso"], r["form"], r.get("kind") or "name")
    CountryAlias.objects.bulk_create(forms)
    added["country_forms"] = len(forms)

    outlet_of_spelling = dict(OutletAlias.objects.values_list("normalised", "outlet_id"))
    for r in _rows("outlets.csv"):
        spellings = [s.strip() for s in [r["name"], *r.get("spellings", "").split("|")] if s.strip()]
        # An outlet an editor renamed is still found through the spellings it keeps.
        known_id = next(
            (outlet_of_spelling[normalise(s)] for s in spellings if normalise(s) in outlet_of_spelling), None
        )
        if known_id is not None:
            outlet = Outlet.objects.get(pk=known_id)
        else:
            outlet, created = Outlet.objects.get_or_create(name=r["name"])
            added["outlets"] += created
        for spelling in spellings:
            key = normalise(spelling)
            if key not in outlet_of_spelling:
                outlet_of_spelling[key] = outlet.pk
                OutletAlias.objects.create(outlet=outlet, spelling=spelling, normalised=key)
                added["outlet_spellings"] += 1

    orgs_taken = set(Organisation.objects.values_list("normalised", flat=True))
    known = set(Country.objects.values_list("iso", flat=True))
    for r in _rows("organisations.csv"):
        key = normalise(r["name"])
        if key and key not in orgs_taken and r["iso"] in known:
            orgs_taken.add(key)
            Organisation.objects.create(
                name=r["name"], normalised=key, full_name=r.get("full_name", ""), country_id=r["iso"]
            )
            added["organisations"] += 1
    return added


def ensure_reference_data_after_migrate(sender, using="default", **kwargs) -> None:
    """post_migrate receiver (connected in ArticlesConfig.ready).

    The data migration loads reference data once; a flush (transactional tests, `manage.py flush`)
    empties the tables and emits post_migrate, so an empty country table is refilled here.
    """
    if sender.name != "articles" or using != "default":
        return
    from django.db import DatabaseError

    from articles.models import Country

    try:
        empty = not Country.objects.exists()
    except DatabaseError:  # migrated backwards: the table is gone, nothing to fill
        return
    if empty:
        load_reference_data()
