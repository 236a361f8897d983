"""Where and when an article was filed, and by whom: wire datelines and date lines.

Pure text rules the parser applies to the opening of a body:

- a wire dateline: `МОСКВА, 17 декабря. /ТАСС/.`, `Москва. 27 января. INTERFAX.RU -`,
  `ЦАМТО, 18 августа.`, `МОСКВА, 3 мар — РИА Новости.`, `Пекин, 26 января /Синьхуа/ --`;
- a line that is only the publication date (`22.01.2025, 14:05`, `18 сен 2025, 09:12`), or a paper's
  issue line (`Газета «Коммерсантъ» №214 от 25.11.2021`), perhaps naming the outlet;
- a date in the lead sentence when there is no dateline (`Об этом 13 ноября сообщили…`).

Attributions elsewhere in the text (`сообщили «Известиям»`, `Источник: ТАСС`) are in
`articles.pipeline.attribution`.

Dates keep the precision the text gives: a day and month without a year stay without one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from articles.pipeline.date_ranges import bounds_a_span
from articles.pipeline.dates import PartialDate
from articles.pipeline.page_counters import named_with_initials, without_counters
from articles.pipeline.page_dates import month_first_date
from articles.pipeline.text import normalise

_MONTH_NUMBERS = {
    "янв": 1,
    "фев": 2,
    "мар": 3,
    "апр": 4,
    "мая": 5,
    "май": 5,
    "июн": 6,
    "июл": 7,
    "авг": 8,
    "сен": 9,
    "окт": 10,
    "ноя": 11,
    "дек": 12,
}
# Genitive (and nominative) month names; wire datelines also abbreviate them ("3 мар", "17 дек.").
MONTH_FULL = (
    r"(?i:январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|сентябр[яь]"
    r"|октябр[яь]|ноябр[яь]|декабр[яь])(?![а-яёА-ЯЁ])"
)
MONTH_ANY = (
    r"(?i:январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|сентябр[яь]"
    r"|октябр[яь]|ноябр[яь]|декабр[яь]|янв|февр?|мар|апр|июн|июл|авг|сент?|окт|нояб?|дек)(?![а-яёА-ЯЁ])"
)
_YEAR = r"(?:\s+(?P<year>\d{4})(?:\s*(?:года|г\.?))?)?"
# A dateline's year may follow a comma, and a time the date: «1 ноября, 2010, 12:23».
_DATELINE_YEAR = r"(?:,?\s+(?P<year>\d{4})(?:\s*(?:года|г\.?))?)?(?:,?\s+\d{1,2}:\d{2})?"
_DATE = rf"(?P<day>\d{{1,2}})\s+(?P<month>{MONTH_ANY}){_DATELINE_YEAR}"
_NUMERIC_DATE = r"(?P<nday>\d{1,2})\.(?P<nmonth>\d{1,2})\.(?P<nyear>\d{4})"

# A place: one to four words, the first capitalised ("МОСКВА", "Нью-Йорк", "Ростов-на-Дону").
_PLACE = r"(?P<place>[A-ZА-ЯЁ][\w’'-]{0,30}(?:\s+(?:[A-ZА-ЯЁ][\w’'-]{0,30}|на|де|ла|дель|эль|аль)){0,3})"
# "Баку, Азербайджан, 12 июня": a country after the city, before the date (or before the bracketed
# outlet: "Самарканд, Узбекистан (UzDaily.uz) --"); "ПОДОЛЬСК (Московская область), 3 мая": a region;
# "БУРГ-ЭЛЬ-АРАБ /Египет/, 26 октября. /ТАСС/.": the country between slashes, before the date (the
# agency's slashes come after it).
_REGION = (
    r"(?:\s*,\s*[A-ZА-ЯЁ][\w’'-]{1,30}(?=\s*(?:,\s*\d|\([^()\n]{1,60}\)\s*(?:--?|—|–)))"
    r"|\s*\([А-ЯЁA-Z][^()\n]{1,40}\)(?=\s*,\s*\d)"
    r"|\s*/[А-ЯЁA-Z][^/\n]{1,40}/(?=\s*,\s*\d))?"
)
_DATELINE_HEAD = re.compile(rf"^{_PLACE}{_REGION}(?:\s*[,.]\s*(?:{_DATE}|{_NUMERIC_DATE}))?(?=[\s,./(—–-]|$)")
_DASH = r"(?:--?|—|–)"
# (pattern, bracketed): how an outlet follows the place and date; bracketed names may be unknown.
# "МОСКВА, 18 октября/ Радио Sputnik.": a slash before the outlet and none after it (dated only)
_ONE_SLASH = re.compile(r"^\s*/\s*(?P<o>[^/\n.,]{1,40}?)\s*\.\s+")
_OUTLET_PATTERNS = [
    # "/ТАСС/.", "/Синьхуа/ --", "/Корр. ТАСС Иван Иванов/."
    (re.compile(rf"^\s*[,.]?\s*/\s*(?P<o>[^/\n]{{1,60}}?)\s*/\s*(?:\.|:|,|{_DASH})?\s*"), True),
    (_ONE_SLASH, True),
    # "(БЕЛТА) –", "(Trend) -"
    (re.compile(rf"^\s*[,.]?\s*\(\s*(?P<o>[^()\n]{{1,60}}?)\s*\)\s*(?:\.|:|,|{_DASH})?\s*"), True),
    # "— РИА Новости.", "- РИА Новости, Иван Иванов."
    (
        _DASHED_OUTLET := re.compile(
            rf"^\s*[,.]?\s*{_DASH}\s*(?P<o>[^\n.,]{{1,60}}?)(?:,[^\n.]{{1,60}})?\s*\.\s+"
        ),
        False,
    ),
    # ". INTERFAX.RU -", ". ИНТЕРФАКС -"
    (re.compile(rf"^\s*[,.]\s*(?P<o>[^\s/,][^\n,]{{0,50}}?)\s+{_DASH}\s+"), False),
    # "БАКУ, 11 сен – 1NEWS.AZ" alone on its line
    (_DASHED_ALONE := re.compile(rf"^\s*[,.]?\s*{_DASH}\s*(?P<o>[^\n,]{{1,40}}?)\s*\.?\s*$"), True),
    # 'Бишкек, "САЯСАТ.KG". По итогам…'
    (re.compile(r"^\s*,\s*(?P<o>«[^»\n]{1,40}»|\"[^\"\n]{1,40}\")\s*\.\s+"), True),
    # ", АРМЕНПРЕСС." (a known outlet only)
    (re.compile(r"^\s*[,.]\s*(?P<o>[^\s/,.][^\n,.]{0,40}?)\s*\.\s+"), None),
]
# "Гянджа/03.05.21/Turan:": the date between slashes, the outlet after it.
_SLASHED_DATE = re.compile(
    r"^/\s*(?P<d>\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4}))\s*/\s*(?P<o>[^/\n:.]{1,40}?)\s*(?::|/|--?|—|–)\s+"
)
_CORRESPONDENT_PREFIX = re.compile(r"^(?:спец\.?\s*|собств\.?\s*)?корр(?:\.|еспондент\w*)\s*", re.IGNORECASE)
_DATE_END = re.compile(rf"^\s*[.,:]?\s*(?:\d{{1,2}}:\d{{2}}\s*[.,:]?\s*)?(?:{_DASH}\s*)?")


def lookup_outlet(spelling: str, outlets: Mapping[str, str]) -> str | None:
    """The outlet a spelling names, trying it as written, without quotes and without «ИА»."""
    candidates = [spelling, re.sub(r"[«»\"“”„]", "", spelling)]
    candidates += [
        re.sub(
            r"^(?:ИА|МИА|агентство|агентства|информагентство|медиагруппа|телеканал|газета|журнал|портал)\s+",
            "",
            c,
            flags=re.IGNORECASE,
        )
        for c in candidates
    ]
    for candidate in candidates:
        name = outlets.get(normalise(candidate.strip(" .,:;-—–")))
        if name:
            return name
    return None


LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9.&_-]*[A-Za-z0-9]$")
CAPS_NAME = re.compile(r"^[А-ЯЁ][А-ЯЁ0-9-]{2,}$")
# «Краснодар, 26 июля – Юг Times.»: after a place, a day and a dash, a name of a few capitalised words
# closed by a stop is the outlet, though the table lacks it (a sentence there has lower-case words).
_TITLED_NAME = re.compile(r"^(?:[A-ZА-ЯЁ][\w’'&-]*)(?:\s+[A-ZА-ЯЁ][\w’'&-]*){0,2}$")
_AGENCY_KIND = re.compile(r"^(?:ИА|РИА|МИА)\s+(?P<o>[A-ZА-ЯЁ][\w-]*(?:\s+[A-ZА-ЯЁ][\w-]*)?)$")
_AGENCY_WORD = re.compile(r"^[А-ЯЁ]{6,}$")  # «ГРУЗИНФОРМ»: an agency's name in capitals, not an abbreviation


def outlet_like(spelling: str, outlets: Mapping[str, str], slashed: bool = False, dated: bool = True) -> bool:
    """Could this text be an outlet's name? Known spellings always; unknown ones by their shape."""
    spelling = spelling.strip()
    if not re.search(r"\w", spelling):
        return False
    if lookup_outlet(spelling, outlets):
        return True
    words = spelling.split()
    if slashed:
        return len(words) <= 5 and not spelling[0].islower()
    if spelling[0] in '«"' and len(words) <= 4:
        return dated  # after a place alone «…» may be any quote; after a date it is the outlet
    return len(words) <= 2 and all(LATIN_NAME.match(w) or CAPS_NAME.match(w) for w in words)


