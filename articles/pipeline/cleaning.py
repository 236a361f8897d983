"""Cleaning an article's lines into readable paragraphs. Pure.

Hard-wrapped lines are joined back into paragraphs (a text with one line a paragraph stays as it
is), a block repeating an earlier one word for word is dropped, and so are photo credits
(`Имя Фамилия/Агентство/…`) and site furniture (`Читайте также…`). The raw text keeps everything.
"""

from __future__ import annotations

import re
import unicodedata

from articles.pipeline.datelines import MONTH_ANY
from articles.pipeline.text import normalise

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def normalise_lines(text: str) -> list[str]:
    """Text → lines: any line ends, invisible and control characters gone, spaces collapsed, and
    Latin look-alike letters inside Cyrillic words made Cyrillic."""
    clean = unicodedata.normalize("NFC", text).translate(_INVISIBLE).replace("\r\n", "\n").replace("\r", "\n")
    clean = _CONTROL.sub("", clean.replace("\t", " ").replace("\u00a0", " "))
    clean = _MIXED_WORD.sub(_cyrillic_word, clean)
    clean = _ESCAPED_QUOTE.sub(r"\1", clean)
    clean = _BBCODE.sub("", clean)
    lines = []
    for line in clean.split("\n"):
        line = " ".join(_HEADING_MARK.sub("", line).split())
        # «24 / 08 / 2010Премьер-министр …»: the date line, then the text
        if glued := _GLUED_DATE.match(line):
            lines.append(" ".join(re.sub(r"\s*([./])\s*(?=\d)", r"\1", glued["d"]).split()))
            line = line[glued.end("d") :]
        # «24 Декабря 2018, 21:37 Фото: Пресс-служба МО РК»: the timestamp, then the picture's credit
        if stamp := _STAMP_THEN_CREDIT.match(line):
            lines.append(stamp["d"])
            line = line[stamp.end() :]
        # «… для ремонта танков13-05-2023, 18:00 |»: the headline, then its timestamp
        if len(line) <= HEADLINE_MAX and (stamp := _DATE_GLUED_AFTER.search(line)):
            lines.append(line[: stamp.start()])
            line = stamp["d"]
        image = _LEADING_IMAGE.match(line)
        inner = _INNER_IMAGE.search(line)
        if image and len(line) - image.end() > _RUN_ON:  # the page's text run on after an image
            lines.extend([image.group(0).strip(), line[image.end() :]])
        elif inner and _headline_before_image(line[: inner.start()]) and len(line) - inner.end() > _RUN_ON:
            # «12.11.2014 Визит делегации![]() Республику посетила …»: headline, image, text on one line
            lines.extend([line[: inner.start()].strip(), inner.group(0).strip(), line[inner.end() :]])
        else:
            lines.append(line)
    return lines


# A timestamp (a date and a time, nothing else) with a picture's credit run on after it.
_STAMP_THEN_CREDIT = re.compile(
    r"^(?P<d>(?=[^:]{0,40}\d{4})[\w .,]{0,40}?\d{1,2}:\d{2})\s+(?=(?:фото|photo|видео|иллюстрация|изображение)\s*:)",
    re.IGNORECASE,
)
# Markup a forum or a page's editor left in the copied text: BBCode tags («[b]Заголовок[/b]») and a
# Markdown heading's marks («# 14:26», «# ДРУГИЕ НОВОСТИ»): the words stay, the marks go.
_BBCODE = re.compile(
    r"\[/?(?:b|i|u|s|center|quote|size|color|font|url|h[1-6])(?:=[^\]\n]{0,80})?\]", re.IGNORECASE
)
_HEADING_MARK = re.compile(r"^\s*#{1,6}(?:\s+|$)")
# «наблюдает за \\"Степным орлом\\"»: quotes a page escaped for its script.
_ESCAPED_QUOTE = re.compile(r"\\+([\"'])")
# A numeric date a page ran into the text's first word: «24 / 08 / 2010Премьер-министр …».
# «14.09.12 / 13:24На Северный флот …»: a two-digit year and a time too.
_GLUED_DATE = re.compile(
    r"^(?P<d>\d{1,2}\s*([./])\s*\d{1,2}\s*\2\s*(?:\d{4}|\d{2})(?:\s*[/|,]?\s*\d{1,2}:\d{2})?)(?=[А-ЯЁ][а-яё])"
)
# A numeric date (and time) run onto a line's last word, a bar after it: «… танков13-05-2023, 18:00 |».
_DATE_GLUED_AFTER = re.compile(
    r"(?<=[а-яёa-z])(?P<d>\d{1,2}([-./])\d{1,2}\2(?:19|20)\d{2}(?:,?\s+\d{1,2}:\d{2})?)\s*\|?\s*$"
)


