"""The page around an article copied from a web site: what each line above and below the text is.

Pure. A copied page brings its furniture along — menus and breadcrumbs, language switchers,
weather and currency widgets, timestamps, bylines, photo captions and credits, «read also»
teasers, copyright and address lines. `classify()` names a line's kind from its shape alone
(length, punctuation, capitalisation, date and time shapes, known outlet spellings); `read_head()`
walks the lines above the text with their positions and repetitions and takes the furniture out,
keeping what it tells: the publication date (the earliest timestamp given, a teaser's excluded)
and an outlet. What the page says below the text is read by `page_tail`, and the outlets named by
copyright and address lines and by a headline's site name by `page_outlets`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import islice

from articles.pipeline.cleaning import (
    HEADLINE_MAX,
    is_byline,
    is_consent_banner,
    is_furniture,
    is_page_action,
    is_photo_credit,
)
from articles.pipeline.datelines import (
    find_publication_line,
    lookup_outlet,
    split_dateline,
)
from articles.pipeline.dates import PartialDate
from articles.pipeline.eventmarks import MEDIA
from articles.pipeline.page_banners import (
    is_ad_disclosure,
    is_deep_trail,
    is_news_ticker,
    numbered_trail_end,
)
from articles.pipeline.page_outlets import (
    ADDRESS,
    COPYRIGHT,
    LEADING_MARK,
    OUTLET_KIND,
    address_outlet,
    copyright_outlet,
    site_suffix_date,
    split_site_name,
)
from articles.pipeline.page_rubrics import is_weather, tells_something


class LineKind(StrEnum):
    NAVIGATION = "navigation"  # menus, breadcrumbs, skip links
    LANGUAGES = "languages"  # «kz ru en»
    WIDGET = "widget"  # weather, currency rates, counters
    TIMESTAMP = "timestamp"
    BYLINE = "byline"
    CAPTION = "caption"  # a photo's caption or credit
    TEASER = "teaser"  # another article's headline or a «read also» label
    COPYRIGHT = "copyright"
    ADDRESS = "address"  # a site's domain or a URL on its own line
    OUTLET = "outlet"  # a line that is only an outlet's name
    ORNAMENT = "ornament"  # «...», «***»: no words at all
    TEXT = "text"  # anything else: headline, subtitle, dateline or body, told apart by position


# --- line shapes ---------------------------------------------------------------------------------

_LANGUAGE_CODE = re.compile(
    r"^(?:[a-z]{2,3}|[A-Z][a-z]{1,2}|[A-Z]{2,3}|[а-яёәқңөұүһі]{2,3}|[А-ЯЁӘҚҢӨҰҮҺІ][а-яёәқңөұүһі]{1,2})$"
)
_BREADCRUMB_SEPARATOR = re.compile(r"\s+(?:/|>|»|›|→|\||•|·)\s+")
TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")
_WIDGET_SIGNS = re.compile(
    r"°|\b(?:USD|EUR|RUB|KZT|BYN|AZN|UZS|CNY)(?![A-Za-z])|[$€₽₸]|\bкурс\w*\b|^погода$", re.IGNORECASE
)
BULLET = re.compile(r"^[•·▪●◦*-]\s*")
# The display settings a site offers (a panel for the visually impaired, by law on public bodies' sites):
# typefaces, text size, spacing, colour scheme, and the size buttons «A A A».
_DISPLAY_SETTING = re.compile(
    r"(?:настройки(?:\s+шрифта)?|шрифт|размер\s+шрифта|(?:межбуквенное|межстрочное)\s+(?:расстояние|интервал)|"
    r"цветовая\s+схема|(?:обычная\s+)?версия\s+(?:для\s+слабовидящих|сайта)|"
    r"arial|times(?:\s+new\s+roman)?|verdana|tahoma|georgia|helvetica|[aа]{1,3}[+-]?)",
    re.IGNORECASE,
)
# The site's terms of reprinting, a copyright notice in words.
_REPRINT_RULE = re.compile(
    r"^(?:при\s+(?:полном\s+или\s+частичном\s+)?(?:использовании|размещении|перепечатке|копировании|"
    r"цитировании|воспроизведении)\s+(?:\S+\s+){0,2}?материалов|(?:полная\s+или\s+частичная\s+)?"
    r"перепечатка\s+(?:материалов\s+)?(?:без|разрешена|запрещена))",
    re.IGNORECASE,
)
_AGE_RATING = re.compile(r"(?<![\w+])(?:0|6|12|16|18)\+(?!\w)")
_RATE = re.compile(
    r"(?:доллар|евро|юань|рубль|тенге|usd|eur|cny)\w*\s*:?\s*\d+[.,]\d+(?:\s*[+−-]\s*\d+(?:[.,]\d+)?%?)?",
    re.IGNORECASE,
)
_CURRENCY = re.compile(r"(?:доллар|евро|юань|рубль|тенге|usd|eur|cny|нефть|brent)", re.IGNORECASE)
_TEMPERATURE_AT_END = re.compile(r"(?<![\w.,])[+−-]?\d{1,2}(?:[.,]\d)?\s?°\s?[CСF]?$")
_COUNTER = re.compile(
    r"^[\d.,kKкК]+(?:\s[\d.,kKкК]+)*(?:\s*(?:просмотр\w*|комментари\w*|views?|comments?))?$", re.IGNORECASE
)
_LABEL = re.compile(r"^[^.!?]{2,40}:$")  # «Читайте также:», «Главное за день:»
# «Ситуация на границе: последние новости»: a link to a topic's page, its one-line description under it.
_TOPIC_LATEST = re.compile(r"^[^.!?:]{3,80}:\s+последние\s+новости$", re.IGNORECASE)
# «Сегодня:» over the page's timestamp: the label of the date below it, not of other articles
_DAY_LABEL = re.compile(r"^(?:сегодня|вчера|дата|время|опубликовано|обновлено)\s*:$", re.IGNORECASE)
# A site's clock names whose time it shows, right before it: «…, Бишкекское время 13:09».
_CLOCK_LABEL = re.compile(
    r"\b(?:[а-яё]+ское|местное)\s+время\s*:?\s*\d{1,2}:\d{2}(?!\d)|^сейчас\s+\d{1,2}:\d{2}$", re.IGNORECASE
)


def _words(line: str) -> list[str]:
    return re.findall(r"[\w'’-]+", line)


def is_language_switcher(line: str) -> bool:
    """«kz ru en», «Қаз | Рус | Eng», «RU / EN»: two to six codes and nothing else."""
    tokens = [t for t in re.split(r"[\s|/·•,]+", line) if t]
    return 2 <= len(tokens) <= 6 and all(_LANGUAGE_CODE.match(t) for t in tokens) and len(line) <= 40


# «ХроникаВоенная операция», «Темы расследованийFakespertsПодписаться»: menu items run together (not
# «МиГ-29», «ЕврАзЭС»; across scripts, not «WhatsApp» either)
_GLUED = re.compile(r"[а-яё]{3}[А-ЯЁ][а-яё]|[а-яё]{3}[A-Z][a-z]|[a-z]{3}[А-ЯЁ][а-яё]")
_SENTENCE_MARKS = re.compile(r"[,.:;!?«»\"()]")


_SEARCH_BOX = re.compile(
    r"^(?:поиск|найти|искать|search)(?:\s+(?:по\s+сайту|на\s+сайте|новостей))?\s*[:.…]*$"
    # a theme's buttons around its search box: «Close this search box.», «Open search», «Toggle search»
    r"|^(?:close|open|toggle|clear|submit)(?:\s+this)?\s+search(?:\s+(?:box|form|bar|field))?\s*[.…]*$",
    re.IGNORECASE,
)


# «Авторизация», «Войти», «Регистрация», «Личный кабинет»: the account links of the page's header.
_ACCOUNT_LINK = re.compile(
    r"^(?:авторизация|войти|вход|регистрация|зарегистрироваться|личный\s+кабинет|выйти|выход|"
    r"вход\s*/\s*регистрация|войти\s*/\s*зарегистрироваться|log\s?in|sign\s+in)\s*$",
    re.IGNORECASE,
)


# «Привет, Гость! Войдите или зарегистрируйтесь.», «Вы вошли как …»: a forum's greeting of its visitor.
_GREETING = re.compile(
    r"^(?:(?:привет|здравствуйте|добро\s+пожаловать),?\s+гость\b|вы\s+вошли\s+как\b|войдите\s+или\s+зарегистрируйтесь)",
    re.IGNORECASE,
)


def is_navigation(line: str) -> bool:
    """A breadcrumb trail (short segments between separators), a menu (a run of capitalised
    single words with no sentence in it), a tag cloud (many words, half of them capitalised, no
    punctuation at all), a search box's label or page elements whose texts were run together."""
    if _SEARCH_BOX.match(line) or _ACCOUNT_LINK.match(line) or _GREETING.match(line):
        return True
    if len(line) <= 120 and _GLUED.search(line) and not line.endswith((".", "!", "?")):
        return True
    words = line.split()
    if len(words) >= 8 and not _SENTENCE_MARKS.search(line) and not tells_something(line):
        capitalised = [w for w in words if w[:1].isupper()]
        if len(capitalised) >= 0.7 * len(words) or len(set(capitalised)) < len(capitalised):
            return True  # a tag cloud: names, often the same ones twice
    if line.endswith((".", "!", "?", ",", ";")) or TIME.search(line):
        return False
    segments = _BREADCRUMB_SEPARATOR.split(line)
    if len(segments) >= 2 and all(
        0 < len(s.split()) <= 3 and s[:1].isupper() and not re.search(r"[\d,.]", s) for s in segments
    ):
        return True
    return len(words) >= 4 and all(w[:1].isupper() and w.isalpha() for w in words) and not line.isupper()


