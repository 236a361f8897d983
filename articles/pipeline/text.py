"""The one text normaliser, and its named variants for callers that need another shape.

Every comparison of a name, form, spelling or word across the project goes through `normalise`:
the archive's `normalised` columns, the reference-data lookups, the extractor's dictionaries and the
filters all have to agree on it, or a name stored by one is not found by another.
"""

from __future__ import annotations


def normalise(text: str) -> str:
    """The key a name, alias, form or spelling is matched on: case-folded, ё→е, single spaces.

    «Шойгу  Сергей Кужугетович» and «шойгу сергей кужугетович» share a key; so do «Приёмка» and
    «ПРИЕМКА» (Russian texts write ё only sometimes, so it can never tell two names apart).
    """
    return " ".join(text.replace("ё", "е").replace("Ё", "Е").casefold().split())


def fold(text: str) -> str:
    """`normalise` without touching the length: lower case and ё→е, one character for one.

    For text searched in place (a body highlighted, a snippet cut around a match): an offset found
    in the folded text is the same offset in the original. The rare character whose lower case is
    longer (`İ`) is kept as it is; spaces are not collapsed.
    """
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(lower := c.lower()) != 1 else lower for c in text)
    return low.replace("ё", "е")


def normalise_apostrophes(text: str) -> str:
    """`normalise` that also reads a typographic apostrophe as the plain one: «Кот-д’Ивуар» is the
    lexicon's «Кот-д'Ивуар». For names the lexicon spells with an apostrophe (the gazetteer)."""
    return normalise(text.replace("’", "'"))


def spelled_like(new: str, original: str) -> str:
    """A word pymorphy produced (`new`, an inflection of `original`) spelled as the text spelled
    `original`: ё only where the author wrote it (pymorphy always writes ё), capitalised like it."""
    if "ё" not in original.lower():
        new = new.replace("ё", "е")
    if original[:1].isupper():
        new = new[:1].upper() + new[1:]
    return new
