"""A document named in a sentence: which kind, and its name in the nominative (cues.py reads what the
words around it say happened to it). Pure functions over one sentence's tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass

from articles.pipeline.dates import MONTHS_GENITIVE, MONTHS_LOCATIVE
from articles.pipeline.extraction.cues import PARTICIPLE_CUES
from articles.pipeline.extraction.name_asides import without_asides
from articles.pipeline.nlp import parses as all_parses
from articles.pipeline.text import fold

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
    "хартия": "other",  # «Хартия стратегического партнерства»: a charter, no kind of its own
    "карта": "roadmap",  # only as «дорожная карта»
    "письмо": "other",  # only as «письмо о намерениях»: a letter of intent, signed as a document
}

DOC_NOUN = re.compile(
    r"\b(?:меморандум|протокол|соглашени|допсоглашени|межправсоглашени|договор|конвенци|пакт|деклараци|"
    r"план|программ|контракт|госконтракт|заявлени|коммюнике|карт|харти|письм)\w*",
    re.IGNORECASE,
)
TOKEN = re.compile(r"\d+(?:\s*[–—-]\s*\d+)+|\w+(?:[-'’]\w+)*|[^\w\s]")


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


def _naming(tokens: list, k: int) -> bool:
    """«договор о …, под названием «…»»: the name given to the document starts, its subject ends."""
    return (
        tokens[k].text.lower() == "под"
        and k + 1 < len(tokens)
        and tokens[k + 1].text.lower() in ("названием", "наименованием", "именем")
    )


def parses(low: str) -> tuple:
    return all_parses(low)[:4]


def lemma(word: str) -> str:
    p = parses(word.lower())
    return fold(p[0].normal_form) if p else word.lower()


CONTENT_POS = frozenset({"NOUN", "ADJF", "PRTF", "NUMR"})


# «100-летнем» is «столетнем», «5-летний» is «пятилетний»: the stem a numeral takes in a compound.
NUMERAL_STEMS = {
    "2": "двух",
    "3": "трех",
    "4": "четырех",
    "5": "пяти",
    "10": "десяти",
    "15": "пятнадцати",
    "20": "двадцати",
    "25": "двадцатипяти",
    "30": "тридцати",
    "50": "пятидесяти",
    "100": "сто",
}
NUMERAL_COMPOUND = re.compile(r"^(\d+)-([а-яё]+)$")


def content_lemmas(phrase: str) -> frozenset[str]:
    """The lemmas of a name's content words: «о военном сотрудничестве» → {военный, сотрудничество}."""
    out = set()
    for word in re.findall(r"\w+(?:-\w+)*", phrase.lower()):
        compound = NUMERAL_COMPOUND.match(word)
        if compound and compound.group(1) in NUMERAL_STEMS:
            word = NUMERAL_STEMS[compound.group(1)] + compound.group(2)
        found = parses(word)
        if found and found[0].tag.POS in CONTENT_POS and "Geox" not in found[0].tag:
            out.add(fold(found[0].normal_form))  # «России и Кубы» names parties, not a subject
        elif word.isdigit():
            out.add(word)
    return frozenset(out)