def _outlet_name(text: str, outlets: Mapping[str, str]) -> str:
    """The outlet in a dateline's outlet slot: "Корр. ТАСС Иван Иванов" → "ТАСС"."""
    text = text.strip()
    stripped = _CORRESPONDENT_PREFIX.sub("", text)
    if lookup_outlet(stripped, outlets):
        return stripped
    words = stripped.split()
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            candidate = " ".join(words[i : i + n])
            if lookup_outlet(candidate, outlets):
                return candidate
    if stripped != text and words:
        return words[0]  # "Корр. XYZ Иван Иванов": the word after «корр.» names the outlet
    return text


def _date_from_match(match: re.Match) -> PartialDate | None:
    groups = match.groupdict()
    try:
        if groups.get("nday"):
            return PartialDate(int(groups["nyear"]), int(groups["nmonth"]), int(groups["nday"])).validate()
        if groups.get("day"):
            month = _MONTH_NUMBERS[groups["month"].lower().rstrip(".")[:3]]
            year = int(groups["year"]) if groups.get("year") else None
            if groups.get("ay"):  # «28 марта ‘24»: a site's two-digit year after an apostrophe
                year = 2000 + int(groups["ay"])
            return PartialDate(year, month, int(groups["day"])).validate()
    except (ValueError, KeyError):
        return None
    return None


