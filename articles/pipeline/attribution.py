"""Whose article it is when its opening does not say: attributions in the text and closing lines.

Pure text rules, applied after the dateline (which, when there is one, names the source):

- the outlet's correspondent or interview (`передает корреспондент агентства X`, `В интервью X`);
- a closing `Источник: ТАСС` (or the site's address);
- the phrases a paper signs its own reporting with, naming itself in an oblique case:
  `сообщили «Известиям»`, `как стало известно «Ъ»`, `источник «Ъ»`, `в беседе с «Известиями»`,
  `с которым ознакомились «Известия»`, or recalling its earlier reports: `Как уже писал «Ъ»`.

An outlet merely cited is not the source: `по данным Reuters`, `сообщает «Коммерсантъ»`, a photo
credit. So the self-signing phrases count only for outlets in the table (matched in any case:
`Известиям`, `Коммерсанту`, `Красной звезде`) and only when the name's case fits the phrase —
`сообщили «Известиям»` (told the paper) is its own report, `сообщили «Известия»` (the paper
reported) is a citation. Names that do not decline (`ТАСС`, `«Ъ»`, `Reuters`) fit any case.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from itertools import islice, product

from articles.pipeline.cleaning import is_prose
from articles.pipeline.datelines import CAPS_NAME, LATIN_NAME, lookup_outlet, outlet_like
from articles.pipeline.page_outlets import address_outlet
from articles.pipeline.self_naming import (
    EARLIER_VERB,
    relaying_outlet,
    relaying_site,
    self_named,
    site_shaped,
)
from articles.pipeline.text import fold, normalise

# --- outlets in any grammatical case -------------------------------------------------------------

_WORD = re.compile(r"[\w’'.&-]+")
_CYRILLIC_WORD = re.compile(r"[а-яё]+(?:-[а-яё]+)*")
_MAX_KEYS = 16  # lemma combinations tried per spelling: a few words, each with one or two lemmas


def _morph():
    from articles.pipeline.nlp import morph

    return morph()


def _words(text: str) -> list[str]:
    return [w.strip(".") for w in _WORD.findall(re.sub(r"[«»\"“”„]", " ", text)) if w.strip(".")]


def _lemmas(word: str) -> set[str]:
    """A word's dictionary forms (`Известиям` → известие); other words stand for themselves."""
    word = normalise(word)
    if len(word) > 2 and word.endswith("ъ"):
        word = word[:-1]  # pre-reform spelling: «Коммерсантъ» declines as «Коммерсант»
    if len(word) < 3 or not _CYRILLIC_WORD.fullmatch(word):
        return {word}
    if "-" in word:
        # «Интерфаксу-АВН»: a compound name declines in its parts, the dictionary knows only them
        return {
            "-".join(key)
            for key in islice(product(*(sorted(_lemmas(p)) for p in word.split("-"))), _MAX_KEYS)
        }
    return {fold(p.normal_form) for p in _morph().parse(word)} or {word}


def _lemma_keys(spelling: str) -> Iterator[tuple[str, ...]]:
    return islice(product(*(sorted(_lemmas(w)) for w in _words(spelling))), _MAX_KEYS)


# Per table (by identity, with its size to notice additions): the index built for it.
_INDEXES: dict[int, tuple[Mapping[str, str], dict[tuple[str, ...], set[str]], int]] = {}


def _lemma_index(outlets: Mapping[str, str]) -> dict[tuple[str, ...], set[str]]:
    """Every spelling of the table by its words' dictionary forms (built once per table)."""
    cached = _INDEXES.get(id(outlets))
    if cached is not None and cached[0] is outlets and cached[2] == len(outlets):
        return cached[1]
    index: dict[tuple[str, ...], set[str]] = {}
    for spelling, name in outlets.items():
        for key in _lemma_keys(spelling):
            index.setdefault(key, set()).add(name)
    if len(_INDEXES) > 8:
        _INDEXES.clear()
    _INDEXES[id(outlets)] = (outlets, index, len(outlets))
    return index


def outlet_for(spelling: str, outlets: Mapping[str, str]) -> str | None:
    """The outlet a spelling names, as written or declined (`Коммерсанту`, `Красной звезды`)."""
    name = lookup_outlet(spelling, outlets)
    if name or not outlets or not _words(spelling):
        return name
    index = _lemma_index(outlets)
    for key in _lemma_keys(spelling):
        names = index.get(key, set())
        if len(names) == 1:
            return next(iter(names))
    return None


