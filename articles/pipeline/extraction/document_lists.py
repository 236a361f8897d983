"""Several documents under one noun or one list: «расторгла соглашения о сотрудничестве в отрасли военной разведки
и о взаимной охране секретной информации» names two agreements, one per name after «о»; «подписали ряд
соглашений, в частности о сотрудничестве в сфере военной науки» names one of the several.

documents.py reads such a noun as one plural mention (which names no one document); these functions
give the mentions of the documents it lists, each in the singular with its own name. A bulleted list
after a named document («… приняла закон о денонсации Соглашения … о взаимной охране секретной
информации. А также: • 265 голосами — о транзите …, от 1995 года; • 264 голосами — об организации …»)
names more documents of its kind, each item by what it is about.
"""

from __future__ import annotations

import re
from dataclasses import replace

from articles.pipeline.extraction.documents import TOKEN, Mention, parses
from articles.pipeline.text import fold

# «… и о …», «…, об …»: where the next name of a list under one plural noun starts (in the folded
# complement documents.py gives).
NEXT_NAME = re.compile(r"(?:,\s*|\s+)(?:и|а\s+также)\s+(?=(?:о|об|обо)\s)|,\s+(?=(?:о|об|обо)\s)")
NEXT_START = re.compile(r"(?:,\s*(?:(?:и|а\s+также)\s+)?|\s+(?:и|а\s+также)\s+)((?:о|об|обо)\s)", re.I)
ABOUT = re.compile(r"^(?:о|об|обо)\s")
# «ряд соглашений, в частности о …», «пакет документов, в том числе соглашение о …»
SINGLED_OUT = re.compile(
    r"\s*,?\s*(?:в\s+частности|в\s+том\s+числе|включая|среди\s+них)\s*,?\s+(?=(?:о|об|обо)\s)", re.I
)


def listed_documents(m: Mention, text: str) -> list[Mention]:
    """The documents a plural mention lists by name, one mention each; [] when it lists none
    («соглашения о военном сотрудничестве» is one name, of several documents or of none in particular)."""
    if m.counted or not _may_be_plural(m, text) or not ABOUT.match(m.complement):
        return []
    names = [n.strip() for n in NEXT_NAME.split(m.complement) if n.strip()]
    if len(names) < 2 or not all(ABOUT.match(n) for n in names):
        return []
    starts = _name_starts(text, m, len(names))
    if starts is None:
        return []
    noun = _singular(text[m.start : m.end])
    out = []
    for k, name in enumerate(names):
        end = starts[k + 1] if k + 1 < len(names) else m.extent_end
        written = re.sub(r"[\s,]*(?:и|а\s+также)?\s*$", "", text[starts[k] : end])
        single = replace(m, title=f"{noun} {written}", complement=name, plural=False)
        if k:
            single.start, single.end = starts[k], starts[k] + 1
        single.extent_end = starts[k] + len(written)
        out.append(single)
    return out


def singled_out(m: Mention, text: str, read_name) -> Mention | None:
    """«ряд соглашений, в частности о сотрудничестве в сфере военной науки»: the one document of a
    counted many that the text names. `read_name(position)` reads the mention of the noun with its
    name taken from the «о» at `position` on."""
    if not (m.counted or m.plural):
        return None
    found = SINGLED_OUT.match(text, m.extent_end)
    if found is None:
        return None
    single = read_name(found.end())
    if single is None or not ABOUT.match(single.complement) or single.extent_end <= found.end():
        return None
    noun = _singular(text[m.start : m.end])
    return replace(
        single,
        kind=m.kind,
        title=f"{noun} {text[found.end() : single.extent_end]}",
        status=m.status,
        cue_start=m.cue_start,
        cue_end=m.cue_end,
        cue_is_verb=m.cue_is_verb,
        plural=False,
        counted=False,
    )