def _headline_before_image(text: str) -> bool:
    """Text a scraper ran into an image that follows it: a headline's length, no closing period."""
    return 2 <= len(text.split()) and len(text) <= HEADLINE_MAX and not text.rstrip().endswith((".", ","))


# A Markdown image opening a line («![](…)», «![alt](url)»), and how much text after it on the same
# line is the page's own text run on by a scraper («![]() 1141 Суббота, 28 Ноября, 2020 года, 10:25
# Министр …» — a whole article), not the image's caption: more than a caption's length.
_LEADING_IMAGE = re.compile(r"(?:!\[[^\]]*\]\([^)]*\)\s*)+")
_RUN_ON = 200
# An image inside a line, after the page's headline: «… Сербия![]() Республику …».
_INNER_IMAGE = re.compile(r"(?<=\S)\s*(?:!\[[^\]]*\]\([^)]*\)\s*)+")
HEADLINE_MAX = 250  # a first line longer than this is the lead, not a headline


# Latin and Greek letters drawn like Cyrillic ones. Some sites type them into Russian words
# («Oпубликoвaнo», «Цeлью», «ратифицирοвала»), which hides the word from every rule that reads it.
_LOOKALIKES = str.maketrans(
    "AaBCcEeHKMOoPpTXxyΑΒΕΗΚΜΟΡΤΧαεκορτχ",
    "АаВСсЕеНКМОоРрТХхуАВЕНКМОРТХаекортх",
)
_MIXED_WORD = re.compile(r"\b(?=\w*[а-яёА-ЯЁ])(?=\w*[A-Za-z\u0370-\u03ff])[A-Za-z\u0370-\u03ffА-ЯЁа-яё]+\b")


def _cyrillic_word(match: re.Match) -> str:
    """A word of mostly Cyrillic letters whose Latin or Greek ones all have Cyrillic twins: all Cyrillic."""
    word = match.group(0)
    latin = [c for c in word if not ("а" <= c.lower() <= "я" or c.lower() == "ё")]
    if len(latin) >= len(word) - len(latin) or any(c.translate(_LOOKALIKES) == c for c in latin):
        return word  # a Latin word, or a mixed one with letters no Cyrillic letter looks like
    return word.translate(_LOOKALIKES)


