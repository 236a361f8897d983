"""The part of a document's title that says what it is about, without whom it is between.

One outlet writes «меморандум о военном сотрудничестве между Турцией и правительством национального
согласия», another «меморандум о военном сотрудничестве»: the second leaves out the parties, it does not
name another document. The countries themselves are no subject already (`subject_lemmas`), but the
bodies that stand for them («правительство национального согласия», «министерство обороны Республики
…») are words of the title. So the registry also keeps each title's *core* — the title less its
«между … и …» phrase — and compares the core of a title that names its parties with a title that does
not (`registry.score`). Two titles that both name their parties are compared whole: there the bodies
may be what tells two memoranda of one pair apart («между министерством транспорта и министерством
гражданской авиации»). A core that says nothing of its own («меморандум о взаимопонимании») is never
compared: it would fit any document of the kind.
"""

from __future__ import annotations

import re

# «между A и B», up to where the subject goes on («… между Россией и Египтом о порядке …») or the end;
# or the parties told by number («… о военном сотрудничестве двух стран», «обеих стран», «наших государств»).
BETWEEN = re.compile(
    r"\s+между\s+.*?(?=\s+(?:о|об|обо|по)\s+|$)|\s+(?:двух|обеих|обоих|наших)\s+(?:стран|государств)\b",
    re.IGNORECASE | re.DOTALL,
)


def without_parties(title: str) -> str | None:
    """The title less its «между … и …» phrase; None when it names no parties that way."""
    core, found = BETWEEN.subn("", title or "")
    return core.strip() if found else None


def comparisons(title: str, mine: list[str], core: list[str] | None, terms: dict):
    """The pairs of terms to compare a title (`mine`, its `core`) with an agreement's `terms`: against
    each of its titles; a title naming its parties also by its core against the titles that name none,
    and a title naming none against the others' cores."""
    for theirs in terms.get("titles", []):
        yield mine, theirs
    if without_parties(title) is not None:
        if core is not None:
            for theirs in terms.get("plain") or []:
                yield core, theirs
    else:
        for theirs in terms.get("cores") or []:
            yield mine, theirs


def remember(terms: dict, title: str, words: list[str], core: list[str] | None, most: int) -> None:
    """Keep a title's terms where `comparisons` looks: among the titles naming no parties, or its core."""
    if without_parties(title) is None:
        key, value = "plain", words
    else:
        key, value = "cores", core
    kept = terms.setdefault(key, [])
    if value and value not in kept and len(kept) < most:
        kept.append(value)


# «соглашение 2024 года», «договор от 1995 г.»: a title that names only the year it was signed (registry9:
# one outlet's «соглашение о военном сотрудничестве», signed in 2024, was another's «соглашение 2024 года»).
YEAR = re.compile(r"^(?:19|20)\d\d$")
YEAR_WORDS = {"год", "г"}


def named_year(terms: list[str]) -> int | None:
    """The year a title's terms name when they name nothing else; None otherwise."""
    years = [w for w in terms if YEAR.match(w)]
    rest = [w for w in terms if not YEAR.match(w) and w not in YEAR_WORDS]
    return int(years[0]) if len(set(years)) == 1 and not rest else None