def in_other_script(line: str) -> bool:
    """A line written mostly in neither Cyrillic nor Latin letters («欢迎光临本站»): in a Russian
    text, a mirror's or a foreign site's own interface."""
    letters = [c for c in line if c.isalpha()]
    other = [
        c for c in letters if not ("A" <= c <= "z" or "\u00c0" <= c <= "\u024f" or "\u0400" <= c <= "\u04ff")
    ]
    return len(other) * 2 > len(letters)


# Letters of Ukrainian and Belarusian that Russian does not use.
_NOT_RUSSIAN = re.compile(r"[іїєґўІЇЄҐЎ]")


def in_other_language(line: str) -> bool:
    """A line of three words or more, a quarter of them spelt with letters Russian does not have
    («НОВИНИ ДНЯ: ЄС остаточно вирішив …»): in a Russian text, the interface of a Ukrainian or a
    Belarusian site."""
    words = re.findall(r"[^\W\d_]+", line)
    return len(words) >= 3 and sum(bool(_NOT_RUSSIAN.search(w)) for w in words) * 4 >= len(words)


def is_site_clock(line: str) -> bool:
    """A short line showing a place's current time («25 апреля 2024, Бишкекское время 13:09»):
    the page's clock at saving time, never the publication date."""
    return len(line) <= 80 and bool(_CLOCK_LABEL.search(line))


# The site's contact block: a postal address («Москва, Ломоносовский проспект, д.4, корпус 1») or
# opening hours («понедельник-пятница: 09:00-21:00», «Пн-Пт: 9:00 - 18:00»).
_STREET = re.compile(
    r"(?<!\w)(?:ул\.|улица|пр-т|просп\.|проспект|пер\.|переулок|шоссе|бульвар|б-р|наб\.|набережная|"
    r"пл\.|площадь|мкр\.?|микрорайон)(?!\w)",
    re.IGNORECASE,
)
_HOUSE = re.compile(
    r"(?<!\w)(?:д\.|дом|корп\.|корпус|стр\.|строение|офис|оф\.)\s*\d|(?<!\d)\d{6}(?!\d)", re.I
)
_HOURS = re.compile(
    r"(?<!\w)(?:пн|вт|ср|чт|пт|сб|вс|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье"
    r"|будни|выходные|ежедневно)\w*\b[^\n]{0,30}?\d{1,2}[:.]\d{2}\s*[-–—]\s*\d{1,2}[:.]\d{2}",
    re.IGNORECASE,
)


