"""Reference data shipped with the code: countries, their forms, outlets, organisations.

The data migration loads it into a fresh database; `manage.py load_reference_data` adds what a
newer release ships to an existing one. Loading only ever adds: a row an editor changed or
deleted-and-replaced is left as the editor left it.
"""

from __future__ import annotations

from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.reference_data import shipped_rows
from articles.pipeline.text import normalise


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
        for r in shipped_rows("countries.csv")
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

    for r in shipped_rows("countries.csv"):
        add_form(r["iso"], r["name_ru"], "name")
        add_form(r["iso"], r.get("official_name_ru", ""), "official")
    for r in shipped_rows("country_forms.csv"):
        add_form(r["iso"], r["form"], r.get("kind") or "name")
    CountryAlias.objects.bulk_create(forms)
    added["country_forms"] = len(forms)

    outlet_of_spelling = dict(OutletAlias.objects.values_list("normalised", "outlet_id"))
    for r in shipped_rows("outlets.csv"):
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
    for r in shipped_rows("organisations.csv"):
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


def lexicon_from_db() -> Lexicon:
    """The extractor's reference data from the editable tables: an alias an editor adds is used by
    the next re-extraction."""
    from articles.models import Country, CountryAlias, Organisation, OutletAlias

    lex = Lexicon()
    lex.country_names = dict(Country.objects.values_list("iso", "name_ru"))
    for normalised, iso, kind in CountryAlias.objects.values_list("normalised", "country_id", "kind"):
        lex.country_forms[normalised] = (iso, kind)
    for normalised, name, iso in Organisation.objects.values_list("normalised", "name", "country_id"):
        lex.organisations[normalised] = iso
        lex.organisation_spellings[normalised] = name
    lex.outlets = dict(OutletAlias.objects.values_list("normalised", "outlet__name"))
    return lex
