"""Which moment of an event a report tells, from the verbs of its headline and lead sentence. Pure:
no database.

Content words (pipeline/eventwords.py) are nouns and names: two reports of one document at two stages
(«внесли в Госдуму» / «Госдума ратифицировала») or of one exercise at two moments («прибыли» /
«завершились») share nearly all of them and differ in the verb. And two sites tell one stage in
different verbs («ратифицировала» / «утвердили» / «одобрили»). So the verbs of a report's headline
and lead are read into **stages**, classes of synonyms (STAGES); a verb in the future tense
(«подпишут», «обсудят», «прибудет») makes the report a preview (PLANNED), whatever its class. A verb
of two moments is in both classes («утвердить»: a parliament's ratification, or ministers signing
a programme), so that it is never told apart from either.

Only finite verbs and short participles count («подписан», «ратифицирован»): a full participle is
background far more often than the news («документ, подписанный 7 мая»), and an infinitive is what
someone asks or plans («просит Госдуму одобрить»). Nor does a verb of a relative clause
describing someone or something (RELATIVE_CLAUSE: «министр, который прибыл в Москву…»): it tells the background of whoever the
clause describes, not the report's news — two meetings of one visit, each telling its guest
«который прибыл…», told one moment by it (tests/data/stories9). The vocabulary is deliberately small, the
milestones of documents, visits and exercises: a verb outside it says nothing either way.
"""

from __future__ import annotations

import re

from articles.pipeline import nlp
from articles.pipeline.text import fold

WORD = re.compile(r"\w+")

# stage → the verbs (infinitives) that tell it; synonyms of one moment in one class
STAGES: dict[str, tuple[str, ...]] = {
    "submitted": ("внести",),
    # «рассмотреть»: a parliament considering a bill, or ministers a question — in both classes, so
    # apart from neither; its future («Госдума рассмотрит…») is a preview like any other
    "adopted": ("ратифицировать", "утвердить", "одобрить", "рассмотреть"),
    "signed": ("подписать", "утвердить"),  # ministers «утвердили программу» by signing it
    "in_force": ("вступить",),
    "arrived": ("прибыть", "прилететь", "приехать", "приземлиться"),
    "started": ("начаться", "начать", "стартовать", "открыться"),  # «начали переговоры»
    "ended": ("завершиться", "закончиться", "закрыться", "завершить"),
    "met": ("встретиться", "обсудить", "рассмотреть"),
}
PLANNED = "planned"  # a verb of any stage in the future tense: a preview of that moment
# Verbs too common to tell a stage in the past («принял», «провел», «посетил») whose future in a
# headline still tells a preview: «Путин примет в Кремле…», «проведет переговоры», «посетит». Not in
# a lead: a report quotes what someone says will be done («Россия и Индия проведут саммит через три
# недели», tests/data/stories10). Nor «пройти» / «состояться»: a report of talks is headlined with
# the next summit's «пройдет в Нью-Дели» as often as a preview is (tests/data/stories10).
PREVIEW_VERBS = frozenset({"принять", "провести", "посетить"})
# A headline with any verb in the future tense («учения пройдут в ноябре») is marked FUTURE: it may be
# a preview in words of no stage, so it is never apart from a preview for telling no future (`apart`).
# A mark, not a stage: no moment in common (`same_moment`), nothing told (`apart`'s first test).
FUTURE = "told:future"
# A document's stages: its reports name the document in the same words whatever the day, so the
# verb is what tells a submission from a ratification, and what makes two rewrites one report.
DOCUMENT_STAGES = frozenset({"submitted", "adopted", "signed", "in_force"})
_STAGES_OF: dict[str, set[str]] = {}
for _stage, _verbs in STAGES.items():
    for _verb in _verbs:
        _STAGES_OF.setdefault(_verb, set()).add(_stage)