def is_contact_line(line: str) -> bool:
    """A short line of the site's contact block: its postal address or its opening hours."""
    if len(line) > 100 or line.rstrip().endswith(("!", "?")):
        return False
    return bool(_STREET.search(line) and _HOUSE.search(line)) or bool(_HOURS.search(line))


_FREQUENCY = re.compile(r"(?<![\d,.])\d{2,3}[,.]\d{1,2}\s*(?:fm|фм|мгц|mhz)\b", re.IGNORECASE)


# Currency codes, each with its rate, the unit it is given in and the day's change: two or more.
_RATES_RUN = re.compile(
    r"(?:[A-Z]{3}\s*[-–—:=]?\s*\d+[.,]\d+\s*(?:[А-ЯЁA-Z]{2,4}\s*)?(?:[+−-]\s?\d+(?:[.,]\d+)?%?\s*)?){2,}"
)


def is_widget(line: str) -> bool:
    """Weather, rates and counters: short lines mostly of numbers and signs."""
    line = BULLET.sub("", line)
    if _RATES_RUN.fullmatch(line.strip()):
        return True  # «USD - 396.02 АМД +0,02 EUR - 431.27 АМД +0,27 …»: a bank's rates, however many
    if len(line) > 80:
        return False
    if _COUNTER.match(line) and any(c.isdigit() for c in line):
        return True
    if _VIEWS.match(line.strip()):
        return True  # «Просмотров:2490»: the article's views counter
    if re.fullmatch(r"\d[\d.,]*(?:\s*[|/]\s*\d[\d.,]*){2,}", line.strip()):
        return True  # «102,34|106,54|66,91»: exchange rates or readings, numbers between bars
    if re.fullmatch(r"[|/\s]*\d+[.,]\d{2,}(?:\s*[|/]\s*\d+[.,]\d{2,})+[|/\s]*", line):
        return True  # «| 91.6918 | 98.5602»: two rates between bars
    if _RATE.fullmatch(line.strip()) or _CURRENCY.fullmatch(line.strip()):
        return True  # «Доллар 92.26», «Юань 1.27»: a currency and its rate (or its name alone, the rate lost)
    if _FREQUENCY.search(line) and len(line.split()) <= 8:
        return True  # «Dipol FM | 105,6 fm»: the site's radio station and its frequency
    if _AGE_RATING.search(line) and len(line.split()) <= 6:
        return True  # «Возрастная категория сайта 16+», «18+»: the site's age rating
    if _DISPLAY_SETTING.fullmatch(line.strip()):
        return True  # «Размер шрифта», «Times New Roman», «A»: the page's display settings panel
    if _TEMPERATURE_AT_END.search(line) and len(line.split()) <= 6:
        return True  # «Минск-Уручье Сплошная облачность -1°C»: the site's weather
    digits = sum(c.isdigit() for c in line)
    letters = sum(c.isalpha() for c in line)
    if _WIDGET_SIGNS.fullmatch(line):
        return True
    if len(line) <= 40 and letters <= 4 and digits >= 2 and re.search(r"[%+−]", line):
        return True  # «98.91 +0.18», «BR 90.06 +0.64%», «728мм 93%»: quotes and readings, no words
    return bool(_WIDGET_SIGNS.search(line)) and digits >= 2 and (digits >= letters / 3 or len(line) <= 40)


def classify(line: str, outlets: Mapping[str, str]) -> LineKind:
    """The kind of one non-blank line, from its shape alone (the first test that holds)."""
    tests = [
        (LineKind.COPYRIGHT, lambda: COPYRIGHT.match(line)),  # («©» alone too: its owner may follow)
        (LineKind.COPYRIGHT, lambda: _REPRINT_RULE.match(line)),  # «При размещении материалов … обязательна»
        (LineKind.ORNAMENT, lambda: not re.search(r"\w", line)),
        (LineKind.CAPTION, lambda: line.startswith("![")),  # an image in Markdown
        (LineKind.WIDGET, lambda: is_site_clock(line)),
        (LineKind.TEASER, lambda: is_news_ticker(line) or is_ad_disclosure(line)),
        (LineKind.TIMESTAMP, lambda: find_publication_line(line, outlets) is not None),
        (LineKind.ADDRESS, lambda: ADDRESS.match(LEADING_MARK.sub("", line)) and "." in line),
        (LineKind.LANGUAGES, lambda: is_language_switcher(line)),
        (LineKind.WIDGET, lambda: is_widget(line) or is_weather(line) or is_contact_line(line)),
        (LineKind.CAPTION, lambda: is_photo_credit(line) or "©" in line and "/" in line and len(line) <= 150),
        (LineKind.TEASER, lambda: is_furniture(line)),
        (LineKind.OUTLET, lambda: len(line.split()) <= 4 and lookup_outlet(line, outlets)),
        (
            LineKind.NAVIGATION,
            lambda: (
                is_navigation(line) or is_deep_trail(line) or in_other_script(line) or in_other_language(line)
            ),
        ),
        (LineKind.BYLINE, lambda: is_byline(line)),
        (LineKind.TEASER, lambda: _teaser_item(line)),
        (LineKind.TEASER, lambda: bool(_FOLLOW_US.match(line)) and len(line.split()) <= FOLLOW_WORDS),
    ]
    return next((kind for kind, holds in tests if holds()), LineKind.TEXT)


# «Следите за нами в Facebook», «Подписывайтесь на нас в Telegram»: the site asking to be followed.
_FOLLOW_US = re.compile(
    r"^(?:следите|подписывайтесь|присоединяйтесь|читайте)\s+(?:за\s+|на\s+)?(?:нами|нас)\b", re.I
)
FOLLOW_WORDS = 10


def _teaser_item(line: str) -> bool:
    """«12:30 Другой заголовок»: a time opening a headline is a news feed's item."""
    # («- 15:00США вводят …»: a bulleted item, the time run into the headline)
    match = re.match(r"^(?:[-–—•·]\s*)?\d{1,2}:\d{2}(?:\s+|(?=[А-ЯЁA-Z«\"]))(?P<rest>\S.*)$", line)
    return (
        bool(match)
        and find_publication_line(line, {}) is None
        and len(match["rest"].split()) >= 3
        # (a longer one with no other item's time in it is the lead, the page's timestamp run into it)
        and (len(match["rest"]) <= HEADLINE_MAX or TIME.search(match["rest"]) is not None)
    )


