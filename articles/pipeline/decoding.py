"""Bytes → text for article files: UTF-8 (±BOM), UTF-16/32 with a BOM, UTF-16 without one, or
Windows-1251 — and files that mix Windows-1251 with UTF-8.

Pure. Windows-1251 is tried only when the bytes are not valid UTF-8, and accepted only when the
result reads like Russian text; binary data (NUL or control bytes) is rejected with a message.
A file glued together from a Windows-1251 part and a UTF-8 part is read part by part, each in its
own encoding, with a warning that names where the UTF-8 is: decoding all of it as Windows-1251
would turn the UTF-8 part into mojibake («РњРѕСЃРєРІР°») without a word.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


class Unreadable(Exception):
    """A reason the bytes are not an article's text; the parser turns it into a ParseError."""


@dataclass(frozen=True)
class Decoded:
    text: str
    warning: str = ""  # something the operator should know, though the text was read


_BOMS = [
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
]
_ALLOWED_CONTROLS = set("\t\n\r\f\v\x1a")  # \x1a: the DOS end-of-file mark some old tools append
_ALLOWED_CONTROL_BYTES = {ord(c) for c in _ALLOWED_CONTROLS}
# Characters a Windows-1251 Russian text plausibly holds besides ASCII and Cyrillic letters.
_CP1251_TYPOGRAPHY = set("«»—–…№“”„‘’‚•\u00a0\u00ad°±§©®·ІіЇїЄєЎўҐґ")

# A run of valid UTF-8 (RFC 3629: no overlong forms, no surrogates).
_UTF8_RUN = re.compile(
    rb"(?:[\x00-\x7f]|[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2})+"
)
# Windows-1251 text holds a valid two-byte UTF-8 sequence only by accident, and never several in a
# row: its lowercase letters (0xE0–0xFF) cannot start one followed by another letter. A UTF-8 run
# with this many multi-byte characters is UTF-8; a shorter one is read with its neighbours.
UTF8_RUN_MIN_CHARS = 3
_UTF8_CHAR = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


def _familiar(char: str) -> bool:
    """A character a Russian article written in UTF-8 holds: Russian letters, Latin-1, typography."""
    return "\u0400" <= char <= "\u045f" or "\u00a0" <= char <= "\u024f" or "\u2010" <= char <= "\u2122"


def decode(data: bytes) -> str:
    """Bytes → text, or Unreadable naming why the bytes are not text."""
    return decode_reporting(data).text


