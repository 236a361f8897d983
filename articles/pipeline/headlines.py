"""The block above an article's text: its headline, what stands around it, and where the dateline is.

Pure. A headline is a short first line without a final period, followed by the body; above and
below it a rubric, a byline and timestamp lines may stand (`read_preamble` takes them out). The
wire dateline opens the first paragraph, or one under a subtitle or two.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from articles.pipeline.cleaning import HEADLINE_MAX, LIST_MARKER, is_byline, is_rubric, wrap_width
from articles.pipeline.datelines import find_date_line, find_publication_line, lookup_outlet, split_dateline
from articles.pipeline.dates import PartialDate
from articles.pipeline.furniture import BULLET, HEAD_LINES
from articles.pipeline.page_labels import is_field_label
from articles.pipeline.page_rubrics import is_section_pair

TITLE_LENGTH = 100  # derived titles are cut at a word boundary around this many characters


# --- the headline ---------------------------------------------------------------------------------------


def _headline(lines: list[str], width: int | None) -> str | None:
    """The first line when it is a headline: short, no final period, followed by the body."""
    first, rest = lines[0], lines[1:]
    following = next((s for s in rest if s), None)
    if following is None or len(first) > HEADLINE_MAX or len(first.split()) < 2:
        return None
    if first.endswith((".", ",", ":", ";", "—", "–", "-", "(")) or LIST_MARKER.match(first):
        return None
    if split_dateline(first, {}) is not None or _TELLING_END.search(first):
        return None  # «… министрами обороны Казахстана и Таджикистана, сообщает» over «Kazpravda.kz …»: a wrapped lead
    blank_after = rest[:1] == [""]
    if blank_after:
        return first
    if not (following[0].isupper() or following[0] in "«\"'(–—-" or following[0].isdigit()):
        return None  # the next line continues a sentence: the first line is wrapped lead
    if width is not None and len(first) >= 0.7 * width and len(following) >= 0.7 * width:
        return None  # two full lines of a hard-wrapped lead
    return first


# A line ending on a verb of telling, its outlet on the next line: a lead wrapped there, never a headline.
_TELLING_END = re.compile(
    r"(?<![\w-])(?:сообщает|сообщают|пишет|пишут|переда[её]т|передают|информирует|уточняет)$", re.IGNORECASE
)
# A numeric date (and time) run into the headline's start: «13.02.2014 Россия продаст …».
_DATE_BEFORE = re.compile(
    r"^(?P<d>(?:\d{1,2}:\d{2},?\s+)?\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2}(?:,?\s+\d{1,2}:\d{2})?):?\s+(?P<rest>[А-ЯЁA-Z«\"]\S*(?:\s+\S+){2,})$"
)
# A numeric date (and time) run onto the headline's end: «… и короля Марокко 16.03.2016».
_DATE_AFTER = re.compile(
    r"^(?P<rest>[А-ЯЁA-Z«\"]\S*(?:\s+\S+){2,}?)\s+(?P<d>\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2}(?:,?\s+\d{1,2}:\d{2})?)$"
)
# A day and an abbreviated month (a site's date badge) run into the headline: «02 Окт Россия начинает …».
# A headline that opens with its own date writes the month in full («9 мая в Москве …»).
_BADGE_BEFORE = re.compile(
    r"^(?P<d>\d{1,2}\s+(?i:янв|фев|мар|апр|июн|июл|авг|сен|окт|ноя|дек))\s+(?P<rest>[А-ЯЁA-Z«\"]\S*(?:\s+\S+){2,})$"
)
# A media marker after the headline: «… в сфере ОПК. ФОТО», «… (ВИДЕО)», «…: фото», «… / Фото».
_MEDIA_MARK = re.compile(
    r"(?:\s*[.:,]\s*|\s*[—–-]\s+|\s+/\s*|\s+(?=[(\[]))[(\[]?(?i:фото|видео|аудио|инфографика)"
    r"(?:\s*(?:и|\+|,)\s*(?i:фото|видео))?[)\]]?$"
    r"|\s+[(\[]?(?:ФОТО|ВИДЕО)(?:\s*(?:И|\+)\s*(?:ФОТО|ВИДЕО))?[)\]]?$"
)
# A translated article's headline with the foreign paper and its country after it, in brackets.
# The paper is quoted or written in Latin letters: «(Белоруссия, Россия)» after a headline is no credit.
_FOREIGN_PAPER = re.compile(
    r"\s+\(\s*(?:[\"«“][^()\"«»“”,]{2,40}[\"»”]|[A-Z][A-Za-z.&'-]*(?:\s+[A-Za-z.&'-]+){0,4})\s*,\s*(?P<c>[^(),]{2,25}?)\s*\)$"
)


def _a_country(word: str) -> bool:
    """«США», «Великобритания», «Франция»: a state's abbreviation or a place name (the analyser's Geox)."""
    from articles.pipeline.nlp import morph

    word = word.strip()
    if re.fullmatch(r"[А-ЯЁA-Z]{2,4}", word):
        return True
    return all(any("Geox" in p.tag for p in morph().parse(w)) for w in word.split())


# «… Индии. Видеорепортаж Марии Нетребенко»: a video or photo report and its author after the headline.
_REPORT_BY = re.compile(
    r"[.:]\s+(?i:(?:видео|фото)?(?:репортаж|сюжет))\s+[А-ЯЁ][а-яё-]+(?:\s+[А-ЯЁ][а-яё-]+)?$"
)
# A counter (comments, views) run into the headline's last word: «…в военной сфере19».
_COUNTER_GLUED = re.compile(r"(?<=[а-яё]{3})\d{1,6}$")


_HEADLINE_STAMP_LEAD = re.compile(
    r"^(?P<h>[А-ЯЁA-Z«\"][^.!?]{15,200}?[а-яёa-zА-ЯЁA-Z»\")])(?P<d>\d{1,2}\s+[А-Яа-яЁё]{3,9}\s+(?:19|20)\d{2}"
    r"(?:,?\s+\d{1,2}:\d{2})?)(?:\s*\((?:GMT|UTC)\s*[+-]\s*\d{1,2}\)|\s*(?:GMT|UTC))?\s+(?P<rest>\S.{40,})$",
    re.DOTALL,
)


def split_glued_date(line: str) -> tuple[PartialDate, str] | None:
    """A first line that runs a page's date into the headline, before or after it → (the date,
    the headline)."""
    for pattern in (_DATE_BEFORE, _DATE_AFTER):
        match = pattern.match(line)
        date = find_date_line(match["d"]) if match else None
        if date is not None and date.year:
            return date, match["rest"]
    badge = _BADGE_BEFORE.match(line)
    date = find_date_line(badge["d"]) if badge else None
    return (date, badge["rest"]) if date is not None else None


def without_counter(headline: str) -> str:
    """The headline without a comment or views count glued to its last word (a number never
    follows a lowercase word without a space in a headline; «Су-35», «T-72» keep theirs)."""
    return _COUNTER_GLUED.sub("", headline)


# «| КОРАБЛИ … ПОСЕТЯТ ПОРТЫ …»: a table cell's border or a list bullet copied before the headline.
_LEADING_BAR = re.compile(r"^(?:[|•·]\s*)+(?=\w|«|\")")


def without_marks(headline: str) -> str:
    """The headline without what a site hangs on it: a table bar or a bullet before it, a glued
    counter, a media marker («. ФОТО»)."""
    headline = _LEADING_BAR.sub("", headline)
    headline = _REPORT_BY.sub("", headline).strip() or headline
    foreign = _FOREIGN_PAPER.search(headline)
    if foreign and _a_country(foreign["c"]):
        headline = headline[: foreign.start()].strip() or headline  # «… на Кубу ("El Nuevo Herald", США)»
    return _MEDIA_MARK.sub("", without_counter(headline)).strip() or headline


def split_title_lead(title: str) -> tuple[str, str | None]:
    """A scraped title that holds the headline and the lead («Стороны подписали соглашение. В
    Хараре прошли переговоры …»): a headline never closes with a period, so a title that does and
    holds more than one sentence is (its first sentence, the rest)."""
    from razdel import sentenize

    if not title.endswith("."):
        return title, None
    sentences = [s.text for s in sentenize(title)]
    if len(sentences) < 2 or len(sentences[0].split()) < 4:
        return title, None
    first = sentences[0].rstrip(".")
    return first, title[len(sentences[0]) :].strip()


def derive_title(lead: str, limit: int = TITLE_LENGTH) -> str:
    """A short title from the lead: its first sentence, cut at a word boundary near `limit`."""
    from razdel import sentenize

    lead = " ".join(lead.split())
    sentence = next((s.text for s in sentenize(lead)), lead).strip()
    sentence = sentence.lstrip("-–—• ").strip()
    if len(sentence) <= limit + 10:
        return sentence.rstrip(".").strip() or sentence
    cut = sentence[: limit + 1]
    if " " in cut:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(' ,;:—–-(«"') + "…"


PREAMBLE_LINES = 8  # lines above the text looked at for a rubric, headline, byline and dates


def read_preamble(
    lines: list[str], outlets: Mapping[str, str], want_headline: bool
) -> tuple[str | None, PartialDate | None, str | None]:
    """The block above the text, taken out of `lines`: (headline, publication date, outlet).

    Rubrics (`ПОЛИТИКА`, `Рубрика: В мире`) and fields that lost their value (`Дата:`) go above the headline, bylines (`Текст: Иван Горин`)
    below it, timestamp and issue lines anywhere; a subtitle stays as the body's first paragraph.
    A line that is only a known outlet's name names the source.
    """
    headline, line_date, outlet = None, None, None
    seen, index = 0, 0
    while index < len(lines) and seen < PREAMBLE_LINES:
        line = lines[index]
        if not line:
            index += 1
            continue
        seen += 1
        if (
            want_headline
            and headline is None
            and index == _first_text(lines)
            and _blurb_over_headline(lines, index)
        ):
            del lines[index]  # «Авиационный кластер – это объединение …» over the headline: the site's blurb
            continue
        dateline = split_dateline(line, outlets) if len(line) <= HEADLINE_MAX else None
        if dateline is not None and dateline[1] is None and dateline[2] and not dateline[3]:
            index += 1  # «Дамаск – САНА» alone on its line: the page's date line may stand under it
            continue
        if len(line) > HEADLINE_MAX and headline is None and index == _first_text(lines):
            glued = split_glued_date(line)
            if glued is not None:
                # «20:48 14.01.2003 Министр обороны … во вторник …»: the lead
                line_date = line_date or glued[0]
                lines[index] = glued[1]
            run_on = _HEADLINE_STAMP_LEAD.match(line) if want_headline and glued is None else None
            if run_on and (stamp := find_date_line(run_on["d"])) is not None and stamp.year:
                # «… разведывательных БПЛА19 Сентябрь 2022, 15:41 (GMT +4) Баку, 19 сентября, …»: the
                # headline, the page's timestamp and the lead run into one line
                headline, line_date = run_on["h"], line_date or stamp
                lines[index] = run_on["rest"]
            break
        if len(line) > HEADLINE_MAX or dateline is not None:
            break
        found = find_publication_line(line, outlets)
        if found is not None:
            line_date = line_date or found[0]
            outlet = outlet or found[1]
            del lines[index]
            continue
        if len(line.split()) <= 3 and lookup_outlet(line, outlets) and _more_text(lines, index):
            outlet = outlet or line
            del lines[index]
            continue
        if headline is None:
            above_headline = (
                is_rubric(line)
                or _RUBRIC_LIST.match(line)
                or is_field_label(line)
                or is_section_pair(line)
                or (
                    BULLET.match(line) and len(line.split()) <= MENU_BULLET_WORDS
                )  # «• Общество»: a menu's item
            )
            if above_headline and _more_text(lines, index):
                del lines[index]
                continue
            if want_headline and index == _first_text(lines) and _chrome_over_headline(lines, index):
                del lines[index]
                continue
            if want_headline and index == _first_text(lines):
                glued = split_glued_date(line)
                if glued is not None and _headline([glued[1], *lines[index + 1 :]], None) is not None:
                    line_date = line_date or glued[0]  # «13.02.2014 Россия продаст …»
                    lines[index] = glued[1]
                headline = _headline(lines[index:], wrap_width(lines))
                if headline is not None:
                    headline = without_marks(headline)
                    del lines[index]
                    continue
            if not want_headline and seen == 1:
                index += 1  # the title is given: a first line may still be a subtitle
                continue
            break
        following = next((s for s in lines[index + 1 :] if s), "")
        if is_byline(line) and following and not following[0].islower():
            del lines[index]  # (a name line the next line continues is a wrapped lead's)
            continue
        if line.endswith((".", "!", "?", ":", ";", ",")) or line[0].islower() or following[:1].islower():
            break  # the text has begun (or a hard-wrapped lead goes on below)
        index += 1  # a subtitle: kept, and the block goes on below it
    return headline, line_date, outlet


# «Современность;», «Армия; Политика;»: a forum's or a site's list of rubrics, each closed by «;».
_RUBRIC_LIST = re.compile(r"^(?:[А-ЯЁA-Z][\w-]*(?:\s[\w-]+)?;\s*){1,4}$")

MENU_BULLET_WORDS = (
    5  # «• Учения стран ШОС», «• $ 86.62 -0.00»: a bulleted item over the headline is this short
)
CHROME_MAX_WORDS = 4  # a site's slogan, a link or a banner over the headline is this short


def _chrome_over_headline(lines: list[str], index: int) -> bool:
    """Is the line at `index` page chrome standing over the real headline? A short lowercase line
    («армия флот оборона», «на главную») is a tag or a link, never a headline; a short line
    («Войти в кабинет», «С Днём Победы!») with no verb, over a longer headline-shaped line with
    text below it, is a link, a slogan or a banner."""
    line = lines[index]
    words = line.split()
    rest = [i for i in range(index + 1, len(lines)) if lines[i]]
    if not rest or len(words) > 8 or line.endswith((".", ",", ":", ";")):
        return False
    following = lines[rest[0]]
    if line[0].islower():
        return following[:1].isupper()  # (a lowercase line the next one continues is a cut lead)
    if _capitals_only(line):
        return _banner_over_headline(lines, rest)
    return (
        len(words) <= CHROME_MAX_WORDS
        and not _says_something(line)
        and len(rest) >= 2
        and following[:1].isupper()
        and len(following) <= HEADLINE_MAX
        and not following.endswith((".", ",", ":", ";", "!", "?"))
        and len(following.split()) >= max(6, len(words) + 2)
        and split_dateline(following, {}) is None
    )


SLOGAN_AT = 2  # a site's slogan stands among the page's first lines of text
# A slogan: four to eight Russian words, a capital first («Честные и полезные новости для думающих
# людей»); a site's banner with its interface words («ИЗВЕСТИЯ menu») is read as the site's.
_SLOGAN = re.compile(r"[А-ЯЁ][а-яё-]*(?:,?\s+[а-яёА-ЯЁ-]+){3,7}")


def drop_slogan(lines: list[str]) -> None:
    """Take a site's slogan over a dated headline out of the page's first lines (in place), before the
    date line under the headline is read away."""
    texts = [i for i, s in enumerate(lines) if s]
    for n, at in enumerate(texts[:SLOGAN_AT]):
        line = lines[at]
        if _SLOGAN.fullmatch(line) and _slogan_over_dated_headline(lines, line, texts[n + 1 :]):
            del lines[at]
            return


def _slogan_over_dated_headline(lines: list[str], line: str, rest: list[int]) -> bool:
    """«Честные и полезные новости для думающих людей» over «Россия отправила Лаосу партию танков» over
    «21 января 2020»: a line saying nothing (no predicate) over one that says something, under which
    the page's date line stands, is the site's slogan; the date line marks the headline."""
    if len(rest) < 3 or _says_something(line) or line.endswith(("!", "?")):
        return False
    following, under = lines[rest[0]], lines[rest[1]]
    return (
        following[:1].isupper()
        and len(following) <= HEADLINE_MAX
        and not following.endswith((".", ",", ":", ";"))
        and _says_something(following)
        and find_publication_line(under, {}) is not None
    )


# «Авиационный Инновационный Кластер(АИК) – это объединение …»: a name defined, as a site describes
# itself in its header; a news text does not open on a definition followed by a headline.
_DEFINITION = re.compile(r"^[A-ZА-ЯЁ«\"][^.!?\n]{1,80}?\s+[—–-]\s+это\s+[^\n]+[.!]$")


def _blurb_over_headline(lines: list[str], index: int) -> bool:
    """Is the first line a site's description of itself (one definition sentence) standing over a
    headline that has the text below it?"""
    from razdel import sentenize

    line = lines[index]
    if not _DEFINITION.match(line) or len(list(sentenize(line))) != 1:
        return False
    rest = [n for n in range(index + 1, len(lines)) if lines[n]]
    return len(rest) >= 2 and _headline(lines[rest[0] :], None) is not None


def _capitals_only(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 6 and all(c.isupper() for c in letters)


def _banner_over_headline(lines: list[str], rest: list[int]) -> bool:
    """«РЕФЕРЕНДУМ ПО АЭС - 6 ОКТЯБРЯ» over «16 июня 2021 | 11:37» and «Турция и Азербайджан …»: a line
    in capitals over a headline in ordinary case (a page's date line between them) is a banner. A
    headline set in capitals has the lead, a sentence, under it."""
    texts = [lines[i] for i in rest if find_publication_line(lines[i], {}) is None]
    if len(texts) < 2:
        return False
    following = texts[0]
    return (
        following[:1].isupper()
        and not _capitals_only(following)
        and not re.search(r"[.!?]\s+[А-ЯЁA-Z]", following)  # a wrapped lead's sentences, not a headline
        and len(following.split()) >= 4
        and len(following) <= HEADLINE_MAX
        and not following.endswith((".", ",", ":", ";", "!", "?"))
        and split_dateline(following, {}) is None
    )


def _says_something(line: str) -> bool:
    """Does the line hold a predicate: a finite verb («Казахстан укрепляет оборону»), or a short
    adjective or participle («Израиль готов вооружить…», «Договор подписан»)? A short headline
    does; a link («Войти в кабинет»), a slogan or a banner («С Днём Победы!») does not."""
    from articles.pipeline.nlp import morph

    analyser = morph()
    predicates = ("VERB", "ADJS", "PRTS")
    return any(
        any(p in analyser.parse(word)[0].tag for p in predicates) for word in re.findall(r"[а-яёА-ЯЁ]+", line)
    )


def _first_text(lines: list[str]) -> int:
    return next((i for i, s in enumerate(lines) if s), len(lines))


def _more_text(lines: list[str], index: int) -> bool:
    return any(lines[index + 1 :])


DATELINE_PARAGRAPHS = 5  # a dateline may stand under a subtitle, a teaser and a caption
SUBTITLE_MAX = 300


def end_dateline_line(lines: list[str], outlets: Mapping[str, str]) -> None:
    """«БАКУ, 11 сен – 1NEWS.AZ» alone on its line is a paragraph of its own, even when the lead
    follows on the next line without a blank one (the unwrapping would join them)."""
    for at, line in enumerate(lines[:HEAD_LINES]):
        found = split_dateline(line, outlets) if line and lines[at + 1 : at + 2] != [""] else None
        if found is not None and found[2] and not found[3] and at + 1 < len(lines):
            lines.insert(at + 1, "")
            return  # a paragraph above a dateline longer than this is text, not a subtitle


def find_dateline(
    paras: list[str], outlets: Mapping[str, str]
) -> tuple[int, tuple[str, PartialDate | None, str | None, str] | None]:
    """The wire dateline opening the text: on the first paragraph, or under a subtitle or two
    (the paragraphs above it short) → (its paragraph's index, `split_dateline`'s result)."""
    for at, para in enumerate(paras[:DATELINE_PARAGRAPHS]):
        found = split_dateline(para, outlets)
        if found is not None:
            return at, found
        if len(para) > SUBTITLE_MAX:
            break
    return 0, None