def _headline_like(line: str) -> bool:
    return (
        len(line.split()) >= 3
        and line.lstrip("«\"“„'")[:1].isupper()  # «"Дипломатия бескозырок" в Мировом океане»
        and not line.endswith((".", ";", ":", ","))
        and len(line) <= 200
    )


# --- the block above the text --------------------------------------------------------------------

_PAGE_HEADER = (LineKind.NAVIGATION, LineKind.LANGUAGES, LineKind.WIDGET)
CHROME_WORDS = 8  # a line of the page's header above a menu is short; a long one stays text
HEAD_LINES = 25  # lines looked at above the text: a copied page's header is rarely longer


@dataclass
class Head:
    """What the furniture above (and around) the text told."""

    dates: list[PartialDate] = field(default_factory=list)  # every timestamp, in order
    outlet: str | None = None

    @property
    def date(self) -> PartialDate | None:
        """The publication date: the earliest full date given (an update or a site's clock is
        later), else the first timestamp at any precision."""
        full = [d for d in self.dates if d.year and d.month and d.day]
        if full:
            return min(full, key=lambda d: (d.year, d.month, d.day))
        return self.dates[0] if self.dates else None


def _starts_text(line: str, outlets: Mapping[str, str]) -> bool:
    """Has the article's text begun? A dateline, or a long sentence."""
    if split_dateline(line, outlets) is not None:
        return True
    return len(line) > 200 or (len(line) > 120 and line.endswith((".", "!", "?", "»", '"')))


def read_head(lines: list[str], outlets: Mapping[str, str]) -> Head:
    """Take the page furniture out of the lines above the text (in place); what it said.

    A text that is nothing but furniture-like lines keeps them: it has nothing else.
    """
    head = Head()
    kept = _read_head(list(lines), outlets, head)
    if any(kept):
        lines[:] = kept
    return head


REPEAT_LINES = 15  # a page repeating its headline does it within this many lines
BODY_BETWEEN = 2  # paragraphs of text between two copies of the headline: the second is in the text


def _normal(line: str) -> str:
    return " ".join(line.casefold().split())


def _repeated_headline(lines: list[str], outlets: Mapping[str, str]) -> tuple[int, int] | None:
    """A headline line the page repeats (as its title and again over the text) → both indices."""
    first_lines = [i for i, s in enumerate(lines) if s][:REPEAT_LINES]
    for n, i in enumerate(first_lines[:8]):
        j = next((j for j in first_lines[n + 1 :] if _same_headline(lines[j], lines[i])), None)
        if j == i + 1 and n and classify(lines[first_lines[n - 1]], outlets) == LineKind.CAPTION:
            continue  # «Изображение: … © …» over «Румыния. Карта мира» twice: a picture's alt and title
        if (
            j is not None
            and _headline_like(lines[i])
            and not _CAPTION.search(lines[i])
            and classify(lines[i], outlets) == LineKind.TEXT
        ):
            return i, j
    return None


# A picture's caption a page prints twice: «Президент Вьетнама (справа) и Министр обороны Индии. Фото: VNA».
_CAPTION = re.compile(r"(?:^|\s)(?:фото|photo)\s*:|\((?:справа|слева|в\s+центре)\)", re.IGNORECASE)
_DASHES = re.compile(r"\s*[—–-]\s+|\s+[—–-]\s*")
# After a copy of the headline, a rubric of one or two words with a capital: «… сотрудничества Новости».
_RUBRIC_TAIL = re.compile(r"\s+[А-ЯЁA-Z][\w-]*(?:\s+[\w-]+)?")


def _same_headline(later: str, first: str) -> bool:
    """Whether `later` repeats the headline `first`: the same words, whichever dash stands between
    them, perhaps with the page's rubric after them («Россия и Таиланд - укрепление … Новости» under
    «Россия и Таиланд — укрепление …»)."""
    a, b = (_DASHES.sub(" - ", s.strip()) for s in (later, first))
    if _normal(a) == _normal(b):
        return True
    return a.startswith(b) and len(b.split()) >= 4 and _RUBRIC_TAIL.fullmatch(a[len(b) :]) is not None


def _read_repeat(lines: list[str], outlets: Mapping[str, str], head: Head) -> None:
    """Above a repeated headline is the page's header, between its two copies a teaser of the
    lead, timestamps and captions: only the dates, an outlet named there and a lead the text below
    does not repeat are kept."""
    found = _repeated_headline(lines, outlets)
    if found is None:
        return
    first, second = found
    if sum(_starts_text(s, outlets) for s in lines[first + 1 : second]) >= BODY_BETWEEN:
        # The lead and more stand between the copies: the second is a photo's caption repeating the
        # headline inside the text, not the page's title over the text. Only that copy goes.
        del lines[second]
        return
    for at, line in enumerate(lines[:second]):
        kind = classify(line, outlets) if line and at != first else None
        if kind in _PAGE_HEADER and at < first:
            head.dates.clear()  # a date above the menu is the site's clock
        elif kind == LineKind.TIMESTAMP:
            date, outlet = find_publication_line(line, outlets)
            head.dates.append(date)
            head.outlet = head.outlet or outlet
        elif kind == LineKind.OUTLET:
            head.outlet = head.outlet or line
    above = [line for line in lines[:first] if line]
    for line in above:  # «Заголовок | SITE.BY» over «Заголовок»: the page's title names the site
        title, site = split_site_name(line, outlets)
        if site and _normal(title) == _normal(lines[first]):
            head.outlet = head.outlet or site
            if (dated := site_suffix_date(line, outlets)) is not None:
                head.dates.append(dated)  # «Заголовок - РИА Новости, 24.12.2019»
    # The page's only line over its headline, besides a search box, a menu or a clock: the site.
    kinds = {s: classify(s, outlets) for s in above}
    named = [s for s in above if kinds[s] not in (*_PAGE_HEADER, LineKind.TIMESTAMP)]
    if (
        len(named) == 1
        and named[0] == above[0]
        and kinds[named[0]] != LineKind.BYLINE
        and _site_name_like(named[0])
    ):
        # (not «Александр Кравченко» over the timestamp: the author's byline)
        head.outlet = head.outlet or above[0]
    if above and classify(above[0], outlets) == LineKind.TEXT:
        head.outlet = head.outlet or medium_name(above[0])
    below = lines[second + 1 :]
    leads = [s for s in lines[first + 1 : second] if _starts_text(s, outlets) and not _told_below(s, below)]
    lines[:] = [lines[first], ""] + [part for s in leads for part in (s, "")] + below