# A photo credit: short slash-separated segments, e.g. "Chen Jimin/China News Service/VC/ТАСС".
_CREDIT_SEGMENT = re.compile(r"^[\w«\"(][\w .,&'’«»\"()\-–]{0,59}$")
# A day and month: "Улан-Батор, 28 мая 2025 /МОНЦАМЭ/. Министр…" is a dateline opening a wrapped
# lead, not a credit, though its segments are short.
_DATED = re.compile(rf"(?<!\d)\d{{1,2}}(?:\s+{MONTH_ANY}|([./])\d{{1,2}}\1\d{{2,4}})", re.IGNORECASE)
_PHOTO_WORDS = (
    r"фото|фотография|фотограф|иллюстрация|изображение|видео|скриншот|кадр|коллаж|инфографика"
    r"|источник фото|источник изображения|photo|image|credit"
)
_PHOTO_LINE = re.compile(
    rf"^(?:©|\(c\)|(?:{_PHOTO_WORDS})(?:\s*[:©/|]|\s+(?:из|с|предоставлено|пресс|©|\(|[A-ZА-ЯЁ])))",
    re.IGNORECASE,
)
# «Иллюстративное фото.», «Архивное фото», «Фото из архива»: a picture's label, with nothing else.
_PHOTO_LABEL = re.compile(
    r"^(?:(?:иллюстративное|иллюстрационное|архивное)\s+(?:фото|снимок|изображение)|фото\s+из\s+архива)\.?$",
    re.IGNORECASE,
)
_FURNITURE = re.compile(
    r"^(?:читайте\s+также|читать\s+также|читать\s+далее|читать\s+полностью|подробнее|материалы\s+по\s+теме"
    r"|по\s+теме|похожие\s+новости|ещ[её]\s+по\s+теме|другие\s+новости|новости\s+партн[её]ров|реклама"
    r"|подписывайтесь|подпишитесь|поделиться|share|теги|метки|tags|комментарии|оцените\s+материал"
    r"|версия\s+для\s+печати|распечатать|следите\s+за\s+новостями|все\s+новости|главное\s+за\s+день"
    r"|нашли\s+ошибку|если\s+вы\s+заметили\s+ошибку|при\s+(?:использовании|цитировании|перепечатке)"
    r"|все\s+права\s+защищены|\d+\s+просмотр"
    r"|(?:аватар|блог)\s+пользователя\b)",  # a blog engine's «Аватар пользователя Ник» over the post
    re.IGNORECASE,
)


# «Видео: Сергей Шойгу вместе с военной делегацией прибыл в КНДР»: a headline labelled as a video or a
# photo report — a sentence of six words or more with a finite verb after the label, where a credit
# names who shot it («Видео: пресс-служба Минобороны России»). Not «Фото:», which often credits and
# captions at once («Фото: Минобороны РФ Сергей Шойгу подписал документ …»).
_MARKED_HEADLINE = re.compile(
    r"^(?:видео|фоторепортаж|фото\s+и\s+видео|видео\s+и\s+фото)\s*:\s*(?P<h>[«\"]?[А-ЯЁA-Z]\S*(?:\s+\S+){5,})$",
    re.IGNORECASE,
)


def marked_headline(line: str) -> str | None:
    """The headline of a line labelled «Видео: …» or «Фоторепортаж: …», without its label; None for a
    credit."""
    from articles.pipeline.nlp import morph

    match = _MARKED_HEADLINE.match(line)
    if match is None or line.endswith((".", ";")):
        return None
    analyser = morph()
    words = re.findall(r"[а-яё]+", match["h"].lower())
    if any(analyser.parse(w)[0].tag.POS in ("VERB", "PRTS") for w in words):
        return match["h"]
    return None


# A caption closed by the picture's label and the credit a site appends to every image's text:
# «Пограничник на вышке. Архивное фото - Sputnik Таджикистан».
_LABELLED_CAPTION = re.compile(
    r"[.!?]\s+(?:иллюстративное|иллюстрационное|архивное)\s+(?:фото|снимок|изображение)\.?"
    r"(?:\s+[-—–]\s+[^.!?]{2,40})?$",
    re.IGNORECASE,
)


def is_photo_credit(line: str) -> bool:
    if _PHOTO_LABEL.match(line):
        return True  # «Иллюстративное фото.»: the caption of a picture the copy lost
    if len(line) <= HEADLINE_MAX and _LABELLED_CAPTION.search(line):
        return True
    if len(line) > 150 or line.endswith((".", "!", "?", ":", ";")):
        return False
    if marked_headline(line):
        return False
    if _PHOTO_LINE.match(line):
        return True
    parts = [p.strip() for p in line.split("/")]
    if len(parts) < 2 or not all(parts) or "://" in line or _DATED.search(line):
        return False
    # Every segment a short name-like chunk (≤ 5 words); not a sentence with a slash in it.
    return all(_CREDIT_SEGMENT.match(p) and len(p.split()) <= 5 for p in parts)