# One subject, several spellings. Outlets name one document's subject with an abbreviation, a
# compound or a near-synonym («пункт МТО ВМФ» / «пункт материально-технического обеспечения
# военно-морского флота», «авиагруппа» / «авиационная группа» / «авиационная группировка», «о
# недрах» / «о полезных ископаемых» / «о редкоземельных металлах», «отправка солдат» / «направление
# военнослужащих»). Each spelling here stands for the words it abbreviates or the one word its
# synonyms share; the table is general military and treaty vocabulary, not any one document's.
SUBJECT_SPELLINGS: dict[str, tuple[str, ...]] = {
    # abbreviations, as their lemmas come out of the analyser (lower case)
    "мто": ("материально-технический", "обеспечение"),
    "пмто": ("пункт", "материально-технический", "обеспечение"),
    "вмф": ("военно-морской", "флот"),
    "вмс": ("военно-морской", "сила"),
    "чф": ("черноморский", "флот"),
    "ввс": ("военно-воздушный", "сила"),
    "вкс": ("воздушно-космический", "сила"),
    "пво": ("противовоздушный", "оборона"),
    "вто": ("военно-технический", "сотрудничество"),
    "втс": ("военно-технический", "сотрудничество"),
    "снв": ("стратегический", "наступательный", "вооружение"),
    "минобороны": ("министерство", "оборона"),
    # compounds written as one word
    "авиагруппа": ("авиационный", "группа"),
    "авиабаза": ("авиационный", "база"),
    "военно-морской": ("военно-морской",),
    "военбаза": ("военный", "база"),
    "погранслужба": ("пограничный", "служба"),
    # one thing, several words
    "группировка": ("группа",),
    "солдат": ("военнослужащий",),
    "отправка": ("направление",),
    "отправление": ("направление",),
    "переброска": ("направление",),
    # the stay of forces or a base: «о размещении базы» / «о пребывании базы»
    "размещение": ("пребывание",),
    # building a facility is creating it («о строительстве базы» / «о создании базы»)
    "строительство": ("создание",),
    "перемещение": ("направление",),
    # «о стратегическом партнерстве и взаимодействии» / «… и сотрудничестве»: one treaty, two wordings
    "взаимодействие": ("сотрудничество",),
    # «о стратегическом альянсе и сотрудничестве» / «о стратегическом партнерстве и сотрудничестве»: the
    # press writes «альянс» for a partnership its parties call so («союз», a union of states, stays apart)
    "альянс": ("партнерство",),
    # «о … противодействии терроризму» / «о … борьбе с терроризмом»: countering it, two wordings
    "борьба": ("противодействие",),
    # the subject's adjective is the subject: «оборонное соглашение» / «соглашение об обороне»
    "оборонный": ("оборона",),
    # a field of activity: «в военной отрасли» / «в военной области»
    "отрасль": ("область",),
    "ископаемое": ("недра",),
    "редкоземельный": ("недра",),
    "минерал": ("недра",),
    "минеральный": ("недра",),
}
# Words that only qualify a subject the table folds above («полезные ископаемые», «редкоземельные
# металлы / элементы»): they stay, but weigh like generic words where titles are compared.
SUBJECT_QUALIFIERS = frozenset({"полезный", "металл", "элемент", "ресурс", "сырьё", "сырье"})
# Words that name what any cooperation document is about, or where and how: they say little about
# which one it is (the registry weighs them less; two names of one text differing only in them agree).
GENERIC_SUBJECT = frozenset(
    "сотрудничество взаимопонимание область сфера вопрос взаимодействие межправительственный "
    "правительство правительственный межгосударственный государство страна сторона двусторонний "
    "развитие укрепление создание основа основной принцип рамка рамочный дорожный военный оборона "
    "оборонный министерство федерация республика королевство год взаимный "
    # where and how, not what: «на территории Сирии», «в районе порта», «о порядке направления»
    "территория район порядок".split()
)


def _party_adjectives() -> frozenset[str]:
    """Country adjectives and the first parts of compound ones («российский», «российско-»): they
    name a party, not what a document is about («российско-сирийское соглашение о …»)."""
    from articles.pipeline.reference_data import shipped_rows

    forms = {
        fold(r["form"].lower()) for r in shipped_rows("country_forms.csv") if r.get("kind") == "adjective"
    }
    return frozenset(forms)


PARTY_ADJECTIVES = _party_adjectives()


def _names_a_party(lemma: str) -> bool:
    if lemma in PARTY_ADJECTIVES:
        return True
    if "-" in lemma:  # «российско-индийский»: every part a country's
        return all(_party_part(part) for part in lemma.split("-"))
    return False


def _party_part(part: str) -> bool:
    """One part of a compound adjective: «российско» (of «российский»), «русско-», «индийский»."""
    if part in PARTY_ADJECTIVES or part + "-" in PARTY_ADJECTIVES:
        return True
    stem = part[:-1] if part.endswith("о") else part
    return len(stem) >= 4 and any(form.startswith(stem) for form in PARTY_ADJECTIVES)


YEAR_RANGE = re.compile(r"(?<=\d)-(?=\d)")


def subject_lemmas(phrase: str) -> frozenset[str]:
    """What a document's name says it is about, spelled one way: the content lemmas less the
    parties' adjectives, abbreviations and synonyms replaced by `SUBJECT_SPELLINGS`."""
    out: set[str] = set()
    phrase = YEAR_RANGE.sub(
        " ", without_asides(phrase)
    )  # «на 2017-2020 годы» as «на 2017–2020 годы»: two years
    for word in re.findall(r"\w+(?:-\w+)*", phrase.lower()):  # «МТО», «ВКС»: the analyser knows no lemma
        out.update(SUBJECT_SPELLINGS.get(fold(word), ()))
    for lemma in content_lemmas(phrase):
        if _names_a_party(lemma):
            continue
        out.update(SUBJECT_SPELLINGS.get(lemma, (lemma,)))
    return frozenset(out)


