"""«договор по поставке оружия», «договор на закупку истребителей»: a «договор» of a sale is a contract,
not a treaty between states (whose «договор» is about relations, borders, forces or cooperation)."""

from __future__ import annotations

import re

from articles.pipeline.extraction.documents import Mention

SALE = re.compile(
    r"^(?:на|по|о|об)\s+(?:[а-яё-]+\s+){0,2}?(?:поставк|поставок|закупк|закупок|покупк|продаж|приобретени)",
    re.I,
)


def sale_contract(m: Mention, text: str) -> bool:
    """`m` is a «договор» whose name says it sells or supplies something."""
    return (
        m.kind == "treaty"
        and text[m.start : m.end].lower().startswith("договор")
        and bool(SALE.match(m.complement))
    )
