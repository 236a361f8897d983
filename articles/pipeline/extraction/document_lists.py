"""Several documents under one noun: «расторгла соглашения о сотрудничестве в отрасли военной разведки
и о взаимной охране секретной информации» names two agreements, one per name after «о»; «подписали ряд
соглашений, в частности о сотрудничестве в сфере военной науки» names one of the several.

documents.py reads such a noun as one plural mention (which names no one document); these functions
give the mentions of the documents it lists, each in the singular with its own name.
"""

from __future__ import annotations

import re
from dataclasses import replace

from articles.pipeline.extraction.documents import Mention, parses

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
LISTED_NEXT = re.compile(rf"[^,.;:!?()«»\"]{{0,80}}?{LIST_GAP}", re.I)
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
