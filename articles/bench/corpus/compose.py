"""A story: the scenario, sides, people, document and weapons of one article, told as paragraphs."""

from __future__ import annotations

import random
from dataclasses import dataclass

from articles.bench.corpus import templates as T
from articles.bench.corpus import vocabulary as V
from articles.bench.corpus.entities import (
    MONTHS_LOC,
    Cast,
    CountryView,
    DocumentView,
    Official,
    PersonView,
    WeaponView,
)
from articles.bench.corpus.recurrence import RECURRING_SHARE

# -- a story ------------------------------------------------------------------------------------

SCENARIOS = {
    "talks": 24,
    "agreement": 24,
    "arms": 15,
    "exercise": 9,
    "commission": 8,
    "expo": 7,
    "review": 9,
    "interview": 4,
}
YEARS = list(range(2015, 2026))
YEAR_WEIGHTS = [10 + 2 * i for i in range(len(YEARS))]  # coverage grows over the decade


@dataclass
class Story:
    scenario: str
    title: str
    paragraphs: list[str]
    year: int
    month: int
    day: int
    pair: tuple[str, str] | None
    countries: list[str]
    officials: list[Official]
    documents: list[DocumentView]
    place: str  # the capital the dateline names
    sides: tuple[str, str]


def _zipf_pick(rng: random.Random, items: list):
    """The first people of a country are in the news far more often than the last (weights 1/rank)."""
    return rng.choices(items, weights=[1 / (rank + 1) for rank in range(len(items))])[0]


def _country(rng: random.Random, exclude: set[str]) -> str:
    isos = [iso for iso in V.COUNTRIES if iso not in exclude]
    return rng.choices(isos, weights=[V.COUNTRIES[i]["weight"] for i in isos])[0]


