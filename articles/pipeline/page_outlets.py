"""Outlets that a page's furniture names: a copyright line («© РИА Новости»), the site's address
(«rus.azertag.az»), and a site's name that a page adds to its headline («Заголовок — РИА Новости»,
«AP: Заголовок»).

Pure: the outlet spellings table is passed in as a plain mapping.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from articles.pipeline.datelines import find_date_line, lookup_outlet, outlet_like
from articles.pipeline.dates import PartialDate

COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b|копирайт\b)", re.IGNORECASE)
ADDRESS = re.compile(
    r"^(?:https?://)?(?:www\.)?(?P<host>[\w-]+(?:\.[\w-]+)*\.(?:[a-z]{2,6}|рф))(?:/\S*)?$", re.IGNORECASE
)
LEADING_MARK = re.compile(r"^[/|•·>]\s+")  # «/ eadaily.com»: an aggregator's origin line
_YEARS = re.compile(r"\b(?:19|20)\d{2}(?:\s*[-–—]\s*(?:19|20)\d{2})?\b")


def copyright_outlet(line: str, outlets: Mapping[str, str]) -> str | None:
    """«© 2001–2024 ТАСС», «© РИА Новости»: the outlet owning the page; not a photo's credit
    («© Sputnik / Иван Петров» names whose picture it is)."""
    rest = COPYRIGHT.sub("", line).strip()
    if "/" in rest:
        return None
    rest = _YEARS.sub(" ", rest).strip().lstrip(",;|—–- ")  # «© 2025, РИА «Новый День»»: the year first
    rest = re.split(r"[.,;|]\s|\s[—–-]\s", rest, maxsplit=1)[0]
    named = _AGENCY_NAMED.match(rest.strip())
    if named:  # «© РИА «Новый День»»: an agency named as one, though the table may lack it
        return _known_within(named["o"], outlets) or named["o"]
    rest = re.sub(r"^(?:информационное\s+агентство|агентство|ИА|МИА)\s+", "", rest.strip(), flags=re.I)
    found = _known_within(rest, outlets)
    return _with_adjective(rest, found) if found else None


def _with_adjective(text: str, name: str) -> str:
    """«Вечерние ведомости» holds the known «Ведомости», but the adjective in front makes it another
    paper: the name with the adjectives right before it («Издательский дом Коммерсантъ» stays
    «Коммерсантъ»: a noun stands before it)."""
    from articles.pipeline.nlp import morph

    words = text.split()
    at = next((i for i in range(len(words)) if " ".join(words[i : i + len(name.split())]) == name), 0)
    start = at
    while start > 0 and re.fullmatch(r"[А-ЯЁа-яё-]+", words[start - 1]):
        if morph().parse(words[start - 1].lower())[0].tag.POS != "ADJF":
            break
        start -= 1
    return " ".join(words[start : at + len(name.split())])


# The word for an outlet's kind, before its name in quotes: «РИА «Новый День»», «агентство «Кабар»».
OUTLET_KIND = (
    r"(?:информационное\s+агентство|информационный\s+портал|агентство|интернет-издание|сетевое\s+издание|"
    r"интернет-газета|РИА|ИА|МИА|газета|журнал|издание|телеканал|радиостанция|радио)"
)
_AGENCY_NAMED = re.compile(rf"^{OUTLET_KIND}\s+«(?P<o>[^«»]{{2,40}})»$", re.IGNORECASE)


def address_outlet(line: str, outlets: Mapping[str, str]) -> str | None:
    match = ADDRESS.match(LEADING_MARK.sub("", line))
    if not match:
        return None
    host = match["host"].lower()
    parts = host.split(".")
    for start in range(len(parts) - 1):  # «rus.azertag.az» → «azertag.az»
        name = lookup_outlet(".".join(parts[start:]), outlets)
        if name:
            return name
    return None


def _known_within(text: str, outlets: Mapping[str, str]) -> str | None:
    """A known outlet spelled by up to four consecutive words of `text` (the longest first)."""
    words = text.split()
    for n in range(min(4, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            candidate = " ".join(words[i : i + n])
            if lookup_outlet(candidate, outlets):
                return candidate
    return None


# --- a headline's site name ----------------------------------------------------------------------

_SUFFIX = re.compile(r"^(?P<title>.{10,}?)\s+(?:[|—–]|-|::)\s+(?P<site>[^|—–]{2,60})$")
_ANGLE_SUFFIX = re.compile(r"^(?P<title>.{10,}?)\s+»\s+(?P<site>[^\s»]{2,40})(?:\s+[-—–|]\s+.*)?$")
# A Russian headline ending with one to three capitalised Latin words and no separator: a site's
# name (and its rubric) that the page glued on; cut only when the first of them is a known outlet.
_LATIN_SUFFIX = re.compile(
    r"^(?P<title>.{10,}?[а-яёА-ЯЁ\d»)])\s+(?P<site>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})$"
)
# «…, пишет Reuters»: the Latin name after a verb of telling is the one cited, not a site glued on.
_CITING_END = re.compile(
    r"(?<![\w-])(?:пишет|пишут|сообщает|сообщают|сообщил[аио]?|переда[её]т|передают|заявил[аио]?|отмечает)$",
    re.IGNORECASE,
)
_PREFIX = re.compile(r"^(?P<site>[^:«»\"]{2,40}?)\s*:\s+(?P<title>\S.{10,})$")
# «Заголовок - «Технологии» » «Новости Дня»»: the page's title ends with its trail, the rubric and
# then the site, joined by «»» or «›».
_PART = r"(?:«[^»\n]{1,40}»|\"[^\"\n]{1,40}\"|[A-ZА-ЯЁ][^«»\"|›/\n—–-]{0,39}?)"  # quoted or capitalised
_TRAIL_SUFFIX = re.compile(rf"^(?P<title>.{{10,}}?)\s+[-—–|]\s+{_PART}(?:\s+[»›]\s+(?P<site>{_PART}))+\s*$")


# After a bar, one to three words with a capital first and no digit or sentence mark: the rubric
# («| Мировые новости», «| Общество»), not the headline's own words.
_RUBRIC_AFTER_BAR = re.compile(r"[А-ЯЁA-Z][\w-]*(?:\s+[\w-]+){0,2}")
_SUFFIX_DATE = re.compile(r",?\s*(?P<d>\d{1,2}\.\d{1,2}\.\d{2,4}.*)$")


def site_suffix_date(headline: str, outlets: Mapping[str, str]) -> PartialDate | None:
    """The date a page's title gives after the site's name: «Заголовок - РИА Новости, 24.12.2019»."""
    match = _SUFFIX.match(headline)
    dated = _SUFFIX_DATE.search(match["site"]) if match else None
    if not dated or not lookup_outlet(match["site"][: dated.start()].strip(), outlets):
        return None
    date = find_date_line(dated["d"])
    return date if date is not None and date.year else None


def split_site_name(headline: str, outlets: Mapping[str, str]) -> tuple[str, str | None]:
    """A headline without the site name a page adds to it → (headline, the outlet spelling or None).

    «Заголовок — РИА Новости, 03.02.2023», «Заголовок | ТАСС», «AP: Заголовок». A suffix or prefix
    is cut only when it is a known outlet or has the shape of a name (a domain, a Latin or capitalised
    abbreviation); a prefix naming a person («Путин: …») stays part of the headline.
    """
    trail = _TRAIL_SUFFIX.match(headline)
    if trail:
        site = trail["site"].strip(' «»"')
        return trail["title"].strip(), (site if outlet_like(site, outlets, dated=False) else None)
    angle = _ANGLE_SUFFIX.match(headline)
    if angle and (lookup_outlet(angle["site"], outlets) or ADDRESS.match(angle["site"])):
        # «Заголовок » Median.Az - Bütün xəbərlər bir ünvanda»: the page's title, the site and its slogan
        return angle["title"].strip(), address_outlet(angle["site"], outlets) or angle["site"]
    match = _SUFFIX.match(headline)
    if match:
        site = _SUFFIX_DATE.sub("", match["site"]).strip()
        if lookup_outlet(site, outlets):
            return match["title"].strip(), site
        if ADDRESS.match(site) and "." in site:
            return match["title"].strip(), address_outlet(site, outlets) or site
        if match.group(0)[len(match["title"]) :].strip()[:1] == "|":
            if outlet_like(site, outlets, dated=False):
                return match["title"].strip(), site
            if _RUBRIC_AFTER_BAR.fullmatch(site):
                return match["title"].strip(), None  # «Заголовок | Мировые новости»: the page's rubric
    glued = _LATIN_SUFFIX.match(headline)
    if (
        glued
        and re.search(r"[а-яё]", glued["title"], re.IGNORECASE)
        and not _CITING_END.search(glued["title"])
    ):
        words = glued["site"].split()
        for n in range(len(words), 0, -1):  # «… границ Японии Minval Politika»: the site and its rubric
            if lookup_outlet(" ".join(words[:n]), outlets):
                return glued["title"].strip(), " ".join(words[:n])
    match = _PREFIX.match(headline)
    if match:
        site = match["site"].strip()
        if lookup_outlet(site, outlets):
            return match["title"].strip(), site
    return headline, None