# «Фото: Александр Подгорчук, Коммерсантъ», «Фото Евгения Смирнова, ИА «Клерк.Ру»»: a staff
# photographer, named with the paper they shoot for (agencies credit with a slash: «Имя/ТАСС»).
_STAFF_CREDIT = re.compile(
    r"^(?:фото|photo)\s*[:—–-]?\s*[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+\s*,\s*"
    r"(?P<kind>(?:ИА|газета|журнал|издание|агентство)\s+)?(?P<o>[^,/]{2,40})$",
    re.IGNORECASE,
)

# «Тамара Вааль, Vласть»: a first name and surname, a comma and the outlet, alone on a line.
_BYLINE = re.compile(r"^[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s*,\s*(?P<o>[^,/]{2,40})$")


# «Редакция портала «Русский мир»»: the byline of a text its outlet's staff wrote, the outlet named
# by its kind and its name in quotes.
_EDITORS = re.compile(
    r"^(?:Редакция|Редакции)\s+(?:портала|сайта|газеты|журнала|издания|интернет-издания|агентства|телеканала)"
    r"\s+(?P<o>«[^»\n]{2,40}»|\"[^\"\n]{2,40}\")\.?$"
    # «Служба новостей ForPost», «Отдел новостей «Вести»»: the site's newsroom signs the text
    r"|^(?:Служба|Отдел)\s+новостей\s+(?P<n>«[^»\n]{2,40}»|\"[^\"\n]{2,40}\"|[A-ZА-ЯЁ][\w.-]*(?:\s+[A-ZА-ЯЁ][\w.-]*){0,2})\.?$"
)


# «Шэн Сию, специально для haqqin.az»: an author's byline naming the outlet the text was written for
# (the one publishing it), by its address or its name in quotes.
_WRITTEN_FOR = re.compile(
    r"^[А-ЯЁA-Z][\w'’-]+(?:\s+[А-ЯЁA-Z][\w'’-]+){1,2}\s*,\s*специально\s+для\s+"
    r"(?P<o>[A-Za-zА-ЯЁа-яё0-9][\w-]*\.[a-zа-я]{2,4}|«[^»\n]{2,40}»|\"[^\"\n]{2,40}\")\.?$"
)


# «…, фото - Новости Zakon.kz от 31.10.2025 11:42»: a site credits its own photo to its news of a
# day by its address; an agency credited for a photo is named, not dated («Фото: ТАСС»).
_OWN_PHOTO = re.compile(
    r"(?<!\w)(?:фото|photo)\s*[:—–-]\s*(?:новости\s+)?(?P<o>[A-Za-zА-ЯЁа-яё][\w-]*\.[a-zа-я]{2,4})"
    r"\s+от\s+\d{1,2}\.\d{1,2}\.\d{2,4}",
    re.IGNORECASE,
)


# An aggregator's line under a headline: the outlet, how long ago, perhaps a views count
# («АРГУМЕНТЫ 1 час назад 9», «РБК 15 минут назад»). The name is a known outlet or written in capitals
# (a place a site prints beside its clock is not).
_AGGREGATED_FROM = re.compile(
    r"^(?P<o>[^\W\d][\w.-]*(?:\s+[^\W\d][\w.-]*){0,2})\s+(?:\d{1,2}\s+(?:час(?:а|ов)?|минут[ауы]?|мин\.?)\s+назад"
    r"|вчера|сегодня)(?:,?\s+в?\s*\d{1,2}:\d{2})?(?:\s+\d{1,7})?$"
)
_CAPITALS = re.compile(r"[A-ZА-ЯЁ][A-ZА-ЯЁ.-]{3,}(?:\s+[A-ZА-ЯЁ][A-ZА-ЯЁ.-]+){0,2}")