_DATE_FIRST = re.compile(
    rf"^(?P<date>\d{{1,2}}\s+{MONTH_ANY}(?:\s+\d{{4}})?)\s*,\s*(?P<rest>[A-ZА-ЯЁ].*)$", re.DOTALL
)
# «10 июня 2024 г., AviaStat.ru – Текст»: the date, then the outlet, a dash and the lead.
_DATE_OUTLET_LEAD = re.compile(
    rf"^(?P<date>\d{{1,2}}\s+{MONTH_ANY}\s+\d{{4}}(?:\s*г\.?)?)\s*,\s*(?P<o>[^\s,]{{2,30}}(?:\s[^\s,]{{2,30}})?)"
    rf"\s+{_DASH}\s+(?P<rest>[А-ЯЁA-Z«\"].*)$",
    re.DOTALL,
)
# A known outlet's name alone as the lead's first "sentence": the agency signing its item.
_OUTLET_SENTENCE = re.compile(
    r"^(?P<o>[^\s.,:;!?«»\"]{2,30}(?:\s[^\s.,:;!?«»\"]{2,30})?)\.\s+(?P<rest>[А-ЯЁA-Z«\"].*)$", re.DOTALL
)
# A site's own dateline, its domain-like name first: «PanARMENIAN.Net - 28.08.2000, МЕДИАМАКС, ЕРЕВАН.»
# (the agency and the place in capitals, when given, after the date).
_SITE_DATELINE = re.compile(
    r"^(?P<o>[A-Za-z][\w-]*\.(?:[a-z]{2,4}|[A-Z][a-z]{1,3}|[A-Z]{2,4}))\s+[—–-]\s+"
    r"(?P<d>\d{1,2}\.\d{1,2}\.(?:19|20)\d{2})"
    r"(?:,\s*(?P<a>[А-ЯЁA-Z][А-ЯЁA-Z-]{2,30}),\s*(?P<p>[А-ЯЁ][А-ЯЁ-]{2,30}))?\.?\s+(?P<rest>[А-ЯЁA-Z«\"].*)$",
    re.DOTALL,
)
_OUTLET_OPENER = re.compile(rf"^\((?P<o>[^()\n]{{2,30}})\)\s*{_DASH}\s+(?P<rest>\S.*)$", re.DOTALL)
# «ИА "Ореанда-Новости" Корабли Тихоокеанского флота …»: an agency's own marker opening the lead.
_AGENCY_OPENER = re.compile(
    r"^(?:ИА|МИА)\s+[«\"](?P<o>[^»\"\n]{2,40})[»\"]\s+(?P<rest>[А-ЯЁA-Z].*)$", re.DOTALL
)


# What a careless copy leaves of an HTML tag before the text: «b>», «</p>», «<br/>», «strong>».
_HTML_DEBRIS = re.compile(r"^(?:<\s*)?/?[a-z]{1,6}[1-6]?\s*/?>\s*")
# A breadcrumb trail: short segments between spaced separators («Главная / Политика / Заголовок»).
_CRUMB = re.compile(r"\s+(?:/|>|»|›|→|\|)\s+")


def _breadcrumb_trail(paragraph: str, outlets: Mapping[str, str]) -> bool:
    """«Главная / Лента / Россия продает …»: a site's trail of rubrics, never a dateline. Its
    segments look like «Москва / ТАСС / …», so the second one must be a known outlet to be read so."""
    segments = _CRUMB.split(paragraph.split("\n", 1)[0], maxsplit=2)
    return (
        len(segments) == 3
        and all(0 < len(s.split()) <= 3 and not re.search(r"\d", s) for s in segments[:2])
        and not lookup_outlet(segments[1], outlets)
    )


def split_dateline(
    paragraph: str, outlets: Mapping[str, str]
) -> tuple[str, PartialDate | None, str | None, str] | None:
    """A wire dateline opening `paragraph` → (place, date, outlet spelling, the rest), or None."""
    if _breadcrumb_trail(paragraph, outlets):
        return None
    debris = _HTML_DEBRIS.match(paragraph)
    if debris and paragraph[debris.end() :][:1].isupper():
        paragraph = paragraph[debris.end() :]  # «b>Краснодар. 9 авг. - Новая Кубань.»: a tag cut in half
    site = _SITE_DATELINE.match(paragraph)
    if site and (when := find_date_line(site["d"])) is not None:
        return (site["p"] or "").title(), when, (site["a"] or site["o"]).strip(), site["rest"]
    opener = _OUTLET_OPENER.match(paragraph)
    if opener and outlet_like(opener["o"], outlets, slashed=True) and opener["rest"][:1].isupper():
        return "", None, opener["o"].strip(), opener["rest"]  # «(VOVWORLD) - В среду …»
    agency = _AGENCY_OPENER.match(paragraph)
    if agency:
        return "", None, agency["o"].strip(), agency["rest"]
    named = _OUTLET_SENTENCE.match(paragraph)
    if named and lookup_outlet(named["o"], outlets):
        return "", None, named["o"], named["rest"]  # «АрмИнфо. В 2023-2024 годах …»
    dated = _DATE_OUTLET_LEAD.match(paragraph)
    if dated and outlet_like(dated["o"], outlets):
        return "", find_date_line(dated["date"]), dated["o"], dated["rest"]
    date_first = _DATE_FIRST.match(paragraph)
    if date_first:  # «13 декабря, Минск /Корр. БЕЛТА/.»: read as «Минск, 13 декабря /Корр. БЕЛТА/.»
        rest = date_first["rest"]
        place = _DATELINE_HEAD.match(rest)
        if place:
            found = split_dateline(
                f"{rest[: place.end()]}, {date_first['date']}{rest[place.end() :]}", outlets
            )
            return found if found is not None and found[2] else None
    head = _DATELINE_HEAD.match(paragraph)
    if not head:
        return None
    place = head.group("place").strip()
    if _ENDS_WEEKDAY.search(place):
        return None  # «Флаг Четверг, 21 ноября 2024»: a day of the week is no place (the site's date bar)
    date = _date_from_match(head)
    tail = paragraph[head.end() :] + " "  # «Минск, 3 июня. БелТА.» may stand alone on its line
    outlet, rest, alone = None, None, False
    slashed = _SLASHED_DATE.match(tail) if date is None else None
    if (
        slashed
        and (when := find_date_line(slashed["d"]))
        and outlet_like(slashed["o"], outlets, slashed=True)
    ):
        rest = tail[slashed.end() :].strip()
        if rest[:1].isupper():
            return place.title() if place.isupper() else place, when, slashed["o"].strip(), rest
    for pattern, bracketed in _OUTLET_PATTERNS:
        match = pattern.match(tail)
        if not match:
            continue
        name = _outlet_name(match.group("o"), outlets)
        agency = _AGENCY_KIND.match(name) if bracketed is None else None
        if agency:
            name = agency[
                "o"
            ]  # «Владивосток, ИА Приморье24.»: an agency named as one, though the table lacks it
        elif (
            bracketed is None and not lookup_outlet(name, outlets) and not (date and _AGENCY_WORD.match(name))
        ):
            continue  # («Тбилиси, 25 февраля, ГРУЗИНФОРМ.»: after a date one long capitalised word is one)
        if date is None and pattern is _ONE_SLASH:
            continue  # «Москва/ ТАСС.»: one slash is a dateline's only after a date
        alone = pattern is _DASHED_ALONE and lookup_outlet(name, outlets) is not None
        if date is None and not re.search(r"[.:,/—–-]\s*$", match.group(0)) and not alone:
            continue  # «НАСТОЯЩИЙ МАТЕРИАЛ (ИНФОРМАЦИЯ) ПРОИЗВЕДЕН…»: no date, and nothing closes it
            # («Дамаск – САНА» alone on its line: a known agency dashed after the place is one)
        if (
            agency
            or outlet_like(name, outlets, slashed=bool(bracketed), dated=date is not None)
            or (date and head.group("day") and pattern is _DASHED_OUTLET and _TITLED_NAME.match(name))
        ):
            outlet, rest = name, tail[match.end() :]
            break
    if outlet is None:
        if date is None or head.group("day") is None and head.group("nday") is None:
            return None
        rest = tail[_DATE_END.match(tail).end() :]
        if tail.strip() and tail[:1] not in ".,:—–-" and not tail.lstrip().startswith(("—", "–", "-")):
            return None
    rest = rest.strip()
    if date is None and not rest and not alone:
        return None  # «АндрК ( Слушатель )»: a name and a note, with no date and no text after
    if outlet:
        outlet = outlet.strip(' «»"')
    if rest and rest[0].islower():
        return None  # "Сегодня, 17 декабря, в Москве…" is a sentence, not a dateline
    if outlet is None and lookup_outlet(place, outlets):  # "ЦАМТО, 18 августа.": outlet, not place
        outlet, place = place, ""
    elif place.isupper():
        place = place.title()
    return place, date, outlet, rest