def _on_terms(after: list[str]) -> bool:
    """«на российских условиях», «на взаимовыгодных условиях»: the terms a document is made or extended
    on, adjectives and «условиях» after «на», not the name's complement."""
    if len(after) < 2 or after[0].lower() != "на" or lemma(after[-1]) != "условие":
        return False
    return all(any(p.tag.POS in ("ADJF", "PRTF") for p in parses(w.lower())) for w in after[1:-1])


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
    named: bool = False  # written as a title, with a capital in mid-sentence: «в Договоре о дружбе»
    pointing: bool = False  # «этого соглашения», «данный документ»: the one named before
    counted: bool = False  # «пять соглашений», «ряд документов»: several
    apposition: Mention | None = None  # «Договор о … (ДСНВ) — соглашение между …»: the one it restates


def tokens_in(text: str, start: int, end: int) -> list[Token]:
    return [Token(m.group(), start + m.start(), start + m.end()) for m in TOKEN.finditer(text[start:end])]


def kind_of(tokens: list[Token], i: int) -> str | None:
    word = tokens[i].text.lower()
    for p in parses(word):
        kind = KIND_BY_LEMMA.get(fold(p.normal_form))
        if not kind or p.tag.POS != "NOUN":
            continue
        if kind == "roadmap":
            return kind if i > 0 and lemma(tokens[i - 1].text).startswith("дорожн") else None
        if fold(p.normal_form) == "письмо":
            intent = [lemma(t.text) for t in tokens[i + 1 : i + 3]]
            return kind if intent[:1] == ["о"] and intent[1:2] == ["намерение"] else None
        if kind == "plan" and p.tag.number == "plur":
            return None  # «в планах», «планы на будущее»
        return kind
    return None


# «план … на 2025 год и документ о реализации …», «протокол … и положение о комиссии»: a second paper of
# no kind of its own, coordinated with the first, is not part of its name.
GENERIC_PAPERS = frozenset({"документ", "положение", "устав", "регламент"})


def _another_paper(tokens: list[Token], k: int) -> bool:
    return (
        k + 1 < len(tokens)
        and tokens[k + 1].text.lower() in ("о", "об")
        and any(
            fold(p.normal_form) in GENERIC_PAPERS and p.tag.POS == "NOUN"
            for p in parses(tokens[k].text.lower())
        )
    )


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


def _abbreviation_brackets(tokens: list[Token], q: int) -> bool:
    """Whether tokens[q] is a bracket around an abbreviation inside a party's name: «с Правительством
    национального согласия (ПНС) Ливии о …» — the name goes on after it."""
    if tokens[q].text == "(":
        return q + 2 < len(tokens) and tokens[q + 1].text.isupper() and tokens[q + 2].text == ")"
    if tokens[q].text == ")":
        return q >= 2 and tokens[q - 1].text.isupper() and tokens[q - 2].text == "("
    return False


def _head_parse(word: str):
    return next((p for p in parses(word.lower()) if p.tag.POS == "NOUN"), None)


def is_verbal(word: str) -> bool:
    return any(p.tag.POS in ("VERB", "INFN", "GRND", "PRTS") for p in parses(word.lower())[:1])


def cue_word_pos(m: Mention, text: str) -> str | None:
    """The part of speech of the first word of the cue that gave `m` its stage («подписанное»: PRTF,
    «подписали»: VERB); None without a cue."""
    if m.cue_start < 0:
        return None
    word = re.match(r"[а-яёА-ЯЁ-]+", text[m.cue_start : m.cue_end])
    p = parses(word.group().lower()) if word else ()
    return p[0].tag.POS if p else None


