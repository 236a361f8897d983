"""Countries and pairs as a reader types them: «Россия-Китай», «китай россия», «Russia–China»,
«RU-CN» all name the same pair. Names come from the reference tables (Russian and English names,
official names, abbreviations such as КНР or РФ) and ISO codes; adjectives and capitals are left
out: «Пекин» in a pair filter is more likely a typo than a country.
"""

from __future__ import annotations

import re

from articles.models import Country, CountryAlias
from articles.web.counts import cached
from articles.web.search import fold

NAME_KINDS = (CountryAlias.Kind.NAME, CountryAlias.Kind.OFFICIAL, CountryAlias.Kind.ABBREVIATION)
# Words that join two names («Россия и Китай») but also occur inside names («Босния и Герцеговина»):
# tried as a separator only where the whole phrase is not one name.
CONNECTORS = {"и", "and", "vs", "versus"}
_WORD = re.compile(r"\w+")


def name_key(text: str) -> str:
    """«Гвинея-Бисау», «гвинея бисау» and «ГВИНЕЯ–БИСАУ» share a key: folded words joined by spaces."""
    return " ".join(_WORD.findall(fold(text) or ""))


def _build_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for iso, name_ru, name_en in Country.objects.values_list("iso", "name_ru", "name_en"):
        for form in (iso, name_ru, name_en):
            if form:
                index.setdefault(name_key(form), iso)
    for iso, form in CountryAlias.objects.filter(kind__in=NAME_KINDS).values_list("country_id", "form"):
        index.setdefault(name_key(form), iso)
    return index


def country_index() -> dict[str, str]:
    """Name key → ISO code, once per archive generation (an editor may add a form)."""
    return cached(("country-name-index",), _build_index)


def resolve_pair(text: str) -> tuple[str, str] | None:
    """The two ISO codes a typed pair names, in the order typed; None when no split of the words
    into two known countries exists."""
    words = (fold(text) or "").split()
    words = [w for part in words for w in _WORD.findall(part)]
    index = country_index()
    for i in range(1, len(words)):
        left, right = words[:i], words[i:]
        if right[0] in CONNECTORS and len(right) > 1 and " ".join(words) not in index:
            candidates = [(left, right), (left, right[1:])]
        else:
            candidates = [(left, right)]
        for a, b in candidates:
            iso_a, iso_b = index.get(" ".join(a)), index.get(" ".join(b))
            if iso_a and iso_b:
                return iso_a, iso_b
    return None


SUGGESTED_PAIRS = 200  # a datalist is sent with every list page: the pairs most written about


def pair_suggestions(pairs, names: dict[str, str]) -> list[str]:
    """«Китай — Россия» for each of `pairs` ((iso, iso, n) rows, most written about first): the pair
    field's <datalist>. `names` maps ISO code → name in the page's language."""
    return [f"{names[a]} — {names[b]}" for a, b, _ in pairs[:SUGGESTED_PAIRS] if a in names and b in names]
