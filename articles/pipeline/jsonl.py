""".jsonl batches: one article a line, a JSON object whose fields are checked one by one.

Pure. `text` is required and must be a non-empty string; `title`, `date`, `source`, `url` and
`collected` are optional and must be strings or null. A record with a field of another type is named
(file, line, field) and skipped: storing `{'nested': 1}` as a title or an outlet called "True"
helps nobody. NUL characters are removed from every field, with a warning: PostgreSQL cannot store
them, so SQLite must not keep them either, and both databases then hold the same text. An unpaired
surrogate (`"\\ud800"`) is not Unicode text at all: its record is refused.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator, Mapping

from articles.pipeline.dates import PartialDate
from articles.pipeline.decoding import Unreadable, decode_reporting, looks_like_utf16
from articles.pipeline.parsing import DEFAULT_MAX_BYTES, ParsedArticle, ParseError, parse_text, too_large

OPTIONAL_FIELDS = ("title", "date", "source", "url", "collected")
_SURROGATE = re.compile("[\ud800-\udfff]")
_JSON_TYPES = {dict: "an object", list: "an array", bool: "true or false", int: "a number", float: "a number"}


def parse_jsonl(
    lines: Iterable[bytes] | bytes,
    name: str,
    outlets: Mapping[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[ParsedArticle | ParseError]:
    """A .jsonl batch → one result per non-blank line; errors carry the line number (from 1)."""
    if isinstance(lines, bytes | bytearray):
        lines = bytes(lines).splitlines(keepends=True)
    outlets = outlets or {}
    seen_any = False
    for number, raw in enumerate(lines, start=1):
        key = f"{name}:{number}"
        try:
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            elif number == 1 and looks_like_utf16(raw):
                # Its lines cannot even be told apart byte by byte: "\n" is two bytes there.
                yield ParseError(
                    name, "UTF-16 text: a .jsonl file must be UTF-8 (convert it: iconv -f UTF-16)"
                )
                return
            if not raw.strip():
                continue
            seen_any = True
            yield _parse_record(raw, key, outlets, max_bytes)
        except Unreadable as exc:
            yield ParseError(name, str(exc), line=number)
        except Exception as exc:  # a parser bug names the line, never stops the batch
            yield ParseError(name, f"cannot parse: {type(exc).__name__}: {exc}", line=number)
    if not seen_any:
        yield ParseError(name, "empty file")


def _parse_record(raw: bytes, key: str, outlets: Mapping[str, str], max_bytes: int) -> ParsedArticle:
    if len(raw) > max_bytes:
        raise Unreadable("line " + too_large(max_bytes))
    decoded = decode_reporting(raw)
    try:
        record = json.loads(decoded.text)
    except json.JSONDecodeError as exc:
        raise Unreadable(f"not JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise Unreadable("not a JSON object")
    fields, cleaned = _checked_fields(record)
    warnings = [decoded.warning] if decoded.warning else []
    if cleaned:
        warnings.append(f"NUL characters (\\u0000) removed from {', '.join(cleaned)}")
    title = _one_line(fields.get("title"))
    source = _one_line(fields.get("source"))
    url = _one_line(fields.get("url")) or ""
    date_text = _one_line(fields.get("date"))
    collected_text = _one_line(fields.get("collected"))
    return parse_text(
        fields["text"],
        key,
        outlets,
        title=title,
        date=_metadata_date(date_text),
        source=source,
        url=url[:1000],
        # (`collected` only when given: the fingerprints of records without it stay as they were)
        extra_fingerprint=(title or "", date_text or "", source or "", url, *filter(None, [collected_text])),
        warnings=tuple(warnings),
        collected=_collected(collected_text),
    )


def _collected(text: str | None) -> dt.date | None:
    """A record's `collected` day (YYYY-MM-DD): the year a date without one most likely has."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise Unreadable(f"collected is not a date YYYY-MM-DD: {text[:40]!r}") from None


def _checked_fields(record: dict) -> tuple[dict[str, str], list[str]]:
    """The record's known fields as strings (NULs removed), and the names of those that held NULs;
    Unreadable naming the first field of the wrong type."""
    fields: dict[str, str] = {}
    cleaned: list[str] = []
    for name in ("text", *OPTIONAL_FIELDS):
        value = record.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            wanted = "a non-empty string" if name == "text" else "a string or null"
            raise Unreadable(f'field "{name}" must be {wanted}, not {_JSON_TYPES.get(type(value), "that")}')
        surrogate = _SURROGATE.search(value)
        if surrogate:
            code = f"\\u{ord(surrogate.group()):04x}"
            raise Unreadable(f'field "{name}" holds an unpaired surrogate ({code}): not Unicode text')
        if "\x00" in value:
            value = value.replace("\x00", "")
            cleaned.append(name)
        fields[name] = value
    text = fields.get("text", "")
    if "text" in cleaned and not text.strip():
        raise Unreadable("no text once its NUL characters are removed")
    if not text.strip():
        raise Unreadable("text is not a non-empty string" if text else "no text")
    return fields, cleaned


def _one_line(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value is not None else None


_METADATA_DATES = [
    (re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]"), lambda m: m.group(1)),
    (re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$"), lambda m: f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}"),
]


def _metadata_date(text: str | None) -> PartialDate | None:
    """A record's `date`: ISO with reduced precision, an ISO timestamp, or DD.MM.YYYY; else ignored."""
    if not text:
        return None
    for pattern, to_iso in _METADATA_DATES:
        match = pattern.match(text)
        if match:
            text = to_iso(match)
            break
    try:
        return PartialDate.from_iso(text) or None
    except ValueError:
        return None