def mention_at(text: str, tokens: list[Token], i: int, kind: str, sentence: int, skip: list[tuple[int, int]]):
    """The document's name around tokens[i]: modifiers before, the noun, its complement after."""
    head_start = i - 1 if kind == "roadmap" else i
    head_parse = _head_parse(tokens[i].text)
    before: list[str] = []
    joint = draft = pointing = False
    participle = None
    # «новые соглашения»: the adjective shows the number a genitive-looking noun hides.
    adjective_plural = _adjective_plural(tokens, head_start)
    j = head_start - 1
    while j >= 0 and len(before) < 3:
        w = tokens[j].text
        low = w.lower()
        found = parses(low)
        if low.startswith("проект"):
            draft = True
            break
        if found and any(fold(p.normal_form) in POINTING for p in found if p.tag.POS == "ADJF"):
            pointing = True  # «этого соглашения»: pymorphy reads «этого» as «это» first
            j -= 1
            continue
        if not found or found[0].tag.POS not in ("ADJF", "PRTF"):
            break
        if PARTICIPLE_CUES.match(low):
            participle = tokens[j]
        elif fold(found[0].normal_form) in POINTING:
            pointing = True  # «соответствующий меморандум», «этого соглашения»: says which, not what
        elif not low.isdigit():
            before.insert(0, _nominative(w, head_parse))
            if low.startswith("совместн"):
                joint = True
        j -= 1
    if j >= 0 and tokens[j].text.lower().startswith("проект"):
        draft = True
    head = [_nominative(t.text, head_parse) for t in tokens[head_start : i + 1]]
    after: list[str] = []
    between: int | None = None  # where «между …» starts in `after`
    k = i + 1
    # An official title written with its capital in mid-sentence («подписано Соглашение о совместной
    # охране … и создании …») runs as long as it is written; a name in lower case stops sooner.
    official = tokens[head_start].text[:1].isupper() and not _sentence_start(text, tokens[head_start].start)
    longest = 20 if official else 10
    while k < len(tokens) and len(after) < (longest if between is None else 26):
        t = tokens[k]
        low = t.text.lower()
        if any(s <= t.start < e for s, e in skip) or _is_person_word(t.text):
            k += 1
            continue
        if low in ("между", "с", "со") and not after:
            # «соглашение между Россией и Мьянмой о военном сотрудничестве», «соглашения с Японией о
            # передаче…»: the parties come first, the name goes on after them.
            about = next(
                (
                    q
                    for q in range(k + 1, min(k + 12, len(tokens)))
                    if tokens[q].text.lower() in ("о", "об")
                    or tokens[q].text.lower() in ("в", "во")
                    and _field_follows(tokens, q)
                ),
                None,
            )
            if about is None or any(
                not tokens[q].text[0].isalnum() and not _abbreviation_brackets(tokens, q)
                for q in range(k + 1, about)
            ):
                # «соглашение между нашей страной и Суданом», «соглашение с Таджикистаном»: no name
                # follows, but the parties are part of the title as written (not of what it is about).
                end = _between_end(tokens, k) if low == "между" else _partner_end(tokens, k)
                if end is not None:
                    between = 0  # the name's extent stays at the noun: parties are read there
                    after.extend(tok.text for tok in tokens[k:end])
                break
            k = about
            continue
        if (
            t.text == "»"
            and not after
            and k == i + 1
            and head_start > 0
            and tokens[head_start - 1].text == "«"
        ):
            # «подписать «дорожную карту» развития сотрудничества …»: only the kind noun is quoted, the
            # name goes on after the quote.
            k += 1
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
                if tokens[k].text.lower() in STOP_WORDS or is_verbal(tokens[k].text):
                    break
                after.append(tokens[k].text)
                k += 1
            break
        if (
            after
            and re.fullmatch(r"(?:19|20)\d\d", t.text)
            and after[-1].lower() not in COMPLEMENT_START
            and k + 1 < len(tokens)
            and tokens[k + 1].text.lower() in ("года", "г")
        ):
            break  # «Договор о дружбе 2005 года»: the year it was signed, not part of its name
        if (
            re.fullmatch(r"\d{1,2}", t.text)
            and k + 1 < len(tokens)
            and tokens[k + 1].text.lower() in MONTHS_GENITIVE
        ):
            # «ратифицировали соглашение о недрах 8 мая», «заключили соглашение 16 августа 2022 года»: the
            # day of the news or of the signing, not part of the name
            break
        if low == "между" and after and between is None:
            # «меморандум о взаимопонимании между управлением … и Управлением …»: who it binds is part
            # of the name as written, though not of the words that say what it is about.
            end = _between_end(tokens, k)
            if end is None:
                break
            between = len(after)
            after.extend(tok.text for tok in tokens[k:end])
            k = end
            continue
        if t.text == "," and k + 1 < len(tokens) and tokens[k + 1].text.lower().startswith("совершенн"):
            break  # «о реадмиссии, совершенной 26 октября»: where and when it was done, not its name
        if t.text == "," and _enumeration_goes_on(tokens, k, after):
            after.append(",")
            k += 1
            continue
        if not after and low in ("двух", "обеих", "обоих"):
            break  # «проект соглашения двух стран»: the parties, not a name
        if low in ("в", "во") and _field_follows(tokens, k):
            after.append(t.text)  # «о сотрудничестве в военной области»: the field is part of the name
            k += 1
            continue
        if (
            low == "до"
            and after
            and lemma(after[-1]) in ("период", "срок")
            and k + 1 < len(tokens)
            and re.fullmatch(r"(?:19|20)\d\d", tokens[k + 1].text)
        ):
            # «программа … на период до 2024 года»: the term is part of its name
            end = k + 3 if k + 2 < len(tokens) and tokens[k + 2].text.lower() in ("года", "г") else k + 2
            after.extend(tok.text for tok in tokens[k:end])
            k = end
            break
        if (
            low in ("в", "во")
            and kind in ("plan", "programme")
            and after
            and k + 1 < len(tokens)
            and re.fullmatch(r"(?:19|20)\d\d", tokens[k + 1].text)
        ):
            # «план развития сотрудничества в 2012 г.»: the year the plan is for is part of its name
            end = (
                k + 3
                if k + 2 < len(tokens) and tokens[k + 2].text.lower() in ("г", "году", "года")
                else k + 2
            )
            after.extend(tok.text for tok in tokens[k:end])
            k = end
            break
        if not t.text[0].isalnum() or low in STOP_WORDS or _naming(tokens, k):
            break
        if low == "и":
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            if (
                not after
                or nxt is None
                or kind_of(tokens, k + 1)
                or is_verbal(nxt.text)
                or _another_paper(tokens, k + 1)
            ):
                break
            after.append(low)
            k += 1
            continue
        if after and t.text.isupper() and fold(low) in SUBJECT_SPELLINGS:
            # «о создании на побережье Красного моря ПМТО флота»: an abbreviation of a subject does not
            # decline (the analyser reads it as anything, a short adjective included).
            after.append(t.text)
            k += 1
            continue
        found = parses(low)
        top = found[0] if found else None
        if top is not None and top.tag.POS in (
            "VERB",
            "INFN",
            "GRND",
            "PRTS",
            "ADJS",
            "CONJ",
            "PRCL",
            "ADVB",
        ):
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
        if kind_of(tokens, k) and not (k == i + 1 and any(p.tag.case == "gent" for p in cased)):
            break  # a new document; but «соглашение программы …»: the programme names this one
        after.append(t.text)
        k += 1
    while after and after[-1] in ("и", "о", "об", "по", "на"):
        after.pop()
    if _on_terms(after):
        after = []  # «продлить соглашение на российских условиях»: how, not what it is about
    title = re.sub(r"« ", "«", re.sub(r" »", "»", " ".join([*before, *head, *after]))).replace(" ,", ",")
    first = tokens[j + 1] if before else tokens[head_start]
    if _sentence_start(text, first.start) and not title[:2].isupper():
        title = title[:1].lower() + title[1:]  # «Контракт планируется…»: capital only by position
    about = after if between is None else after[:between]
    complement = " ".join(fold(a) for a in about if a not in "«»").replace(" ,", ",")
    m = Mention(kind, tokens[head_start].start, tokens[i].end, sentence, title, complement, None, joint=joint)
    m.extent_end = tokens[k - 1].end if after else tokens[i].end
    m.named = tokens[head_start].text[:1].isupper() and not _sentence_start(text, tokens[head_start].start)
    m.another = bool(ANOTHER.search(text[max(0, m.start - 40) : m.start]))
    m.pointing = pointing
    nouns = [p for p in parses(tokens[i].text.lower()) if p.tag.POS == "NOUN"]
    m.counted = _counted(text[max(0, m.start - 40) : m.start])
    m.plural = (bool(nouns) and all(p.tag.number == "plur" for p in nouns)) or adjective_plural or m.counted
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