def _declinable(word: str) -> bool:
    """Does this word change its ending by case? Abbreviations, «Ъ» and Latin names do not."""
    if len(word) < 3 or word.isupper() or not _CYRILLIC_WORD.fullmatch(word.casefold()):
        return False
    return not any({"Fixd", "Abbr"} & set(p.tag.grammemes) for p in _morph().parse(word))


def _case_fits(spelling: str, name: str, cases: set[str]) -> bool:
    """Can `spelling` of outlet `name` stand in one of `cases`? Undeclinable names fit any."""
    words = _words(spelling)
    if not words or not all(_declinable(w) for w in words):
        return True  # «РИА Новости», «Ъ», ТАСС, Reuters: the same in every case
    if normalise(" ".join(words)) == normalise(name):
        return bool(cases & {"nomn", "accs"})  # the name as listed is its nominative
    return any(p.tag.case in cases for p in _morph().parse(words[-1].split("-")[0]))  # «Интерфаксу-АВН»


# --- attributions in the text --------------------------------------------------------------------

_KIND = (
    r"(?:(?:информационного\s+)?агентства|информагентства|ИА|МИА|издания|интернет-издания|газеты|портала"
    r"|сайта|телеканала|радио|журнала|редакции)"
)
_QUOTED = r"«[^»\n]{1,40}»|\"[^\"\n]{1,40}\"|“[^”\n]{1,40}”|„[^“”\n]{1,40}[“”]"
_NAME = rf"(?P<o>{_QUOTED}|[^\s,;:()]+(?:\s+[^\s,;:()]+){{0,3}})"
_WHEN = r"(?:(?:сегодня|вчера|накануне)\s+)?"  # «сообщил сегодня корр. ИТАР-ТАСС …»
_CORRESPONDENT = re.compile(
    rf"(?:переда[её]т|передал[аи]?|сообщает|сообщил[аи]?|информирует|пишет)\s+{_WHEN}"
    r"(?:(?:собственн|специальн|наш|спецкор)\w*\s+)?(?:корреспондент\w*|корр\.|спецкор\w*)\s+"
    rf"(?:(?P<kind>{_KIND})\s+)?{_NAME}"
    rf"|(?:рассказал[аи]?|сообщил[аи]?|заявил[аи]?|сказал[аи]?|пояснил[аи]?)\s+{_WHEN}"
    rf"(?:собственному\s+)?корреспонденту\s+(?:(?P<kind2>{_KIND})\s+)?{_NAME.replace('?P<o>', '?P<o2>')}"
    # «о чем корреспонденту «РК-Ньюс» 18.09.2019 рассказали в министерстве»: told its correspondent
    rf"|(?:о\s+ч[её]м|об?\s+этом)\s+(?:собственному\s+)?корреспонденту\s+(?:(?P<kind3>{_KIND})\s+)?"
    rf"{_NAME.replace('?P<o>', '?P<o3>')}",
    re.IGNORECASE,
)
_INTERVIEW = re.compile(
    rf"(?:^|(?<=[.!?»]\s)|(?<=\n))В\s+(?:эксклюзивном\s+|большом\s+)?интервью\s+{_NAME}", re.MULTILINE
)

