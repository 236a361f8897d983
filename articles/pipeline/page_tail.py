"""The block below an article's text on a copied page: the outlet its closing furniture names
(a signature, a copyright line, an address, «Автор: …», «Читать на сайте …») and a publication
date given only there.

Pure: the outlet spellings table is passed in as a plain mapping.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from articles.pipeline.attribution import is_source_line
from articles.pipeline.cleaning import is_photo_credit, is_prose
from articles.pipeline.datelines import find_date_line, lookup_outlet
from articles.pipeline.dates import PartialDate
from articles.pipeline.furniture import TIME, is_widget
from articles.pipeline.page_outlets import ADDRESS, COPYRIGHT, address_outlet, copyright_outlet

TAIL_LINES = 6
_HANDLE = re.compile(r"^@(?P<h>[A-Za-z][A-Za-z0-9_.]{2,30})$")  # «@sitename»: a bare handle on the last line


_FIRST_APPEARED = re.compile(r"^The post .+ (?:first appeared on|appeared first on) (?P<o>\S.{1,60}?)\.?$")


def read_tail(lines: list[str], outlets: Mapping[str, str]) -> str | None:
    """An outlet named by the page's closing furniture: a copyright line or the site's address."""
    tail = [line for line in lines if line][-TAIL_LINES:]
    if tail:
        glued = _GLUED_SIGN_OFF.search(tail[-1])  # «…кризиса.Sputnik Беларусь»
        if glued and lookup_outlet(glued["o"], outlets):
            return glued["o"]
        handle = _HANDLE.match(tail[-1])
        if handle:  # «@sitename» closing the page: the site signs with its channel's handle
            return lookup_outlet(handle["h"], outlets) or handle["h"]
    for line in reversed(tail):
        channel = _CHANNEL.search(line)
        if channel and lookup_outlet(channel["o"], outlets):
            return channel["o"]  # «… читайте на канале РБК-Украина в Telegram»: the site's own
        signature = _SIGNATURE.match(line)
        if signature:
            return address_outlet(signature["host"], outlets) or signature["host"]  # «E-NEWS site.com.ua»
        labelled = _LABELLED_ADDRESS.match(line) if not is_photo_credit(line) else None
        if labelled and (found := address_outlet(labelled["url"], outlets)):
            return found  # «Постоянный адрес новости: eadaily.com/ru/news/…»: the page's own address
        on_site = _ON_SITE.search(line) if len(line.split()) <= 12 else None
        if on_site and (
            found := address_outlet(on_site["host"], outlets) or lookup_outlet(on_site["host"], outlets)
        ):
            return found  # «Читать на сайте Life.ru»
        if on_site and on_site.start() == 0 and on_site.end() == len(line.rstrip(" ./")):
            return on_site["host"]  # «Читайте на 123ru.net» closing a repost: where the text is read whole
        dated = _DATED_SIGNATURE.match(line)
        if dated and find_date_line(dated["d"]) is not None:
            return lookup_outlet(dated["o"], outlets) or dated["o"]  # «Vlasti.Net (СНГ); 18.09.2006 12:56»
        first = _FIRST_APPEARED.match(line)
        if first:  # «The post … first appeared on Главное в Украине.»: a feed's footer names the origin
            return lookup_outlet(first["o"], outlets) or first["o"]
        imprint = _IMPRINT.match(line)
        if imprint:  # «Сетевое издание «Cod26.ru» Учредитель: …»: the site's registration imprint
            return lookup_outlet(imprint["o"], outlets) or imprint["o"]
        author = _AUTHOR_LABEL.match(line)
        if author and (found := lookup_outlet(author["o"].strip(), outlets)):
            return found  # «Автор: Islam Today»: the site signs the piece itself
        if COPYRIGHT.match(line):
            found = copyright_outlet(line, outlets)
            if found:
                return found
        elif ADDRESS.match(line) and "." in line:
            found = address_outlet(line, outlets)
            if found:
                return found
    return None


# A repost's signature: the origin site's domain-like name, a region in brackets, its timestamp.
_DATED_SIGNATURE = re.compile(
    r"^(?P<o>[A-Za-z][\w-]*\.(?:[a-z]{2,4}|[A-Z][a-z]{1,3}|[A-Z]{2,4}))(?:\s*\([^()]{1,20}\))?\s*[;,|]\s*(?P<d>\d.+)$"
)
# A site's imprint under its pages: the kind it is registered as, its name in quotes, then the
# registration's fields («Учредитель:», «Главный редактор:», «Свидетельство о регистрации …»).
_IMPRINT = re.compile(
    r"^(?:сетевое\s+издание|(?:электронное\s+)?периодическое\s+издание|средство\s+массовой\s+информации"
    r"|интернет-издание|СМИ)\s+[«\"](?P<o>[^«»\"]{2,40})[»\"][.,]?\s+"
    r"(?:учредител|главный\s+редактор|свидетельство|зарегистрирован|регистрац|выписка|эл\s*№)",
    re.IGNORECASE,
)
_AUTHOR_LABEL = re.compile(r"^(?:автор|by)\s*:\s*(?P<o>[^,;:]{2,40})$", re.IGNORECASE)
_CHANNEL = re.compile(
    r"\bканал\w*\s+(?P<o>[^\s,;:!?«»]+(?:\s[^\s,;:!?«»]+){0,2}?)\s+в\s+(?:Telegram|Телеграм\w*|Дзен\w*|Dzen|VK|ВКонтакте)",
    re.IGNORECASE,
)
# A closing signature: a Latin label in capitals and the site's address, «E-NEWS agrinews.com.ua».
_SIGNATURE = re.compile(r"^(?:[A-Z][A-Z0-9-]+\s+){1,2}(?P<host>[a-z0-9][\w-]*(?:\.[\w-]+)*\.[a-z]{2,6})$")


def read_tail_date(lines: list[str]) -> PartialDate | None:
    """A timestamp closing the page («18.06.2024 14:26» under the text, perhaps followed by a
    views counter), or a line labelled as the publication («Опубликовано 9 августа 2016 в 11:05»)
    among the footer's links: the publication date of a page that gives it only there. Taken out."""
    start = max(-1, len(lines) - 1 - 2 * TAIL_LINES)
    for at in range(len(lines) - 1, start, -1):
        line = lines[at]
        if not line or _TAG.match(line):
            continue  # a list of the page's tags
        # A bare date with no time is the page's only when it closes a source credit
        # («Источник: РИА Новости» over «17.11.2017»): alone it may be any date in the footer.
        timed = TIME.search(line) or is_source_line(next((s for s in reversed(lines[:at]) if s), ""))
        date = find_date_line(line) if timed else None
        if date is None and is_widget(line):
            continue  # a views counter
        if date is None or not date.year:
            break
        lines[at] = ""
        return date
    # Under the text, a site's footer mixes links, teasers' dates and its clock; only a line that
    # says it is the publication («Опубликовано», «Дата публикации») dates this page.
    # A timestamp signed by the newsroom («Редакция. 2022/01/06 20:25») is the page's wherever it
    # stands in the closing lines.
    footer = max((n for n, line in enumerate(lines) if is_prose(line)), default=len(lines))
    for at in range(len(lines) - 1, start, -1):
        line = lines[at]
        if not line:
            continue
        signed = _SIGNED_STAMP.match(line)
        if signed and TIME.search(signed["d"]):
            stamp = signed["d"]
        else:
            stamp = line if at > footer and _PUBLISHED_LABEL.match(line) else None
        if stamp and (date := find_date_line(stamp)) is not None and date.year:
            lines[at] = ""
            return date
    return None