# --- dates elsewhere -----------------------------------------------------------------------------

_TIME = r"\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:\s*(?:[AaPp][Mm]))?"
_SEP = r"\s*(?:[,/|•·]|—|–|-)?\s*"
# A time zone or a city's clock after the time: «GMT +5», «(UTC +04:00)», «МСК», «по Москве».
_ZONE = r"(?:\s*[|,]?\s*\(?(?:по\s+)?(?:GMT|UTC|МСК|мск|MSK)\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?\)?|\s+по\s+\w+(?:\s+времени)?)?"
_DAY_NAME = (
    r"(?:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|пн|вт|ср|чт|пт|сб|вс"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)"
)
_WEEKDAY = rf"(?:{_DAY_NAME}\.?\s*,?\s*)?"
_ENDS_WEEKDAY = re.compile(rf"\S\s+{_DAY_NAME}$", re.IGNORECASE)  # (a weekday alone: the date line it opens)
_DATE_LINE = re.compile(
    rf"^{_WEEKDAY}(?:{_TIME}{_ZONE}{_SEP}(?:в\s+)?{_WEEKDAY})?(?:{_NUMERIC_DATE}|(?P<day>\d{{1,2}})\s+(?P<month>{MONTH_ANY})\.?"
    rf"(?:\s*,?\s+(?P<year>\d{{4}})(?:\s*(?:года|г\.?))?|\s*['‘’`](?P<ay>\d{{2}})(?!\d))?|(?P<iy>\d{{4}})(?P<isep>[-./])(?P<im>\d{{1,2}})(?P=isep)(?P<id>\d{{1,2}})(?:T{_TIME}(?:Z|[+-]\d{{2}}:?\d{{2}})?)?"
    rf"|(?P<sd>\d{{1,2}})[./](?P<sm>\d{{1,2}})[./](?P<sy>\d{{2}}|\d{{4}})"
    rf"|(?P<hd>\d{{1,2}})-(?P<hm>\d{{1,2}})-(?P<hy>\d{{4}}))"
    rf"(?:\s*г\.)?(?:{_SEP}(?:в\s+)?(?:{_TIME}|\({_TIME}\)))?{_ZONE}(?:\s*,\s*{_DAY_NAME})?\s*$",
    re.IGNORECASE,
)
# Labels a site puts before the publication time, and the update note after it.
_DATE_LABEL = re.compile(
    r"^(?:опубликовано|дата\s+публикации|обновлено|изменено|размещено|создано|published|updated|posted"
    r"|modified|created|дата)\s*:?\s*",
    re.IGNORECASE,
)
# «10 ноября 2022, 19:43 Читати українською»: a link to the page in another language after the date.
_LANGUAGE_LINK = re.compile(
    r"\s+(?:читати|читать)\s+(?:українською|російською|на\s+(?:украинском|русском)(?:\s+языке)?|по-украински)$",
    re.IGNORECASE,
)
# «25-10-2017, 09:25. Разместил: Редакция …»: who posted it, after the time.
_POSTED_BY = re.compile(r"(?<=\d)\s*[.,]?\s+(?:разместил|добавил|опубликовал)\w*\s*:.*$", re.IGNORECASE)
# «05. 09. 2014»: a numeric date with a space after each point.
_SPACED_POINTS = re.compile(r"(?<![\d.])(\d{1,2})\.\s(\d{1,2})\.\s((?:19|20)\d{2})(?!\d)")
# «05.09.2014 Шрифт: a a a»: the page's text-size switch after the date.
_FONT_SWITCH = re.compile(
    r"\s+(?:шрифт|размер\s+шрифта|font(?:\s+size)?)\s*:?(?:\s+[aа][+-]?)*\s*$", re.IGNORECASE
)
# «3 марта 2015,, 17:59»: a comma doubled where the page's template printed an empty field.
_DOUBLED_COMMA = re.compile(r"(?<=\d),\s*,(?=\s*\d)")
# «11 ноября,2014 16:34»: a month and the year with no space after the comma.
_COMMA_BEFORE_YEAR = re.compile(r"(?<=[а-яё]),(?=(?:19|20)\d{2}\b)")
# «2017-08-17 | Политика», «2020-7-10 02:44 |», «24-09-2014, 11:59 \\ Военторг»: a rubric or a bare
# separator after the time; «06.05.2015 17:26 — Новости Общества»: a news rubric after a dash.
_RUBRIC_AFTER = re.compile(
    r"\s*(?:(?:[|•·]|\\+)\s*(?:[^\W\d][^|\d]{0,30})?|\s[—–-]\s+Новости(?:\s[^|\d]{1,30})?"
    r"|\s*\|\s*Новости\s[^|\d]{1,40}"  # «… | Новости общества Сахалина и Курил»
    r"|\s+»\s+\S.*"  # «23-09-2011, 05:36 » «Заголовок…»»: the trail to the page after its timestamp
    r"|(?<=\d:\d\d)[A-ZА-ЯЁ][^|\d]{0,30}"  # «10 апр 13:45В мире»: a rubric glued to the time
    r"|(?<=\d)\s+[А-ЯЁ][а-яё]{2,15})$"  # «22:11 / 03.05.2022 Мир»: one word of rubric after it
)
_UPDATE_NOTE = re.compile(
    r"\s*(?:\(\s*(?:обновлено|изменено|updated)\b[^()]*\)|[|,;]?\s*(?:обновлено|изменено|updated)\b.*)\s*$",
    re.IGNORECASE,
)
# A newspaper's issue line: «Газета «Коммерсантъ» №214 от 25.11.2021, стр. 6»,
# «№ 45 от 12.03.2025», «Опубликовано в выпуске № 4 (1070) за 4 февраля 2025 года».
_ISSUE_LINE = re.compile(
    r"^(?:(?:опубликовано\s+)?в\s+(?:выпуске|номере)\s+)?(?:(?:газета|журнал|еженедельник)\s+)?"
    r"(?P<outlet>«[^»]{1,60}»|\"[^\"]{1,60}\"|[^\s№«\"][^№]{0,58}?)?\s*"
    r"(?:№|N|#)\s*\d+(?:\s*\(\d+\))?(?:\s*,)?\s+(?:от|за)\s+(?P<date>[^,;]+?)"
    r"(?:\s*[,;]\s*(?:стр|с)\.?\s*\d+(?:-\d+)?)?\s*\.?$",
    re.IGNORECASE,
)