# «сообщили агентству Sputnik», «рассказал изданию NEWS.ru»: the kind of outlet before its name.
_KIND_DATIVE = (
    r"(?:(?:информационному\s+)?агентству|информагентству|изданию|интернет-изданию|газете|порталу|сайту"
    r"|телеканалу|радиостанции|журналу|редакции)"
)
# A speaker by initials and surname: «А.Фомин», «А. В. Фомин».
_INITIALS = r"(?:[А-ЯЁ]\.\s?){1,2}[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
# A paper signing its own reporting: (phrase before the name, the cases the name takes there).
_TELL = (
    r"(?:сообщи|рассказа|заяви|сказа|поясни|подтверди|уточни|ответи|прокомментирова|призна|написа)"
    r"л(?:а|о|и)?(?:сь|ся)?"
)
_OWN_REPORTING = [
    # «сказал «Известиям»», «сказал он в интервью «Интерфаксу»», «сказал А.Фомин "Интерфаксу-АВН"»:
    # told the paper, in an interview or not, the speaker perhaps named by initials between
    (
        re.compile(
            rf"(?<!\w)(?P<tell>{_TELL})(?:\s+(?:он|она|они|{_INITIALS}))?(?:\s+в\s+интервью)?(?:\s+{_KIND_DATIVE})?"
            rf"\s+{_NAME}",
            re.IGNORECASE,
        ),
        {"datv"},
    ),
    (
        re.compile(
            rf"(?<!\w)(?:стало\s+известно|удалось\s+(?:узнать|выяснить|установить))\s+{_NAME}", re.IGNORECASE
        ),
        {"datv"},
    ),
    # «Об этом Vesti.az сказал министр», «Об этом ТАСС в преддверии саммита сообщил министр»: the
    # name before the verb of telling (and a circumstance) is the one told
    (
        re.compile(
            rf"(?:^|(?<=[.!?»]\s)|(?<=\n))Об?\s+этом\s+{_NAME}"
            rf"(?:\s+(?:в|во|на|накануне|после|перед)\s+[^.!?\n]{{1,80}}?)?"
            rf"\s+(?:{_TELL})\s+[а-яёА-ЯЁ]",
        ),
        {"datv"},
    ),
    # «Об этом корр. ИТАР-ТАСС сказал …», «Об этом корреспонденту «Известий» сообщил …»: its correspondent told
    (
        re.compile(
            rf"(?:^|(?<=[.!?»]\s)|(?<=\n))Об?\s+этом\s+(?:корр\.|корреспонденту)\s*(?:{_KIND}\s+)?{_NAME}"
            rf"\s+(?:{_TELL})\s+[а-яёА-ЯЁ]",
        ),
        {"gent"},
    ),
    (re.compile(rf"(?<!\w)в\s+(?:беседе|разговоре)\s+с\s+{_NAME}", re.IGNORECASE), {"ablt"}),
    # «в интервью “Ъ” рассказал глава …»: the interview named before the verb of telling
    (re.compile(rf"(?<!\w)в\s+интервью\s+(?P<o>{_QUOTED})\s+(?:{_TELL})(?!\w)", re.IGNORECASE), {"datv"}),
    (re.compile(rf"(?<!\w)(?:источник|собеседник)\w{{0,3}}\s+{_NAME}", re.IGNORECASE), {"gent"}),
    (re.compile(rf"(?<!\w)в\s+(?:распоряжени[еи]|редакци[юи])\s+{_NAME}", re.IGNORECASE), {"gent"}),
]
# ... and recalling it: «Как уже писал «Ъ»», «документ, с которым ознакомились «Известия»».
_OWN_EARLIER = [
    (
        re.compile(
            rf"(?<!\w)как\s+(?:уже\s+|ранее\s+|не\s+раз\s+)+(?:писал|сообщал|рассказывал)(?:а|о|и)?\s+{_NAME}",
            re.IGNORECASE,
        ),
        {"nomn"},
    ),
    (re.compile(rf"(?<!\w)ознакомил(?:ся|ась|ось|ись)\s+{_NAME}", re.IGNORECASE), {"nomn"}),
    # «Ранее Kursiv писал, что …»: the name before the verb of its earlier report
    (
        re.compile(rf"(?:^|(?<=[.!?»]\s)|(?<=\n))Ранее\s+{_NAME}\s+(?:уже\s+)?{EARLIER_VERB}"),
        {"nomn"},
    ),
]
_CITING = re.compile(
    r"(?:со?\s+ссылкой\s+на|по\s+данным|по\s+информации|по\s+сведениям)\s+\S*\s*$", re.IGNORECASE
)


def _name_at(text: str, outlets: Mapping[str, str], after_kind: bool) -> str | None:
    """The outlet name at the start of `text` (up to four words): a known one, else a name's shape."""
    text = text.strip()
    if text[:1] in '«"“„':
        inner = re.split(r"[»\"“”]", text[1:], maxsplit=1)[0].strip()
        return inner or None
    words = text.split()
    for n in range(min(4, len(words)), 0, -1):
        candidate = " ".join(words[:n]).rstrip(".,;:!?")
        if lookup_outlet(candidate, outlets):
            return candidate
    first = words[0].rstrip(".,;:!?") if words else ""
    if LATIN_NAME.match(first) or CAPS_NAME.match(first):
        return first
    if after_kind and first[:1].isupper():
        return first  # "корреспондент агентства Казинформ": the word after «агентства» is its name
    return None