def decode_reporting(data: bytes) -> Decoded:
    """Bytes → text and a warning when the reading needed one (mixed encodings)."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                raise Unreadable(f"undecodable: invalid {label} after its byte-order mark") from None
            _reject_controls(text)
            return Decoded(text)
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise Unreadable("binary file (contains NUL bytes)")
        _reject_controls(text)
        return Decoded(text)
    # ASCII control bytes mean binary, whatever the 8-bit encoding would make of the rest.
    controls = sum(1 for b in data if (b < 32 and b not in _ALLOWED_CONTROL_BYTES) or b == 127)
    if controls > max(2, len(data) // 1000):
        raise Unreadable("binary file (control characters)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        decoded = _decode_mixed(data)
    else:
        decoded = Decoded(text)
    _reject_controls(decoded.text)
    return decoded


# --- UTF-16 without a byte-order mark ------------------------------------------------------------


def _utf16_without_bom(data: bytes) -> str | None:
    """The text when the bytes are UTF-16 without a BOM, else None.

    In UTF-16 every ASCII character (spaces, digits, punctuation) has a zero byte, always on the same
    side: the odd bytes in little-endian, the even ones in big-endian. Binary data has its zeros
    anywhere. What decodes must then read as text in the alphabets an article uses.
    """
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if even and odd:
        return None
    codec = "utf-16-le" if odd else "utf-16-be"
    if len(data) % 2:
        if _plausible_utf16(data[:-1], codec) is not None:
            raise Unreadable(
                f"{codec.upper()} text without a byte-order mark, but an odd number of bytes (cut short?)"
            )
        return None
    return _plausible_utf16(data, codec)


def looks_like_utf16(data: bytes) -> bool:
    """Whether the bytes start like UTF-16 text (with a byte-order mark or without one)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) and not data.startswith(b"\xff\xfe\x00\x00"):
        return True
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if not (even or odd) or (even and odd):
        return False
    head = data[: len(data) // 2 * 2]
    return _plausible_utf16(head, "utf-16-le" if odd else "utf-16-be") is not None


def _plausible_utf16(data: bytes, codec: str) -> str | None:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    if not text or "\x00" in text:
        return None
    familiar = sum(1 for c in text if c < "\u0530" or "\u2000" <= c <= "\u21ff" or c in _ALLOWED_CONTROLS)
    if familiar < 0.95 * len(text):
        return None  # binary read as UTF-16 is a spread of CJK and symbols
    return text


# --- Windows-1251, alone or mixed with UTF-8 -----------------------------------------------------


def _decode_mixed(data: bytes) -> Decoded:
    """Bytes that are not UTF-8: Windows-1251, or Windows-1251 with UTF-8 parts."""
    parts: list[tuple[int, int, bool]] = []  # (start, end, is UTF-8)
    position = 0
    for run in _UTF8_RUN.finditer(data):
        # The run's ASCII head reads the same either way, and a Windows-1251 capital before a
        # closing quote («ЕС») makes a valid but unlikely UTF-8 character (ѻ): the UTF-8 part starts
        # at its first character a Russian text would hold.
        letters = [m for m in _UTF8_CHAR.finditer(run.group()) if _familiar(m.group().decode("utf-8"))]
        if len(letters) < UTF8_RUN_MIN_CHARS:
            continue
        start = run.start() + letters[0].start()
        if start > position:
            parts.append((position, start, False))
        parts.append((start, run.end(), True))
        position = run.end()
    if position < len(data):
        parts.append((position, len(data), False))
    utf8 = [(start, end) for start, end, is_utf8 in parts if is_utf8]
    if not utf8:
        return Decoded(_decode_cp1251(data))
    cp1251 = b"".join(data[start:end] for start, end, is_utf8 in parts if not is_utf8)
    _decode_cp1251(cp1251)  # the rest must still read as Russian text
    text = "".join(data[start:end].decode("utf-8" if is_utf8 else "cp1251") for start, end, is_utf8 in parts)
    where = ", ".join(f"bytes {start}–{end - 1}" for start, end in utf8[:3])
    more = f" and {len(utf8) - 3} more parts" if len(utf8) > 3 else ""
    return Decoded(
        text,
        f"mixed encodings: Windows-1251 with UTF-8 from byte {utf8[0][0]} ({where}{more}); "
        "each part read in its own encoding",
    )


def _decode_cp1251(data: bytes) -> str:
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        raise Unreadable("undecodable: neither UTF-8 nor Windows-1251 text") from None
    non_ascii = [c for c in text if ord(c) > 127]
    cyrillic = sum(1 for c in non_ascii if "\u0410" <= c <= "\u044f" or c in "Ёё")
    odd = len(non_ascii) - cyrillic - sum(1 for c in non_ascii if c in _CP1251_TYPOGRAPHY)
    # Real Russian text is mostly Cyrillic letters; random bytes decode to a spread of symbols.
    if cyrillic < 3 or odd > max(2, len(non_ascii) // 50) or cyrillic < 0.8 * len(non_ascii):
        raise Unreadable("undecodable: neither UTF-8 nor Windows-1251 text")
    return text


def _reject_controls(text: str) -> None:
    if "\x00" in text:
        raise Unreadable("binary file (contains NUL bytes)")
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in _ALLOWED_CONTROLS)
    if controls > max(2, len(text) // 1000):
        raise Unreadable("binary file (control characters)")