def staff_credit_outlet(line: str, is_known) -> str | None:
    """The paper a staff photographer's credit names: a known outlet, or one named as such
    («ИА «Клерк.Ру»»); the known outlet of an author's byline standing alone («Тамара Вааль,
    Vласть»); the outlet whose editors sign the text («Редакция портала «Русский мир»»), or a site
    crediting a photo to its own dated news («фото - Новости Zakon.kz от 31.10.2025»).
    `is_known(spelling)` says whether the table knows a spelling."""
    byline = _BYLINE.match(line.strip())
    if byline and is_known(byline["o"].strip(" .")):
        return byline["o"].strip(" .")
    editors = _EDITORS.match(line.strip())
    if editors:
        return (editors["o"] or editors["n"]).strip('«»"')
    written_for = _WRITTEN_FOR.match(line.strip())
    if written_for:
        return written_for["o"].strip('«»"')  # «Шэн Сию, специально для haqqin.az»
    own_photo = _OWN_PHOTO.search(line)
    if own_photo:
        return own_photo["o"]
    aggregated = _AGGREGATED_FROM.match(line.strip())
    if aggregated and (is_known(name := aggregated["o"]) or _CAPITALS.fullmatch(name)):
        return name  # «АРГУМЕНТЫ 1 час назад 9»: an aggregator's line naming where the item comes from
    match = _STAFF_CREDIT.match(line.strip())
    if not match:
        return None
    name = match["o"].strip(" .")
    if is_known(name) or match["kind"] and name[:1] in '«"':
        return name.strip('«»"')
    return None


def is_prose(line: str) -> bool:
    """A paragraph of the article's prose: long, several sentences' worth, ending a sentence (a
    teaser's headline is short and has no closing period). What follows the last one is the
    page's footer."""
    return len(line) > 150 and line.rstrip(' »"”)').endswith((".", "!", "?", "…"))


def is_furniture(line: str) -> bool:
    return len(line) <= 120 and bool(_FURNITURE.match(line)) or is_page_action(line)


# «Поделиться share», «Подпишитесь», «Версия для печати», «Размер текста» and its «А А А» buttons: a
# control acting on this page, not a label over a list of other articles' headlines.
_PAGE_ACTION = re.compile(
    r"^(?:(?:поделиться|share|подписывайтесь|подпишитесь|версия\s+для\s+печати|распечатать|оцените\s+материал"
    r"|размер\s+(?:текста|шрифта))\b|(?:[АAаa][+−-]?\s+){1,3}[АAаa][+−-]?$)",
    re.IGNORECASE,
)


def is_page_action(line: str) -> bool:
    return len(line) <= 60 and bool(_PAGE_ACTION.match(line)) and not line.rstrip().endswith(":")


# «На сайте используются cookies. Продолжая использовать сайт, вы принимаете условия», «Мы используем
# файлы куки»: the site's consent banner.
_COOKIES = re.compile(r"(?<![\w-])(?:cookies?|куки|кукис)(?![\w-])", re.IGNORECASE)
_CONSENT = re.compile(r"сайт|использ|продолжая|принима|соглаш|согласи", re.IGNORECASE)


def is_consent_banner(line: str) -> bool:
    """The site's notice that it uses cookies, asking the reader to agree: never a headline."""
    return len(line) <= 400 and bool(_COOKIES.search(line)) and bool(_CONSENT.search(line))


# --- paragraphs ----------------------------------------------------------------------------------

_TERMINAL = (".", "!", "?", "…", ":", ";")
LIST_MARKER = re.compile(r"^(?:[-–—•*·]\s|\d{1,2}[.)]\s)")


def wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped text breaks at, or None when lines are not hard-wrapped."""
    lengths = [len(s) for s in lines if s]
    if len(lengths) < 3:
        return None
    width = sorted(lengths)[int(len(lengths) * 0.9)]  # tolerate a few unwrapped long lines
    if width > 120 or width < 30:
        return None
    near = sum(1 for n in lengths if 0.7 * width <= n <= width + 2)
    return width if near >= 3 and near >= 0.4 * len(lengths) else None


def _continues(prev: str, nxt: str, width: int | None) -> bool:
    """Does line `nxt` continue the sentence `prev` was cut in (a hard wrap)?"""
    if LIST_MARKER.match(nxt):
        return False
    if prev.endswith(_TERMINAL):
        return False
    if prev.endswith((",", "(", "«", "—", "–", "-")):
        return True
    first = nxt[0]
    if first.islower() or (first.isdigit() and not prev.endswith(("»", '"', ")"))):
        return True
    # Mid-sentence break before a capital (a name): only in a hard-wrapped text, from a full line.
    return width is not None and len(prev) >= 0.6 * width and not prev.endswith(("»", '"', ")", "!"))


def _join(prev: str, nxt: str) -> str:
    if re.search(r"\w-$", prev) and nxt[:1].islower():
        return prev + nxt  # "военно-" + "технического": keep the compound's hyphen, drop the break
    return prev + " " + nxt


def paragraphs(lines: list[str]) -> list[str]:
    """Lines → paragraphs: blank lines separate, hard-wrapped lines are joined back."""
    width = wrap_width(lines)
    result: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                result.append(current)
            current = ""
        elif current and _continues(current, line, width):
            current = _join(current, line)
        else:
            if current:
                result.append(current)
            current = line
    if current:
        result.append(current)
    return result


def drop_repeats(paras: list[str]) -> list[str]:
    """Drop a paragraph that repeats an earlier one word for word (a paste doubled by a scraper)."""
    seen: set[str] = set()
    kept = []
    for p in paras:
        key = normalise(p)
        if key in seen and len(key.split()) >= 5:
            continue
        seen.add(key)
        kept.append(p)
    return kept


# --- the block above a headline and below it -----------------------------------------------------

# "Рубрика: В мире", "Раздел: Оборона": a section label.
_RUBRIC_LABEL = re.compile(
    r"^(?:рубрика|раздел|тема|сюжет|категория|section)\s*:\s*\S.{0,60}$", re.IGNORECASE
)
_PREPOSITION = re.compile(r"^(?:в|во|на|из|о|об|за|у|по)\s", re.IGNORECASE)
# "Текст: Иван Горин", "Автор: …", "Беседовал Иван Горин": who wrote it.
_BYLINE_LABEL = re.compile(
    r"^(?:текст|автор|авторы|подготовил[аи]?|беседовал[аи]?|записал[аи]?|by)\s*:?\s+\S.{0,80}$", re.IGNORECASE
)
# «Редактор Николай Протасов», «Выпускающий редактор: Анна Ли»: the editor's name and nothing else
_EDITOR_NAMED = re.compile(
    r"^(?i:(?:выпускающий\s+)?редактор)\s*:?\s+[А-ЯЁ][а-яё]+(?:\s+[А-ЯЁ][а-яё-]+){1,2}$"
)
_NAME_WORD = re.compile(r"^(?:[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?|[А-ЯЁ]\.)$")


def is_rubric(line: str) -> bool:
    """A section line above the headline: `Рубрика: В мире`, `ПОЛИТИКА`, `Оборона`, `В мире`,
    `| ДАЙДЖЕСТ: |`."""
    if _RUBRIC_LABEL.match(line):
        return True
    if line.startswith("|") and line.endswith("|"):
        line = line.strip("| ").rstrip(":")  # «| ДАЙДЖЕСТ: |»: a section label between bars
    if len(line) > 40 or line.endswith((".", "!", "?", ":", ";", ",")) or any(c.isdigit() for c in line):
        return False
    words = line.split()
    if not words or not line[0].isalpha():
        return False
    if len(words) <= 3 and line.upper() == line and any(c.isalpha() for c in line):
        return True  # «АРМИИ», «В МИРЕ»
    if len(words) == 1:
        return True  # a headline has at least two words
    return len(words) == 2 and bool(_PREPOSITION.match(line))


def is_byline(line: str) -> bool:
    """An author line under the headline: `Текст: Иван Горин`, or a bare `Иван Горин`."""
    if _BYLINE_LABEL.match(line) or _EDITOR_NAMED.match(line):
        return True
    words = line.replace(",", " ").split()
    if not 2 <= len(words) <= 6 or not all(_NAME_WORD.match(w) or w == "и" for w in words):
        return False
    from articles.pipeline.nlp import morph

    first = words[0]
    return any("Name" in p.tag for p in morph().parse(first))
