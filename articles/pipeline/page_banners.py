"""Page lines that are the site's own blocks, never the headline or the publication date.

Pure. Three shapes a copied page brings above the article: an advertising disclosure (the
advertiser's token «erid: …» that Russian law requires on every advertisement), a news ticker (the
site's latest headlines run together, each with its own date and time) and a deep breadcrumb trail
(«Главная > Раздел > russian > Общество», whatever its segments' case or script).
"""

from __future__ import annotations

import re

# «erid: 2Vtzqx…», «erid 2Vtzq…»: the advertisement's registration token.
_AD_TOKEN = re.compile(r"(?<![\w-])erid\s*[:=]?\s*[0-9A-Za-z]{6,}", re.IGNORECASE)


def is_ad_disclosure(line: str) -> bool:
    """«Реклама. 12+. ООО «…». Соглашение: site.ru/legal/terms. erid: 2Ran…»: an advertisement's
    legal label."""
    return len(line) <= 300 and bool(_AD_TOKEN.search(line))


# A year and a time of day together («26 Ноябрь 2025 г., 15:56», «2025-11-26 15:56»): one item's stamp.
_YEAR_AND_TIME = re.compile(r"(?<!\d)(?:19|20)\d{2}(?:\s*г\.?)?\s*,?\s*(?:в\s+)?\d{1,2}:\d{2}(?!\d)")


def is_news_ticker(line: str) -> bool:
    """One line holding two stamps of a year and a time or more: a run of other articles'
    headlines, each with its date («СЕГОДНЯ НА САЙТЕ: Заголовок 26 Ноябрь 2025 г., 15:56Другой …»).
    An article's own paragraph names a time of day once, never two dated times."""
    return len(_YEAR_AND_TIME.findall(line)) >= 2


_TRAIL_SEPARATOR = re.compile(r"\s+(?:>|›|→|»)\s+")


def is_deep_trail(line: str) -> bool:
    """Four segments or more between arrow-like separators, none longer than four words and none
    ending a sentence: a breadcrumb trail, even with a lower-case segment or a foreign label."""
    if line.rstrip().endswith((".", "!", "?")):
        return False
    segments = _TRAIL_SEPARATOR.split(line.strip())
    return len(segments) >= 4 and all(0 < len(s.split()) <= 4 for s in segments)


_NUMBERED = re.compile(r"^\s*(?P<n>\d{1,2})\.\s+\S")


def numbered_trail_end(lines: list[str]) -> int:
    """Where a numbered breadcrumb trail opening the page ends («1. Главная» / «2. Раздел» / «3.
    Заголовок»): two lines or more numbered 1, 2, 3 … in order, none ending a sentence, before
    any other line; 0 when the page opens otherwise. (An article's own numbered list stands under
    its headline and lead, never above them.)"""
    index = next((i for i, s in enumerate(lines) if s.strip()), len(lines))
    number = 1
    while index < len(lines):
        match = _NUMBERED.match(lines[index])
        if not match or int(match["n"]) != number or lines[index].rstrip().endswith((".", "!", "?")):
            break
        number += 1
        index += 1
    return index if number > 2 and any(s.strip() for s in lines[index:]) else 0
