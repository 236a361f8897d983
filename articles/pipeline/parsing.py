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

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from articles.pipeline.attribution import find_attribution, find_source_line, outlet_for
from articles.pipeline.cleaning import (
    drop_repeats,
    is_furniture,
    is_photo_credit,
    marked_headline,
    normalise_lines,
    paragraphs,
    staff_credit_outlet,
)
from articles.pipeline.datelines import (
    find_lead_date,
    find_publication_line,
    lookup_outlet,
    split_dateline,
    subtitle_over_lead,
    with_year_from_text,
    year_in_text,
)
from articles.pipeline.dates import PartialDate
from articles.pipeline.decoding import Unreadable, decode_reporting
from articles.pipeline.furniture import LineKind, classify, read_head
from articles.pipeline.headline_below import headline_over_byline, headline_under_lead
from articles.pipeline.headline_broken import join_broken_headline, split_run_in_headline
from articles.pipeline.headlines import (
    HEADLINE_MAX,
    derive_title,
    drop_slogan,
    end_dateline_line,
    find_dateline,
    read_preamble,
    split_title_lead,
    without_marks,
)
from articles.pipeline.page_labels import not_a_headline
from articles.pipeline.page_outlets import site_suffix_date, split_site_name
from articles.pipeline.page_rubrics import without_rubric_prefix
from articles.pipeline.page_tail import read_tail, read_tail_date
from articles.pipeline.text import normalise

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# Extraction time grows faster than the text (a sentence of 40,000 characters takes half a minute),
# so an article is bounded in characters as well as bytes, and so is each of its lines: an article
# longer than this, or a line longer than that, is refused with a message, never cut silently.
MAX_ARTICLE_CHARS = 100_000
MAX_LINE_CHARS = 20_000


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
    date_text_year: int | None = None  # for a date without a year: a year the text ties to it
    collected: dt.date | None = None  # when the record was collected (a .jsonl `collected` key)


@dataclass
class ParseError:
    source_file: str
    reason: str
    line: int | None = None  # for .jsonl

    def __str__(self) -> str:
        where = f"{self.source_file}:{self.line}" if self.line is not None else self.source_file
        return f"{where}: {self.reason}"


CREDIT_LINES = 40  # lines looked at for a staff photographer's credit naming the paper
TITLE_REPEAT = 5  # paragraphs looked at for a repeat of the title
LEAD_PARAGRAPHS = 3  # with no dateline, a date in these opening paragraphs dates the article
LABEL_WORDS = 3  # a paragraph of at most this many words over the lead is a rubric or a label
SUBTITLE_STAMP_AT = 2  # a bare timestamp paragraph this far down, under a subtitle, is the page's date