TEASER_WORDS = 5  # a teaser repeats the lead: some run of this many words stands in the text below


def _told_below(line: str, below: list[str]) -> bool:
    """Whether the text under the second copy of the headline repeats the line (a teaser of its
    lead). A lead that stands only between the copies is the text's first paragraph, kept."""
    words = _normal(line).split()
    text = " " + " ".join(_normal(s) for s in below) + " "
    runs = (" " + " ".join(words[i : i + TEASER_WORDS]) + " " for i in range(len(words) - TEASER_WORDS + 1))
    return any(run in text for run in runs)


MASTHEAD_AT = 2  # a masthead naming the outlet by its kind stands among the page's first lines
# «Информационное агентство «Би-порт» Новости Мурманска и Мурманской области»: the outlet's kind, its
# name in quotes, perhaps a tagline of a few words with no sentence mark.
_MASTHEAD = re.compile(
    rf"^{OUTLET_KIND}\s+[«\"](?P<name>[^»\"]{{2,40}})[»\"](?P<tagline>(?:\s+[^\s.!?:;]+){{0,8}})$",
    re.IGNORECASE,
)


def masthead_name(line: str) -> str | None:
    """The outlet a page's masthead names by its kind («Информационное агентство «Би-порт» …»)."""
    match = _MASTHEAD.match(line.strip())
    return match["name"].strip() if match else None


MEDIUM_WORDS = (2, 5)  # a medium's name on the page's first line: this many words


def medium_name(line: str) -> str | None:
    """The page's first line naming the site as a medium: every word capitalised, one of them a
    word for an outlet's kind, no digits and no sentence marks («Северное Агентство Новостей»,
    «Вечерняя Газета Приморья»; a headline is written in sentence case) → the name."""
    words = line.strip(' «»"').split()
    low, high = MEDIUM_WORDS
    if not low <= len(words) <= high or re.search(r"[\d.,!?:;]", line):
        return None
    capitalised = all(w.lstrip('«"')[:1].isupper() for w in words)
    return " ".join(words) if capitalised and any(MEDIA.search(w.strip('«»"')) for w in words) else None


def _site_name_like(line: str) -> bool:
    """One to three capitalised words, no digits, not a label («Важно:» names no site)."""
    words = line.split()
    return (
        1 <= len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and not any(c.isdigit() for c in line)
        and not line.rstrip().endswith(":")
    )


_MENU_ITEM = re.compile(r"^[•·▪●◦*-]\s*[^\W\d]\S*(?:\s\S+){0,2}$")
MENU_ITEMS = 3  # bulleted one- to three-word lines opening the page, this many or more: a menu


# «Разделы», «Рубрики», «Меню»: a page opening on this word opens on its menu, the items under it.
_MENU_HEADING = re.compile(r"^(?:разделы|рубрики|меню|навигация|категории)\s*:?$", re.IGNORECASE)


def _unbulleted_item(line: str) -> bool:
    """A menu's item without a bullet: one to three words, the first capitalised, no digits and no
    sentence marks («В мире», «Новости Израиля»)."""
    words = line.split()
    return (
        0 < len(words) <= 3
        and line[:1].isupper()
        and not _SENTENCE_MARKS.search(line)
        and not any(c.isdigit() for c in line)
    )


def _drop_opening_menu(lines: list[str]) -> None:
    """«• Фаджр» / «• Восход» / «• Зухр» …: a run of short bulleted items opening the page is a
    menu (an article's own list stands under its headline and lead, not above them); so are the
    short lines under a heading that names a menu («Разделы», «Рубрики»)."""
    start = next((i for i, s in enumerate(lines) if s), len(lines))
    end = start
    while end < len(lines) and _MENU_ITEM.match(lines[end]) and not _SENTENCE_MARKS.search(lines[end][1:]):
        end += 1
    if end - start >= MENU_ITEMS and any(lines[end:]):
        del lines[start:end]
    if start < len(lines) and _MENU_HEADING.match(lines[start]):
        end = start + 1
        while end < len(lines) and not lines[end]:
            end += 1
        items = end
        while end < len(lines) and _unbulleted_item(lines[end]):
            end += 1
        if end > items and any(lines[end:]):
            del lines[start:end]  # «Разделы» / «Новости Израиля» / «В мире»: the menu under its heading
    del lines[: numbered_trail_end(lines)]  # «1. Главная» / «2. Раздел» / «3. Заголовок»: the trail


