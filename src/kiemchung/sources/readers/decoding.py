"""Turn bytes of unknown encoding into text lines, streaming, with line numbers.

We sniff the start of the input once: a byte-order mark (UTF-8, UTF-16, UTF-32), UTF-16
without a mark, plain UTF-8, or a legacy code page (Windows-1258 and friends, detected by
charset-normalizer). Binary data is refused as a whole. After that, lines are decoded one
by one, so a bad line is reported with its number and the good ones still go in.
"""

from __future__ import annotations

import codecs
import io
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from charset_normalizer import from_bytes

SNIFF_BYTES = 64 * 1024
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class UnreadableInput(ValueError):
    """The input as a whole cannot be read as text."""


@dataclass(frozen=True, slots=True)
class DecodedLine:
    number: int
    text: str | None  # None when the line could not be decoded
    error: str = ""


def sniff_encoding(head: bytes) -> str:
    """Name the encoding of an input from its first bytes; refuse binary data."""
    encoding = _guess_encoding(head)
    if not _looks_like_text(head.decode(encoding, errors="replace")):
        raise UnreadableInput("the input is binary data, not text")
    return encoding


def _looks_like_text(sample: str) -> bool:
    """Text has few control characters, unassigned code points or replacement marks."""
    if not sample:
        return True
    odd = sum(
        1
        for char in sample
        if (char < " " and char not in "\t\n\r")
        or char == "\ufffd"
        or unicodedata.category(char) in ("Cn", "Co", "Cs")
    )
    return odd <= 0.05 * len(sample)


def _guess_encoding(head: bytes) -> str:
    if not head.strip():
        raise UnreadableInput("the input is empty")
    for bom, name in BOMS:
        if head.startswith(bom):
            return name
    if _looks_like_utf16(head):
        return "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"
    if b"\x00" in head:
        raise UnreadableInput("the input is binary data, not text")
    if _is_utf8(head):
        return "utf-8"
    best = from_bytes(head).best()
    if best is None:
        raise UnreadableInput("the input is binary data or an unknown encoding")
    return str(best.encoding)


def iter_lines(stream: BinaryIO) -> Iterator[DecodedLine]:
    """Yield decoded lines (without line ends), numbered from 1."""
    buffered = buffer(stream)
    encoding = sniff_encoding(buffered.peek(SNIFF_BYTES)[:SNIFF_BYTES])
    if codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")):
        yield from _wide_lines(buffered, encoding)
    else:
        yield from _narrow_lines(buffered, encoding)


def buffer(stream: BinaryIO) -> io.BufferedReader:
    """A stream that can peek at its start without consuming it."""
    if isinstance(stream, io.BufferedReader):
        return stream
    return io.BufferedReader(stream)  # type: ignore[arg-type]


def decode_document(data: bytes, declared: str | None = None) -> str:
    """Decode a whole fetched document (a page or a feed), trusting a declared charset."""
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    encoding = sniff_encoding(data[:SNIFF_BYTES])
    return data.decode(encoding, errors="replace")


def _narrow_lines(stream: BinaryIO, encoding: str) -> Iterator[DecodedLine]:
    skip_bom = encoding == "utf-8-sig"
    codec = "utf-8" if skip_bom else encoding
    for number, raw in enumerate(stream, start=1):
        if skip_bom and number == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        try:
            yield DecodedLine(number, raw.decode(codec).rstrip("\r\n"))
        except UnicodeDecodeError as exc:
            yield DecodedLine(number, None, f"not valid {codec} text ({exc.reason})")


def _wide_lines(stream: BinaryIO, encoding: str) -> Iterator[DecodedLine]:
    text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline=None)
    for number, line in enumerate(text, start=1):
        yield DecodedLine(number, line.rstrip("\r\n"))


def _looks_like_utf16(head: bytes) -> bool:
    sample = head[:4096]
    if len(sample) < 4:
        return False
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    half = len(sample) // 2
    return max(zeros_even, zeros_odd) > 0.3 * half and min(zeros_even, zeros_odd) < 0.05 * half


def _is_utf8(head: bytes) -> bool:
    """UTF-8 when most lines with non-ASCII bytes decode as UTF-8.

    A file with one corrupt line is still a UTF-8 file (the line is rejected on its own);
    a legacy code page fails on nearly every line that has a Vietnamese letter.
    """
    lines = [line for line in head.split(b"\n")[:-1] or [head] if not line.isascii()]
    if not lines:
        return True
    valid = sum(1 for line in lines if _decodes(line))
    return valid >= 0.5 * len(lines) and valid > 0


def _decodes(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
