"""The cast of the synthetic corpus and its Russian forms.

Views put countries, people, documents and weapons into case forms as attributes, so templates can
say `{ob.full_ins}` or `{A.past[подписал]}`; an attribute starting with a capital letter gives the
same form capitalised (`{A.Comp}`). Views record that they were used, so the ground truth lists
exactly the entities a text mentions. `build_cast` makes the officials and experts of a seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from articles.bench.corpus import vocabulary as V
from articles.bench.corpus.russian import CASES, PersonName, decline_adjective, decline_word

_ENDINGS = {"m": "", "f": "а", "n": "о", "pl": "ы"}
MONTHS_LOC = "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре".split()


def past(verb: str, gender: str) -> str:
    """подписал → подписала/подписало/подписали; провёл → провела; договорился → договорилась."""
    reflexive = verb.endswith("ся")
    base = verb[:-2] if reflexive else verb
    if gender != "m":
        if base.endswith("ёл"):
            base = base[:-2] + "ел"
        base += {"f": "а", "n": "о", "pl": "и"}[gender]
    if reflexive:
        base += "ся" if gender == "m" else "сь"
    return base


def future(verb: str, gender: str) -> str:
    """поставит → поставят for a plural subject (США, ОАЭ)."""
    if gender != "pl":
        return verb
    for sg, pl in (("ёт", "ут"), ("ит", "ят"), ("ет", "ют")):
        if verb.endswith(sg):
            return verb[: -len(sg)] + pl
    return verb


class _Conjugator:
    def __init__(self, fn, gender: str) -> None:
        self.fn, self.gender = fn, gender

    def __getitem__(self, verb: str) -> str:
        return self.fn(verb, self.gender)


class View:
    """Attribute access renders a form; a capitalised name capitalises it; any access marks it used."""

    used: bool = False

    def __getattr__(self, name: str) -> str:
        if name[:1].isupper():
            value = getattr(self, name[0].lower() + name[1:])
            return value[:1].upper() + value[1:]
        raise AttributeError(name)

    def __getattribute__(self, name: str):
        if not name.startswith("_") and name != "used":
            object.__setattr__(self, "used", True)
        return object.__getattribute__(self, name)


class CountryView(View):
    def __init__(self, iso: str) -> None:
        row = V.COUNTRIES[iso]
        self.iso = iso
        for case in CASES:
            setattr(self, case, row[case])
        self.gender = row["gender"]
        self.ending = _ENDINGS[self.gender]
        self.abbr = V.ABBREVIATIONS.get(iso, row["nom"])
        self.comp = row["adj"][:-2] + "о-"
        self.cap = row["capital"] or row["nom"]
        self.cap_loc = row["capital_loc"] or row["loc"]
        self.past = _Conjugator(past, self.gender)
        self.fut = _Conjugator(future, self.gender)
        if iso == "RU":
            self.parliament, self.parliament_past = "Государственная дума", "ратифицировала"
        else:
            self.parliament, self.parliament_past = f"парламент {row['gen']}", "ратифицировал"
        self._adj = row["adj"]

    def __getattr__(self, name: str) -> str:
        # adj_<m|f|n|pl>_<case>: российский → российской, российскую, российских…
        if name.startswith("adj_"):
            _, gender, case = name.split("_")
            return decline_adjective(object.__getattribute__(self, "_adj"), case, gender)
        return super().__getattr__(name)


@dataclass
class Official:
    name: PersonName
    country: str
    head: tuple[str, ...]  # the post's head word(s) in the six cases
    complement: str  # the words after the head, country already filled in
    rank: str = ""
    slavic: bool = True

    @property
    def position(self) -> str:
        return " ".join(part for part in (self.head[0], self.complement) if part)


class PersonView(View):
    def __init__(self, official: Official) -> None:
        self.official = official
        female = official.name.female
        self.gender = "f" if female else "m"
        self.ending = _ENDINGS[self.gender]
        self.his = "ее" if female else "его"
        self.past = _Conjugator(past, self.gender)
        for i, case in enumerate(CASES):
            name = official.name.form(case)
            post = " ".join(part for part in (official.head[i], official.complement) if part)
            rank = _decline_rank(official.rank, case) if official.rank else ""
            setattr(self, case, name)
            setattr(self, f"post_{case}", post)
            setattr(self, f"full_{case}", " ".join(part for part in (post, rank, name) if part))
            setattr(self, f"sur_{case}", official.name.surname(case))


def _decline_rank(rank: str, case: str) -> str:
    head, sep, rest = rank.partition(" ")
    return decline_word(head, case) + sep + rest


class DocumentView(View):
    def __init__(self, kind: str, gender: str, heads: str, topic: str, status: str) -> None:
        self.kind, self.gender, self.status, self.topic = kind, gender, status, topic
        self.identity: str | None = None  # a recurring document's; one told once gets its article's
        nom, gen, acc, loc = heads.split("|")
        self.head_nom = nom
        self.nom, self.gen, self.acc, self.loc = (f"{h} {topic}" for h in (nom, gen, acc, loc))
        self.ending = {"m": "", "f": "а", "n": "о"}[gender]
        self.adj_ending = {"m": "ый", "f": "ая", "n": "ое"}[gender]
        self.adj_ending_acc = {"m": "ый", "f": "ую", "n": "ое"}[gender]
        self.adj_ending_ptc = {"m": "ий", "f": "ая", "n": "ее"}[gender]
        self.fut = _Conjugator(future, "n")


class WeaponView(View):
    def __init__(self, acc: str, gen: str) -> None:
        self.acc = self.nom = acc
        self.gen = gen


# -- the cast: officials and experts, fixed for a seed ------------------------------------------


def _pool_words(pool: dict, key: str) -> list[str]:
    raw = pool.get(key, "")
    return raw.split("|") if "|" in raw else raw.split()


def _feminine_surname(surname: str) -> str:
    if surname.endswith(("ов", "ев", "ин")):
        return surname + "а"
    if surname.endswith("ский"):
        return surname[:-2] + "ая"
    return surname


def _make_name(rng: random.Random, culture: str, taken: set[str], surnames: set[str]) -> PersonName:
    pool = V.NAME_POOLS[culture]
    for _ in range(200):
        female = bool(pool.get("given_f")) and rng.random() < 0.15
        given = rng.choice(_pool_words(pool, "given_f" if female else "given"))
        family = rng.choice(_pool_words(pool, "family"))
        if female:
            family = _feminine_surname(family)
        if pool.get("family_first"):
            parts = (family, *given.split())
            declined = tuple([False] * (len(parts) - 1) + [True])
            name = PersonName(parts, declined, female=female, surname_index=0)
        else:
            parts = (given, family)
            name = PersonName(parts, (True, True), female=female, surname_index=-1)
        family_key = family.removesuffix("а").removesuffix("ая")
        if name.nominative not in taken and family_key not in surnames:
            taken.add(name.nominative)
            surnames.add(family_key)
            return name
    raise RuntimeError(f"name pool {culture!r} is exhausted")


@dataclass
class Cast:
    officials: dict[str, list[Official]] = field(default_factory=dict)
    experts: list[Official] = field(default_factory=list)
    # A hot pair's documents that come back in later articles (recurrence.build_documents).
    documents: dict = field(default_factory=dict)


def build_cast(seed: int) -> Cast:
    """Officials per country (more for countries in more news) and Russian experts; same for a seed."""
    rng = random.Random(f"coopnews-cast:{seed}")
    cast, taken = Cast(), set()
    minister, *posts = V.POSTS
    for iso, row in V.COUNTRIES.items():
        own = [p for p in posts if p[2] is None or iso in p[2]]
        count = 4 + row["weight"] // 4
        people = []
        surnames: set[str] = set()  # «Волков» alone must point at one person of that country
        for i in range(count):
            if i < 2:
                post = minister  # every country has a defence minister in the news (and a predecessor)
            else:
                post = rng.choices(own, weights=[p[3] for p in own])[0]
            heads, complement, _, _ = post
            rank = rng.choice(V.RANKS) if "штаба" in complement or "силами" in complement else ""
            people.append(
                Official(
                    name=_make_name(rng, row["names"], taken, surnames),
                    country=iso,
                    head=tuple(heads.split("|")),
                    complement=complement.format(gen=row["gen"]),
                    rank=rank,
                )
            )
        cast.officials[iso] = people
    for i in range(12):
        heads, complement = V.EXPERT_POSTS[i % len(V.EXPERT_POSTS)]
        cast.experts.append(
            Official(_make_name(rng, "ru", taken, set()), "RU", tuple(heads.split("|")), complement)
        )
    return cast
