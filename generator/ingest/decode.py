"""Bytes from an untrusted file -> clean text, or a one-line reason why not."""

from __future__ import annotations

import re
import unicodedata

from charset_normalizer import from_bytes
from ftfy import TextFixerConfig, fix_text

MAX_BYTES = 10 * 1024 * 1024
"""Files above this are refused: no real article is that large, and the page would be unreadable."""

_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"RIFF": "a RIFF media file",
    b"\x7fELF": "an executable",
    b"BM": None,  # too short to trust alone
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u2028\u2029\ufeff]")


class DecodeError(ValueError):
    """The bytes are not usable text; the message is the reason, for one error line."""


_MOJIBAKE_ONLY = TextFixerConfig(
    unescape_html=False, fix_latin_ligatures=False, fix_character_width=False, uncurl_quotes=False,
    fix_line_breaks=False, remove_control_chars=False, explain=False)
"""ftfy's encoding repairs (with the C1 controls a double decoding leaves), and nothing else: quotes stay
curly, entities stay as written, ligatures and widths as they are."""


_CONTROL_BYTES = bytes([*range(9), *range(14, 32)])
_MOJIBAKE_LEAD = re.compile("[\u00c2-\u00f4\u0080-\u009f]")
"""A UTF-8 lead byte read as cp1252 or Latin-1 (Â…ô), or a C1 control: every mojibake has one."""


def decode(data: bytes) -> str:
    """Decode article bytes: UTF-8 first, then a detected encoding; normalise line ends and controls, and
    undo mojibake (UTF-8 read as cp1252, once or more) with ftfy, which leaves sound text untouched."""
    if len(data) > MAX_BYTES:
        raise DecodeError(f"file is too large ({len(data) / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB)")
    for magic, what in _MAGIC.items():
        if what and data.startswith(magic):
            raise DecodeError(f"not a text file (looks like {what})")
    sample = data[:65536]
    utf16 = sample.startswith((b"\xff\xfe", b"\xfe\xff"))
    controls = 0 if utf16 else len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > max(8, len(sample) // 50):
        raise DecodeError("not a text file (binary content)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _detect(data)
    if text.count("\x00") > max(8, len(text) // 100):
        raise DecodeError("not a text file (binary content)")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    if _MOJIBAKE_LEAD.search(text):  # "FranÃ§ois" -> "François"; ftfy is slow on text it would not change
        text = fix_text(text, _MOJIBAKE_ONLY)
    if not text.strip():
        raise DecodeError("file is empty")
    return text


def _detect(data: bytes) -> str:
    sample = data[:200_000]
    if sample.count(b"\x00") > max(8, len(sample) // 100):
        raise DecodeError("not a text file (binary content)")
    best = from_bytes(sample).best()
    if best is None or best.encoding is None:
        raise DecodeError("not a text file (no text encoding fits)")
    encoding = best.encoding
    # Western news text mis-detected as an exotic single-byte code page is the usual failure:
    # prefer cp1252 (a superset of Latin-1's printable range) when it decodes cleanly.
    if encoding not in ("utf_8", "cp1252", "latin_1", "iso8859_15"):
        try:
            candidate = data.decode("cp1252")
            if _looks_latin(candidate):
                return candidate
        except UnicodeDecodeError:
            pass
    return data.decode(encoding, errors="replace")


def _looks_latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    ascii_share = sum(c.isascii() for c in letters) / len(letters)
    return ascii_share > 0.85