_TOLD = ("VERB", "PRTS")  # finite verbs and short participles
# A phrase that tells the moment as plainly as a verb: a report «по завершении учений» is told after
# the end, whatever its verb («отправляются домой по завершении учений» is no departure for them).
AFTER_THE_END = re.compile(r"\bпо\s+(?:завершении|окончании)\b", re.IGNORECASE)
# A relative clause describing its subject or object («глава МИД, который прибыл…», «договор,
# который подписали в 2009 году»), from «который» in the nominative or accusative to the clause's
# end (a comma, a dash, a bracket, a quote or the sentence's end): its verbs are left out. A clause
# of means in the instrumental is kept — «подписал указ, которым одобрил…» tells what the decree
# does, the news itself (tests/data/stories).
RELATIVE_CLAUSE = re.compile(r"\bкотор(?:ый|ая|ое|ые|ого|ую)\b[^,.;:!?()«»\"—–\n]*", re.IGNORECASE)
# The house of a parliament that adopts: a law passes the lower and the upper house on different
# days, each a report of its own in the same words and the same verb class («Госдума
# ратифицировала договор» on the 21st, «Совет Федерации одобрил ратификацию договора» on the 22nd,
# tests/data/stories6). A report whose headline and lead tell a document adopted and name one house
# only is marked with it (HOUSES); two such reports naming different houses tell two moments
# (`apart`). One naming both («…и направила его в Совет Федерации») or neither is apart from none.
HOUSES: dict[str, re.Pattern[str]] = {
    "house:lower": re.compile(
        r"\b(?:госдум\w*|гд|государственн\w+\s+дум\w*|депутат\w*|нижн\w+\s+палат\w*|мажилис\w*"
        r"|палат\w+\s+представителей|законодательн\w+\s+палат\w*)\b",
        re.IGNORECASE,
    ),
    "house:upper": re.compile(
        r"\b(?:совет\w*\s+федерации|совфед\w*|сф|сенат\w*|верхн\w+\s+палат\w*|совет\w*\s+республики)\b",
        re.IGNORECASE,
    ),
}
HOUSE_MARKS = frozenset(HOUSES)
# «проводит встречу», «провели переговоры»: a verb too common to tell a stage alone («провести
# учения») tells the meeting with its object — a mark (HELD) that sets the report apart from another
# moment («прибыл», «завершились») as "met" would, but is no moment in common (`same_moment`): two
# meetings of one day, each «провели переговоры», are told in these words whoever meets
# (tests/test_story_protagonists.py).
HELD = "told:met"
MEETING_HELD = re.compile(
    r"\b(провод\w+|провел\w*|провёл\w*)\s+(?:\w+\s+)?(?:встреч|переговор)\w*", re.IGNORECASE
)


def stages(*texts: str) -> frozenset[str]:
    """The stages the texts' verbs tell (PLANNED for a future one, or for the future of one of
    PREVIEW_VERBS in the first text, the headline; else FUTURE for any future verb there); empty when
    none of STAGES' verbs is there. With "adopted", the house of parliament they name when only one
    (HOUSES)."""
    found = set()
    houses = set()
    future = False
    for position, text in enumerate(texts):
        if AFTER_THE_END.search(text or ""):
            found.add("ended")
        told = RELATIVE_CLAUSE.sub(" ", text or "")
        houses |= {mark for mark, pattern in HOUSES.items() if pattern.search(told)}
        for word in WORD.findall(told):
            if len(word) < 4 or word.isdigit():
                continue
            parse = next((p for p in nlp.parses(fold(word)) if p.tag.POS in _TOLD), None)
            if parse is None:
                continue
            verb = fold(parse.normal_form)
            told_by = _STAGES_OF.get(verb, ())
            if told_by:
                found |= {PLANNED} if parse.tag.tense == "futr" else told_by
            elif position == 0 and verb in PREVIEW_VERBS and parse.tag.tense == "futr":
                found.add(PLANNED)
            future = future or (position == 0 and parse.tag.tense == "futr")
        for held in MEETING_HELD.finditer(told):
            parse = next((p for p in nlp.parses(fold(held[1])) if p.tag.POS in _TOLD), None)
            if parse is not None:
                found.add(PLANNED if parse.tag.tense == "futr" else HELD)
    if "adopted" in found and len(houses) == 1:
        found |= houses
    if future and PLANNED not in found:  # a preview already says it
        found.add(FUTURE)
    return frozenset(found)


def apart(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two reports tell different moments: each tells some stage, and none in common; one
    is a preview (PLANNED alone) and the other tells nothing, not even a future in its headline
    (FUTURE) — the day's «Путин примет в Кремле…» against the meeting's report, whose «принял» tells
    no stage (tests/data/stories9); or both tell a document adopted, each by another house of
    parliament (HOUSES)."""
    told_a, told_b = (
        {"met" if mark == HELD else mark for mark in x - HOUSE_MARKS - {FUTURE}} for x in (a, b)
    )
    if told_a and told_b and not (told_a & told_b):
        return True
    for preview, other, other_marks in ((told_a, told_b, b), (told_b, told_a, a)):
        if preview == {PLANNED} and not other and FUTURE not in other_marks:
            return True  # a preview against a report telling no future: the event, or another
    houses_a, houses_b = a & HOUSE_MARKS, b & HOUSE_MARKS
    return bool(houses_a) and bool(houses_b) and not (houses_a & houses_b)


def same_document_stage(a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
    """The stages of a document (DOCUMENT_STAGES) both tell: what lets two reports of one pair
    join on fewer shared words. A visit's or an exercise's moments are no such evidence (two
    meetings, two arrivals of one trip tell the same verb), nor a preview in common."""
    return a & b & DOCUMENT_STAGES


def same_moment(a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
    """The stages both tell, a preview left out: one moment told in the verbs of both, whatever
    the thing («начались» / «стартовали» учения, «прибыли» / «прилетели», «ратифицировала» /
    «одобрили»). Weaker evidence than a document's stage (`same_document_stage`) — two arrivals
    of one trip share it — so what it allows (archive/story_events.py) asks for reports dated
    within a day or on the same day."""
    return (a & b) - {PLANNED, FUTURE, HELD} - HOUSE_MARKS