def _read_head(lines: list[str], outlets: Mapping[str, str], head: Head) -> list[str]:
    _drop_opening_menu(lines)
    _read_repeat(lines, outlets, head)
    seen = 0
    index = 0
    teaser_block = False
    chrome: list[int] = []  # short text lines seen so far, indices into `lines`
    header: tuple[list[int], int, int] | None = None  # at the last menu or widget: chrome, dates, where
    previous: LineKind | None = None  # the kind of the last non-blank line looked at
    while index < len(lines) and seen < HEAD_LINES:
        line = lines[index]
        if not line:
            teaser_block = False
            index += 1
            continue
        seen += 1
        kind = classify(line, outlets)
        if seen <= TICKER_AT and kind == LineKind.TEXT and _doubled(line):
            del lines[index]  # «Заголовок Заголовок спецпроект»: a promo card's title and its picture's alt
            continue
        if seen <= TICKER_AT and _ticker(line):
            del lines[index]  # other articles' headlines run together in one line: the site's ticker
            continue
        if kind == LineKind.TEXT and (
            suffix := _page_title(line, list(islice(filter(None, lines[index + 1 :]), 3)))
        ):
            # «Заголовок » The Asia Times - события …», «Заголовок | 360°» over «Заголовок»: the page's
            # title, its suffix the site's name
            head.outlet = head.outlet or (suffix if lookup_outlet(suffix, outlets) else None)
            del lines[index]
            continue
        if kind == LineKind.TEXT and _cut_teaser(line, next((s for s in lines[index + 1 :] if s), "")):
            del lines[
                index
            ]  # «Из пакта …: Азербайджан и Армения наладят дипотношения, никаких иностранных войск…»
            continue
        if kind == LineKind.TEXT and _image_alt(line, lines[max(0, index - 3) : index]):
            del lines[index]  # «Изображение 'ЗАГОЛОВОК'» under «ЗАГОЛОВОК»: the picture's alt text
            continue
        if kind == LineKind.TEXT and _latin_tagline(line, lines[index + 1 :]):
            del lines[
                index
            ]  # «Central Asia regional news digest» over a Russian headline: the site's tagline
            continue
        if kind == LineKind.TEXT and _starts_text(line, outlets):
            break
        if previous == LineKind.TIMESTAMP and TIME.fullmatch(line):
            del lines[index]  # «12 апреля 2016» over «14:26»: the timestamp's time on a line of its own
            continue
        if previous == LineKind.CAPTION and kind == LineKind.TEXT and lines[index + 1 : index + 2] == [line]:
            # under a credit, «Румыния. Карта мира» twice or more: the picture's alt, title and caption
            end = index + 1
            while end < len(lines) and lines[end] == line:
                end += 1
            del lines[index:end]
            continue
        if kind == LineKind.WIDGET and (
            previous == LineKind.TIMESTAMP and _BARE_NUMBER.match(line) or _VIEWS.match(line)
        ):
            # «07.10.2016, 14:18» over «1531», «2 просмотров»: the article's views counter, not the
            # site's widget bar (a date above that is the site's clock)
            del lines[index]
            continue
        previous = kind
        if kind in _PAGE_HEADER:
            header = (list(chrome), len(head.dates), index)
        following = next((s for s in lines[index + 1 :] if s), "")
        if (
            kind == LineKind.TEXT
            and _LABEL.match(line)
            and len(line.split()) <= 4
            and _headline_like(following)
        ):
            kind = LineKind.TEASER  # «Главное за день:» over a list of other articles' headlines
        if (
            kind == LineKind.TEXT
            and _TOPIC_LATEST.match(line)
            and index + 1 < len(lines)
            and _headline_like(lines[index + 1])
        ):
            # «Ситуация на границе: последние новости» with a line of description right under it: a
            # topic page's link (a live page's own headline has its lead, or a blank line, under it)
            kind = LineKind.TEASER
        if teaser_block and (kind == LineKind.TIMESTAMP or kind == LineKind.TEXT and _headline_like(line)):
            del lines[index]  # another article's headline or date, under a «read also» label
            continue
        if teaser_block and kind == LineKind.TEXT and len(line.split()) <= 2:
            teaser_block = False  # «Все новости» / «Президент» / the timestamp: a menu link, then the rubric
        site = None
        if seen == 1 and kind == LineKind.TEXT and following:
            site = _site_with_junk(line, outlets) or medium_name(line)
        if seen == 1 and kind in (LineKind.TEXT, LineKind.NAVIGATION) and following:
            site = site or _social_bar(line)
        if seen <= MASTHEAD_AT and kind == LineKind.TEXT and following and not site:
            site = masthead_name(line)
        if site:
            head.outlet = (
                head.outlet or site
            )  # «МЕДИАГРУППА «ЗВЕЗДА» toggle», «ТАСС – > 53»: the page's banner
            del lines[index]
            continue
        if seen == 1 and kind == LineKind.TEXT and following and _asks_the_reader(line):
            del lines[index]  # «Разрешите сайту отправлять вам уведомления.»: the browser's prompt
            continue
        if kind == LineKind.TEXT and following and is_consent_banner(line):
            del lines[index]  # «На сайте используются cookies …»: the site's consent banner
            continue
        clock = _city_clock(lines, index)
        if clock:
            _drop(lines, clock, index)  # «14:53» / «Москва» / «28 марта ‘24, Четверг»: the site's clock
            continue
        if kind in (LineKind.TEXT, LineKind.NAVIGATION) and _crumbs_to(line, following):
            # «Новости » Политика » Заголовок» over «Заголовок»: the trail; the headline is below
            # it, so the short lines above it (a skip link, a map link, the menu's labels) are the
            # page's header, not a headline, and a date there is the site's clock.
            index = _drop(lines, chrome, index)
            chrome.clear()
            header = None
            head.dates.clear()
            del lines[index]
            continue
        glued = _glued_timestamp(line, following) if kind in (LineKind.TEXT, LineKind.NAVIGATION) else None
        if glued is None and kind in (LineKind.TEXT, LineKind.NAVIGATION) and _menu_glued(line, following):
            del lines[index]  # «Город Страна и мир Заголовок» over «Заголовок»: the menu ran into it
            continue
        if glued is not None:
            head.dates.append(glued)  # «Рубрика 15/07/2018 Заголовок» over «Заголовок»
            del lines[index]
            continue
        if kind == LineKind.TIMESTAMP:
            # «Тренды:», «телерадиокомплекс …» above a timestamp: labels, not a headline; and when
            # a headline and its subtitle follow the timestamp, the headline-like line above it
            # was the rubric («Спецоперация: переговоры 2025» / «03 декабря 2025» / headline / …).
            rubric = _headline_pair(lines, index)
            dropped = [at for at in chrome if rubric or not _headline_like(lines[at])]
            index = _drop(lines, dropped, index)
            chrome.clear()
            if header is not None:  # its indices moved up past the dropped lines
                header = _shifted(header, dropped)
            date, outlet = find_publication_line(lines[index], outlets)
            head.dates.append(date)
            head.outlet = head.outlet or outlet
        elif kind == LineKind.OUTLET:
            if not any(lines[index + 1 :]):
                break
            head.outlet = head.outlet or line
        elif kind == LineKind.COPYRIGHT:
            if not COPYRIGHT.sub("", line).strip():
                line = f"{line} {following}"  # «©» alone, the owner's name opening the next line
            head.outlet = head.outlet or copyright_outlet(line, outlets)
        elif kind == LineKind.ADDRESS:
            head.outlet = head.outlet or address_outlet(line, outlets)
        elif kind == LineKind.TEASER:
            teaser_block = (
                (line.endswith(":") or len(line.split()) <= 3 or bool(_TOPIC_LATEST.match(line)))
                and not is_page_action(line)
                and not _DAY_LABEL.match(line)
            )
        elif kind == LineKind.TEXT or kind == LineKind.BYLINE:
            if len(line.split()) <= CHROME_WORDS and (
                not line.endswith((".", "!", "?")) or _FRAGMENT.match(line)
            ):
                chrome.append(index)
            index += 1  # headline, subtitle, byline: the parser's preamble reader decides
            continue
        del lines[index]
    if header is not None:
        above, dates, at = header
        if any(_headline_like(s) for s in lines[at:index]):
            # Short lines above a menu or a widget are the page's own header (a skip link, the
            # site's name), and a date there is the site's clock: the headline comes below.
            _drop(lines, above, index)
            del head.dates[:dates]
    return lines