LIST_GAP = r"(?:,\s*(?:(?:и|а\s+также)\s+)?|\s+(?:и|а\s+также)\s+)"
# (a quoted name may stand in the rest of the first one's name: «в пункте пропуска "Росошаны-Бричень"»)
LISTED_NEXT = re.compile(
    rf"(?:[^,.;:!?()«»\"]|«[^»\n]{{1,40}}»|\"[^\"\n]{{1,40}}\"){{0,80}}?{LIST_GAP}", re.I
)
# Items of one list: other items between, each of them perhaps with a participle clause.
IN_ONE_LIST = re.compile(rf"[^.;:!?()]{{0,400}}?{LIST_GAP}", re.I)
CLAUSE = ("VERB", "INFN", "PRTS", "GRND")


def _no_verb(text: str, start: int, end: int, tags: tuple[str, ...]) -> bool:
    return not any(
        p.tag.POS in tags
        for word in re.findall(r"[а-яё-]+", text[start:end].lower())
        for p in parses(word)[:1]
    )


def listed_next(text: str, start: int, end: int) -> bool:
    """Between two documents only the rest of the first one's name and a comma, «и» or «а также»: no
    verb of its own («соглашение о …, соглашение об …, а также соглашения о …»)."""
    return bool(LISTED_NEXT.fullmatch(text, start, end)) and _no_verb(text, start, end, (*CLAUSE, "PRTF"))


def listed_apart(one: list[Mention], other: list[Mention], text: str) -> bool:
    """Two documents named in one list are two, whatever their names share («соглашение о
    сотрудничестве в военной отрасли …, соглашение об …, а также соглашения о сотрудничестве в отрасли
    военной разведки»): one sentence, only other items and their participles between, no verb."""
    for x in one:
        for y in other:
            if bulleted(text, x) and bulleted(text, y):
                return True
            first, second = (x, y) if x.start < y.start else (y, x)
            if (
                x.sentence == y.sentence
                and x.complement
                and y.complement
                and first.extent_end <= second.start
                and IN_ONE_LIST.fullmatch(text, first.extent_end, second.start)
                and _no_verb(text, first.extent_end, second.start, CLAUSE)
            ):
                return True
    return False


def _name_starts(text: str, m: Mention, count: int) -> list[int] | None:
    """Where each name starts in the text: at the first «о» after the noun, then at each «о» after
    «и», «а также» or a comma."""
    chunk = text[m.end : m.extent_end]
    first = re.search(r"\b(?:о|об|обо)\s", chunk, re.I)
    if first is None:
        return None
    starts = [m.end + first.start()]
    for found in NEXT_START.finditer(chunk, first.end()):
        starts.append(m.end + found.start(1))
    return starts if len(starts) == count else None


def _may_be_plural(m: Mention, text: str) -> bool:
    """«соглашения» may be the plural or the singular's genitive: names listed with «и о …» after it
    tell the plural («соглашение о дружбе и сотрудничестве» lists no second «о»)."""
    return m.plural or any(
        p.tag.POS == "NOUN" and p.tag.number == "plur" for p in parses(text[m.start : m.end].lower())
    )


def _singular(noun: str) -> str:
    """«соглашения» → «соглашение», «меморандумов» → «меморандум»."""
    for p in parses(noun.lower()):
        if p.tag.POS == "NOUN":
            single = p.inflect({"sing", "nomn"})
            if single:
                return single.word
    return noun.lower()


# «  • 265 голосами — о транзите …, от 1995 года;»: an item of a bulleted list naming a document by what
# it is about, after whatever the item says first (a count of votes, a number) and a dash.
BULLETED = re.compile(
    r"^[ \t]*(?:[•·▪●◦*]|\d{1,2}[.)])[ \t]*(?:[^\n—–]{0,40}?[—–][ \t]*)?(?P<name>(?:о|об|обо)\s[^\n;]*?)"
    r"(?P<date>,?\s+от\s+[^\n;]*?)?[ \t]*[;.]?[ \t]*$",
    re.M | re.I,
)
BULLET_LINE = re.compile(r"^[ \t]*(?:[•·▪●◦*]|\d{1,2}[.)])", re.M)
# Between the document before the list and its first item: the rest of its sentence and a line that
# opens the list («А также:»).
LIST_OPENS = re.compile(r"[^\n]{0,200}\n\s*(?:[^\n]{0,40}:[ \t]*\n)?\s*$")


