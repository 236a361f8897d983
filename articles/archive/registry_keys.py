"""The registry's candidate keys: which agreements of a pair a new mention can score against at all.

`registry.resolve` once read and scored every agreement of the mention's parties. That is a few dozen
for a pair in a small archive, but thousands for a busy pair of a large one: a generated archive of
100,000 articles keeps about 3,000 agreements of its busiest pair, each decoded and scored for each of
its mentions (50 µs each, 150 ms a mention, the import's largest cost at that size).

`registry.score` can reach FIT_SCORE — the least at which a candidate counts — only by one of four routes:

- a title term in common: title similarity is the weighted overlap of the two titles' terms, zero
  without a shared one, and a bonus alone (SIGNATORY_BONUS, SAME_DAY_BONUS, each 0.3) stays below it;
- a signatory in common (with the same signing day, both bonuses reach JOIN_SCORE with no title);
- the same signing day, to the day;
- being the pair's only document of the mention's kind (`registry._lone`), which resolution finds from
  the kinds alone.

So each agreement is indexed by the terms of every title it has seen (its `titles`, `plain` and
`cores`), its signatories and its full signing days (`AgreementKey`, kept by `registry._store`), and a
mention is scored only against the agreements of its parties sharing one of its own keys, plus the lone
one: the same agreements as before pass, the rest never could. A new route to a join must add its key
here. tests/test_registry_keys.py checks every pair of real mentions the full scan would join.
"""

from __future__ import annotations

from collections.abc import Iterable

TERM, SIGNATORY, SIGNED_ON = "t:", "s:", "d:"
MAX_KEY = 200  # AgreementKey.key's length: a longer term is cut (the same cut on both sides)


def _key(prefix: str, value) -> str:
    return f"{prefix}{value}"[:MAX_KEY]


def for_titles(word_lists: Iterable[Iterable[str]]) -> set[str]:
    return {_key(TERM, word) for words in word_lists if words for word in words}


def for_signatories(pks: Iterable[int]) -> set[str]:
    return {_key(SIGNATORY, pk) for pk in pks}


def for_day(year: int | None, month: int | None, day: int | None) -> set[str]:
    """A signing day to the day: a year-less day never makes the same day (`registry.score`)."""
    return {_key(SIGNED_ON, f"{year}-{month}-{day}")} if year and month and day else set()


def of_terms(terms: dict) -> set[str]:
    """An agreement's keys, from what resolution compares (`registry._empty_terms`)."""
    terms = terms or {}
    keys = for_titles([*terms.get("titles", []), *(terms.get("plain") or []), *(terms.get("cores") or [])])
    keys |= for_signatories(terms.get("signatories") or [])
    signed = terms.get("signed_dates") or ([terms["signed"]] if terms.get("signed") else [])
    for date in signed:
        keys |= for_day(*date)
    return keys
