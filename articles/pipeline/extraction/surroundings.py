"""What the sentences around a document's mention say of it: which states are its parties, on which
day its stage happened (and the day it was signed), and who signed it.

agreements.py finds the documents and joins their mentions; this module reads one mention at a time.
"""

from __future__ import annotations

import re
from collections import Counter

from articles.pipeline.dates import MONTHS_GENITIVE, MONTHS_LOCATIVE, PartialDate
from articles.pipeline.extraction.asides import outside_asides
from articles.pipeline.extraction.countries import CountryHit
from articles.pipeline.extraction.cues import AFTER_SIGNING, awaits_later_stage, cues_in
from articles.pipeline.extraction.document_lists import list_intro
from articles.pipeline.extraction.documents import DOC_NOUN, Mention, cue_word_pos, is_verbal, parses
from articles.pipeline.extraction.entities import OfficialMention
from articles.pipeline.extraction.signing_places import later_signature
from articles.pipeline.extraction.text import SentenceIndex, dates_in

FUTURE = frozenset({"draft", "planned"})
_MONTHS = "|".join(MONTHS_GENITIVE + MONTHS_LOCATIVE)
# What was signed earlier is told as background («Напомним, …», «Ранее …»), not as the article's news.
BACKGROUND = re.compile(r"\b(?:напомним|ранее|прежде|в\s+свое\s+время|в\s+своё\s+время|до\s+этого)\b", re.I)
# The words of signing itself (not of ratifying or approving): whose subject or agent signs.
SIGNING_VERB = re.compile(r"^(?:подпис|заключ|парафир|скрепил)", re.I)
PASSIVE = re.compile(r"(?:подписан|заключ[её]н|парафирован|скреплен)", re.I)
SIGNING_PLANNED = re.compile(r"(?:подпис|заключ|парафир)\w*$", re.I)
# «соглашение … от 26 мая 1993 года»: the date a document is known by is the day it was signed.
DATED_NAME = re.compile(r"\s*(?:,\s*)?(?:(?:с|со)\s+[А-ЯЁ][\w-]+\s+)?(?:от\s+)?(?=\d)")
# What may close a date written as a name: «2024 года», «2024 г.».
ONLY_YEAR_WORD = re.compile(r"\s*(?:года|году|год|г\.?)?\s*")
# «по договору между СССР и США о ликвидации этих типов ракет от 8 декабря 1987 года»: the rest of a
# long name the title stopped short of, then the date the document is known by (a full one only).
DATED_LATER = re.compile(r"(?:\s+[А-ЯЁа-яё-]+){1,6}?\s+от\s+(?=\d)")
# «подписал постановление (указ, распоряжение, закон) о внесении на ратификацию …»: what was signed is
# the act about the document, not the document.
DECREE = re.compile(r"\s+(?:\S+\s+){0,2}?(?:постановлени|указ|распоряжени|закон|приказ|решени)\w*\b", re.I)
# «IDEX-2025», «Армия-2024»: an exhibition or forum named with its year.
EVENT_YEAR = re.compile(r"\b[A-ZА-ЯЁ][\w]+-((?:19|20)\d\d)\b")
# «Тогда же …», «в тот же день»: the time of the sentence before.
THEN = re.compile(r"\b(?:тогда\s+же|в\s+тот\s+же\s+день|в\s+тот\s+день|тогда)\b", re.I)
# «до 2025 года», «к 2030 году»: a term the document runs to, not a day something happened; «вступит в
# силу с 2017 года», «действует с 1 января»: the day its term starts (checked in the 20 characters before).
TERM = re.compile(r"\b(?:до|к|по)\s+$|\b(?:силу|действ\w*)\s+(?:с|со)\s+$", re.I)
# «Финляндия, которая вступила в НАТО в апреле 2023 года, подписала …»: a relative clause about something
# else (no stage of a document in it) dates that, not the document. Not an occasion that took place («в ходе
# визита, который состоялся в октябре 2020 года»): the signing's day is the visit's.
OTHER_CLAUSE = re.compile(
    r",\s*котор\w+\s+(?![^,]*(?:подпис|заключ|ратифи|парафир|денонс|продл|соглашени|договор|документ|"
    r"состоял|прош[её]л|прошл[аио]|проходил))[^,]*$",
    re.I,
)
# «Соглашение заменит договор, заключенный … в апреле 1997 года»: a participle clause that dates the document
# noun before its comma (`_dates_another_document`).
PARTICIPLE_CLAUSE = re.compile(
    r",\s*(?:заключ|подписа|парафирова|ратифицирова|приня|одобр)\w*нн?(?:ый|ая|ое|ые|ого|ой|ому|ым|ую|ых|ом)\b"
    r"[^,;]*$",
    re.I,
)
# «протокол о внесении изменений в соглашение … от 19 декабря 1997 года»: a date after «от» is the one
# a document is known by, not the day of the sentence's event.
KNOWN_BY = re.compile(r"\bот\s+$", re.I)
# Words that date a sentence, resolved or not: when they are there, the article's own day is not the date.
# Not the year of a period («план … на 2019 год»): it dates what is planned, not the sentence.
DATE_WORDS = re.compile(
    rf"\b(?:{_MONTHS}|понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье|сегодня|вчера|"
    r"позавчера|весной|летом|осенью|зимой|(?:прошлом|этом|текущем|прошлого|этого|текущего)\s+(?:году|года|месяце))\b"
    r"|(?<![-\w])(?<!\bна\s)\d{4}\b",
    re.I,
)
# «соглашение … с Канадой»: the partner named right after the document.
PARTNER = re.compile(r"\s+(?:с|со)\s+")
WITH = re.compile(r"(?:^|\s)(?:с|со)\s+$", re.I)
LISTED = re.compile(r"\s*(?:,|,?\s+и)\s+(?:(?:с|со)\s+)?", re.I)  # «с Кубой и Того», «с Кубой, с Того»
# A sentence about what is still to come: an anaphor's stage there is no stage reached yet.
FUTURE_TENSE = re.compile(
    r"\b(?:будет|будут|подпишут|подпишет|планиру\w+|намерен\w*|завтра|хотел\w*|может|могут)\b", re.I
)
EVENT = re.compile(
    r"заседани|встреч|переговор|визит|саммит|форум|совещани|в\s+ходе|в\s+рамках|в\s+завершени|по\s+итогам|"
    r"на\s+полях",
    re.I,
)
# «в дело реализации» Договора …, подписанного …»: a document the event carries out was signed before it.
IMPLEMENTING = re.compile(
    r"(?:реализаци|выполнени|исполнени|соблюдени)\w*\s*[»\"“”]?\s*$|(?:в\s+соответствии\s+с|на\s+основ(?:е|ании)|в\s+развитие)\s+$",
    re.I,
)
REPORTED = re.compile(
    r"\b(?:сообщил\w*|сообщает|сообщают|заявил\w*|написал\w*|пишет|пишут|опроверг\w*|утверждал\w*)\b"
    r"[^.!?]*?(?:,\s*|\s)(?:что|будто)\s",
    re.I,
)
DENIED = re.compile(r"\b(?:опроверг\w*|отрица\w*|опровер\w*)\b", re.I)
EVENT_HAPPENED = re.compile(r"\b(?:прош(?:ло|ла|ел|ёл|ли)|состоял(?:ось|ся|ась|ись)|проходил\w*)\b", re.I)
LOCATIVE_PREPS = frozenset({"в", "во", "на"})
SPEAKER = re.compile(
    r"\b(?:по\s+словам|по\s+мнению|по\s+данным|как\s+(?:сообщил|заявил|отметил)\w*)\s+$", re.I
)
# «из-за американских санкций», «несмотря на давление США»: a state named as a cause or an obstacle
# is no party to the document; nor one whose officials are cited («со ссылкой на должностных лиц США»).
NOT_A_PARTY = re.compile(
    r"(?:\bиз-за|\bнесмотря\s+на|\bвопреки|\bпод\s+давлением|\bсо\s+ссылкой\s+на)\s+(?:[а-яё-]+\s+){0,2}$",
    re.I,
)
# What follows a document's name up to a state it sends something to: «… грузов в Афганистан», «… грузов через
# территорию Казахстана в Афганистан».
DESTINATION = re.compile(r"\s*(?:через\s+(?:территори\w+\s+)?[а-яё-]+\s+)?(?:в|во)\s+", re.I)
CLAUSE_BREAK = re.compile(
    r"[;:«»\"]|,\s*(?:что|чтобы|как|когда|где|котор\w+|но|а|однако|хотя|поскольку|так\s+как)\b", re.I
)
TWO_SIDES = re.compile(r"\b(?:двух|обеих|обоих)\s+(?:стран|государств|сторон)", re.I)


