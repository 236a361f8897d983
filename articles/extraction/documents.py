"""A document named in a sentence: which kind, its name in the nominative, and what the words
around it say happened to it (the status cue). Pure functions over one sentence's tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from articles.nlp import morph

KIND_BY_LEMMA = {
    "меморандум": "memorandum",
    "протокол": "protocol",
    "соглашение": "agreement",
    "допсоглашение": "agreement",
    "межправсоглашение": "agreement",
    "договор": "treaty",
    "конвенция": "treaty",
    "пакт": "treaty",
    "декларация": "declaration",
    "план": "plan",
    "программа": "programme",
    "контракт": "contract",
    "госконтракт": "contract",
    "заявление": "statement",
    "коммюнике": "statement",
    "карта": "roadmap",  # only as «дорожная карта»
}

DOC_NOUN = re.compile(
    r"\b(?:меморандум|протокол|соглашени|допсоглашени|межправсоглашени|договор|конвенци|пакт|деклараци|"
    r"план|программ|контракт|госконтракт|заявлени|коммюнике|карт)\w*",
    re.IGNORECASE,
)
TOKEN = re.compile(r"\d+(?:\s*[–—-]\s*\d+)+|\w+(?:[-'’]\w+)*|[^\w\s]")


# Statuses by strength: when one document is mentioned as signed and later as ratified, it is ratified.
RANK = {"other": 0, "draft": 1, "planned": 2, "initialled": 3, "signed": 4, "ratified": 5, "in_force": 6}

_MODAL = (
    r"(?:будет|будут|может\s+быть|могут\s+быть|должен\s+быть|должно\s+быть|должны\s+быть|должна\s+быть|"
    r"планиру\w+|намерен\w*|собира\w+|готов\w*|предлож\w+|рассчитыва\w+|хот\w+|хотел\w*\s+бы|"
    r"договорил\w+|услови\w+|решил\w*|мо[гж]\w*|смогут|сможет|ожида\w+|предполага\w+|предусматрива\w+|"
    r"нужно|необходимо|следует|стремятся|прид[её]тся)"
)
# (status, pattern, is a verb whose subject signs). Earlier patterns win where they overlap.
CUES: list[tuple[str, re.Pattern, bool]] = [
    (
        "in_force",
        re.compile(r"\bвступ(?:ил|ило|ила|или|ает|ают|ивш\w*)\s+в\s+(?:законную\s+)?силу", re.I),
        False,
    ),
    ("ratified", re.compile(r"\bратифи\w+", re.I), True),
    ("initialled", re.compile(r"\bпарафир\w+", re.I), True),
    (
        "planned",
        re.compile(
            rf"\b{_MODAL}\s+(?:\w+\s+){{0,2}}(?:подписа\w*|заключ\w+|приня\w+|приним\w+|утверд\w+|"
            r"одобр\w+|парафир\w+)",
            re.I,
        ),
        True,
    ),
    (
        "planned",
        re.compile(
            r"\b(?:подпишут|подпишет|подпишем|подпишу|заключат|заключит|примут|примет|"
            r"утвердят|утвердит|вступит\s+в\s+силу)\b",
            re.I,
        ),
        True,
    ),
    (
        "planned",
        re.compile(
            r"\bподписани\w*\s+(?:\S+\s+){0,6}?(?:запланирован\w*|состоится|пройд[её]т|"
            r"ожида\w+|намечен\w*)",
            re.I,
        ),
        False,
    ),
    (
        "planned",
        re.compile(
            r"\b(?:запланирован\w*|состоится|ожида\w+|намечен\w*)\s+(?:\S+\s+){0,3}?"
            r"подписани\w*",
            re.I,
        ),
        False,
    ),
    ("planned", re.compile(r"\bк\s+подписанию\b", re.I), False),
    (
        "signed",
        re.compile(
            r"\bподписани\w*\s+(?:\S+\s+){0,8}?(?:состоял\w*|прош\w+)|(?:состоял\w*|прош\w+)"
            r"\s+(?:\S+\s+){0,3}?подписани\w*",
            re.I,
        ),
        False,
    ),
    (
        "signed",
        re.compile(
            r"\b(?:подписал|подписала|подписало|подписали|подписан|подписана|подписано|"
            r"подписаны|заключил|заключила|заключило|заключили|заключ[её]н|заключ[её]на|"
            r"заключ[её]но|заключ[её]ны|принял|приняла|приняло|приняли|утвердил|утвердила|"
            r"утвердили|утвержд[её]н\w*|одобрил\w*|одобрен\w*|скрепил\w*|подписавш\w+)\b",
            re.I,
        ),
        True,
    ),
    (
        "signed",
        re.compile(
            r"\b(?:подписанн\w+|заключ[её]нн\w+|принят(?:ый|ого|ому|ом|ая|ой|ую|ое|ые|ых|ым|ыми)"
            r"|согласованн\w+)\b",
            re.I,
        ),
        False,
    ),
    ("signed", re.compile(r"\bподписани\w*", re.I), False),
    ("draft", re.compile(r"\b(?:разработ\w+|согласова\w+|подготов\w+|доработ\w+)", re.I), False),
    (
        "other",
        re.compile(r"\b(?:денонс\w+|приостанови\w+|выш(?:ел|ла|ли)\s+из)", re.I),
        False,
    ),
]
PARTICIPLE_CUES = re.compile(
    r"^(?:подписанн|заключ[её]нн|принят|утвержд[её]нн|парафированн|ратифицированн|согласованн|одобренн)",
    re.I,
)
POINTING = frozenset(
    "соответствующий данный указанный вышеупомянутый упомянутый этот тот такой подобный аналогичный новый "
    "очередной последний весь свой наш их второй первый третий соответствовать указать упомянуть".split()
)
STOP_WORDS = frozenset(
    "между в во с со от при у к за через после до для который которая которое которые что чтобы как "
    "где когда а но или также уже еще ещё не этот это".split()
)
AMENDING = frozenset({"изменение", "дополнение", "поправка"})
COMPLEMENT_START = frozenset("о об обо по на".split())
QUANTITY = re.compile(
    r"(?:\b\d+|\b(?:два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|несколько|ряд|пакет|серию|"
    r"ряда|пакета|серии|множество|десятки|более|около)\b)\s+(?:[а-яё-]+\s+){0,2}$",
    re.I,
)
ANOTHER = re.compile(r"\b(?:аналогичн|друг|ещ[её]\s+одн|втор|нов|очередн|отдельн)\w*\s+(?:\w+\s+)?$", re.I)


@lru_cache(maxsize=50_000)
def parses(low: str):
    return tuple(morph().parse(low)[:4])


def lemma(word: str) -> str:
    p = parses(word.lower())
    return p[0].normal_form.replace("ё", "е") if p else word.lower()


@dataclass
class Token:
    text: str
    start: int
    end: int


@dataclass
class Mention:
    kind: str
    start: int  # the noun
    end: int
    sentence: int
    title: str
    complement: str  # normalised words after the noun: "о взаимопонимании"
    status: str | None  # None: no cue, only a mention
    cue_start: int = -1
    cue_end: int = -1
    cue_is_verb: bool = False
    joint: bool = False
    another: bool = False  # «аналогичное соглашение», «новый контракт»: not the one named before
    plural: bool = False
    extent_end: int = 0  # where the name ends: a document named inside it is part of this one


def tokens_in(text: str, start: int, end: int) -> list[Token]:
    return [Token(m.group(), start + m.start(), start + m.end()) for m in TOKEN.finditer(text[start:end])]


def kind_of(tokens: list[Token], i: int) -> str | None:
    word = tokens[i].text.lower()
    for p in parses(word):
        kind = KIND_BY_LEMMA.get(p.normal_form.replace("ё", "е"))
        if not kind or p.tag.POS != "NOUN":
            continue
        if kind == "roadmap":
            return kind if i > 0 and lemma(tokens[i - 1].text).startswith("дорожн") else None
        if kind == "plan" and p.tag.number == "plur":
            return None  # «в планах», «планы на будущее»
        return kind
    return None


def _is_person_word(word: str) -> bool:
    if not word[:1].isupper():
        return False
    return any(("Name" in p.tag or "Surn" in p.tag or "Patr" in p.tag) for p in parses(word.lower()))


def _nominative(word: str, head=None) -> str:
    """The word in the nominative; an adjective takes the gender and number of its head noun."""
    for p in parses(word.lower()):
        if p.tag.POS not in ("NOUN", "ADJF", "PRTF"):
            continue
        grammemes = {"nomn"}
        if p.tag.POS == "NOUN":
            if p.tag.number == "plur":
                grammemes.add("plur")
        elif head is not None and head.tag.number == "plur":
            grammemes.add("plur")
        elif head is not None and head.tag.gender:
            grammemes |= {"sing", head.tag.gender}
        inflected = p.inflect(grammemes)
        if inflected:
            out = inflected.word
            return out[:1].upper() + out[1:] if word[:1].isupper() else out
    return word


def _head_parse(word: str):
    return next((p for p in parses(word.lower()) if p.tag.POS == "NOUN"), None)


def _is_verbal(word: str) -> bool:
    return any(p.tag.POS in ("VERB", "INFN", "GRND", "PRTS") for p in parses(word.lower())[:1])


def mention_at(text: str, tokens: list[Token], i: int, kind: str, sentence: int, skip: list[tuple[int, int]]):
    """The document's name around tokens[i]: modifiers before, the noun, its complement after."""
    head_start = i - 1 if kind == "roadmap" else i
    head_parse = _head_parse(tokens[i].text)
    before: list[str] = []
    joint = draft = False
    participle = None
    j = head_start - 1
    while j >= 0 and len(before) < 3:
        w = tokens[j].text
        low = w.lower()
        found = parses(low)
        if low.startswith("проект"):
            draft = True
            break
        if not found or found[0].tag.POS not in ("ADJF", "PRTF"):
            break
        if PARTICIPLE_CUES.match(low):
            participle = tokens[j]
        elif found[0].normal_form.replace("ё", "е") in POINTING:
            pass  # «соответствующий меморандум», «новый контракт»: says which, not what
        elif not low.isdigit():
            before.insert(0, _nominative(w, head_parse))
            if low.startswith("совместн"):
                joint = True
        j -= 1
    if j >= 0 and tokens[j].text.lower().startswith("проект"):
        draft = True
    head = [_nominative(t.text, head_parse) for t in tokens[head_start : i + 1]]
    after: list[str] = []
    k = i + 1
    while k < len(tokens) and len(after) < 10:
        t = tokens[k]
        low = t.text.lower()
        if any(s <= t.start < e for s, e in skip) or _is_person_word(t.text):
            k += 1
            continue
        if low in ("между", "с", "со") and not after:
            # «соглашение между Россией и Мьянмой о военном сотрудничестве», «соглашения с Японией о
            # передаче…»: the parties come first, the name goes on after them.
            about = next(
                (q for q in range(k + 1, min(k + 12, len(tokens))) if tokens[q].text.lower() in ("о", "об")),
                None,
            )
            if about is None or any(not tokens[q].text[0].isalnum() for q in range(k + 1, about)):
                break
            k = about
            continue
        if t.text == "«" and not after:
            # «меморандум «О сотрудничестве в области…»»: a quoted name is the name.
            close = next((q for q in range(k + 1, min(k + 25, len(tokens))) if tokens[q].text == "»"), None)
            if close is not None and close > k + 1:
                after = [tok.text for tok in tokens[k : close + 1]]
            break
        if low in ("в", "во") and after and lemma(after[-1]) in AMENDING:
            # «протокол о внесении изменений в соглашение о ВТС»: the amended document is part of the name.
            after.append(low)
            k += 1
            while k < len(tokens) and len(after) < 14 and tokens[k].text[0].isalnum():
                if tokens[k].text.lower() in STOP_WORDS or _is_verbal(tokens[k].text):
                    break
                after.append(tokens[k].text)
                k += 1
            break
        if not t.text[0].isalnum() or low in STOP_WORDS:
            break
        if low == "и":
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            if not after or nxt is None or kind_of(tokens, k + 1) or _is_verbal(nxt.text):
                break
            after.append(low)
            k += 1
            continue
        found = parses(low)
        top = found[0] if found else None
        if top is not None and top.tag.POS in ("VERB", "INFN", "GRND", "PRTS", "CONJ", "PRCL"):
            break
        cased = [p for p in found if p.tag.case]
        if after and low.isalpha() and cased and all(p.tag.case == "nomn" for p in cased):
            break  # «…по итогам переговоров Россия и Вьетнам подтвердили»: a new subject
        if (
            not after
            and low not in COMPLEMENT_START
            and not (top is not None and (top.tag.case == "gent" or low.isdigit()))
        ):
            break
        if kind_of(tokens, k):
            break
        after.append(t.text)
        k += 1
    while after and after[-1] in ("и", "о", "об", "по", "на"):
        after.pop()
    title = re.sub(r"« ", "«", re.sub(r" »", "»", " ".join([*before, *head, *after])))
    first = tokens[j + 1] if before else tokens[head_start]
    if _sentence_start(text, first.start) and not title[:2].isupper():
        title = title[:1].lower() + title[1:]  # «Контракт планируется…»: capital only by position
    complement = " ".join(a.lower().replace("ё", "е") for a in after if a not in "«»")
    m = Mention(kind, tokens[head_start].start, tokens[i].end, sentence, title, complement, None, joint=joint)
    m.extent_end = tokens[k - 1].end if after else tokens[i].end
    m.another = bool(ANOTHER.search(text[max(0, m.start - 40) : m.start]))
    nouns = [p for p in parses(tokens[i].text.lower()) if p.tag.POS == "NOUN"]
    m.plural = (bool(nouns) and all(p.tag.number == "plur" for p in nouns)) or bool(
        QUANTITY.search(text[max(0, m.start - 40) : m.start])
    )
    if draft:
        m.status, m.cue_start, m.cue_end = "draft", tokens[i].start, tokens[i].end
    elif participle is not None:
        low = participle.text.lower()
        status = (
            "ratified"
            if low.startswith("ратифиц")
            else "initialled"
            if low.startswith("парафир")
            else "signed"
        )
        m.status, m.cue_start, m.cue_end = status, participle.start, participle.end
    return m


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in ' \t\u00a0«"„“(—–-':
        i -= 1
    return i < 0 or text[i] in ".!?…\n"


def cues_in(text: str, start: int, end: int) -> list[tuple[str, int, int, bool]]:
    chunk = text[start:end]
    found: list[tuple[str, int, int, bool]] = []
    for status, pattern, verb in CUES:
        for m in pattern.finditer(chunk):
            s, e = start + m.start(), start + m.end()
            if any(s < fe and fs < e for _st, fs, fe, _v in found):
                continue
            found.append((status, s, e, verb))
    return found


def bind_cue(m: Mention, cues: list[tuple[str, int, int, bool]]) -> None:
    """The nearest cue of the sentence tells the status; a participle already read stays unless the
    verb goes further («Подписанный в мае меморандум вступил в силу»). A draft stays a draft."""
    if m.status == "draft" or not cues:
        return
    best = min(cues, key=lambda c: min(abs(c[1] - m.end), abs(m.start - c[2])))
    if min(abs(best[1] - m.end), abs(m.start - best[2])) > 160:
        return
    if m.status is not None and RANK[best[0]] <= RANK[m.status]:
        return
    m.status, m.cue_start, m.cue_end, m.cue_is_verb = best[0], best[1], best[2], best[3]
