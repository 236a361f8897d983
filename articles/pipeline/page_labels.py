"""Lines of a copied page that can never be its headline, by their shape alone.

Pure. A page's interface leaves words with nothing after them: a search box («Поиск»), a rubric or
a section link of one word («Газета»), a field whose value was an image or a script («Дата:»,
«Поделиться:», a city's clock «Иерусалим:»). A headline says something in several words and never
ends with a colon, nor runs menu items together in lower case.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from articles.pipeline.cleaning import is_consent_banner
from articles.pipeline.furniture import LineKind, classify

# «Дата:», «Поделиться:», «Иерусалим:», «Тель-Авив:»: one or two words and a colon, nothing after.
_FIELD_LABEL = re.compile(r"^[\w-]+(?:\s[\w-]+)?\s?:$")


# Lower-case menu items a copy ran together: a lower-case line holding a word longer than any
# Russian word is (items of a menu, glued).
_GLUED_MENU = re.compile(r"^[а-яё][а-яё ]*[а-яё]{25,}")


def is_field_label(line: str) -> bool:
    """«Дата:», «Иерусалим:»: a label whose value the copy lost (an image, a script, a widget)."""
    return bool(_FIELD_LABEL.match(line.strip()))


def not_a_headline(line: str, outlets: Mapping[str, str]) -> bool:
    """A page's first line that is its interface, not its headline: one word without digits, a
    field label, a cookie banner, or a line the furniture reader names a menu, a search box, a widget
    or a teaser."""
    line = line.strip()
    words = line.split()
    if len(words) == 1 and not any(c.isdigit() for c in line):
        return True
    if is_field_label(line) or is_consent_banner(line):
        return True
    if _GLUED_MENU.search(line):
        return True  # «экономикаобществополитикановости компанийпроисшествияспорт»: a menu run together
    return classify(line, outlets) in (LineKind.NAVIGATION, LineKind.WIDGET, LineKind.TEASER)
