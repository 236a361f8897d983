"""What the words around a document say happened to it: signed, planned, initialled, ratified …

The cues are patterns over one sentence; a document takes the nearest one (documents.py finds the
documents, agreements.py joins the two).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from articles.pipeline.extraction.documents import Mention

# Stages in the order a document lives through them: when one text reports it signed and ratified, it
# is ratified; in force and then denounced, it is terminated.
RANK = {
    "other": 0,
    "draft": 1,
    "planned": 2,
    "initialled": 3,
    "signed": 4,
    "ratified": 5,
    "in_force": 6,
    "extended": 7,
    "suspended": 8,
    "terminated": 9,
}
# Stages that say the document was signed before: its date in the text is that of another stage.
AFTER_SIGNING = frozenset({"ratified", "in_force", "extended", "suspended", "terminated"})

_MODAL = (
    r"(?:будет|будут|может\s+быть|могут\s+быть|должен\s+быть|должно\s+быть|должны\s+быть|должна\s+быть|"
    r"планиру\w+|намерен\w*|собира\w+|готов\w*|предлож\w+|предлага\w+|рассчитыва\w+|хот\w+|хотел\w*\s+бы|"
    r"договорил\w+|согласил\w+|согласи[еяю]\s+на|услови\w+|решил\w*|мо[гж]\w*|смо(?:гут|жет|жем|гу)|ожида\w+|предполага\w+|предусматрива\w+|"
    r"нужно|необходимо|следует|стремятся|прид[её]тся|распоряди\w+|поручи\w+|поручено|намечено|"
    r"планируется|предстоит|чтобы)"
)
_LAW_PASSED = (
    r"\b(?:подписа\w*|утверди\w*|утвержд[её]н\w*|приня(?:л|ла|ли|т|ть)\b|одобри\w*|одобрен\w*)"
    # («закон «О ратификации …»»; not «одобрило проект федерального закона «О ратификации …»»: a bill)
    r"\s+(?:(?!проект)\S+\s+){0,3}?закон(?:а|у|ом|е|ы)?\s+(?:\S+\s+){0,2}?[«\"„]?о\s+"
)
SOON = r"(?:в\s+ближайшее\s+время|в\s+ближайшие\s+(?:дни|недели|месяцы)|в\s+скором\s+времени|вскоре|скоро)"
# Bodies whose approval of a signed document ratifies it (the stems, in any case).
LEGISLATURE = (
    r"(?:парламент|госдум|депутат|парламентари|сенатор|сенат|меджлис|маджлис|мажилис|мажлис|кенеш|конгресс|"
    r"сейм|совфед|совет\w*\s+федераци|палат\w*\s+представител|"
    r"национальн\w*\s+собрани|федеральн\w*\s+собрани|верховн\w*\s+рад|скупщин|хурал)"
)
# The term a document's own clause sets for its entry into force: «по истечении 30 дней», «с даты
# получения последнего уведомления», «со дня подписания», «на тридцатый день после …».
_TERM = (
    r"(?:по\s+истечении|через|после|с\s+(?:даты|момента|\S+\s+дня|дня)|со\s+дня|на\s+\S+\s+день|"
    r"в\s+день|в\s+соответствии)"
)
# A vote that approves the ratification: «Совет Федерации одобрил ратификацию договора».
_APPROVES = r"(?:одобрил\w*|поддержал\w*)\s+ратификаци\w*"
# «после выхода из СНГ»: leaving an organisation, not ending a document.
_BLOCS = r"(?:СНГ|ОДКБ|НАТО|ЕАЭС|ОБСЕ|ЕС|ШОС|БРИКС|ООН|Содружеств\w*|Евросоюз\w*|альянс\w*)\b"
# (status, pattern, is a verb whose subject signs). Earlier patterns win where they overlap.
CUES: list[tuple[str, re.Pattern, bool]] = [
    # «Чтобы договор вступил в силу, его должны утвердить …»: entry into force as the condition still
    # to be met: the document stands signed.
    ("signed", re.compile(r"\bчтобы\s+(?:\S+\s+){0,3}?вступ\w+\s+в\s+(?:законную\s+)?силу", re.I), False),
    # Not the document's own rule for it («Соглашение вступает в силу по истечении 30 дней с даты …»):
    # a present tense with the term it waits for tells when it will, not that it did.
    (
        "in_force",
        re.compile(
            r"\bвступ(?:ил|ило|ила|или|ивш\w*|(?:ает|ают)(?!\s+в\s+силу\s+" + _TERM + r"))\s+в\s+"
            r"(?:законную\s+)?силу",
            re.I,
        ),
        False,
    ),
    # «подписание и вступление в силу договора»: the nouns of two stages reached, the later one counts.
    ("in_force", re.compile(r"\b(?:подписани|ратификаци)\w*\s+и\s+вступлени\w*\s+в\s+силу", re.I), False),
    # «подписал закон о ратификации», «Госдума приняла закон о денонсации»: the law that completes the
    # stage is passed or signed (a bill, «законопроект», is not yet; nor a law only submitted).
    ("ratified", re.compile(rf"{_LAW_PASSED}ратифи\w*", re.I), True),
    # «Закон "О ратификации Соглашения …" был подписан президентом»: the law named by its title, then passed.
    (
        "ratified",
        re.compile(
            r"\bзакон(?:а|у|ом|е|ы)?\s+[«\"„]?\s*о\s+ратифи\w*(?=[^.!?]{0,300}?\s(?:был\w*\s+)?"
            r"(?:подписан|принят|утвержд[её]н)\b)",
            re.I,
        ),
        False,
    ),
    # «мажилис одобрил проект закона «О ратификации соглашения …»»: a legislature passing the bill is
    # the vote that ratifies (as a Duma vote is); not a vote in a first reading, nor a bill only submitted.
    (
        "ratified",
        re.compile(
            rf"\b{LEGISLATURE}\w*\s+(?:(?!\S*чтени)\S+\s+){{0,5}}?(?:одобрил|принял|утвердил|поддержал)\w*"
            r"\s+(?:(?!\S*чтени)\S+\s+){0,2}?(?:законопроект\w*|проект\w*\s+закона)\s+[«\"„]?\s*о\s+ратифи\w*",
            re.I,
        ),
        True,
    ),
    # «Ратификация договора … принята депутатами Сената», «принята ратификация»: the vote is taken (the
    # nominative noun only: «проект закона о ратификации … одобрен правительством» is not yet).
    (
        "ratified",
        re.compile(
            r"\bратификация\s+(?:[^\s,.;:!?]+\s+){0,10}?(?:принят[аы]?|одобрен[аы]?)\b|"
            r"\b(?:принят[аы]|одобрен[аы])\s+ратификация\b",
            re.I,
        ),
        False,
    ),
    ("terminated", re.compile(rf"{_LAW_PASSED}денонс\w*", re.I), True),
    ("suspended", re.compile(rf"{_LAW_PASSED}приостан\w*", re.I), True),
    (
        # A later stage still to come («законопроект о ратификации», «намерены денонсировать»): the
        # document stands signed, the ratification or denunciation has not happened.
        "signed",
        re.compile(
            r"\b(?:(?:будет|будут|может|могут|должн\w+|планиру\w+|намерен\w*|собира\w+|предлага\w+|"
            r"предложил\w*|необходим\w*|нужн\w+|предстоит|рассмотр\w+|обсуд\w+|внес\w*)\s+(?:\S+\s+){0,4}?|"
            r"(?:законопроект\w*|закон\w*|проект\w*)\s+(?:\S+\s+){0,2}?о\s+)"
            r"(?:ратифи|денонс|продл|пролонг|приостан)\w*",
            re.I,
        ),
        False,
    ),
    (
        "terminated",
        re.compile(
            r"\b(?:денонс\w+|расторг\w*|растор[гж]\w+|разорва\w*|разорв[её]\w*|разрыва(?:ет|ют|ть|л\w*)\b|"
            r"прекра(?:тил|тила|тило|тили|щен|щена|щено|щены|щени\w)\w*(?:\s+(?:свое|своё|его|их))?"
            r"(?:\s+действи\w+)?|"
            # («а не о выходе из договора», «не вышла из договора»: no withdrawal)
            r"(?<!\bне\s)(?<!\bне\sо\s)(?:выш(?:ел|ла|ло|ли)|выход\w*)\s+из(?!\s+(?:состава\s+)?"
            + _BLOCS
            + r"))",
            re.I,
        ),
        True,
    ),
    # A decision that ends it, in the infinitive it rules: «решено прекратить действие соглашения»,
    # «разрешило Минобороны прекратить действие договоров», a decree's own «Прекратить соглашение …»
    # (as a government's decision to denounce is the denunciation).
    (
        "terminated",
        re.compile(
            r"\b(?:решен[оа]?|решил\w*|разрешил\w*|разрешить|постановил\w*|постановлено)\s+"
            r"(?:[^\s.!?;]+\s+){0,3}?прекратить\b|(?:^|[«\"„:]\s*)прекратить\b",
            re.I | re.M,
        ),
        True,
    ),
    ("suspended", re.compile(r"\bприостан(?:ов|авлив)\w*", re.I), True),
    (
        "extended",
        re.compile(r"\b(?:продли\w*|продл[её]н\w*|продлени\w+|продлева\w+|пролонгир\w+|пролонгаци\w+)", re.I),
        True,
    ),
    # «ратифицировали», «ратифицирован»; the noun only in «проголосовали за ратификацию»: «ратификация
    # обеспечит правовую основу» speaks of a signed document still waiting for it.
    # Not «ратифицирует» / «ратифицируют»: the verb is both aspects, so its present may be a future —
    # the document stands signed, its ratification still to come.
    (
        "ratified",
        re.compile(r"\bратифиц(?!ирова(?:ть|ния)|иру(?:ет|ют)\b)\w*ир\w+|\bза\s+ратификаци\w+", re.I),
        True,
    ),
    # «Спасибо всем 338 депутатам, проголосовавшим за это соглашение», «Рада проголосовала за договор»:
    # a legislature voting for the document itself ratifies it (as voting for its ratification does).
    (
        "ratified",
        re.compile(
            rf"\b{LEGISLATURE}\w*[\s,]+(?:[^\s.!?]+\s+){{0,3}}?проголосова\w*\s+за\s+(?:\S+\s+){{0,2}}?"
            r"(?:соглашени|договор|меморандум|протокол|документ)\w*",
            re.I,
        ),
        True,
    ),
    # «протокол об обмене грамотами о ратификации соглашения»: both sides have ratified it.
    ("ratified", re.compile(r"\bграмот\w*\s+(?:\S+\s+){0,1}?о\s+ратификаци\w*", re.I), False),
    # A legislature's committee approving the ratification recommends it to the chamber: not yet
    # («комитет Совета Федерации поддержал ратификацию»); the chamber's own vote ratifies.
    ("signed", re.compile(rf"\bкомитет\w*\s+(?:\S+\s+){{0,6}}?{_APPROVES}", re.I), False),
    ("ratified", re.compile(rf"\b{LEGISLATURE}\w*\s+(?:\S+\s+){{0,3}}?{_APPROVES}", re.I), True),
    ("signed", re.compile(r"\bратифи\w+", re.I), False),
    # «Парламент Ирана утвердил договор», «парламентарии утвердили соглашение», «Документ был принят
    # Жогорку Кенешем»: a legislature's approval of a signed document is its ratification (a
    # government's approval is not: it comes before).
    (
        "ratified",
        re.compile(
            rf"\b{LEGISLATURE}\w*\s+(?:[^\s,.;:!?]+\s+){{0,4}}?(?:утвердил\w*|одобрил\w*)|"
            rf"\b(?:утвержд[её]нн?\w*|одобренн?\w*|принят(?:ый|ая|ое|ого|ой|а|о)?)\s+(?:\S+\s+){{0,3}}?"
            rf"{LEGISLATURE}",
            re.I,
        ),
        True,
    ),
    ("initialled", re.compile(r"\bпарафир\w+", re.I), True),
    (
        "planned",
        re.compile(
            rf"\b{_MODAL}\s+(?:\w+\s+){{0,4}}(?:подписа\w*|заключ\w+|приня\w+|приним\w+|утверд\w+|"
            r"одобр\w+|парафир\w+|подготовить|завершить)",
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
            r"\bподписани\w*\s+(?:(?:\S+\s+){0,6}?|(?:[^\s,.;:!?]+\s+){7,12}?)(?:запланирован\w*|состоится|пройд[её]т|"
            r"ожида\w+|намечен\w*|поручен\w*|поручил\w*|состояться)",
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
    ("planned", re.compile(r"\bк\s+подписанию\b|\bна\s+подпись\b", re.I), False),
    # «Основной задачей визита станет (будет, должно стать) подписание соглашения», «примером … станет, как заметил министр,
    # подписание плана», «подписание договора станет шагом …»: a signing the future copula speaks of.
    (
        "planned",
        re.compile(
            r"\b(?:стан(?:ет|ут)|стать|будет|будут)\s*(?:,[^,.;:!?]{1,60},\s*)?(?:\S+\s+){0,2}?подписани\w*|"
            r"\bподписани\w*\s+(?:[^\s,.;:!?]+\s+){0,8}?стан(?:ет|ут)\b",
            re.I,
        ),
        False,
    ),
    # «прилетит в Пекин для подписания», «о предстоящем (грядущем) подписании», «назвал срок подписания»,
    # «рассмотрели возможность разработки меморандума»: a signing (or a drafting) something is done for,
    # awaited, set a term or only considered.
    (
        "planned",
        re.compile(
            r"\b(?:для|ради)\s+подписани\w*|\b(?:предстоящ|грядущ)\w*\s+(?:\S+\s+){0,4}?подписани\w*|"
            r"\bсрок(?:а|и|ов|ах)?\s+подписани\w*|"
            r"\bвозможност\w*\s+(?:\S+\s+){0,1}?(?:разработ|подписа|заключ)\w*",
            re.I,
        ),
        False,
    ),
    (
        # «подписание в ближайшее время соглашения», «вскоре подписание»: a signing still to come.
        "planned",
        re.compile(
            rf"\bподписани\w*\s+(?:\S+\s+){{0,2}}?{SOON}|{SOON}\s+(?:\S+\s+){{0,2}}?подписани\w*",
            re.I,
        ),
        False,
    ),
    (
        # «решение о подписании», «предложение правительства о подписании»: a signing decided, not done.
        "planned",
        re.compile(
            r"\b(?:решени\w*|предложени\w*|распоряжени\w*|поручени\w*|договор[её]нност\w*|намерени\w*)"
            r"\s+(?:\S+\s+){0,3}?о\s+подписани\w*",
            re.I,
        ),
        False,
    ),
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
            r"заключ[её]но|заключ[её]ны|принял|приняла|приняло|приняли|принят|принята|принято|приняты|"
            r"утвердил|утвердила|"
            r"утвердили|утвержд[её]н\w*|одобрил\w*|одобрен\w*|скрепил\w*|подписавш\w+|"
            # «США и Россия договорились о рабочем плане …»: the document itself agreed (not «договорились
            # о подписании плана»: a signing to come; only adjectives before the document noun)
            r"договорил(?:ись|ся|ась)(?=\s+об?\s+(?:[а-яё-]+(?:ом|ем|ой|ей|ых|их)\s+){0,3}?"
            r"(?:план|программ|соглашени|меморандум|протокол|договор|дорожн\w+\s+карт|контракт)\w*\b))\b",
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
    # «документ, подписи под которым должны поставить лидеры»: signatures still to be put.
    (
        "planned",
        re.compile(
            r"\bподпис(?:и|ь)\s+под\s+(?:\S+\s+){0,2}?(?:должн\w*|будут|будет|смогут|могут|предстоит)\s+"
            r"(?:\S+\s+){0,1}?постав\w+",
            re.I,
        ),
        False,
    ),
    ("signed", re.compile(r"\bподписи\s+под\b|\bподписани\w*", re.I), False),
    ("draft", re.compile(r"\b(?:разработ\w+|согласова\w+|подготов\w+|доработ\w+)", re.I), False),
]
PARTICIPLE_CUES = re.compile(
    r"^(?:подписанн|заключ[её]нн|принят|утвержд[её]нн|парафированн|ратифицированн|согласованн|одобренн)",
    re.I,
)


# «законопроект о ратификации соглашения», «рекомендовал ратифицировать соглашение», «постановление о
# внесении на ратификацию»: the document stands signed (the cue above), and the sentence's date is the
# day of that later step, not of the signing.
LATER_STEP = re.compile(r"(?:ратифи|денонс|продл|пролонг|приостан)\w*$", re.I)


def awaits_later_stage(m: Mention, text: str) -> bool:
    """Signed, as read from a sentence about a later stage still to come (see `LATER_STEP`, `TO_COME`)."""
    return m.cue_start >= 0 and _to_come((m.status, m.cue_start, m.cue_end, m.cue_is_verb), text)


# Between two verbs of one subject: «… ратифицирован парламентами двух стран и вступил в силу».
COORDINATED = re.compile(r"[^,;:.!?]{0,60}\s+и\s+", re.I)
OF_DRAFT = re.compile(r"\bпроект\w*\s*,?\s*$", re.I)
NEGATED = re.compile(r"\bне\s+(?:был\w*\s+)?$", re.I)
# «Соглашение должно быть одобрено парламентом», «будет утвержден сенатом»: a later stage still to come
# (as «должно быть ратифицировано» is): the document stands signed at most.
TO_COME = re.compile(
    r"\b(?:должн\w*|будет|будут|может|могут|предстоит)\s+(?:\S+\s+){0,1}?(?:быть\s+)?$", re.I
)
READING = re.compile(r"\s+(?:\S+\s+){0,2}?во?\s+(?:первом|втором)\s+чтени", re.I)


# What a document provides for, not what happened to it: «с возможностью (его) автоматического продления»,
# «право на выход из договора», «последующего продления на 25-летние периоды».
PROVISION = re.compile(
    r"(?:возможност\w*|прав\w*\s+на|автоматическ\w*|последующ\w*)\s+(?:\S+\s+){0,2}$", re.I
)


# The stage `extended` needs the document as the thing extended («соглашение продлено», «продлили
# договор», «продление срока действия договора»). Not when the document does the extending (an active
# participle: «соглашение …, продлевающее срок пребывания базы») nor when what is extended is the term
# of something else, named right before or after the verb: «общий срок размещения базы продлен», «по
# новому соглашению срок продлен» (the document's own term is «срок действия», «срок которого»),
# «продлить пребывание базы», «продлевает срок аренды» (only «срок действия» is the document's own).
EXTENDING_AGENT = re.compile(r"^(?:продлева|продливш|пролонгирующ|пролонгировавш)", re.I)
OTHER_TERM_BEFORE = re.compile(
    r"\bсроки?\s+(?!действи|котор|его\b|е[её]\b|их\b)(?:[^\s,.;:!?]+\s+){0,5}$|"
    r"\b(?:пребывание|размещение|присутствие|аренда)\s+(?:[^\s,.;:!?]+\s+){0,4}$",
    re.I,
)  # the subject in the nominative: «соглашение о пребывании базы продлено» is the document extended
OTHER_TERM_AFTER = re.compile(
    r"^\s+(?:[а-яё]+\s+)?(?:срок\w*\s+(?!действи)[а-яё]|пребывани|размещени|присутстви|аренд)", re.I
)


def _extends_another(chunk: str, start: int, end: int) -> bool:
    """An extension cue at chunk[start:end] that is not a stage of a document (see above)."""
    return bool(
        EXTENDING_AGENT.match(chunk[start:end])
        or OTHER_TERM_BEFORE.search(chunk[max(0, start - 80) : start])
        or OTHER_TERM_AFTER.match(chunk[end : end + 40])
    )


# A plural participle set off by a comma qualifies the noun before the comma: «Соглашение является
# результатом обязательств, принятых на саммите в июле 2023 года» — the commitments were adopted, not
# the document. Only when that noun names no document («документов, подписанных …» stays a cue).
PLURAL_PARTICIPLE = re.compile(r"\w+(?:ых|ыми)$", re.I)
QUALIFIED_NOUN = re.compile(r"([а-яё]+)\s*,\s*$", re.I)


def _qualifies_another_noun(chunk: str, start: int, end: int) -> bool:
    from articles.pipeline.extraction.documents import DOC_NOUN  # documents imports this module

    if not PLURAL_PARTICIPLE.fullmatch(chunk, start, end):
        return False
    noun = QUALIFIED_NOUN.search(chunk, max(0, start - 40), start)
    if noun is None:
        return False
    word = noun.group(1)
    return not (DOC_NOUN.match(word) or word.lower().startswith("документ"))


def cues_in(text: str, start: int, end: int) -> list[tuple[str, int, int, bool]]:
    chunk = text[start:end]
    found: list[tuple[str, int, int, bool]] = []
    for status, pattern, verb in CUES:
        for m in pattern.finditer(chunk):
            s, e = start + m.start(), start + m.end()
            if any(s < fe and fs < e for _st, fs, fe, _v in found):
                continue
            if not verb and _qualifies_another_noun(chunk, m.start(), m.end()):
                continue
            if status in ("extended", "terminated") and PROVISION.search(
                chunk[max(0, m.start() - 40) : m.start()]
            ):
                continue  # «действует 49 лет с возможностью его автоматического продления»: a term, no stage
            if status == "extended" and _extends_another(chunk, m.start(), m.end()):
                continue
            if status == "signed" and OF_DRAFT.search(chunk, max(0, m.start() - 16), m.start()):
                found.append(("draft", s, e, verb))  # «его проект, одобренный правительством»: the draft
                continue
            if status == "ratified" and READING.match(chunk, m.end()):
                found.append(("signed", s, e, verb))  # «утвердил в первом чтении»: the vote is not final
                continue
            if RANK[status] >= RANK["ratified"] and TO_COME.search(chunk, max(0, m.start() - 30), m.start()):
                found.append(("signed", s, e, verb))  # «должно быть одобрено парламентом»: still to come
                continue
            if RANK[status] >= RANK["initialled"] and NEGATED.search(
                chunk, max(0, m.start() - 12), m.start()
            ):
                found.append(("planned", s, e, verb))  # «до сих пор не подписан»: still to come
                continue
            found.append((status, s, e, verb))
    if any(TO_SIGN.fullmatch(text, fs, fe) for _st, fs, fe, _v in found):
        # «Правительство одобрило соглашение и представит его на подпись»: approved for signing, which
        # is still to come — not a government's approval of a signed document.
        found = [
            ("planned", fs, fe, v) if st == "signed" and APPROVAL.match(text, fs) else (st, fs, fe, v)
            for st, fs, fe, v in found
        ]
    approvals = [
        c for c in found if c[0] == "signed" and c[3] and GOVERNMENT_APPROVES.search(text, start, c[2])
    ]
    if approvals and not any(
        c not in approvals and RANK[c[0]] >= RANK["signed"] and not _to_come(c, text) for c in found
    ):
        # «Правительство одобрило протокол, согласно которому …»: one side's government approves the text
        # before it is signed; with nothing else in the sentence saying it was signed, it is a draft.
        found = [("draft", *c[1:]) if c in approvals else c for c in found]
    return found


def _to_come(cue: tuple[str, int, int, bool], text: str) -> bool:
    """«signed» read only from a later stage still to come («срок будет продлен», «должно быть
    ратифицировано»): no word that the signing happened."""
    return cue[0] == "signed" and bool(
        LATER_STEP.search(text[cue[1] : cue[2]]) or TO_COME.search(text, max(0, cue[1] - 30), cue[1])
    )


# A government (not a legislature) as the subject of the approval cue just after it.
GOVERNMENT_APPROVES = re.compile(
    r"\b(?:правительств|кабмин|кабинет\w*\s+министр|совмин|совет\w*\s+министр)\w*\s+"
    r"(?:[^\s,.;:!?]+\s+){0,3}?(?:одобрил|одобрила|одобрило|одобрили)\Z",
    re.I,
)
TO_SIGN = re.compile(r"к\s+подписанию|на\s+подпись", re.I)
APPROVAL = re.compile(r"(?:одобр|утвержд|утверди)", re.I)


# An act of one side that may name a document it is about: «подписал распоряжение о проведении
# переговоров о заключении соглашения», «подписал указ о …».
_ACT = re.compile(
    r"\b(?:постановлени|указ|распоряжени|приказ|директив|поручени)\w*\s+(?:\S+\s+){0,2}?об?\b", re.I
)


# The act a signing verb takes as its object right after it: «подписал указ «о безвизе»».
_ACT_OBJECT = re.compile(
    r"\s+(?:[а-яё-]+\s+)?(?:постановлени|указ|распоряжени|приказ|директив|закон)\w*\b", re.I
)


def _signs_an_act_about(cue: tuple[str, int, int, bool], m: Mention, text: str) -> bool:
    """The signing verb's object is a decree naming the document, not the document: what was signed is
    the decree («Премьер подписал распоряжение о переговорах о заключении соглашения …»); or, after the
    document, a decree of its own («Необходимость заключения такого договора возникла после того, как
    президент подписал указ …»)."""
    if cue[0] != "signed":
        return False
    if 0 <= m.start - cue[2] <= 200 and _ACT.search(text, cue[2], m.start):
        return True
    return cue[1] >= m.end and bool(_ACT_OBJECT.match(text, cue[2]))


def _finite(cue: str) -> bool:
    """Is the cue's last word a finite verb («ратифицировал»), not a noun («о денонсации»)?"""
    from articles.pipeline.nlp import morph

    words = re.findall(r"[а-яё]+", cue.lower())
    return bool(words) and any(p.tag.POS == "VERB" for p in morph().parse(words[-1])[:1])


