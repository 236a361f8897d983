"""One plural noun naming two documents: «подписали меморандумы о сотрудничестве в военной сфере и о
взаимопонимании по морским зонам», «подписала два меморандума … о военном сотрудничестве и демаркации
морских границ».

A plural document noun says nothing of any one document (`agreements._acceptable` drops it: «подписан ряд
соглашений»), unless its name lists exactly two subjects and the text says there are two of them: the
preposition said again before the second («о … и о …»), or the count «два» / «две» / «оба» before the noun.
Each subject is then one document of that kind, with the stage and parties the plural had. Subjects
joined by «и» without either sign («соглашения о торговле и инвестициях») may be one document about
both, or several: nothing is split.
"""

from __future__ import annotations

import copy
import re

from articles.pipeline.extraction.documents import Mention
from articles.pipeline.nlp import parses

# «о A и о B», «об A и об B», «о A и об B»: the preposition said again starts the second subject.
_AGAIN = re.compile(r"\s+и\s+(?=(?:о|об)\s)", re.I)
_ANY_AND = re.compile(r"\s+и\s+", re.I)
_ABOUT = re.compile(r"^(?:о|об)\s", re.I)
# «два меморандума», «две программы», «оба соглашения», with up to two words between («два новых
# межправительственных соглашения»).
_TWO = re.compile(r"\b(?:два|две|оба|обе|2)\s+(?:[а-яё-]+\s+){0,2}$", re.I)


def _subjects(words: str, two: bool) -> list[str] | None:
    """The two subjects of «о A и о B» (or, counted two, «о A и B»), each with its preposition."""
    about = _ABOUT.match(words)
    if about is None:
        return None
    parts = _AGAIN.split(words)
    if len(parts) == 1 and two:
        parts = _ANY_AND.split(words, maxsplit=1)
        if len(parts) == 2:
            second = parts[1]
            preposition = "об" if second[:1].lower() in "аеиоуэ" else "о"
            parts[1] = f"{preposition} {second}"
    if len(parts) != 2 or not all(len(p.split()) >= 2 for p in parts):
        return None
    return parts


def _singular(word: str) -> str:
    """«меморандумы» / «меморандума» → «меморандум»; «соглашения» → «соглашение»."""
    noun = next((p for p in parses(word.lower()) if p.tag.POS == "NOUN"), None)
    return noun.normal_form if noun is not None else word


def listed(m: Mention, text: str) -> list[Mention]:
    """The documents a mention names: two when a plural noun lists two subjects (above), else itself."""
    if not m.plural or not m.complement or m.kind == "roadmap":
        return [m]
    two = bool(_TWO.search(text[max(0, m.start - 40) : m.start]))
    if m.counted and not two:
        return [m]  # «ряд соглашений о торговле и об инвестициях»: several of each, not two
    subjects = _subjects(m.complement, two)
    head = text[m.start : m.end]
    at = m.title.find(" о ") if " о " in m.title else m.title.find(" об ")
    names = _subjects(m.title[at + 1 :], two) if at >= 0 else None
    if subjects is None or names is None:
        return [m]
    out = []
    for subject, name in zip(subjects, names, strict=True):
        one = copy.copy(m)
        one.plural = one.counted = False
        one.complement = subject
        one.title = f"{_singular(head.split()[-1])} {name}"
        out.append(one)
    return out