# A paragraph of one sentence saying who told what the headline says: «Об этом сообщили в пресс-службе
# Минобороны.» under «Министр … находится в Баку.»; the news follows it.
_TOLD_ABOVE = re.compile(r"^Об\s+этом\s+[^.!?]{3,150}[.!]$")
# " date 2026-01-27 Title": the header line of scraped files (the title may be missing).
_HEADER = re.compile(r"^date\s+(\d{4}(?:-\d{2}){0,2}|--\d{2}-\d{2})(?:\s+(.*))?$")


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
    collected: dt.date | None = None,
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
    header_outlet: str | None = None

    match = _HEADER.match(lines[0]) if lines else None
    if match:
        try:
            header_date = PartialDate.from_iso(match.group(1))
        except ValueError:
            header_date = None
        header_title = (match.group(2) or "").strip() or None
        if header_title and len(header_title) > HEADLINE_MAX:
            lines.insert(1, header_title)  # a scraper put the lead where the title goes
            header_title = None
        if header_title and (
            len(header_title) <= 3 or classify(header_title, outlets) in (LineKind.OUTLET, LineKind.LANGUAGES)
        ):
            header_outlet = header_title if lookup_outlet(header_title, outlets) else None
            header_title = None  # « date 2025-10-15 МЕДИАГРУППА «ЗВЕЗДА»»: the site, not the title
        lines.pop(0)
        while lines and not lines[0]:
            lines.pop(0)
        if header_title and (opening := split_dateline(header_title, outlets)) and opening[2]:
            lines[:0] = [
                header_title,
                "",
            ]  # « date … ПАРИЖ, 1 фев - РИА Новости. Франция …»: the text's dateline
            header_title = None
        if header_title:
            header_title, header_site = split_site_name(header_title, outlets)
            header_outlet = header_outlet or header_site  # « date … НГ: Заголовок»: the paper's prefix
            header_title, header_lead = split_title_lead(without_marks(header_title))
            if header_lead:
                lines[:0] = [header_lead, ""]  # the scraper ran the lead into the title
        if (
            header_title
            and lines
            and (_furniture_below(lines[0], outlets) or not_a_headline(header_title, outlets))
        ):
            # « date … Перейти к основному контенту» over «Политика», « date … Рубрика» over a
            # timestamp, « date … Поиск»: the scraper took the page's first line; the headline is
            # further down.
            lines.insert(0, header_title)
            header_title = None

    if title is None and header_title is None:
        join_broken_headline(lines)
    source_line = find_source_line(lines, outlets)
    credits = (staff_credit_outlet(s, lambda o: lookup_outlet(o, outlets)) for s in lines[:CREDIT_LINES] if s)
    credit_outlet = next(filter(None, credits), None)
    tail_outlet = read_tail(lines, outlets)
    tail_date = read_tail_date(lines)
    if title is None and header_title is None:
        drop_slogan(lines)  # «Честные и полезные новости …» over the headline and its date line
    head = read_head(lines, outlets)
    kept = ["" if is_photo_credit(s) or is_furniture(s) else s for s in lines]
    if any(kept):  # a text that is nothing but credit-like lines keeps them: it has nothing else
        lines = kept
    while lines and not lines[0]:
        lines.pop(0)

    want_headline = title is None and header_title is None
    headline, line_date, line_outlet = read_preamble(lines, outlets, want_headline)
    end_dateline_line(lines, outlets)
    headline_outlet = headline_date = None
    if headline:
        headline_date = site_suffix_date(headline, outlets)  # «Заголовок - РИА Новости, 24.12.2019»
        headline, headline_outlet = split_site_name(headline, outlets)
        headline = without_rubric_prefix(headline)
        headline = marked_headline(headline) or headline  # «Видео: Шойгу прибыл в КНДР»
    given_title = title or header_title or headline

    paras = drop_repeats(paragraphs(lines))
    if given_title:  # a .jsonl text or a page that repeats its title over the text
        key = normalise(given_title)
        paras = [p for n, p in enumerate(paras) if n >= TITLE_REPEAT or normalise(p) != key]

    place, dateline_date, dateline_source = "", None, None
    at, found = find_dateline(paras, outlets)
    if found is not None:
        place, dateline_date, dateline_source, rest = found
        if rest:
            paras[at] = rest
        else:
            paras.pop(at)

    if not given_title and found is None and (below := headline_under_lead(paras, HEADLINE_MAX)) is not None:
        given_title = without_marks(paras.pop(below))  # a teaser lead above the headline
    if not given_title and (below := headline_over_byline(paras, HEADLINE_MAX)) is not None:
        given_title = without_marks(paras.pop(below))  # the headline printed under the text
    if (
        not given_title
        and found is None
        and paras
        and (run_in := split_run_in_headline(paras[0])) is not None
    ):
        given_title, paras[0] = run_in  # «Встреча министров … 5 февраля в Москве состоялась встреча …»

    stamp_date = _stamp_under_subtitle(paras, outlets) if found is None else None
    body = "\n\n".join(paras)
    lead = paras[at] if at < len(paras) else (paras[0] if paras else "")
    line_date = head.date or line_date or stamp_date

    for stamped in (line_date, headline_date):
        # «5 апр — РИА Новости» under «05.04.2025, 13:47» or under «Заголовок - РИА Новости,
        # 05.04.2025»: the same day, with its year
        if dateline_date and stamped and dateline_date.year is None:
            if (dateline_date.month, dateline_date.day) == (stamped.month, stamped.day):
                dateline_date = stamped
    article_date = date if date else header_date or dateline_date or line_date or headline_date or tail_date
    if not article_date:
        opening = paras[: at + LEAD_PARAGRAPHS]
        # Under the headline a one-sentence subtitle may recall an earlier stage («Закон принят
        # Госдумой 7 октября …» under «Путин подписал закон …»): its date counts only as a later
        # paragraph's does, tied to the story that the headline and the lead below it tell.
        # A rubric or a label left over the lead («Армия») is no paragraph of the story.
        lead_at = next((n for n, p in enumerate(opening) if len(p.split()) > LABEL_WORDS), 0)
        if given_title and at == 0 and subtitle_over_lead(opening[lead_at:]):
            lead_at += 1
        story = "\n".join(filter(None, [given_title or "", opening[lead_at] if opening else ""]))
        # A page that opens on its headline as a sentence («Министр … находится в Баку.»), then only
        # who told it («Об этом сообщили в пресс-службе …»): the paragraph under that is the lead.
        # Under a lead of its own, such a paragraph's date may be an earlier stage's.
        told = not given_title and len(opening) > lead_at + 2 and _TOLD_ABOVE.match(opening[lead_at + 1])
        leads = {lead_at, lead_at + 2} if told else {lead_at}
        dated = (find_lead_date(p, None if n in leads else story) for n, p in enumerate(opening))
        article_date = next(filter(None, dated), None) or PartialDate()
    article_date = with_year_from_text(article_date, body)

    outlet = (
        source
        or dateline_source
        or header_outlet
        or headline_outlet
        or source_line
        or head.outlet
        or line_outlet
        or tail_outlet
        or find_attribution(body, outlets)
        or credit_outlet
    )
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
        date_text_year=year_in_text(article_date, body),
        collected=collected,
        warnings=warnings,
    )


def _stamp_under_subtitle(paras: list[str], outlets: Mapping[str, str]) -> PartialDate | None:
    """A page's timestamp standing alone under the subtitle («Шойгу … подписали …» / «Как отметил
    Шойгу, …» / «2021-12-01 16:41:01» / the text): the publication date, taken out of the text
    (in place). Only a full date in the first paragraphs but one, one sentence above it: lower in
    the text a bare date line is another item's."""
    from razdel import sentenize

    for at in range(1, min(SUBTITLE_STAMP_AT, len(paras) - 1) + 1):
        if classify(paras[at], outlets) != LineKind.TIMESTAMP:
            continue
        if any(len(list(sentenize(p))) > 1 for p in paras[:at]):
            return None
        found = find_publication_line(paras[at], outlets)
        if found is None or not found[0].year or not found[0].day:
            return None
        del paras[at]
        return found[0]
    return None


def _furniture_below(line: str, outlets: Mapping[str, str]) -> bool:
    """Is the line under a header's title the page's furniture (a timestamp, a menu, a widget, a
    one- or two-word rubric)? Then that title was the page's first line too, not its headline."""
    if classify(line, outlets) in (LineKind.TIMESTAMP, LineKind.NAVIGATION, LineKind.WIDGET):
        return True
    return len(line.split()) <= 2 and not line.endswith((".", "!", "?"))


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
