"""«договор по поставке оружия», «договор на закупку истребителей»: a «договор» of a sale is a contract,
not a treaty between states (whose «договор» is about relations, borders, forces or cooperation)."""

from __future__ import annotations

import re

from articles.pipeline.extraction.documents import Mention

SALE = re.compile(
    r"^(?:на|по|о|об)\s+(?:[а-яё-]+\s+){0,2}?(?:поставк|поставок|закупк|закупок|покупк|продаж|приобретени)"
    # «договор на 2 фрегата», «на вторую пару подобных кораблей», «на строительство корветов»: goods, or
    # work on them, by number (not «договор на 25 лет»: a treaty's term)
    r"|^на\s+(?:\d+(?:-(?:х|ух|ти))?\s+(?!лет\b|год)|(?:[а-яё]+\s+){0,2}?(?:пар[уы]|парти[юи])\s|"
    r"строительств|ремонт|модернизаци)",
    re.I,
)


def sale_contract(m: Mention, text: str) -> bool:
    """`m` is a «договор» whose name says it sells or supplies something."""
    return (
        m.kind == "treaty"
        and text[m.start : m.end].lower().startswith("договор")
        and bool(SALE.match(m.complement))
    )