def bulleted_documents(text: str, mentions: list[Mention], sentence_of) -> list[Mention]:
    """The documents of a bulleted list each item of which names one by what it is about, following a
    document the text says happened to (the list says the same of each). `sentence_of(position)`
    numbers sentences as the mentions do."""
    out: list[Mention] = []
    items = list(BULLETED.finditer(text))
    k = 0
    while k < len(items):
        first = items[k]
        head = max((m for m in mentions if m.start < first.start()), key=lambda m: m.start, default=None)
        run = [first]
        while k + 1 < len(items) and not text[run[-1].end() : items[k + 1].start()].strip():
            k += 1
            run.append(items[k])
        k += 1
        if head is None or head.status is None or head.counted:
            continue
        if not LIST_OPENS.fullmatch(text, head.extent_end, first.start()) or len(run) < 2:
            continue
        noun = _singular(text[head.start : head.end])
        for item in run:
            start, end = item.start("name"), item.end("name")
            name = text[start:end]
            complement = " ".join(fold(t) for t in TOKEN.findall(name) if t not in "«»").replace(" ,", ",")
            single = replace(head, title=f"{noun} {name}", complement=complement, plural=False, named=False)
            single.start, single.end, single.extent_end = start, start + 1, end
            single.sentence = sentence_of(start)
            single.apposition = None
            out.append(single)
    return out


# An item of a list under a line ending with a colon: a bullet, a dash or a number opens it.
LIST_ITEM = re.compile(r"[ \t]*(?:[•·▪●◦*–—-]|\d{1,2}[.)])[ \t]+")


def list_intro(text: str, m: Mention) -> tuple[int, int] | None:
    """The line that opens the bulleted list `m` is named in, when it ends with a colon («… между
    Кабинетом министров Кыргызстана и правительством Турции подписаны:»): its bounds; None otherwise."""
    if not LIST_ITEM.match(text, text.rfind("\n", 0, m.start) + 1):
        return None
    end = text.rfind("\n", 0, m.start)
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if line and not LIST_ITEM.match(text, start):
            return (start, end) if line.endswith(":") else None
        end = start - 1
    return None


def bulleted(text: str, m: Mention) -> bool:
    """`m` is named in an item of a bulleted list."""
    line_start = text.rfind("\n", 0, m.start) + 1
    return bool(BULLET_LINE.match(text, line_start))


# --- a counted pair: «два меморандума о A и B» ---------------------------------------------------

# «о A и о B», «об A и об B», «о A и об B»: the preposition said again starts the second subject.
_AGAIN = re.compile(r"\s+и\s+(?=(?:о|об)\s)", re.I)
_ANY_AND = re.compile(r"\s+и\s+", re.I)
_ABOUT = re.compile(r"^(?:о|об)\s", re.I)
# «два меморандума», «две программы», «оба соглашения», with up to two words between («два новых
# межправительственных соглашения»).
_TWO = re.compile(r"\b(?:два|две|оба|обе|2)\s+(?:[а-яё-]+\s+){0,2}$", re.I)


def _subjects(words: str, two: bool) -> list[str] | None:
    """The two subjects of «о A и о B» (or, counted two, «о A и B»), each with its preposition."""
    about = _ABOUT.match(words)
    if about is None:
        return None
    parts = _AGAIN.split(words)
    if len(parts) == 1 and two:
        parts = _ANY_AND.split(words, maxsplit=1)
        if len(parts) == 2:
            second = parts[1]
            preposition = "об" if second[:1].lower() in "аеиоуэ" else "о"
            parts[1] = f"{preposition} {second}"
    if len(parts) != 2 or not all(len(p.split()) >= 2 for p in parts):
        return None
    return parts