TICKER_AT = 3  # a site's ticker of headlines stands among the page's first lines
TICKER_WORDS = 25  # and longer than any headline (HEADLINE_MAX)


def _ticker(line: str) -> bool:
    """Other articles' headlines a copy ran together: a long line with no sentence mark, comma, quote
    or bracket anywhere («В Абакане появится новый автобусный маршрут на Арбан Новые ЛЭП вводят в …»).
    A paragraph of prose this long has them."""
    return (
        len(line) > HEADLINE_MAX
        and len(line.split()) >= TICKER_WORDS
        and not re.search(r"[.,!?;:«»\"“”()—–]|\s-\s", line)
    )


_SOCIAL = re.compile(
    r"\s+(?:(?:в|во|на)\s+)?(?:телеграме?|telegram|вконтакте|vk|одноклассниках|ok|дзене?|youtube|twitter|x|facebook"
    r"|rutube|max)\b",
    re.IGNORECASE,
)


TEASER_CUT = 60  # a site cuts another article's headline in its teaser at some length, with «…»


def _cut_teaser(line: str, following: str) -> bool:
    """A long line cut with «…» over a headline-shaped line: another article's teaser, its headline
    cut to the teaser's length (the page's own headline is given whole)."""
    return len(line) >= TEASER_CUT and line.endswith("…") and _headline_like(following) and following != line


_ALT = re.compile(r"^[А-ЯЁA-Z][а-яёa-z]+\s*:?\s*['\"«“](?P<quoted>.{10,250})['\"»”]$")


def _image_alt(line: str, above: list[str]) -> bool:
    """A word («Изображение», «Фото», a typo of them) and, in quotes, the line just above: the alt text
    of the picture under the headline."""
    match = _ALT.match(line)
    return bool(match) and any(_normal(match["quoted"]) == _normal(s) for s in above if s)


def _latin_tagline(line: str, below: list[str]) -> bool:
    """A short line of Latin words only, three or more, over Russian lines: in a Russian article, the
    site's tagline or menu in English, not its headline."""
    words = re.findall(r"[^\W\d_]+", line)
    return (
        3 <= len(words) <= CHROME_WORDS
        and not re.search(r"[а-яёА-ЯЁ]", line)
        and not re.search(r"[.!?]$", line)
        and any(re.search(r"[а-яёА-ЯЁ]", s) for s in below if s)
    )