COUNT = re.compile(
    r"(?:\b(\d{1,3})|\b(?:два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|несколько|ряд|пакет|"
    r"серию|ряда|пакета|серии|множество|десятки))\s+((?:[а-яё-]+\s+){0,2})$",
    re.I,
)
NOT_COUNTED = re.compile(rf"^(?:{'|'.join(MONTHS_GENITIVE)}|год\w*)\b", re.I)


def _counted(before: str) -> bool:
    """«пять соглашений», «ряд документов» — but not «12 апреля совместном заявлении»."""
    found = COUNT.search(before)
    return bool(found) and not (found.group(1) and NOT_COUNTED.match(found.group(2)))


NOT_A_FIELD = frozenset(
    "число начало конец середина половина время период день неделя месяц квартал год осень весна лето "
    "зима парламент правительство дума рада сенат собрание совет меджлис кенеш конгресс".split()
)


def _field_follows(tokens: list[Token], k: int) -> bool:
    """«в сфере обороны», «в военной области» — a field in the locative, written in lower case (not «в
    Москве», not «в 2019 году», not «в ходе визита»)."""
    if k + 1 >= len(tokens) or not tokens[k + 1].text[:1].islower():
        return False
    word = tokens[k + 1].text.lower()
    if (
        word
        in (
            "ходе",
            "рамках",
            "качестве",  # «в качестве основы для переговоров»: a role, not a field
            "течение",
            "присутствии",
            "том",
            "целях",
            "связи",
            "начале",
            "конце",
            "середине",
        )
        or word in MONTHS_LOCATIVE
    ):
        return False
    if not any(p.tag.case == "loct" and p.tag.POS in ("NOUN", "ADJF") for p in parses(word)):
        return False
    return not _names_no_field(tokens, k)