# «2021-05-03 09:40:00.0 镜像站 新闻»: a mirror's label in another script after the time.
_FOREIGN_TAIL = re.compile(r"\s+\S*[^\W\d_A-Za-z\u00c0-\u024f\u0400-\u04ff].*$")


# «20.08.2012 10:51   -»: a separator left where the page printed an author or a rubric after the time.
_TRAILING_MARK = re.compile(r"(?<=\d)\s*(?:[-—–|•·.])\s*$")


def find_date_line(line: str) -> PartialDate | None:
    """A line that is only a publication date (site furniture above the text): its date.

    Times around the date, a label (`Обновлено:`), an update note in brackets and a views or
    words counter may go with it: `22.01.2025, 14:05`, `17:35 14.06.2024 (обновлено: 18:02
    14.06.2024)`, `18 сен 2025, 09:12`, `16:25 / 26.04.2024 Просмотров: 1865`.
    """
    line = _DOUBLED_COMMA.sub(",", line.strip())
    line = _LANGUAGE_LINK.sub("", _COMMA_BEFORE_YEAR.sub(", ", _SPACED_POINTS.sub(r"\1.\2.\3", line)))
    line = _FONT_SWITCH.sub("", _POSTED_BY.sub("", line))
    line = without_counters(_FOREIGN_TAIL.sub("", line))
    line = _TRAILING_MARK.sub("", _UPDATE_NOTE.sub("", _DATE_LABEL.sub("", line)))
    match = _DATE_LINE.match(line) or _DATE_LINE.match(_RUBRIC_AFTER.sub("", line))
    if not match:
        return month_first_date(line)
    try:
        if match.group("iy"):
            return PartialDate(int(match["iy"]), int(match["im"]), int(match["id"])).validate()
        if match.group("hd"):  # «09-12-2025 18:00»: day, month and a four-digit year between hyphens
            return PartialDate(int(match["hy"]), int(match["hm"]), int(match["hd"])).validate()
        if match.group("sd"):
            year = int(match["sy"]) + (2000 if len(match["sy"]) == 2 else 0)
            return PartialDate(year, int(match["sm"]), int(match["sd"])).validate()
    except ValueError:
        return None
    return _date_from_match(match)


def find_issue_line(line: str) -> tuple[PartialDate, str | None] | None:
    """A newspaper's issue line → (the issue's date, the paper's name as written or None)."""
    match = _ISSUE_LINE.match(line.strip())
    if not match:
        return None
    date = find_date_line(match.group("date"))
    if date is None:
        return None
    outlet = (match.group("outlet") or "").strip(' «»",') or None
    return date, outlet