def _doubled(line: str) -> bool:
    """A phrase of three words or more said twice in a row, a word or two of label after it; or said
    again cut short by at most two words («Россия США Узбекистан … военные учения Россия США Узбекистан
    …»: a page's tags, printed twice and the second run cut)."""
    words = line.split()
    for n in range(3, len(words) // 2 + 1):
        if words[:n] == words[n : 2 * n] and len(words) - 2 * n <= 2:
            return True
    for n in range(4, len(words) - 2):
        rest = len(words) - n
        if max(3, n - 2) <= rest <= n and words[:rest] == words[n:]:
            return True
    return False


def _social_bar(line: str) -> str | None:
    """«Свободная Пресса в Телеграм Свободная Пресса Вконтакте Свободная Пресса в Одноклассниках»: the
    site's links to its own channels, its name before each network's → the name."""
    parts = [p.strip() for p in _SOCIAL.split(line)]
    names = [p for p in parts if p]
    if len(parts) < 3 or len(names) < 2 or len(set(names)) != 1:
        return None
    name = names[0]
    return name if 1 <= len(name.split()) <= 4 and name[:1].isupper() else None


def _shifted(header: tuple[list[int], int, int], dropped: list[int]) -> tuple[list[int], int, int]:
    """The header's indices (its chrome lines and its own place) once `dropped` lines are gone."""

    def shift(at: int) -> int:
        return at - sum(d < at for d in dropped)

    chrome, dates, at = header
    return [shift(i) for i in chrome if i not in dropped], dates, shift(at)


_BARE_NUMBER = re.compile(r"^\d[\d\s]{0,9}$")
_VIEWS = re.compile(
    r"^(?:\d[\d\s.,]*[kKкК]?\s*(?:просмотр\w*|views?)|(?:просмотр\w*|views?)\s*:?\s*\d[\d\s.,]*[kKкК]?)$",
    re.IGNORECASE,
)
# One lowercase abbreviated word with its period («южн.», «сев.-зап.», «мм рт. ст.» cut short): a
# widget's fragment — a headline or a sentence never is one lowercase word.
_FRAGMENT = re.compile(r"^[а-яёa-z][а-яёa-z-]{0,7}\.(?:[а-яёa-z-]{1,6}\.)?$")


def _headline_pair(lines: list[str], index: int) -> bool:
    """Do the two lines after the timestamp at `index` read as a headline and its subtitle (short,
    capitalised, no closing period, neither furniture)? Then the page's title is below the
    timestamp, and a title-like line above it is a rubric or a story tag."""
    after = [s for s in lines[index + 1 : index + 8] if s][:2]
    return len(after) == 2 and all(
        _headline_like(s) and len(s) <= 150 and classify(s, {}) == LineKind.TEXT for s in after
    )


# After the site's name on the page's first line: junk with no Russian word — a widget's label
# («toggle», «logo»), arrows, dashes and a number («– > 53»).
_BANNER_JUNK = re.compile(r"^(?:[a-z]+|[^\w\s]+|\d{1,4})(?:\s+(?:[a-z]+|[^\w\s]+|\d{1,4})){0,3}$")


def _site_with_junk(line: str, outlets: Mapping[str, str]) -> str | None:
    """The page's first line: a known outlet's name followed by interface junk → the name."""
    words = line.split()
    for n in range(min(4, len(words) - 1), 0, -1):
        name, junk = " ".join(words[:n]), " ".join(words[n:])
        if _BANNER_JUNK.match(junk) and lookup_outlet(name, outlets):
            return name.strip(' «»"')
    return None


def _menu_glued(line: str, following: str) -> bool:
    """«Город Страна и мир Путин внес …» over «Путин внес …»: a few menu items (capitalised, no
    sentence marks) run into the headline the next line repeats."""
    menu = _before_repeat(line, following)
    words = menu.split()
    return (
        0 < len(words) <= 6
        and words[0][:1].isupper()
        and not _SENTENCE_MARKS.search(menu)
        and not any(c.isdigit() for c in menu)
    )


def _asks_the_reader(line: str) -> bool:
    """A line opening with a verb in the imperative addressed to the reader («Разрешите сайту…»,
    «Подпишитесь на рассылку»): the page's prompt, not a headline (news headlines state, they do
    not ask). A headline may open with an exclamation that a statement follows («Забудьте о
    Венесуэле! Россия нацелилась на Никарагуа»): a prompt does not go on so."""
    from articles.pipeline.nlp import morph

    first = re.match(r"[а-яёА-ЯЁ]+", line)
    if not first or re.search(r"!\s+[А-ЯЁ«\"]", line):
        return False
    return any("impr" in p.tag for p in morph().parse(first.group()))


_BARE_TIME = re.compile(r"^\d{1,2}:\d{2}$")
_DAY_MONTH = re.compile(r"^(?:[а-яё]+,\s*)?\d{1,2}\s+[а-яё]{3,}", re.IGNORECASE)  # «Воскресенье, 8 сентября»


def _city_clock(lines: list[str], index: int) -> list[int]:
    """A site's clock: a bare time (or the weather: «6.1 C»), a one-word place and a date on the
    next lines → their indices."""
    if not (_BARE_TIME.match(lines[index]) or is_weather(lines[index])):
        return []
    after = [i for i in range(index + 1, min(len(lines), index + 5)) if lines[i]][:2]
    if len(after) < 2:
        return []
    place, date = (lines[i] for i in after)
    if len(place.split()) == 1 and place[:1].isupper() and place.isalpha() and _DAY_MONTH.match(date):
        return [index, *after]
    return []


def _crumbs_to(line: str, following: str) -> bool:
    """A breadcrumb trail ending with the page's own title, which the next line repeats:
    «Новости и события » Политика » Сербия получила истребители» over «Сербия получила
    истребители». (Its last segment is long, so the trail is not told by its shape alone.)"""
    segments = _BREADCRUMB_SEPARATOR.split(line)
    if (
        len(segments) >= 2
        and _normal(segments[-1]) == _normal(following)
        and all(0 < len(s.split()) <= 6 for s in segments[:-1])
    ):
        return True
    # «Вы здесь: Страна / Город Рубрика Заголовок» over «Заголовок»: a trail whose last separator
    # was lost in the copy still holds one, and ends with the headline.
    trail = _before_repeat(line, following)
    return bool(trail) and len(trail.split()) <= 10 and bool(_BREADCRUMB_SEPARATOR.search(f" {trail} "))


_RUBRIC_WORDS = re.compile(r"^(?:[A-ZА-ЯЁ][\w-]*\s+){0,3}")


def _page_title(line: str, following: list[str]) -> str:
    """The page's title over its headline: the headline one of the next lines repeats, then a
    separator and the site's name or description («… КНР » The Asia Times - события в Азии …») →
    that suffix; empty when the line is no such title."""
    for headline in following:
        if len(headline) >= 20 and line.startswith(headline) and len(line) > len(headline):
            match = _TITLE_SEPARATOR.match(line[len(headline) :])
            if match and not _SUFFIX_DATE.search(match["suffix"]):
                return match[
                    "suffix"
                ].strip()  # (a dated suffix, «- РИА Новости, 24.12.2019», the preamble reads)
    return ""


_SUFFIX_DATE = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|(?:19|20)\d{2}")
_TITLE_SEPARATOR = re.compile(r"^\s+(?:[»|—–]|::|-\s)\s*(?P<suffix>\S.*)$")


def _before_repeat(line: str, following: str) -> str:
    """What a line puts before the headline the next line repeats («Рубрика 03/02/2019 Заголовок»
    over «Заголовок» → «Рубрика 03/02/2019»); empty when the line does not end with it."""
    if not following or len(following) < 20 or not line.endswith(following) or len(line) == len(following):
        return ""
    return line[: -len(following)].strip()


def _glued_timestamp(line: str, following: str) -> PartialDate | None:
    """A page line that runs a rubric and a timestamp into the headline the next line repeats:
    «Казахстан 03/02/2019 Министры подписали план сотрудничества» → the timestamp's date."""
    stamp = _before_repeat(line, following)
    stamp = stamp[_RUBRIC_WORDS.match(stamp).end() :] if stamp[:1].isalpha() else stamp
    date = find_publication_line(stamp, {}) if stamp else None
    return date[0] if date is not None and date[0].year else None


def _drop(lines: list[str], indices: list[int], index: int) -> int:
    """Delete `indices` (all before `index`) from `lines`; where `index` now points."""
    for at in sorted(set(indices), reverse=True):
        del lines[at]
    return index - len(set(indices))
