"""An article's outlet named by the way the text relays or recalls its own reporting.

Pure. «…, передает Trend со ссылкой на агентство IRNA» and «Как передает Арменпресс, об этом сообщает
ТАСС»: the agency relaying another's report names itself. «Ранее РУСАРМИНФО сообщило»: a site recalls
its own earlier report, though the outlets table may lack it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

EARLIER_VERB = r"(?:писал|сообщал|рассказывал|сообщил)(?:а|о|и)?\b"  # «Ранее X сообщало / сообщило»


# A site naming itself, though the outlets table lacks it: «Ранее РУСАРМИНФО сообщило», «…, передает
# Цензор.НЕТ.», «…, информирует Depo.ua.» (a name after «сообщает» is as often a site cited: not
# read). Only a name shaped like a site's own is taken: a domain-like name («Знай.ua») or one long
# word in capitals; a plain word there is a source cited, not the site.
_SELF_NAME = r"(?P<o>«[^»\n]{2,30}»|\"[^\"\n]{2,30}\"|[^\s«\"]{4,30}?)"
# «Ранее "Российский диалог" писал»: a site recalling its own report; a name in quotes there is an
# outlet's, whatever its shape (a person is not quoted).
_RECALLING = re.compile(rf"(?:^|(?<=[.!?»]\s)|(?<=\n))Ранее\s+{_SELF_NAME}\s+(?:уже\s+)?{EARLIER_VERB}")
_SELF_NAMING = [
    _RECALLING,
    re.compile(rf"(?<!\w)(?:переда[её]т|информирует)\s+{_SELF_NAME}\.?(?:\s*$|\n|\s+(?=[А-ЯЁA-Z«\"]))"),
]
# «…, сообщает "ДС".», «По информации источников "КП"»: a paper calls itself by the initials of its
# name in quotes; an outlet it cites is named in full («сообщают "Ведомости"», «сообщает «Интерфакс»»).
_OWN_INITIALS = re.compile(
    r"(?<!\w)(?:[Сс]ообща[её]т|[Пп]иш[еу]т|[Пп]ереда[её]т|[Ии]сточник\w{0,3}|[Сс]обеседник\w{0,3})\s+"
    r"(?:«(?P<a>[А-ЯЁ]{2,3})»|\"(?P<b>[А-ЯЁ]{2,3})\"|“(?P<c>[А-ЯЁ]{2,3})”)(?![\w-])"
)
_DOMAIN_LIKE = re.compile(r"^[A-Za-zА-ЯЁ0-9][\w-]{1,30}\.(?:[a-z]{2,4}|[A-Z]{2,4}|[А-ЯЁ]{2,4}|[а-яё]{2,4})$")
_LONG_CAPS = re.compile(r"^[А-ЯЁA-Z]{7,}$")


# «БалтИнфо», «NewsMaker»: one word with a capital inside, the shape of a brand name in quotes.
_BRAND_WORD = re.compile(r"^[A-ZА-ЯЁ][a-zа-яё]+(?:[A-ZА-ЯЁ][a-zа-яё]*)+$")


def site_shaped(spelling: str, quoted: bool) -> bool:
    """Is an outlet name the outlets table lacks shaped like a site's: an address («CentralAsia.news»)
    or, in quotes, one word with a capital inside («БалтИнфо»)? A plain word is not."""
    return bool(_SITE_NAME.match(spelling) or quoted and _BRAND_WORD.match(spelling))


def relaying_site(body: str) -> str | None:
    """«…, сообщили «Ведомостям» источники, передает 24daily.net.»: a site that names itself by its
    address while relaying a paper's own report is the article's outlet, not the paper."""
    for match in _SELF_NAMING[1].finditer(body):
        name = match["o"].strip('«»"')
        if _DOMAIN_LIKE.match(name):
            return name
    return None


def self_named(body: str) -> str | None:
    initials = _OWN_INITIALS.search(body)
    if initials:
        return initials["a"] or initials["b"] or initials["c"]
    for pattern in _SELF_NAMING:
        for match in pattern.finditer(body):
            name = match["o"].strip('«»"')
            if _DOMAIN_LIKE.match(name) or _LONG_CAPS.match(name):
                return name
            if pattern is _RECALLING and match["o"][:1] in '«"' and name[:1].isupper():
                return name
    return None


# «…, передает Trend со ссылкой на агентство IRNA»: an agency relaying another's report names
# itself this way; an outlet merely cited would be the one referred to, not the one relaying.
_RELAYING = re.compile(
    # («передает ИА El.kz со ссылкой на …»: the agency's kind before its name is no part of it)
    r"(?<!\w)(?P<verb>переда[её]т|сообщает)\s+(?:(?:ИА|МИА|агентство)\s+)?"
    r"(?P<o>[^\s,;:()«»\"]+(?:\s+[^\s,;:()«»\"]+){0,2}?)"
    # «передает Пример http://primer.ru со ссылкой на»: the site gives its address after its name
    r"(?P<address>\s+https?://[\w.-]+\.[a-z]{2,}\S*)?"
    r"\s+со?\s+ссылкой\s"  # («с ссылкой», a common misspelling, too)
)


# «Как передает Арменпресс, об этом сообщает ТАСС»: the first names the agency relaying, the second
# the one it relays.
_RELAYING_AS = re.compile(
    r"(?<!\w)[Кк]ак\s+переда[её]т\s+(?P<o>[^\s,;:()«»\"]+(?:\s+[^\s,;:()«»\"]+){0,2}?)\s*,\s*"
    r"(?:об\s+этом\s+)?(?:сообщает|сообщают|пишет|переда[её]т)\s"
)


_SITE_NAME = re.compile(r"^[A-Za-z0-9][\w-]*\.(?:[A-Za-z][a-z]{1,5}|[A-Z]{2,6})$")


def relaying_outlet(body: str, known: Callable[[str], str | None]) -> str | None:
    for match in _RELAYING_AS.finditer(body):
        spelling = match.group("o").rstrip(".")
        if _SITE_NAME.match(spelling) or known(spelling):
            return spelling
    for match in _RELAYING.finditer(body):
        spelling = match.group("o").rstrip(".")
        if (
            _SITE_NAME.match(spelling)
            or match["verb"] != "сообщает"
            and (known(spelling) or match["address"] and spelling[:1].isupper())
        ):
            # A site naming itself by its address («сообщает Centr.Asia со ссылкой на …»); an
            # outlet's brand after «сообщает» is more often cited than relaying.
            return spelling
    return None