_PLAIN_WORDS = re.compile(r"[^\s,;:()]+(?: [^\s,;:()]+){0,3}")  # up to four words on one line


def _known_name_at(text: str, outlets: Mapping[str, str]) -> tuple[str, str, int] | None:
    """A known outlet, in any case, at the start of `text`: (spelling, outlet, its length)."""
    if text[:1] in '«"“„':
        end = re.search(r"[»\"“”]", text[1:])
        spelling = text[1 : end.start() + 1].strip() if end else ""
        name = outlet_for(spelling, outlets) or (spelling if site_shaped(spelling, quoted=True) else None)
        return (spelling, name, end.end() + 1) if name and end else None
    if not text[:1].isupper():
        return None  # «сообщили вести…»: a common word, not a paper's name
    words = _PLAIN_WORDS.match(text).group().split(" ")
    for n in range(len(words), 0, -1):
        spelling = " ".join(words[:n]).rstrip(".,;:!?")
        name = outlet_for(spelling, outlets)
        if name and n == 1 and _AGENCY_WORD.fullmatch(spelling) and len(words) > 1 and _named_after(words[1]):
            named = f"{spelling} {words[1].rstrip('.,;:!?')}"  # «РИА PrimaMedia»: another agency, not «РИА»
            return named, named, len(named)
        if name:
            return spelling, name, len(spelling)
    first = words[0].rstrip(".,;:!?")
    return (first, first, len(first)) if site_shaped(first, quoted=False) else None


# «РИА», «ИА»: the kind of an agency, which the table may take for one agency («РИА» for РИА Новости);
# a name after it («РИА PrimaMedia», «ИА Регнум») makes it another.
_AGENCY_WORD = re.compile(r"(?:РИА|ИА|МИА)")


def _named_after(word: str) -> bool:
    word = word.rstrip(".,;:!?")
    return bool(LATIN_NAME.match(word)) or (word[:1].isupper() and word.lower() != "новости")


def _own_reporting(body: str, outlets: Mapping[str, str], rules: list) -> str | None:
    for pattern, cases in rules:
        for match in pattern.finditer(body):
            if _CITING.search(body[max(0, match.start() - 40) : match.start()]):
                continue  # «со ссылкой на источник Reuters»: cited
            found = _known_name_at(body[match.start("o") :], outlets)
            if found is None:
                continue
            spelling, name, length = found
            if not _case_fits(spelling, name, cases) and not _told_uninflected(match, spelling):
                continue
            after = body[match.start("o") + length :].lstrip(' »"”')
            if (
                "tell" in pattern.groupindex
                and not after[:1].isalpha()
                and _case_fits(spelling, name, {"nomn"})
                and not _IN_INTERVIEW.search(match.group(0))
            ):
                continue  # «Как сообщил ТАСС, …»: the name closing the clause is its subject
                # (not «заявил в интервью ТАСС.»: what an interview is given to is the one told)
            return spelling
    return None


_IN_INTERVIEW = re.compile(r"\sв\s+интервью\s", re.IGNORECASE)


def _told_uninflected(match: re.Match, spelling: str) -> bool:
    """«Как сообщили Арменпресс в пресс-службе …»: a name left undeclined after a plural verb of
    telling. A singular name cannot be that verb's subject, so it is the one told."""
    tell = match.groupdict().get("tell") or ""
    words = _words(spelling)
    if not re.search(r"ли(?:сь)?$", tell, re.IGNORECASE) or not words:
        return False
    return not any({"plur", "nomn"} <= set(p.tag.grammemes) for p in _morph().parse(words[-1]))


def find_attribution(body: str, outlets: Mapping[str, str]) -> str | None:
    """An outlet the article itself is attributed to (its correspondent, its interview, its own
    signed reporting), as spelled in the text; or None."""
    for match in _CORRESPONDENT.finditer(body):
        name_text = match.group("o") or match.group("o2") or match.group("o3")
        after_kind = bool(match.group("kind") or match.group("kind2") or match.group("kind3"))
        name = _name_at(name_text, outlets, after_kind)
        if name:
            return name
    for match in _INTERVIEW.finditer(body):
        name = _name_at(match.group("o"), outlets, after_kind=False)
        if name:
            return name
    return (
        relaying_site(body)
        or _own_reporting(body, outlets, _OWN_REPORTING)
        or _own_reporting(body, outlets, _OWN_EARLIER)
        or relaying_outlet(body, lambda spelling: outlet_for(spelling, outlets))
        or self_named(body)
    )