_OUTLET_DATE = re.compile(r"^(?P<o>[^,/|]{2,40}?)\s*(?:,|/|\||—|–)\s*(?P<d>\S.*)$")
# «Интерфакс 02.10.19 Слов: 86»: a known outlet and the date with only a space between them.
_OUTLET_SPACE_DATE = re.compile(r"^(?P<o>[^,/|\d]{2,40}?)\s+(?P<d>\d.*)$")
# «25 мая 2023, 10:14 [ «Аргументы Недели» ]»: the outlet in brackets after the timestamp.
_OUTLET_BRACKETED_AFTER = re.compile(r"^(?P<d>\S.*?)\s*[\[(]\s*(?P<o>[^\[\]()]{2,60}?)\s*[\])]$")
# «18 сентября 2022, 11:03 — Служба новостей — СН»: the timestamp, a dash, a signature.
# A name of capitalised words, a comma and the date between slashes, an agency's style: the outlet
# signs its dispatch, though the table may lack it.
_OUTLET_SLASHED_DATE = re.compile(
    r"^(?P<o>[A-ZА-ЯЁ][\w-]*(?:\s+[A-ZА-ЯЁ][\w-]*){0,3})\s*,\s*/\s*(?P<d>[^/]{6,40}?)\s*/$"
)
_DATE_CELL = re.compile(
    r"(?:^|\|)\s*(?:Дата|Date|Опубликовано|Добавлено)\s*:\s*(?P<d>[^|]{6,30}?)\s*(?:\||$)", re.IGNORECASE
)
_DATE_THEN_AGENCY = re.compile(
    r"^(?P<d>.*\d)\s*[,|—–-]\s*(?:ИА|РИА|МИА|(?i:информационное\s+агентство|агентство))\s+"
    r"(?P<o>«[^»\n]{2,40}»|[A-ZА-ЯЁ][\w.-]*(?:\s+[A-ZА-ЯЁ][\w.-]*){0,2})$"
)
_DATE_THEN_SIGNED = re.compile(r"^(?P<d>.*\d)\s+[—–-]\s+(?P<o>\D{4,80})$")
# «27.10.2021 ТАСС 1»: the date, then the agency (a known outlet), then maybe a small counter.
_DATE_THEN_OUTLET = re.compile(r"^(?P<d>.*\d)\s+(?P<o>[^\d\s][^\d]{0,40}?)(?:\s+\d{1,6})?$")


def find_publication_line(line: str, outlets: Mapping[str, str]) -> tuple[PartialDate, str | None] | None:
    """A timestamp or issue line → (its date, an outlet it names): `22.01.2025, 14:05`,
    `Газета «Коммерсантъ» №214 от 25.11.2021`, `РБК, 18 сен 2025, 09:12`."""
    date = find_date_line(line)
    if date is not None:
        return date, None
    issue = find_issue_line(line)
    if issue is not None:
        date, name = issue
        return date, (name if name and lookup_outlet(name, outlets) else None)
    for pattern in (_OUTLET_DATE, _OUTLET_SPACE_DATE, _OUTLET_BRACKETED_AFTER, _DATE_THEN_OUTLET):
        match = pattern.match(line)
        if match and lookup_outlet(match["o"], outlets) and (date := find_date_line(match["d"])) is not None:
            return date, match["o"].strip(' «»"')
    match = _OUTLET_DATE.match(line)
    if match and _HOST.match(match["o"]) and (date := find_date_line(match["d"])) is not None:
        return date, match["o"].lower().removeprefix("www.")  # «lima-news.pe | 05.09.2014»: the site signs
    match = _OUTLET_SLASHED_DATE.match(line)
    if match and (date := find_date_line(match["d"])) is not None:
        return date, match["o"]  # «Центрально-Азиатские Новости, /14 сентября 2005 года/»
    match = _DATE_SLASHED_OUTLET.match(line)
    if match and (date := find_date_line(match["d"])) is not None and date.year:
        return date, match["o"]  # «24 февраля 2015 года / Aviation EXplorer /Любовь Милованова»
    cell = _DATE_CELL.search(line) if line.count("|") >= 2 else None
    if cell and (date := find_date_line(cell["d"])) is not None:
        return (
            date,
            None,
        )  # «Категория: | Просмотров: 494 | Добавил: … | Дата: 04.04.2013 | …»: the post's fields
    match = _DATE_THEN_AGENCY.match(line)
    if match and (date := find_date_line(match["d"])) is not None:
        return date, match["o"].strip(' «»"')  # «25 апреля 2014, 17:05, ИА Амител»: an agency by its kind
    match = _DATE_THEN_SIGNED.match(line)
    if (
        match
        and (name := named_with_initials(match["o"]))
        and (date := find_date_line(match["d"])) is not None
    ):
        return date, name  # «18 сентября 2022, 11:03 — Служба новостей — СН»: the outlet signs
    match = _DATE_THEN_BYLINE.match(line)
    if match and (date := find_date_line(match["d"])) is not None and date.year:
        return date, None  # «09:27 14.04.2021 • Владимир Сажин, старший научный сотрудник …»
    match = _SOURCE_AFTER.match(line)
    if match and (date := find_date_line(match["d"])) is not None:
        return date, (match["o"].strip() if lookup_outlet(match["o"], outlets) else None)
    match = _RUBRIC_BAR.match(line)
    if match and (date := find_date_line(match["d"])) is not None and date.year:
        return date, None  # «Политика | 30 Июня, 2016»: the rubric, a bar, the date
    match = _RUBRIC_BEFORE.match(line) or _RUBRIC_GLUED.match(line)
    if match and _TIMED.search(match["d"]) and (date := find_date_line(match["d"])) is not None and date.year:
        return date, None  # «Узбекистан Материалы 29 ноября 2016 20:40»: a rubric, then the timestamp
    return None


_HOST = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.IGNORECASE)
# The date, the outlet and the author between slashes, an aggregator's signature: «24 февраля 2015 года /
# Aviation EXplorer /Любовь Милованова» (the author a first name and a surname, or none).
_DATE_SLASHED_OUTLET = re.compile(
    r"^(?P<d>[^/]{6,40}?)\s*/\s*(?P<o>[A-ZА-ЯЁ][\w.-]*(?:\s+[A-ZА-ЯЁ][\w.-]*){0,3})\s*/"
    r"\s*(?:[А-ЯЁA-Z][а-яёa-z-]+\s+[А-ЯЁA-Z][а-яёa-z-]+)?\s*$"
)
# A dated timestamp, a bullet, then the author and his titles (any length).
_DATE_THEN_BYLINE = re.compile(r"^(?P<d>[^•·]{6,40}?)\s+[•·]\s+[A-ZА-ЯЁ][^•·]*$")
_SOURCE_AFTER = re.compile(
    r"^(?P<d>.+?)\s*[|,]?\s+(?:источник|source)\s*:\s*(?P<o>\S.{0,60})$", re.IGNORECASE
)
_RUBRIC_BAR = re.compile(r"^(?:[A-ZА-ЯЁ][\w-]*\s+){0,2}[A-ZА-ЯЁ][\w-]*\s*[|•]\s*(?P<d>\d[^|•]*)$")
_RUBRIC_BEFORE = re.compile(r"^(?:[A-ZА-ЯЁ][\w-]*\s+){1,3}(?P<d>\d.*)$")
# «Политика4 марта 2015 15:40», «НовостиПолитика26 марта 2019 5:44»: a rubric or a trail of them
_RUBRIC_GLUED = re.compile(r"^(?:[A-ZА-ЯЁ][a-zа-яё]{2,}){1,3}(?P<d>\d.*)$")
_TIMED = re.compile(r"\d{1,2}:\d{2}")


