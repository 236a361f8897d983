"""Parsing article files: bytes and a file name in, a ParsedArticle (or a ParseError) out.

Pure: no database. The outlet spellings table is passed in as a plain mapping
(normalised spelling → outlet name, as in `Lexicon.outlets`). The size limit is passed in too.

What a file may hold, in order: an optional header line (` date 2026-01-27 Title`), or a
headline line; then the body, whose first paragraph may open with a wire dateline
(`МОСКВА, 17 декабря. /ТАСС/.`). The body is cleaned for reading — hard-wrapped lines unwrapped,
photo credits, site furniture and word-for-word repeated blocks dropped — while `raw_text` keeps
the decoded file exactly as read.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from articles.pipeline.attribution import find_attribution, find_source_line, outlet_for
from articles.pipeline.cleaning import (
    LIST_MARKER,
    drop_repeats,
    is_byline,
    is_furniture,
    is_photo_credit,
    is_rubric,
    normalise_lines,
    paragraphs,
    wrap_width,
)
from articles.pipeline.datelines import (
    find_lead_date,
    find_publication_line,
    lookup_outlet,
    split_dateline,
    with_year_from_text,
)
from articles.pipeline.dates import PartialDate
from articles.pipeline.decoding import Unreadable, decode_reporting
from articles.pipeline.text import normalise

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# Extraction time grows faster than the text (a sentence of 40,000 characters takes half a minute),
# so an article is bounded in characters as well as bytes, and so is each of its lines: an article
# longer than this, or a line longer than that, is refused with a message, never cut silently.
MAX_ARTICLE_CHARS = 100_000
MAX_LINE_CHARS = 20_000
TITLE_LENGTH = 100  # derived titles are cut at a word boundary around this many characters
HEADLINE_MAX = 250  # a first line longer than this is the lead, not a headline


@dataclass
class ParsedArticle:
    source_file: str  # file name; for .jsonl "name.jsonl:LINE"
    title: str
    title_derived: bool
    body: str  # cleaned: unwrapped paragraphs, repeats and photo credits removed
    raw_text: str  # the decoded text exactly as read
    date: PartialDate = field(default_factory=PartialDate)
    place: str = ""  # from the dateline, e.g. "Москва"
    source: str | None = None  # outlet spelling as found (dateline or attribution); normalised on import
    url: str = ""
    fingerprint: str = ""  # sha256 of the content that matters; equal fingerprints = same article
    warnings: tuple[str, ...] = ()  # read, but the operator should know (mixed encodings, NULs removed)


@dataclass
class ParseError:
    source_file: str
    reason: str
    line: int | None = None  # for .jsonl

    def __str__(self) -> str:
        where = f"{self.source_file}:{self.line}" if self.line is not None else self.source_file
        return f"{where}: {self.reason}"


# --- title ---------------------------------------------------------------------------------------

# " date 2026-01-27 Title": the header line of scraped files (the title may be missing).
_HEADER = re.compile(r"^date\s+(\d{4}(?:-\d{2}){0,2}|--\d{2}-\d{2})(?:\s+(.*))?$")


def _headline(lines: list[str], width: int | None) -> str | None:
    """The first line when it is a headline: short, no final period, followed by the body."""
    first, rest = lines[0], lines[1:]
    following = next((s for s in rest if s), None)
    if following is None or len(first) > HEADLINE_MAX or len(first.split()) < 2:
        return None
    if first.endswith((".", ",", ":", ";", "—", "–", "-", "(")) or LIST_MARKER.match(first):
        return None
    if split_dateline(first, {}) is not None:
        return None
    blank_after = rest[:1] == [""]
    if blank_after:
        return first
    if not (following[0].isupper() or following[0] in "«\"'(–—-" or following[0].isdigit()):
        return None  # the next line continues a sentence: the first line is wrapped lead
    if width is not None and len(first) >= 0.7 * width and len(following) >= 0.7 * width:
        return None  # two full lines of a hard-wrapped lead
    return first


def derive_title(lead: str, limit: int = TITLE_LENGTH) -> str:
    """A short title from the lead: its first sentence, cut at a word boundary near `limit`."""
    from razdel import sentenize

    lead = " ".join(lead.split())
    sentence = next((s.text for s in sentenize(lead)), lead).strip()
    sentence = sentence.lstrip("-–—• ").strip()
    if len(sentence) <= limit + 10:
        return sentence.rstrip(".").strip() or sentence
    cut = sentence[: limit + 1]
    if " " in cut:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(' ,;:—–-(«"') + "…"


PREAMBLE_LINES = 8  # lines above the text looked at for a rubric, headline, byline and dates


def _read_preamble(
    lines: list[str], outlets: Mapping[str, str], want_headline: bool
) -> tuple[str | None, PartialDate | None, str | None]:
    """The block above the text, taken out of `lines`: (headline, publication date, outlet).

    Rubrics (`ПОЛИТИКА`, `Рубрика: В мире`) go above the headline, bylines (`Текст: Иван Горин`)
    below it, timestamp and issue lines anywhere; a subtitle stays as the body's first paragraph.
    A line that is only a known outlet's name names the source.
    """
    headline, line_date, outlet = None, None, None
    seen, index = 0, 0
    while index < len(lines) and seen < PREAMBLE_LINES:
        line = lines[index]
        if not line:
            index += 1
            continue
        seen += 1
        if len(line) > HEADLINE_MAX or split_dateline(line, outlets) is not None:
            break
        found = find_publication_line(line, outlets)
        if found is not None:
            line_date = line_date or found[0]
            outlet = outlet or found[1]
            del lines[index]
            continue
        if len(line.split()) <= 3 and lookup_outlet(line, outlets) and _more_text(lines, index):
            outlet = outlet or line
            del lines[index]
            continue
        if headline is None:
            if is_rubric(line) and _more_text(lines, index):
                del lines[index]
                continue
            if want_headline and index == _first_text(lines):
                headline = _headline(lines[index:], wrap_width(lines))
                if headline is not None:
                    del lines[index]
                    continue
            if not want_headline and seen == 1:
                index += 1  # the title is given: a first line may still be a subtitle
                continue
            break
        following = next((s for s in lines[index + 1 :] if s), "")
        if is_byline(line) and following and not following[0].islower():
            del lines[index]  # (a name line the next line continues is a wrapped lead's)
            continue
        if line.endswith((".", "!", "?", ":", ";", ",")) or line[0].islower() or following[:1].islower():
            break  # the text has begun (or a hard-wrapped lead goes on below)
        index += 1  # a subtitle: kept, and the block goes on below it
    return headline, line_date, outlet


def _first_text(lines: list[str]) -> int:
    return next((i for i, s in enumerate(lines) if s), len(lines))


def _more_text(lines: list[str], index: int) -> bool:
    return any(lines[index + 1 :])


# --- the parser ----------------------------------------------------------------------------------


def fingerprint(*parts: str) -> str:
    """sha256 over the content with layout normalised: re-encoding or re-wrapping a file keeps it."""
    normal = [" ".join(unicodedata.normalize("NFC", p or "").split()) for p in parts]
    return hashlib.sha256("\x1f".join(normal).encode("utf-8")).hexdigest()


def parse_file(
    data: bytes, name: str, outlets: Mapping[str, str] | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> ParsedArticle | ParseError:
    """One .txt file → a ParsedArticle, or a ParseError naming why it is not an article."""
    try:
        if len(data) > max_bytes:
            raise Unreadable(too_large(max_bytes))
        if not data:
            raise Unreadable("empty file")
        decoded = decode_reporting(data)
        if not decoded.text.strip():
            raise Unreadable("whitespace only")
        warnings = (decoded.warning,) if decoded.warning else ()
        return parse_text(decoded.text, name, outlets or {}, warnings=warnings)
    except Unreadable as exc:
        return ParseError(name, str(exc))
    except Exception as exc:  # a parser bug must name the file, never stop the batch
        return ParseError(name, f"cannot parse: {type(exc).__name__}: {exc}")


def too_large(max_bytes: int) -> str:
    """The reason given for a file over the limit: "larger than 5 MB"."""
    mb = 1024 * 1024
    size = f"{max_bytes // mb} MB" if max_bytes % mb == 0 else f"{max_bytes} bytes"
    return f"larger than {size}"


def parse_text(
    text: str,
    name: str,
    outlets: Mapping[str, str],
    *,
    title: str | None = None,
    date: PartialDate | None = None,
    source: str | None = None,
    url: str = "",
    extra_fingerprint: tuple[str, ...] = (),
    warnings: tuple[str, ...] = (),
) -> ParsedArticle:
    """Decoded text → ParsedArticle. Metadata given by the caller (a .jsonl record) wins.

    Raises Unreadable for a text over the article limits (MAX_ARTICLE_CHARS, MAX_LINE_CHARS)."""
    check_length(text)
    raw_text = text
    lines = normalise_lines(text)
    while lines and not lines[0]:
        lines.pop(0)
    header_date: PartialDate | None = None
    header_title: str | None = None

    match = _HEADER.match(lines[0]) if lines else None
    if match:
        try:
            header_date = PartialDate.from_iso(match.group(1))
        except ValueError:
            header_date = None
        header_title = (match.group(2) or "").strip() or None
        lines.pop(0)
        while lines and not lines[0]:
            lines.pop(0)

    source_line = find_source_line(lines, outlets)
    kept = ["" if is_photo_credit(s) or is_furniture(s) else s for s in lines]
    if any(kept):  # a text that is nothing but credit-like lines keeps them: it has nothing else
        lines = kept
    while lines and not lines[0]:
        lines.pop(0)

    want_headline = title is None and header_title is None
    headline, line_date, line_outlet = _read_preamble(lines, outlets, want_headline)
    given_title = title or header_title or headline

    paras = drop_repeats(paragraphs(lines))
    if given_title and paras and normalise(paras[0]) == normalise(given_title):
        paras.pop(0)  # a .jsonl text that repeats its title as the first line

    place, dateline_date, dateline_source = "", None, None
    if paras:
        found = split_dateline(paras[0], outlets)
        if found is not None:
            place, dateline_date, dateline_source, rest = found
            if rest:
                paras[0] = rest
            else:
                paras.pop(0)

    body = "\n\n".join(paras)
    lead = paras[0] if paras else ""

    if dateline_date and line_date and dateline_date.year is None:
        if (dateline_date.month, dateline_date.day) == (line_date.month, line_date.day):
            dateline_date = line_date  # «5 апр — РИА Новости» under «05.04.2025, 13:47»: the same day
    article_date = date if date else header_date or dateline_date or line_date
    if not article_date:
        article_date = find_lead_date(lead) or PartialDate()
    article_date = with_year_from_text(article_date, body)

    outlet = source or dateline_source or source_line or line_outlet or find_attribution(body, outlets)
    if outlet:
        outlet = outlet_for(outlet, outlets) or outlet

    if given_title:
        final_title, derived = given_title, False
    else:
        final_title, derived = derive_title(lead or " ".join(raw_text.split())[:500]), True
    final_title = final_title[:500].strip() or name

    return ParsedArticle(
        source_file=name,
        title=final_title,
        title_derived=derived,
        body=body,
        raw_text=raw_text,
        date=article_date,
        place=place,
        source=outlet or None,
        url=url,
        fingerprint=fingerprint(raw_text, *extra_fingerprint),
        warnings=warnings,
    )


def check_length(text: str) -> None:
    """Unreadable when the text is too long for one article, or holds a line too long for one."""
    if len(text) > MAX_ARTICLE_CHARS:
        raise Unreadable(
            f"too long for one article: {len(text):,} characters (at most {MAX_ARTICLE_CHARS:,})"
        )
    if len(text) <= MAX_LINE_CHARS:
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise Unreadable(
                f"line {number} is {len(line):,} characters long (at most {MAX_LINE_CHARS:,}): "
                "not an article's text, whose paragraphs are lines of their own"
            )