# --- a closing source line -----------------------------------------------------------------------

_SOURCE_LINE = re.compile(
    r"^(?:источник(?:\s+и\s+фото)?|по\s+материалам|по\s+информации|материал\s+подготовлен\s+по\s+данным"
    r"|source|опубликовано|информационное\s+аген(?:т)?ство|инф\.|из\s+(?:тг|телеграма?|telegram)(?:-канала)?)\s*[:—–-]?\s*"
    r"(?P<o>[^\n]{2,80}?)(?:\s+источник)?\s*\.?$",
    re.IGNORECASE,
)
_URL_HOST = re.compile(r"^(?:https?://)?(?:www\.)?(?P<host>[\w.-]+\.[a-zа-я]{2,})(?:/\S*)?$", re.IGNORECASE)


_SIGN_OFF = re.compile(r"^(?:[—–-]{1,2}\s*|\(\s*)(?P<o>[^()\n]{2,40}?)\s*\)?\.?$")
# «(По ВОВ)» under a repost: «по материалам» shortened to «по», the origin named after it.
_AFTER_SIGN_OFF = re.compile(r"^\(\s*[Пп]о\s+(?P<o>[^()\n]{2,40}?)\s*\)\.?$")


SOURCE_LINE_MAX = 100  # a «Источник: …» line longer than this is a sentence of the text


def find_source_line(lines: list[str], outlets: Mapping[str, str]) -> str | None:
    """A closing «Источник: ТАСС» (or a site's address), or a sign-off «— Yonhap», names the
    article's source; so does such a line elsewhere when it names a known outlet."""
    text_lines = [line for line in lines if line]
    found = _closing_source(text_lines[-3:], outlets)
    if found:
        return found
    # Under the text a page may go on with share buttons and other articles' teasers: the lines
    # right after the last paragraph of prose close the article all the same.
    prose = [n for n, line in enumerate(text_lines) if is_prose(line)]
    if prose:
        found = _closing_source(text_lines[prose[-1] + 1 : prose[-1] + 4], outlets)
        if found:
            return found
    found = _credited_paragraph(text_lines[-CREDIT_LINES:], outlets) or _closing_address(
        text_lines[-1:], outlets
    )
    if found:
        return found
    for line in text_lines:
        match = _SOURCE_LINE.match(line) if len(line) <= SOURCE_LINE_MAX else None
        if match and lookup_outlet(name := _source_name(match), outlets):
            return name
        run_on = _SOURCE_RUN_ON.search(line)
        if run_on and (lookup_outlet(run_on["o"], outlets) or _named(run_on["o"])):
            return run_on["o"]  # «… между двумя странами. Источник: Khmer Times»: the label run onto the text
    return next(filter(None, (_field_row_source(line, outlets) for line in text_lines)), None)


# «… раскритиковал политику Филиппин. glavno.smi.today»: the site's address closing the text, on its
# own line or run onto the last sentence.
_CLOSING_ADDRESS = re.compile(
    r"(?:^|[.!?…»\"]\s+)(?:https?://)?(?:www\.)?(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6})/?\.?\s*$",
    re.IGNORECASE,
)


def _closing_address(tail: list[str], outlets: Mapping[str, str]) -> str | None:
    match = _CLOSING_ADDRESS.search(tail[-1]) if tail else None
    if not match:
        return None
    host = match["host"].lower()
    return address_outlet(host, outlets) or host  # «rus.azertag.az» → АЗЕРТАДЖ


# «… между двумя странами. Источник: Khmer Times»: the source's label run onto a paragraph's last sentence.
_SOURCE_RUN_ON = re.compile(r"[.!?…»\"]\s+(?:Источник|Source)\s*:\s*(?P<o>[^\n.!?:]{2,60}?)\s*$")
# A row of page fields, «Автор : Источник : ИА Пример Редактор : …»: each label a capitalised word
# with a spaced colon after it, the next label run on after the value with no stop between.
_FIELD_LABEL = re.compile(r"(?<=\S)\s+(?=[А-ЯЁA-Z][а-яёa-z]+\s:(?:\s|$))")


