"""Saved web pages (.html, .htm): the article's text and the page's metadata, then the text readers.

Pure (no Django, no network). trafilatura finds the article in the page and reads its metadata —
title, publication date (through htmldate, from the page's markup only: a date guessed from the
page's text could be a teaser's), site name and canonical address. The page's metadata comes
first; what it lacks, the text readers of `articles.pipeline.parsing` find in the article's text
as they do in a .txt file. A page with no article text is a ParseError like any bad file.
"""

from __future__ import annotations

from collections.abc import Mapping

from articles.pipeline.datelines import lookup_outlet
from articles.pipeline.dates import PartialDate
from articles.pipeline.page_outlets import address_outlet, split_site_name
from articles.pipeline.parsing import DEFAULT_MAX_BYTES, ParsedArticle, ParseError, parse_text, too_large

# htmldate: the original publication date from the markup (not a modification date), no guessing
# from the page's text.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}
# Fewer words than this besides the title: a menu or an error page the extractor fell back to.
MIN_WORDS = 15


def parse_html(
    data: bytes, name: str, outlets: Mapping[str, str] | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> ParsedArticle | ParseError:
    """One saved page → a ParsedArticle, or a ParseError naming why it holds no article."""
    outlets = outlets or {}
    if len(data) > max_bytes:
        return ParseError(name, too_large(max_bytes))
    if not data.strip():
        return ParseError(name, "empty file")
    try:
        page = _extract(data)
    except Exception as exc:  # a library failure on one page must name the file, never stop the batch
        return ParseError(name, f"cannot read the page: {type(exc).__name__}: {exc}")
    text = (page.text or "").strip() if page is not None else ""
    if len(text.split()) - len((page.title or "").split()) < MIN_WORDS:
        return ParseError(name, "no article text in the page")

    title, title_outlet = split_site_name(" ".join((page.title or "").split()), outlets)
    try:
        date = PartialDate.from_iso(page.date) if page.date else None
    except ValueError:
        date = None
    try:
        return parse_text(
            text,
            name,
            outlets,
            title=title or None,
            date=date or None,
            source=_site_outlet(page, outlets) or title_outlet,
            url=(page.url or "")[:1000],
            extra_fingerprint=(page.title or "", page.date or "", page.sitename or "", page.url or ""),
        )
    except Exception as exc:  # a parser bug names the file, never stops the batch
        return ParseError(name, f"cannot parse: {type(exc).__name__}: {exc}")


def _extract(data: bytes):
    from trafilatura import bare_extraction  # loaded on the first page: .txt batches never pay for it

    return bare_extraction(
        data,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=_DATE_PARAMS,
    )


def _site_outlet(page, outlets: Mapping[str, str]) -> str | None:
    """The outlet the page's site name or address names; an unknown site name as the page gives it."""
    sitename = " ".join((page.sitename or "").split())
    if sitename and lookup_outlet(sitename, outlets):
        return sitename
    for address in (page.url, page.hostname, sitename):
        found = address_outlet(address or "", outlets) if address else None
        if found:
            return found
    if sitename and "." not in sitename and len(sitename) <= 60:
        return sitename
    return None