def counted_pair(m: Mention, text: str) -> list[Mention]:
    """The documents a plural mention names when `listed_documents` found no list: two when it is
    counted two («подписала два меморандума … о военном сотрудничестве и демаркации морских
    границ») or says its preposition again where `listed_documents` could not place the names;
    else the mention itself. Subjects joined by «и» with neither sign («соглашения о торговле и
    инвестициях») may be one document about both, or several: nothing is split."""
    if not m.plural or not m.complement or m.kind == "roadmap":
        return [m]
    two = bool(_TWO.search(text[max(0, m.start - 40) : m.start]))
    if m.counted and not two:
        return [m]  # «ряд соглашений о торговле и об инвестициях»: several of each, not two
    subjects = _subjects(m.complement, two)
    head = text[m.start : m.end]
    at = m.title.find(" о ") if " о " in m.title else m.title.find(" об ")
    names = _subjects(m.title[at + 1 :], two) if at >= 0 else None
    if subjects is None or names is None:
        return [m]
    out = []
    for subject, name in zip(subjects, names, strict=True):
        out.append(
            replace(
                m,
                plural=False,
                counted=False,
                complement=subject,
                title=f"{_singular(head.split()[-1])} {name}",
            )
        )
    return out


# --- items under a count: «подписали 2 соглашения.\n1. «Соглашение о …».\n2. «Меморандум о …».» --------

# The start of an item, then up to two words before the item's document noun («1. Межправительственное
# соглашение …», «• «Меморандум …»).
ITEM_OPENS = re.compile(r"[ \t]*(?:[•·▪●◦*]|\d{1,2}[.)])[ \t]*[«\"“]?[ \t]*(?:[а-яё-]+[ \t]+){0,2}", re.I)


def items_under_count(text: str, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """(item, lead): documents each named with its own noun in a numbered or bulleted list right under
    a line whose plural or counted documents the text says happened to («Президенты подписали 2
    соглашения.» / «… подписан ряд документов:»), an empty line between them or not; each item takes
    what the lead says."""
    out = []
    for m in mentions:
        if m.status is not None:
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        if ITEM_OPENS.fullmatch(text, line_start, m.start) is None:
            continue
        top = line_start
        while top > 0:
            above = text.rfind("\n", 0, top - 1) + 1
            # the items above, and the empty lines between them and under the lead
            if not BULLET_LINE.match(text, above) and text[above:top].strip():
                break
            top = above
        if top == 0:
            continue
        lead_start = text.rfind("\n", 0, top - 1) + 1
        lead = max(
            (x for x in mentions if lead_start <= x.start < top and (x.plural or x.counted) and x.status),
            key=lambda x: x.start,
            default=None,
        )
        if lead is not None:
            out.append((m, lead))
    return out


# --- one of several: «Был подписан ряд документов. Главный из них — соглашение о …» ---------------------

# What opens the sentence before its document: «Главный из них —», «Одно из них:», «Среди них —», «В их
# числе», with up to two words before the noun («Среди них — межправительственное соглашение …»).
ONE_OF_THEM = re.compile(
    r"\s*(?:(?:[а-яё]+\s+)?из\s+них|среди\s+них|в\s+их\s+числе)\s*(?:[—–:-]\s*)?(?:[а-яё-]+\s+){0,2}", re.I
)
SEVERAL_DOCUMENTS = re.compile(
    r"\b(?:\d{1,3}|два|две|три|четыре|пять|шесть|семь|несколько|ряд|пакет|серия|серию|множество)\s+"
    r"(?:[а-яё-]+\s+){0,2}(?:документ|соглашени|договор|меморандум|протокол)\w*",
    re.I,
)
CUE_REACH = 160


def one_of_several(
    text: str,
    m: Mention,
    sentence_start: int,
    before: tuple[int, int],
    cues: list[tuple[str, int, int, bool]],
) -> tuple[str, int, int, bool] | None:
    """The cue of the sentence `before` (its bounds and `cues`) that tells what happened to several
    documents, when `m` is named as one of them at the opening of the next sentence («Был подписан ряд
    документов. Главный из них — соглашение о …»); None otherwise."""
    if not ONE_OF_THEM.fullmatch(text, sentence_start, m.start):
        return None
    several = [x for x in SEVERAL_DOCUMENTS.finditer(text, *before)]
    if not several:
        return None
    lead = several[-1]
    near = [c for c in cues if min(abs(c[1] - lead.end()), abs(lead.start() - c[2])) <= CUE_REACH]
    return min(near, key=lambda c: min(abs(c[1] - lead.end()), abs(lead.start() - c[2])), default=None)