def _distinct(points: list[tuple[int, str]]) -> list[str]:
    return list(dict.fromkeys(iso for _pos, iso in sorted(points)))


def _is_locative(text: str, hit: CountryHit) -> bool:
    before = text[max(0, hit.start - 4) : hit.start].split()
    if not before or before[-1].lower() not in LOCATIVE_PREPS:
        return False
    word = text[hit.start : hit.end].split()[-1].lower()
    cases = {p.tag.case for p in parses(word)}
    return "loct" in cases and "accs" not in cases


def _close_before(date: PartialDate, article_date: PartialDate | None) -> bool:
    """A meeting the article reports as its news happened within days of it, not years before."""
    if article_date is None or not article_date.month or not article_date.day:
        return True
    if date.year is not None and article_date.year is not None and date.year != article_date.year:
        return False
    if not date.day:
        return date.month == article_date.month
    days = (article_date.month - date.month) * 31 + article_date.day - date.day
    return 0 <= days <= 10


class Surroundings:
    def __init__(self, text, hits, officials, organisations, article_date):
        self.text = text
        self.hits = hits
        self.officials = officials
        self.organisations = organisations
        self.article_date = article_date
        self.names: list[tuple[int, int]] = []  # (start, extent end) of every document's name, once read
        self.sentences = SentenceIndex(text)
        self._event_date: PartialDate | None = None
        self._event_date_done = False
        self._parties: dict[int, list[str]] = {}
        # A plural mention with a list of partners («соглашения … с Кубой и Того») → the parties of each
        # further document, by the mention's start (`parties` gives the first).
        self.partners_each: dict[int, list[list[str]]] = {}
        self._listed_with: dict[
            str, str
        ] = {}  # a listed partner → the state the list gave it as the other side

    def sentence_bounds(self, n: int) -> tuple[int, int]:
        return self.sentences.spans[n] if self.sentences.spans else (0, len(self.text))

    def officials_in(self, start: int, end: int) -> list[tuple[OfficialMention, int]]:
        out = []
        for o in self.officials:
            for s, _e in o.spans:
                if start <= s < end:
                    out.append((o, s))
                    break
        return out

    def parties(self, m: Mention) -> list[str]:
        if m.start not in self._parties:
            self._parties[m.start] = self._find_parties(m)
        return self._parties[m.start]

    def _find_parties(self, m: Mention) -> list[str]:
        s_start, s_end = self.sentence_bounds(m.sentence)
        text = self.text
        hits = [
            h
            for h in self.hits
            if s_start <= h.start < s_end
            and not NOT_A_PARTY.search(text[max(s_start, h.start - 40) : h.start])
        ]
        partner = self._partner(m, hits)
        if partner is not None:
            return partner
        # «… меморандума между управлением … Республики Беларусь и Управлением … КНР»
        between = re.search(r"\bмежду\b", text[m.end : s_end])
        if between:
            after = [h.iso for h in hits if h.start >= m.end + between.end()]
            distinct = list(dict.fromkeys(after))
            if len(distinct) >= 2:
                return sorted(distinct[:2])
        # («соглашение о транзите грузов в Афганистан»: where the name's goods go is no party either)
        aside = [h for h in hits if _is_locative(text, h) or self._destination(m, h)]
        points = [(h.start, h.iso) for h in hits if h not in aside]
        located = [(h.start, h.iso) for h in aside]
        points += [(pos, o.country) for o, pos in self.officials_in(s_start, s_end) if o.country]
        points += [(start, iso) for start, _end, iso in self.organisations if s_start <= start < s_end]
        points = self._own_partner(m, hits, points)
        distinct = _distinct(points)
        if len(distinct) > 2:
            # «Россия и Индия подписали соглашение, которое обеспокоило Китай»: the signing clause only.
            lo = min(m.start, m.cue_start) if m.cue_start >= 0 else m.start
            hi = max(m.end, m.cue_end)
            clause_start = max(
                [s_start, *(b.end() + s_start for b in CLAUSE_BREAK.finditer(text[s_start:lo]))]
            )
            nxt = CLAUSE_BREAK.search(text, hi, s_end)
            clause_end = nxt.start() if nxt else s_end
            inside = _distinct([(pos, iso) for pos, iso in points if clause_start <= pos < clause_end])
            told = _distinct(outside_asides(text, s_start, lo, points))
            if len(told) == 2:
                distinct = told
            elif len(inside) >= 2:
                distinct = inside
        if len(distinct) < 2:
            distinct = _distinct(points + located)
        if len(distinct) == 1:
            distinct += self._implied_subject(hits, distinct[0])
        if len(distinct) < 2 and m.sentence > 0 and TWO_SIDES.search(text[m.start : s_end]):
            # «… план сотрудничества между министерствами обороны двух стран»: the two named before.
            for n in range(m.sentence - 1, max(-1, m.sentence - 4), -1):
                p_start, p_end = self.sentence_bounds(n)
                before = [
                    (h.start, h.iso) for h in self.hits if p_start <= h.start < p_end and h.kind != "place"
                ]
                before += [(pos, o.country) for o, pos in self.officials_in(p_start, p_end) if o.country]
                earlier = _distinct(before)
                if len(earlier) == 2 and set(distinct) <= set(earlier):
                    distinct = earlier
                    break
        if not distinct and (intro := list_intro(text, m)) is not None:
            # «… между Кабинетом министров Кыргызстана и правительством Турции подписаны:» over «- Соглашение
            # о …»: the list's opening line names the parties of each item
            opening = [
                (h.start, h.iso) for h in self.hits if intro[0] <= h.start < intro[1] and h.kind != "place"
            ]
            opening += [(pos, o.country) for o, pos in self.officials_in(*intro) if o.country]
            if len(_distinct(opening)) == 2:
                distinct = _distinct(opening)
        return sorted(distinct)

    def _destination(self, m: Mention, hit: CountryHit) -> bool:
        """«соглашение о транзите военных грузов (через территорию Казахстана) в Афганистан»: a state
        the document's name sends something to (accusative after «в»), right after the name."""
        if not DESTINATION.fullmatch(self.text, m.extent_end, hit.start):
            return False
        word = self.text[hit.start : hit.end].split()[-1].lower()
        cases = {p.tag.case for p in parses(word)}
        return "accs" in cases and "loct" not in cases

    def _own_partner(self, m: Mention, hits: list[CountryHit], points: list[tuple[int, str]]):
        """«С Казахстаном соглашение … было подписано в 2013 году, с Белоруссией система ПВО уже
        объединена»: a sentence naming several partners with «с» pairs each with its own clause; the
        document's partner is the one named nearest it, the others are none of its parties."""
        partners = [h for h in hits if WITH.search(self.text, max(0, h.start - 4), h.start)]
        if len({h.iso for h in partners}) < 2:
            return points
        nearest = min(partners, key=lambda h: min(abs(h.start - m.start), abs(h.start - m.extent_end)))
        others = {h.start for h in partners if h.iso != nearest.iso}
        return [(pos, iso) for pos, iso in points if pos not in others]

    def _partner(self, m: Mention, hits: list[CountryHit]) -> list[str] | None:
        """«прекращены соглашение … с Канадой от 1989 года, договор … с Францией …»: the state after «с»
        is one party; the other is the sentence's subject, or else the state the article opens with."""
        after = PARTNER.match(self.text, m.extent_end)
        if not after:
            return None
        partner = next((h for h in hits if h.start == after.end()), None)
        if partner is None:
            return None
        listed = self._listed_after(partner, hits)
        partners = {h.iso for h in hits if WITH.search(self.text, max(0, h.start - 4), h.start)}
        partners |= {h.iso for h in listed}
        subjects = [h.iso for h in hits if h.iso not in partners and h.kind != "place"]
        if not subjects and partner.iso in self._listed_with:
            subjects = [self._listed_with[partner.iso]]  # «… соглашения с Того» after «России с Кубой и Того»
        if not subjects:
            subjects = [h.iso for h in self.hits if h.iso != partner.iso and h.kind != "place"][:1]
        if not subjects:
            return None
        if listed:
            self._listed_with.update((h.iso, subjects[0]) for h in (partner, *listed) if h.iso != subjects[0])
        if m.plural or _may_be_plural(self.text[m.start : m.end].split()[0]):
            # «ратифицировали соглашения … России с Кубой и Того»: one document with each partner
            self.partners_each[m.start] = [
                sorted({h.iso, subjects[0]}) for h in listed if h.iso not in (partner.iso, subjects[0])
            ]
        return sorted({partner.iso, subjects[0]})

    def _listed_after(self, first: CountryHit, hits: list[CountryHit]) -> list[CountryHit]:
        """The states listed after `first`, each joined by a comma or «и»: «с Кубой, Никарагуа и Того»."""
        listed, last = [], first
        for h in sorted(hits, key=lambda h: h.start):
            if h.start < last.end or h is first:
                continue
            if not LISTED.fullmatch(self.text, last.end, h.start):
                break
            listed.append(h)
            last = h
        return listed

    def _implied_subject(self, hits: list[CountryHit], party: str) -> list[str]:
        """«С Пакистаном подписано соглашение»: the other party is the state the article is about —
        when it clearly is about one (named at least twice as often as any other)."""
        if not any(
            h.iso == party
            and re.search(r"(?:^|\s)(?:с|со)\s+$", self.text[max(0, h.start - 4) : h.start], re.I)
            for h in hits
        ):
            return []
        counts = Counter(h.iso for h in self.hits if h.kind != "place")
        ranked = counts.most_common(2)
        if not ranked or ranked[0][0] == party:
            return []
        second = ranked[1][1] if len(ranked) > 1 else 0
        # Named at least three times, more often than any other state and twice as often as the
        # partner: «Правительство России одобрило соглашение с Арменией … С Казахстаном соглашение …
        # было подписано в 2013 году» (Russia 3, Armenia 2, Kazakhstan 1) — the state whose partners
        # the text lists. Twice any other (the rule before) left such a partner with no second party.
        if ranked[0][1] >= 3 and ranked[0][1] > second and ranked[0][1] >= 2 * counts[party]:
            return [ranked[0][0]]
        return []

    def news_day(self) -> PartialDate | None:
        """The article's day; under a dateline without a year, the year of the event it reports when
        the text names one («в ходе выставки IDEX-2025»): the article does give it, there."""
        date = self.article_date
        if date is not None and date.year is None and date.month:
            years = {int(y) for y in EVENT_YEAR.findall(self.text)}
            if len(years) == 1:
                return PartialDate(years.pop(), date.month, date.day)
        return date

    def event_date(self) -> PartialDate | None:
        """The day of the meeting the article reports: «В Минске 15 августа прошло заседание»."""
        if not self._event_date_done:
            self._event_date_done = True
            for s, e in self.sentences.spans:
                chunk = self.text[s:e]
                if BACKGROUND.search(chunk):
                    continue
                if EVENT.search(chunk) or EVENT_HAPPENED.search(chunk):
                    dates = [
                        d
                        for d in dates_in(self.text, s, e, self.article_date)
                        if d.date.month and _close_before(d.date, self.article_date)
                    ]
                    if dates:
                        self._event_date = dates[0].date
                        break
        return self._event_date

    def date(self, m: Mention, news: bool = True) -> PartialDate:
        """The date of the stage this mention reports: the one written nearest its cue (or the
        document), else (`news`) — for what the article reports as its news — the day of the event."""
        s_start, s_end = self.sentence_bounds(m.sentence)
        written = dates_in(self.text, s_start, s_end, self.article_date, ahead=m.status in FUTURE)
        reported = [d for d in written if self._reports_day(m, d)]
        # «… протокол … и план развития сотрудничества в 2012 г.»: a date in another document's name
        named = [d for d in written if any(s <= d.start < e for s, e in self.names if s != m.start)]
        known_by = [
            d for d in written if self._another_documents_date(m, d.start) or d in reported or d in named
        ]
        dates = [
            d
            for d in written
            if not m.start <= d.start < m.extent_end  # «программа … на 2026 год»: its name, not a date
            and not TERM.search(self.text, max(0, d.start - 20), d.start)  # «до 2025 года»: its term
            and not OTHER_CLAUSE.search(self.text, max(s_start, d.start - 120), d.start)
            and not self._dates_another_document(m, d.start, s_start)
            and d not in known_by
            and not self.after_article(d.date, m.status)
        ]
        if not dates and THEN.search(self.text, s_start, s_end) and m.sentence > 0:
            # «Тогда же Токаев и Эрдоган подписали декларацию»: the date the sentence before gave.
            before = dates_in(self.text, *self.sentence_bounds(m.sentence - 1), self.article_date)
            return before[-1].date if before else PartialDate()
        outside_name = self.text[s_start : m.start] + " " + self.text[m.extent_end : s_end]
        terms = [d for d in written if TERM.search(self.text, max(0, d.start - 20), d.start)]
        for d in [*known_by, *terms]:  # (the date it is known by, the term it runs to: no day left open)
            outside_name = outside_name.replace(self.text[d.start : d.end], " ")
        if not dates and DATE_WORDS.search(outside_name):
            return PartialDate()  # «во вторник» under a date without a year: a day the article leaves open
        if dates:
            anchor = (m.cue_start, m.cue_end) if m.cue_start >= 0 else (m.start, m.end)
            nearest = min(dates, key=lambda d: min(abs(d.start - anchor[1]), abs(anchor[0] - d.end)))
            return later_signature(self.text, dates, nearest).date
        if not dates and reported:
            return PartialDate()  # the report's day is given, the signing's is not
        if news and m.status in ("signed", "initialled", *AFTER_SIGNING):
            chunk = self.text[s_start:s_end]
            if BACKGROUND.search(chunk) or not m.cue_is_verb and m.status != "signed":
                return PartialDate()
            if IMPLEMENTING.search(self.text, max(s_start, m.start - 40), m.start):
                return PartialDate()
            if DENIED.search(self.text, s_start, m.start):
                return PartialDate()  # «опроверг информацию о том, что его страна подписала …»: no day of it
            if EVENT.search(chunk) or m.cue_is_verb and not FUTURE_TENSE.search(chunk):
                return self.event_date() or self.news_day() or PartialDate()
        return PartialDate()

    def _reports_day(self, m: Mention, d) -> bool:
        """«21 июля газета … сообщила, что Камбоджа заключила тайное соглашение»: the day of a report
        or a denial the document is told in, not the day it was signed."""
        return d.end <= m.start and bool(REPORTED.search(self.text, d.end, m.start))

    def _case_at(self, pos: int) -> set:
        """The case of the official named at `pos`: that of the head of the title before the name
        («с министром обороны Таджикистана Шерали Мирзо», «визита президента Беларуси Александра
        Лукашенко»), else of the name itself («подписанного Владимиром Путиным и Ким Чен Ыном»)."""
        words = re.findall(r"[\w-]+|[^\w\s]", self.text[max(0, pos - 60) : pos])[-5:]
        head = None
        for w in reversed(words):
            found = parses(w.lower())
            if not w[0].isalnum() or not found or found[0].tag.POS not in ("NOUN", "ADJF"):
                break
            if w[:1].islower() and found[0].tag.POS == "NOUN":
                head = found
        if head:
            return {p.tag.case for p in head}
        name = re.findall(r"[\w-]+", self.text[pos : pos + 40])[:3]
        return {p.tag.case for w in name for p in parses(w.lower())}

    def _signs_after_cue(self, pos: int, active: bool) -> bool:
        """An official after the verb signs when named as its agent (instrumental, «президентом …»),
        as its partner («с министром …») or as its inverted subject (nominative, after an active verb)."""
        cases = self._case_at(pos)
        if "ablt" in cases:
            before = self.text[max(0, pos - 40) : pos].split()
            partner = any(w.lower() in ("с", "со") for w in before[-4:])
            return partner if active else not partner
        return active and "nomn" in cases

    def after_article(self, date: PartialDate, status: str | None) -> bool:
        """A stage the text reports as reached (signed, ratified, in force, …) can't have happened after
        the article that reports it: «утвердили программу … на период с 2026 г.» in an article of
        2025-10-15 gives the programme's term, not its signing. Only a plan or a draft looks ahead.
        Both dates need a year; a date that may still fall on or before the article's day stays."""
        if status in FUTURE or self.article_date is None:
            return False
        earliest, _ = date.bounds()
        _, latest = self.article_date.bounds()
        return earliest is not None and latest is not None and earliest > latest

    def _dates_another_document(self, m: Mention, at: int, s_start: int) -> bool:
        """«Соглашение с Кубой заменит договор, заключенный … в апреле 1997 года»: the date is in a
        participle clause on another document noun (the nearest before the clause's comma), not this one's."""
        clause = PARTICIPLE_CLAUSE.search(self.text, max(s_start, at - 120), at)
        if clause is None:
            return False
        head = self.text[max(s_start, clause.start() - 80) : clause.start()]
        nouns = list(DOC_NOUN.finditer(head))
        if not nouns or "," in head[nouns[-1].start() :]:
            return False
        return max(s_start, clause.start() - 80) + nouns[-1].start() != m.start

    def _another_documents_date(self, m: Mention, at: int) -> bool:
        """A date after «от» that does not follow this mention's own name: another document's."""
        if not KNOWN_BY.search(self.text, max(0, at - 4), at):
            return False
        own = m.extent_end <= at and self.text[m.extent_end : at].strip(" ,") == "от"
        return not own or self._names_another_document(m)

    def _names_another_document(self, m: Mention) -> bool:
        """«протокол о внесении изменений в соглашение …»: a name ending on another document, whose
        date («… от 19 декабря 1997 года») is that document's."""
        return DOC_NOUN.search(self.text, m.end, m.extent_end) is not None

    def name_date(self, m: Mention) -> PartialDate:
        """The date a document is known by, right after its name: «договор 1987 года», «соглашение от
        18 февраля», «договор … о ликвидации этих ракет от 8 декабря 1987 года»."""
        # «соглашения 2024 года»: a name that is nothing but the date it is known by.
        inside = dates_in(self.text, m.end, m.extent_end, self.article_date)
        if (
            inside
            and inside[0].date.year
            and self.text[m.end : inside[0].start].strip() in ("", "от")
            and ONLY_YEAR_WORD.fullmatch(self.text, inside[0].end, m.extent_end)
        ):
            return inside[0].date
        if self._names_another_document(m):
            return PartialDate()
        dated = DATED_NAME.match(self.text, m.extent_end)
        if dated:
            hits = dates_in(self.text, dated.end(), min(len(self.text), dated.end() + 30), self.article_date)
            if (
                hits
                and hits[0].start == dated.end()
                and not self.after_article(hits[0].date, "signed")
                # «договор 1987 года», «соглашение от 18 февраля»; but «ратифицировали соглашение о
                # недрах 8 мая»: a day with no «от» is the day of the sentence's event
                and ("от" in dated.group().split() or hits[0].date.day is None)
            ):
                return hits[0].date
        later = DATED_LATER.match(self.text, m.extent_end)
        if later and not any(is_verbal(w) for w in later.group().split()[:-1]):
            hits = dates_in(self.text, later.end(), min(len(self.text), later.end() + 30), self.article_date)
            if (
                hits
                and hits[0].start == later.end()
                and hits[0].date.year
                and hits[0].date.day
                and not self.after_article(hits[0].date, "signed")
            ):
                return hits[0].date
        return PartialDate()

    def signing_date(self, m: Mention, news: bool = True) -> PartialDate:
        """The day the document was signed, where this mention gives it: the date of its signing
        stage, of a «подписанный …» beside a later stage, or the date it is known by («от 1994 года»)."""
        named = self.name_date(m)
        if named:
            return named
        if m.status in AFTER_SIGNING or awaits_later_stage(m, self.text) or self._signed_in_passing(m):
            s_start, s_end = self.sentence_bounds(m.sentence)
            for status, start, end, _verb in cues_in(self.text, s_start, s_end):
                if (
                    status == "signed"
                    and SIGNING_VERB.match(self.text[start:end])
                    and not DECREE.match(self.text, end)
                ):
                    comma = self.text.find(",", end, s_end)
                    hits = dates_in(
                        self.text,
                        end,
                        min(s_end, end + 150, *([comma] if comma > 0 else [])),
                        self.article_date,
                    )
                    hits = [
                        h
                        for h in hits
                        if not self.after_article(h.date, "signed")
                        and not TERM.search(self.text, max(0, h.start - 20), h.start)
                        and not self._dates_another_document(m, h.start, s_start)
                    ]
                    if hits:
                        return later_signature(self.text, hits, hits[0]).date
            return PartialDate()
        return self.date(m, news) if m.status not in FUTURE else PartialDate()

    def _signed_in_passing(self, m: Mention) -> bool:
        """«Вступление в силу соглашения, заключенного Беларусью и Россией, ожидается к концу года»: a
        document told as signed only by a full participle beside another predicate is dated only inside
        the participle's own phrase, not by the date of what the sentence says."""
        if m.status != "signed" or cue_word_pos(m, self.text) != "PRTF":
            return False
        return bool(SIGNING_VERB.match(self.text[m.cue_start : m.cue_end]))

    def signatories(self, m: Mention) -> list[str]:
        """Who signed, in any voice: the subject of «X и Y подписали», the agent of «был подписан
        президентом …» or «подписанного Владимиром Путиным …», the partner of «подписал … с министром …»
        and the inverted subject of «Документ подписал директор …». Not who ratified or spoke of it."""
        if m.status not in ("signed", "planned", "initialled") or m.cue_start < 0:
            return []
        cue = self.text[m.cue_start : m.cue_end]
        signing = bool(SIGNING_VERB.match(cue) or SIGNING_PLANNED.search(cue))
        if not signing and not m.cue_is_verb:
            return []
        s_start, s_end = self.sentence_bounds(m.sentence)
        nxt = CLAUSE_BREAK.search(self.text, m.cue_end, s_end)
        clause_end = min(nxt.start() if nxt else s_end, m.cue_end + 200)
        names = []
        for o, pos in self.officials_in(s_start, s_end):
            if SPEAKER.search(self.text[max(s_start, pos - 25) : pos]):
                continue  # «По словам Писториуса, Берлин и Киев подписали …»: he tells, they sign
            if pos < m.cue_start:
                # The subject of «подписали», not the speaker of «Вучич напомнил, что … подписали».
                signs = (
                    m.cue_is_verb
                    and m.cue_start - pos < 200
                    and not CLAUSE_BREAK.search(self.text[pos : m.cue_start])
                )
            elif m.cue_end <= pos < clause_end and signing:
                active = m.cue_is_verb and not PASSIVE.match(cue)
                signs = (active and m.cue_end <= pos < m.start) or self._signs_after_cue(pos, active)
            else:
                signs = False
            if signs:
                names.append(o.name)
        return names


def _may_be_plural(word: str) -> bool:
    """«соглашения», «договоры»: a document noun that may be plural (a singular one, «соглашение с
    Кубой и Никарагуа», is one document of three states)."""
    return any(p.tag.number == "plur" for p in parses(word.lower()) if "NOUN" in p.tag)
