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
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from charset_normalizer import from_bytes

SNIFF_BYTES = 64 * 1024
CHUNK_BYTES = 256 * 1024
DEFAULT_MAX_LINE_BYTES = 1_000_000
DEFAULT_MAX_INPUT_BYTES = 2 * 1024 * 1024 * 1024
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
    if head.count(0) > 0.05 * len(head):  # a stray NUL is one bad record, not a binary file
        raise UnreadableInput("the input is binary data, not text")
    if _is_utf8(head):
        return "utf-8"
    best = from_bytes(head).best()
    if best is None:
        raise UnreadableInput("the input is binary data or an unknown encoding")
    return str(best.encoding)


def iter_lines(
    stream: BinaryIO,
    max_line_bytes: int = DEFAULT_MAX_LINE_BYTES,
    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES,
) -> Iterator[DecodedLine]:
    """Yield decoded lines (without line ends), numbered from 1.

    Memory stays bounded whatever the input: a line over ``max_line_bytes`` is skipped
    while it is read (never held whole) and reported as too long; reading stops after
    ``max_input_bytes`` (counted after decompression) or at damage in a compressed
    input, and that is reported as a last, failed line. Line ends are ``\\n``, ``\\r\\n``
    or a bare ``\\r``.
    """
    chunks = _Chunks(stream, max_input_bytes)
    head = chunks.head(SNIFF_BYTES)
    if not head and chunks.problem:
        raise UnreadableInput(chunks.problem)
    encoding = sniff_encoding(head[:SNIFF_BYTES])
    if codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")):
        lines = _wide_lines(chunks, head, encoding, max_line_bytes)
    else:
        lines = _narrow_lines(chunks, head, encoding, max_line_bytes)
    number = 0
    for number, line in enumerate(lines, start=1):  # noqa: B007
        yield line
    if chunks.problem and not number:  # not one whole line could be read
        raise UnreadableInput(chunks.problem)
    if chunks.problem:
        yield DecodedLine(number + 1, None, chunks.problem)


class _Chunks:
    """Reads a binary stream in chunks, counting bytes, stopping at the cap or at damage."""

    def __init__(self, stream: BinaryIO, max_bytes: int) -> None:
        self._read = getattr(stream, "read1", stream.read)
        self.max_bytes = max_bytes
        self.total = 0
        self.problem = ""

    def head(self, size: int) -> bytes:
        """At least ``size`` bytes when the input has them."""
        parts: list[bytes] = []
        got = 0
        while got < size and (data := self.read()):
            parts.append(data)
            got += len(data)
        return b"".join(parts)

    def read(self) -> bytes:
        """The next chunk; empty at the end, at the size cap or at damage."""
        if self.problem:
            return b""
        try:
            data: bytes = self._read(CHUNK_BYTES)
        except (EOFError, OSError, zlib.error) as exc:
            self.problem = f"the input is damaged or truncated here ({exc}); the rest was not read"
            return b""
        self.total += len(data)
        if self.total > self.max_bytes:  # keep what fits, stop there
            limit = _megabytes(self.max_bytes)
            self.problem = f"the input is larger than {limit}; the rest was not read"
            return data[: len(data) - (self.total - self.max_bytes)]
        return data


def _megabytes(size: int) -> str:
    megabyte = 1024 * 1024
    return f"{size / megabyte:g} MB" if size >= megabyte else f"{size} bytes"


TOO_LONG = None


def _split_lines(chunks: _Chunks, first: bytes, limit: int) -> Iterator[bytes | None]:
    """Raw lines without their ends; None for a line over ``limit`` bytes (skipped)."""
    carry = b""
    skipping = False
    data = first
    while data:
        pieces = (carry + data if carry else data).splitlines(keepends=True)
        carry = b"" if pieces[-1].endswith(b"\n") else pieces.pop()
        for piece in pieces:
            if skipping:  # the end of a line already reported as too long
                skipping = False
                continue
            line = piece[:-2] if piece.endswith(b"\r\n") else piece[:-1]
            yield TOO_LONG if len(line) > limit else line
        if len(carry) > limit:
            if not skipping:
                yield TOO_LONG
                skipping = True
            carry = b""
        data = chunks.read()
    if carry and not skipping and not chunks.problem:
        line = carry[:-1] if carry.endswith(b"\r") else carry
        yield TOO_LONG if len(line) > limit else line


def _narrow_lines(chunks: _Chunks, head: bytes, encoding: str, limit: int) -> Iterator[DecodedLine]:
    skip_bom = encoding == "utf-8-sig"
    codec = "utf-8" if skip_bom else encoding
    too_long = f"line longer than {limit} bytes"
    for number, raw in enumerate(_split_lines(chunks, head, limit), start=1):
        if raw is None:
            yield DecodedLine(number, None, too_long)
            continue
        if skip_bom and number == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        try:
            yield DecodedLine(number, raw.decode(codec))
        except UnicodeDecodeError as exc:
            yield DecodedLine(number, None, f"not valid {codec} text ({exc.reason})")


class _ChunkStream(io.RawIOBase):
    """The chunks (after the already read head) as a raw stream, for a text wrapper."""

    def __init__(self, chunks: _Chunks, head: bytes) -> None:
        self.chunks = chunks
        self.pending = head

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if not self.pending:
            self.pending = self.chunks.read()
        size = min(len(buffer), len(self.pending))
        buffer[:size] = self.pending[:size]
        self.pending = self.pending[size:]
        return size


def _wide_lines(chunks: _Chunks, head: bytes, encoding: str, limit: int) -> Iterator[DecodedLine]:
    raw = io.BufferedReader(_ChunkStream(chunks, head))
    text = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline=None)
    number = 0
    while line := text.readline(limit + 1):
        number += 1
        if line.endswith("\n") or len(line) <= limit:
            yield DecodedLine(number, line.rstrip("\r\n"))
            continue
        while line and not line.endswith("\n"):  # skip the rest of the overlong line
            line = text.readline(limit + 1)
        yield DecodedLine(number, None, f"line longer than {limit} characters")


def read_at_most(stream: BinaryIO, limit: int, what: str) -> bytes:
    """The whole input, refused (before any parsing) when it is over ``limit`` bytes."""
    chunks = _Chunks(stream, limit)
    parts: list[bytes] = []
    while data := chunks.read():
        parts.append(data)
    if chunks.total > limit:
        raise UnreadableInput(f"the {what} is larger than {_megabytes(limit)}")
    if chunks.problem and not parts:
        raise UnreadableInput(chunks.problem)
    return b"".join(parts)


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