def _field_row_source(line: str, outlets: Mapping[str, str]) -> str | None:
    """The known outlet a row of page fields credits in its «Источник :» cell; the cell's value
    may run on into the next label, cut off («Агентство Пример Редакт»)."""
    cells = _FIELD_LABEL.split(line) if len(line) <= SOURCE_LINE_MAX else []
    for match in filter(None, map(_SOURCE_LINE.match, cells if len(cells) > 1 else [])):
        words = _source_name(match).split()
        for end in range(len(words), 0, -1):
            if lookup_outlet(name := " ".join(words[:end]), outlets):
                return name
    return None


# «Источник: Telegram-канал "Москва 24"», «Источник: сайт «Звезда»»: what kind of outlet, then its name.
_SOURCE_KIND = re.compile(
    r"^\s*(?:(?:официальный\s+)?(?:telegram|телеграм|тг)[-\s]?канал\w*|канал\w*|сайт\w*|портал\w*|телеканал\w*"
    r"|газет\w*|журнал\w*|(?:информационное\s+)?агентств\w*|ИА)\s+(?=[«\"“A-ZА-ЯЁ])",
    re.IGNORECASE,
)


def _source_name(match: re.Match) -> str:
    """The outlet a «Источник: …» line names, without its kind and quotes."""
    return _SOURCE_KIND.sub("", match.group("o")).strip(' «»"“”')


def is_source_line(line: str) -> bool:
    """«Источник: РИА новости», «По материалам ТАСС»: a line crediting the text's origin."""
    return len(line) <= SOURCE_LINE_MAX and bool(_SOURCE_LINE.match(line.strip()))


# «… представляют взаимный интерес. (gazeta.ru)»: the last paragraph closes with the outlet it was
# taken from, in brackets after its last sentence; a page's furniture may follow it.
_TRAILING_CREDIT = re.compile(r"[.!?…»\"]\s*\(\s*(?P<o>[^()\n]{2,40}?)\s*\)\.?$")
CREDIT_LINES = 8


def _credited_paragraph(tail: list[str], outlets: Mapping[str, str]) -> str | None:
    """A known outlet credited in brackets at the end of one of the closing paragraphs."""
    for line in reversed(tail):
        credit = _TRAILING_CREDIT.search(line) if len(line) >= 60 else None
        if credit and (found := lookup_outlet(credit["o"], outlets)):
            return found
        parts = [p.strip() for p in credit["o"].split("/")] if credit else []
        if len(parts) == 2 and all(_named(p) for p in parts):
            return parts[0]  # «(Укррудпром/Машиностроение Украины и мира)»: the origin, then the site
    return None


# «Елена Короткова, © News-Asia»: the author signs, the outlet owns the text.
_AUTHOR_COPYRIGHT = re.compile(r"^[А-ЯЁA-Z][\w-]+\s+[А-ЯЁA-Z][\w-]+,\s*©\s*(?P<o>[^\n©,]{2,40}?)\.?$")


def _closing_source(tail: list[str], outlets: Mapping[str, str]) -> str | None:
    for line in reversed(tail):
        owned = _AUTHOR_COPYRIGHT.match(line)
        if owned and (lookup_outlet(owned["o"], outlets) or _named(owned["o"])):
            return owned["o"]
        sign_off = _SIGN_OFF.match(line)
        if sign_off and lookup_outlet(sign_off.group("o"), outlets):
            return sign_off.group("o")
        after = _AFTER_SIGN_OFF.match(line)
        if after and (lookup_outlet(after["o"], outlets) or _named(after["o"])):
            return after["o"]
        match = _SOURCE_LINE.match(line)
        if not match:
            continue
        name = _source_name(match)
        host = _URL_HOST.match(name)
        if host:
            domain = host.group("host").lower()
            return lookup_outlet(domain, outlets) or domain
        if lookup_outlet(name, outlets) or outlet_like(name, outlets, dated=False) or _named(name):
            return name
    return None


def _named(text: str) -> bool:
    """«Мировое обозрение» after «Источник:»: a capitalised name of a few words, not a date."""
    return text[:1].isupper() and len(text.split()) <= 4 and not any(c.isdigit() for c in text)