_TAG = re.compile(r"^\s*[•·▪]\s*\S+(?:\s+\S+){0,3}\s*$")  # «• Военно-политическая»: a tag's link
_PUBLISHED_LABEL = re.compile(r"^(?:опубликовано|дата\s+публикации|published)\b", re.IGNORECASE)
# «Редакция. 2022/01/06 20:25», «Автор: Иван Петров, 12.03.2024 10:15»: who signs, then the timestamp
_SIGNED_STAMP = re.compile(
    r"^(?:редакция|автор\s*:?\s+[^\d.,;]{2,40})\s*[.:,;|—–-]?\s*(?P<d>\d.+)$", re.IGNORECASE
)


_GLUED_SIGN_OFF = re.compile(r"[.!?»]\s?(?P<o>[^\s.!?»][^.!?»]{1,40})$")  # «…угрозам. Русская линия»
# A short label, a colon and an address: «Постоянный адрес новости: site.com/…», «Ссылка: …».
_LABELLED_ADDRESS = re.compile(
    r"^[^:]{2,40}:\s*(?P<url>(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}(?:/\S*)?)$"
)
_ON_SITE = re.compile(
    r"(?:\bна\s+(?:сайте|портале)|^(?:читать|читайте)(?:\s+(?:полностью|далее|дальше))?\s+на)\s+(?P<host>[\w-]+(?:\.[\w-]+)+)",
    re.IGNORECASE,
)