def _names_no_field(tokens: list[Token], k: int) -> bool:
    """«в первых числах осени», «в парламенте» after tokens[k] («в»): a time or a body that acts, not
    a field of cooperation (the first noun of the next three words is in `NOT_A_FIELD`)."""
    for t in tokens[k + 1 : k + 4]:
        found = parses(t.text.lower())
        if found and found[0].tag.POS == "NOUN":
            return fold(found[0].normal_form) in NOT_A_FIELD
    return False


def _between_end(tokens: list[Token], k: int) -> int | None:
    """Where «между X и Y» after a document's name ends (exclusive), or None when it is not two parties
    in the instrumental: the words run to a verb, a new subject or punctuation other than a quote."""
    q, saw_and = k + 1, False
    while q < len(tokens) and q - k < 16:
        word = tokens[q].text
        low = word.lower()
        if low == "и":
            saw_and = True
            q += 1
            continue
        if not word[0].isalnum() or is_verbal(word) or low in STOP_WORDS - {"в", "во"}:
            break
        if low in ("в", "во") and _names_no_field(tokens, q):
            break  # «между Украиной и США в парламенте»: where it is debated, not a party
        found = parses(low)
        cased = [p for p in found if p.tag.case]
        if q > k + 1 and cased and all(p.tag.case == "nomn" for p in cased):
            break
        q += 1
    if q == k + 1 or tokens[q - 1].text.lower() == "и":
        return None
    both = any(t.text.lower() in ("двух", "обеих", "обоих") for t in tokens[k + 1 : q])
    return q if saw_and or both else None


def _partner_end(tokens: list[Token], k: int) -> int | None:
    """Where «с Таджикистаном» after a document's name ends (exclusive): one state, capitalised, in
    the instrumental; None otherwise («с возможностью продления», «с 2017 года»)."""
    if k + 1 >= len(tokens) or not tokens[k + 1].text[:1].isupper():
        return None
    found = parses(tokens[k + 1].text.lower())
    if any("Geox" in p.tag and p.tag.case == "ablt" for p in found):
        return k + 2
    return None


def _adjective_plural(tokens: list[Token], head_start: int) -> bool:
    """The adjective right before the noun can only be plural («новые», «двусторонних»)."""
    if head_start == 0:
        return False
    adjectives = [p for p in parses(tokens[head_start - 1].text.lower()) if p.tag.POS in ("ADJF", "PRTF")]
    return bool(adjectives) and all(p.tag.number == "plur" for p in adjectives)


def _enumeration_goes_on(tokens: list[Token], comma: int, after: list[str]) -> bool:
    """«о дружбе, сотрудничестве и …»: after the comma comes another noun in the case of the first."""
    if len(after) < 2 or after[0].lower() not in ("о", "об") or comma + 1 >= len(tokens):
        return False
    nxt = tokens[comma + 1].text
    if not nxt[:1].islower():
        return False
    first = {p.tag.case for p in parses(after[1].lower()) if p.tag.POS == "NOUN"}
    following = {p.tag.case for p in parses(nxt.lower()) if p.tag.POS in ("NOUN", "ADJF")}
    return "loct" in first & following


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in ' \t\u00a0«"„“(—–-':
        i -= 1
    return i < 0 or text[i] in ".!?…\n"