def _money(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{rng.randint(1, 14)},{rng.randint(1, 99):02d} млрд долларов"
    return f"{rng.randint(12, 990)} млн долларов"


def compose(rng: random.Random, cast: Cast) -> Story:
    scenario = rng.choices(list(SCENARIOS), weights=list(SCENARIOS.values()))[0]
    year = rng.choices(YEARS, weights=YEAR_WEIGHTS)[0]
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)

    if scenario == "review":
        a = "RU" if rng.random() < 0.7 else rng.choice(["CN", "US", "TR", "FR", "KR", "IN"])
        b = _country(rng, {a})
    elif rng.random() < 0.6:
        hot = rng.choices(V.HOT_PAIRS, weights=[w for _, _, w in V.HOT_PAIRS])[0]
        a, b = hot[0], hot[1]
        if b == "RU" or (a != "RU" and rng.random() < 0.5):
            a, b = b, a
    else:
        a = "RU" if rng.random() < 0.5 else _country(rng, set())
        b = _country(rng, {a})
    c = _country(rng, {a, b})
    d = _country(rng, {a, b, c})
    e = _country(rng, {a, b, c, d})
    views = {key: CountryView(iso) for key, iso in zip("ABCDE", (a, b, c, d, e), strict=True)}
    for view in views.values():
        view.used = False

    oa_official = _zipf_pick(rng, cast.officials[a])
    others = [o for o in cast.officials[a] if o is not oa_official]
    people = {
        "oa": PersonView(oa_official),
        "ob": PersonView(_zipf_pick(rng, cast.officials[b])),
        "oa2": PersonView(rng.choice(others)),
        "ex": PersonView(rng.choice(cast.experts)),
    }
    for view in people.values():
        view.used = False

    weapons = [w for w in V.WEAPONS if w[2] in (a, None)] or V.WEAPONS
    w1, w2 = rng.sample(weapons, 2)
    documents = []
    doc = None
    if scenario in ("agreement", "commission") or (scenario == "talks" and rng.random() < 0.3):
        if scenario == "commission":
            kind, gender, heads, topics = next(d for d in V.DOCUMENTS if d[0] == "protocol")
            status = "signed"
        else:
            kind, gender, heads, topics = rng.choice(V.DOCUMENTS)
            status = rng.choices(list(V.STATUS_WEIGHTS), weights=list(V.STATUS_WEIGHTS.values()))[0]
        topic = rng.choice(topics).format(year=year, year5=year + 4, weapon_gen=w1[1])
        known = cast.documents.get((*sorted((a, b)), heads))
        recurring = rng.choice(known) if known and rng.random() < RECURRING_SHARE else None
        if scenario == "commission":
            recurring = None  # each session of a commission signs its own protocol
        if recurring is not None:
            status = recurring.stage_on((year, month, day), status)
        doc = DocumentView(kind, gender, heads, recurring.topic if recurring else topic, status)
        doc.identity = recurring.identity if recurring else None
        documents.append(doc)

    place_iso = a if rng.random() < 0.5 else b
    place = V.COUNTRIES[place_iso]["capital"] or "Москва"
    goal = rng.choice(T.GOALS)
    values = {
        **views,
        **people,
        "doc": doc,
        "w": WeaponView(w1[0], w1[1]),
        "w2": WeaponView(w2[0], w2[1]),
        "year": year,
        "prev_year": year - rng.randint(1, 3),
        "next_year": year + 1,
        "since": rng.randint(1992, 2012),
        "n": rng.randint(2, 150) * 10,  # a round number: «1200 военнослужащих» agrees in any case
        "k": rng.randint(3, 40),
        "pct": rng.randint(8, 70),
        "money": _money(rng),
        "exercise": rng.choice(V.EXERCISES),
        "expo": rng.choice(V.EXHIBITIONS).format(year=year),
        "place_loc": V.COUNTRIES[place_iso]["capital_loc"] or "Москве",
        "cap_loc": views["B"].cap_loc if place_iso == a else views["A"].cap_loc,
        "weekday": rng.choice(V.WEEKDAYS_LOC),
        "month_loc": MONTHS_LOC[month - 1],
        "goal": goal[0],
        "goal_acc": goal[1],
        "goal_gen": goal[2],
        "source_name": "журналу «Национальная оборона»",
    }
    if doc is not None and recurring is not None:
        values["prev_year"] = recurring.signed[0]  # «ратифицировал соглашение, подписанное в … году»
    if doc is not None:
        values["pair_doc_adj"] = views["A"].Comp + getattr(views["B"], f"adj_{doc.gender}_nom")
        values["status_sentence"] = rng.choice(V.STATUS_SENTENCES[doc.status]).format(**values)

    if scenario == "agreement":
        title_tpl = rng.choice(T.TITLES["agreement"][doc.status])
    else:
        title_tpl = rng.choice(T.TITLES[scenario])
    title = _sentence(title_tpl.format(**values))

    lead_tpl = rng.choice(T.LEADS[scenario])
    if doc is not None and "{status_sentence}" not in lead_tpl and scenario != "commission":
        lead_tpl += " {status_sentence}"
    paragraphs = [lead_tpl.format(**values)]
    body = T.BODY[scenario]
    if scenario == "interview":
        chosen = body
    else:
        picks = sorted(rng.sample(range(len(body)), rng.randint(4, min(8, len(body)))))
        chosen = [body[i] for i in picks]
    if scenario == "commission" and doc is not None:
        chosen = [*chosen[:2], "По итогам заседания стороны подписали {doc.acc}.", *chosen[2:]]
    shared = rng.sample(T.SHARED, rng.randint(3, 6))
    sentences = [tpl.format(**values) for tpl in [*chosen, *shared]]
    # Some paragraphs hold two sentences, as real wire copy does.
    while sentences:
        take = 2 if len(sentences) > 1 and rng.random() < 0.35 and not sentences[0].startswith("-") else 1
        paragraphs.append(" ".join(sentences[:take]))
        sentences = sentences[take:]
    paragraphs = [_sentence(p) for p in paragraphs]

    pair = None if scenario == "review" else tuple(sorted((a, b)))
    mentioned = [view.iso for view in views.values() if view.used]
    officials = [view.official for key, view in people.items() if view.used]
    for official in officials:
        if official.country not in mentioned and official.complement.endswith(
            V.COUNTRIES[official.country]["gen"]
        ):
            mentioned.append(official.country)
    return Story(
        scenario=scenario,
        title=title,
        paragraphs=paragraphs,
        year=year,
        month=month,
        day=day,
        pair=pair,
        countries=sorted(set(mentioned)),
        officials=officials,
        documents=documents,
        place=place,
        sides=(a, b),
    )


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]