def bind_cue(m: Mention, cues: list[tuple[str, int, int, bool]], text: str) -> None:
    """The nearest cue of the sentence tells the status; a participle already read stays unless the
    verb goes further («Подписанный в мае меморандум вступил в силу»). A draft stays a draft."""
    # «Соглашение по продлению срока размещения базы … будет подписано», «протокол о прекращении
    # действия договора»: a stage word inside the document's own name says what it is about, not what
    # happened to it.
    cues = [c for c in cues if not m.end <= c[1] < m.extent_end and not _signs_an_act_about(c, m, text)]
    if not cues:
        return
    if m.status == "draft":
        # «парафировали проект соглашения»: initialling is done to a draft, and is its next stage.
        near = [c for c in cues if c[0] == "initialled" and min(abs(c[1] - m.end), abs(m.start - c[2])) < 80]
        if near:
            m.status, m.cue_start, m.cue_end, m.cue_is_verb = near[0]
        return
    best = min(cues, key=lambda c: min(abs(c[1] - m.end), abs(m.start - c[2])))
    if min(abs(best[1] - m.end), abs(m.start - best[2])) > 160:
        return
    if m.status is not None and RANK[best[0]] <= RANK[m.status]:
        return
    # «соглашение, подписанное в январе 2023 года, вступило в силу»: the participle says which
    # document, the verb what became of it.
    # And before it: «решено прекратить действие подписанного в феврале 1995 года соглашения».
    if best[0] == "signed" and not best[3]:
        later = [c for c in cues if c[1] > best[2] and c[0] in AFTER_SIGNING and c[1] - best[2] < 160]
        earlier = [c for c in cues if c[2] <= best[1] and c[0] in AFTER_SIGNING and best[1] - c[2] < 160]
        if later:
            best = later[0]
        elif earlier and best[2] <= m.start:
            best = max(earlier, key=lambda c: c[2])
        elif before_noun := [c for c in earlier if c[2] <= m.start and _finite(text[c[1] : c[2]])]:
            # «парламент ратифицировал … соглашение, заключенное в декабре 2006 года»: the participle
            # after the noun says which document, the verb before it what became of it
            best = max(before_noun, key=lambda c: c[2])
    # «ратифицирован парламентами двух стран и вступил в силу»: coordinated verbs, the later stage.
    for other in sorted(cues, key=lambda c: c[1]):
        if (
            other[1] > best[2]
            and RANK[other[0]] > RANK[best[0]]
            and COORDINATED.fullmatch(text[best[2] : other[1]])
        ):
            best = other
    m.status, m.cue_start, m.cue_end, m.cue_is_verb = best[0], best[1], best[2], best[3]
