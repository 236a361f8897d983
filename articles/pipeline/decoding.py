"""Bytes → text for article files: UTF-8 (±BOM), UTF-16/32 with a BOM, or Windows-1251.

Pure. Windows-1251 is tried only when the bytes are not valid UTF-8, and accepted only when the
result reads like Russian text; binary data (NUL or control bytes) is rejected with a message.
"""

from __future__ import annotations

import unicodedata


class Unreadable(Exception):
    """A reason the bytes are not an article's text; the parser turns it into a ParseError."""


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


def decode(data: bytes) -> str:
    """Bytes → text. UTF-8 (±BOM), UTF-16/32 with a BOM, or Windows-1251 when it is not UTF-8."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                raise Unreadable(f"undecodable: invalid {label} after its byte-order mark") from None
            _reject_controls(text)
            return text
    if b"\x00" in data:
        raise Unreadable("binary file (contains NUL bytes)")
    # ASCII control bytes mean binary, whatever the 8-bit encoding would make of the rest.
    controls = sum(1 for b in data if (b < 32 and b not in _ALLOWED_CONTROL_BYTES) or b == 127)
    if controls > max(2, len(data) // 1000):
        raise Unreadable("binary file (control characters)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode_cp1251(data)
    _reject_controls(text)
    return text


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