_LEAD_DATE = re.compile(
    rf"(?<![\d.])(?P<day>\d{{1,2}})\s+(?P<month>{MONTH_FULL}){_YEAR}(?![\d])", re.IGNORECASE
)
# «было подписано», «был заключен», «была ратифицирована»: a passive in the past, what had been done.
_WAS_DONE = re.compile(r"(?<![\w-])был[аио]?\s+[а-яё]+(?:ан|ен|ён|ят|ит)[аоы]?(?![\w-])", re.IGNORECASE)
# A lead that opens on a numeric date, as a dateline would: «22.10.2025г. в Таджикистане прошли …».
_NUMERIC_FRONT = re.compile(
    r"^(?P<nday>\d{1,2})\.(?P<nmonth>\d{1,2})\.(?P<nyear>(?:19|20)\d{2})\s*(?:г\.|года)?,?\s+(?=[а-яё])"
)
_REPORTING = re.compile(
    r"сообщ|заяв|рассказ|переда[её]т|передал|объявил|отметил|информир|говорится|пишет|подчеркнул|сказал",
    re.IGNORECASE,
)


def find_lead_date(lead: str, story: str | None = None) -> PartialDate | None:
    """With no dateline, a day and month in the lead date the article (year only if given there).

    A date in a sentence that reports something (`Об этом 13 ноября сообщили…`) wins over an
    earlier one; otherwise the lead's first date is taken. A date in a sentence about what is
    still to come (`заседание состоится 2 ноября`, `учения пройдут с 24 сентября`) is an event
    ahead of the article, never its publication date, and neither is a date something is set
    for (`ратификация запланирована на 8 мая`) nor the date a document bears (`соглашение от 25
    ноября 1995 года`).

    `story` is given for a paragraph after the first: the headline and the first paragraph, which
    say what the article reports. A later paragraph's date is often background — the signing of
    the document a submission or a vote is about (`Соглашение было подписано 18 февраля`), an
    earlier stage (`21 декабря Госдума ратифицировала…` under a committee's vote) — so there it
    counts only when its sentence is tied to the article's own news: it reports something, names
    the day of the week or «сегодня/вчера» with the date (a report of this week), or has a verb of
    the story's own (`15 октября прошло заседание, на котором было подписано…` under «подписали»).
    In the lead itself a sentence after the first is held to its first sentence the same way
    (`Учения начались… Церемонию открытия 25 сентября посетили…`: the ceremony's day is not the
    article's), unless it opens with its date as a lead tells its news (`1 октября договор утвердила
    палата`). A sentence reports only where the reporting verb is in the date's own clause.
    """
    from razdel import sentenize

    story_verbs = _verbs(story) if story is not None else None
    if story is None and (fronted := _NUMERIC_FRONT.match(lead)) is not None:
        return _date_from_match(fronted)  # «22.10.2025г. в Таджикистане …»: the lead opens on its date
    candidates = []
    for n, sentence in enumerate(sentenize(lead)):
        if _LOOKING_BACK.match(sentence.text):
            continue  # «Ранее Лукашенко сообщил, что 13 марта …»: the article recalls, not reports
        if n == 1 and story_verbs is None:
            story_verbs = _verbs(lead[: sentence.start])  # the lead's first sentence tells the news
        for match in _LEAD_DATE.finditer(sentence.text):
            date = _date_from_match(match)
            if date is None or _set_for(sentence.text, match) or _dated_from(sentence.text, match):
                continue
            if bounds_a_span(sentence.text, match.start(), match.end()):
                continue  # «С 10 по 12 ноября проходит визит»: a period, not the day reported
            clause = _clause(sentence.text, match)
            if _about_the_future(clause) or _attributive(clause):
                continue
            if story is not None and _WAS_DONE.search(clause):
                continue  # «соглашение было подписано … 24 апреля»: a later paragraph recalls an earlier stage
            reports = bool(_REPORTING.search(clause))  # not «Как рассказал X, договор подписан 16 октября»
            fronted = story is None and match.start() == 0  # «1 октября договор утвердила палата»
            if story_verbs is not None and not (
                reports or fronted or _RECENT.search(sentence.text) or story_verbs & _verbs(sentence.text)
            ):
                continue
            candidates.append((reports, date))
    if not candidates:
        return None
    reported = [date for is_report, date in candidates if is_report]
    return reported[0] if reported else candidates[0][1]


SUBTITLE_MAX = 200  # a subtitle is one sentence of at most this many characters


def subtitle_over_lead(paras: list[str]) -> bool:
    """Is the first paragraph a subtitle: one short sentence that says something (it has a verb;
    a timestamp or a rubric has none) over a longer lead paragraph? A sentence that opens with its
    day and month («8 октября министр провел встречу …»), or gives them among its opening
    circumstances before any verb («В Лиму 8 марта прибыла делегация …»), tells the news as a lead
    does: no subtitle. A subtitle names its date after the verb («Закон принят Госдумой 7 октября»)."""
    from razdel import sentenize

    if len(paras) < 2 or len(paras[0]) > SUBTITLE_MAX or len(paras[1]) <= len(paras[0]):
        return False
    dated = _LEAD_DATE.search(paras[0])
    if dated and not _verbs(paras[0][: dated.start()]):
        return False
    return len(list(sentenize(paras[0]))) == 1 and bool(_verbs(paras[0]))


