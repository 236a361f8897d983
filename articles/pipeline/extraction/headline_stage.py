"""A headline that reports a later stage of a document the body names: the stage counts, and its name.

Agreements are read in the body only; a headline is the article's own summary of its news, and an
outlet often writes the stage there and only a noun below («Россия ратифицировала договор о партнерстве
с Венесуэлой» above «Совет Федерации одобрил ратификацию договора …»; a lead sentence taken for the
title: «Депутаты … ратифицировали договор …», the body then «В связи с ратификацией договора»).

Only the stages after signing (ratified, in force, extended, suspended, ended) are read there: a signing
in a headline may be another document's («подписали важный документ»), and a plan is no stage reached.
A body document named only by its noun («договор») takes the headline's name of it («договор о
стратегическом партнерстве …»): the registry can tell it by that.

The body's document takes the headline's stage or name only when it is the one body document of the
same kind between the same parties (or some of them: «договор», the article's pair given later); the
stage only moves later, never earlier.

A document the body only refers to («Дума ратифицировала военное соглашение с Кубой» above «ратификация
создаст правовую основу … данного соглашения», «Документ определяет …»): when the headline tells a stage
after signing and the body finds no document at all yet names one with the headline's noun, the
headline's document is the article's, its evidence the body's first nouns of that kind. Its parties are
the headline's; one missing is the article's pair (`_between_states`).
"""

from __future__ import annotations

from dataclasses import replace

from articles.pipeline.extraction.agreements import find_agreements
from articles.pipeline.extraction.cues import AFTER_SIGNING, RANK
from articles.pipeline.extraction.documents import DOC_NOUN, kind_of, tokens_in
from articles.pipeline.extraction.entities import AgreementMention


def raise_from_headline(
    agreements: list[AgreementMention], title: str, title_hits: list, lexicon, body: str = ""
) -> list[AgreementMention]:
    if not title or not title_hits:
        return agreements
    for told in find_agreements(title, title_hits, [], lexicon):
        if not agreements:
            agreements = _only_in_headline(told, body, agreements)
            continue
        if len(told.parties) != 2:
            continue
        same = [a for a in agreements if a.kind == told.kind and set(a.parties) <= set(told.parties)]
        if len(same) != 1:
            continue
        body = same[0]
        if told.status in AFTER_SIGNING and RANK.get(body.status, 0) < RANK[told.status]:
            body.status = told.status
        if len(body.title.split()) == 1 and len(told.title.split()) > 1:
            body.title = told.title
    return agreements


def _only_in_headline(told: AgreementMention, body: str, agreements: list) -> list[AgreementMention]:
    """`agreements` with the headline's document added when the body, which found none, refers to it."""
    if told.status not in AFTER_SIGNING or not told.parties or len(told.parties) > 2:
        return agreements
    spans = [(m.start(), m.end()) for m in DOC_NOUN.finditer(body) if _noun_kind(body, m) == told.kind]
    if not spans:
        return agreements
    return [*agreements, replace(told, spans=spans[:3])]


def _noun_kind(text: str, match) -> str | None:
    tokens = tokens_in(text, max(0, match.start() - 40), match.end())
    return kind_of(tokens, len(tokens) - 1) if tokens else None