# A sentence that says it looks back: «Ранее …», «Напомним, …», «Как сообщалось, …».
_LOOKING_BACK = re.compile(
    r"^(?:ранее|напомним|напомню|как\s+(?:уже\s+|ранее\s+)?сообщалось|как\s+(?:уже\s+|ранее\s+)?писал[аои]?)\b",
    re.IGNORECASE,
)
# «в среду, 6 июля», «сегодня, 31 октября»: the day named beside the date, as of a report this week.
_RECENT = re.compile(
    r"(?<![\w-])(?:сегодня|вчера|понедельник|вторник|сред[уа]|четверг|пятниц[уа]|суббот[уа]|воскресенье)(?![\w-])",
    re.IGNORECASE,
)
# Verbs that say nothing of what happened: being, becoming, being able.
_EMPTY_VERBS = frozenset({"быть", "стать", "мочь", "являться", "иметь"})


def _verbs(text: str) -> set[str]:
    """The lemmas of the verbs, participles and gerunds in `text` («подписанного» → «подписать»)."""
    from articles.pipeline.nlp import morph

    analyser = morph()
    found = set()
    for word in re.findall(r"[а-яёА-ЯЁ]+", text):
        parsed = analyser.parse(word)[0]
        if parsed.tag.POS in ("VERB", "INFN", "PRTF", "PRTS", "GRND"):
            found.add(parsed.normal_form)
    return found - _EMPTY_VERBS


# «запланирована на 8 мая», «перенесли на 12 июня»: the day something is set for (not «в ночь на»).
_SET_FOR = re.compile(r"(?<![\w-])(?<!ночь )на\s+$", re.IGNORECASE)


def _set_for(sentence: str, match: re.Match) -> bool:
    """Is the date the one something is set for («на 8 мая»)?"""
    return bool(_SET_FOR.search(sentence[max(0, match.start() - 12) : match.start()]))


# «соглашение … от 25 ноября 1995 года», «указ № 12 от 3 мая»: the date a document bears.
_DATED_FROM = re.compile(r"(?<![\w-])от\s+$", re.IGNORECASE)


def _dated_from(sentence: str, match: re.Match) -> bool:
    """Is the date the one a document bears («соглашение от 25 ноября»), not what the article reports?"""
    return bool(_DATED_FROM.search(sentence[max(0, match.start() - 6) : match.start()]))


_WILL = re.compile(r"(?<![\w-])(?:будет|будут|буд[её]м|предстоит|предстоят)(?![\w-])", re.IGNORECASE)


_CLAUSE_END = re.compile(r"[,;:()—–]|\s-\s|[«»\"]")


def _clause(sentence: str, match: re.Match) -> str:
    """The clause around a date: from the last comma, dash, bracket or quote before it to the next."""
    before = [m.end() for m in _CLAUSE_END.finditer(sentence, 0, match.start())]
    after = _CLAUSE_END.search(sentence, match.end())
    return sentence[before[-1] if before else 0 : after.start() if after else len(sentence)]


def _about_the_future(sentence: str) -> bool:
    """Does the clause speak of what is to come? Its finite verbs are in the future tense
    (perfective «состоится», «пройдут», «подпишут») or «будет/будут» is there, and none of its
    finite verbs is in the past («состоялось», «прошли»: then the date is of something done)."""
    from articles.pipeline.nlp import morph

    analyser = morph()
    tenses = set()
    for word in re.findall(r"[а-яёА-ЯЁ]+", sentence):
        tag = analyser.parse(word)[0].tag
        if "VERB" in tag and tag.tense:
            tenses.add(tag.tense)
    if "past" in tenses:
        return False
    return "futr" in tenses or bool(_WILL.search(sentence))


def _attributive(clause: str) -> bool:
    """Is the clause a passive participle's phrase with no finite verb («…соглашение, подписанное в
    Дамаске 26 августа 2015 года, …»)? Its date describes the document named before it — when it
    was signed or published — not what the article reports."""
    from articles.pipeline.nlp import morph

    analyser = morph()
    participle = False
    for word in re.findall(r"[а-яёА-ЯЁ]+", clause):
        tag = analyser.parse(word)[0].tag
        if "VERB" in tag:
            return False
        participle = participle or ("PRTF" in tag and "pssv" in tag)
    return participle


_YEAR_IN_SENTENCE = re.compile(r"(?<!\d)(?:19[5-9]\d|20\d{2})(?!\d)")


def year_in_text(date: PartialDate, text: str) -> int | None:
    """A year the text ties to a day and month given without one: named in the same sentence as
    that day («15 октября … на коллегии 2025 года»), the only year there."""
    if date.year is not None or date.month is None or date.day is None:
        return None
    for match in _LEAD_DATE.finditer(text):
        found = _date_from_match(match)
        if not found or (found.month, found.day) != (date.month, date.day):
            continue
        # The sentence around the day: from the last sentence end before it to the next after it.
        start = max(text.rfind(end, 0, match.start()) for end in (". ", "! ", "? ", "\n")) + 1
        ends = [i for i in (text.find(end, match.end()) for end in (". ", "! ", "? ", "\n")) if i != -1]
        years = set(_YEAR_IN_SENTENCE.findall(text[start : min(ends, default=len(text))]))
        if len(years) == 1:
            return int(years.pop())
    return None


def with_year_from_text(date: PartialDate, text: str) -> PartialDate:
    """A day and month without a year take the year the text itself gives for that same day."""
    if date.year is not None or date.month is None or date.day is None:
        return date
    for match in _LEAD_DATE.finditer(text):
        found = _date_from_match(match)
        if found and found.year and (found.month, found.day) == (date.month, date.day):
            return found
    return date
