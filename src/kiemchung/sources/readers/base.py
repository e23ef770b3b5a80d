"""The reader seam: each input format is one registered function.

A reader takes a binary stream and yields ``Record`` or ``Rejection`` items, never
raising for a bad record. It may raise ``UnreadableInput`` when the input as a whole
cannot be read (binary data, empty input).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import BinaryIO

from kiemchung.sources.records import Item, Unparsed

ReaderFunc = Callable[[BinaryIO, "ReadOptions"], Iterator[Item]]
UndecodedFunc = Callable[[BinaryIO, "ReadOptions"], Iterator[Item | Unparsed]]


@dataclass(frozen=True, slots=True)
class ReadOptions:
    origin: str = ""  # the URL or path being read, for links and defaults
    max_record_bytes: int = 1_000_000  # longest line (JSON lines, CSV)
    max_input_bytes: int = 2 * 1024 * 1024 * 1024  # largest input, after decompression
    max_page_bytes: int = 5 * 1024 * 1024  # largest web page
    max_feed_bytes: int = 20 * 1024 * 1024  # largest RSS or Atom feed
    content_type: str = ""
    charset: str | None = None


@dataclass(frozen=True, slots=True)
class Reader:
    name: str
    read: ReaderFunc
    extensions: tuple[str, ...]
    content_types: tuple[str, ...]
    # The same items with records left undecoded, when the format allows it.
    undecoded: UndecodedFunc | None = None

    def read_for_ingest(self, stream: BinaryIO, options: ReadOptions) -> Iterator[Item | Unparsed]:
        """What the ingest reads: records the text-stage workers can decode stay undecoded."""
        return (self.undecoded or self.read)(stream, options)


READERS: dict[str, Reader] = {}


def register(
    name: str,
    extensions: tuple[str, ...] = (),
    content_types: tuple[str, ...] = (),
    undecoded: UndecodedFunc | None = None,
) -> Callable[[ReaderFunc], ReaderFunc]:
    """Register a reader under ``name`` for file extensions and content types."""

    def decorate(func: ReaderFunc) -> ReaderFunc:
        READERS[name] = Reader(name, func, extensions, content_types, undecoded)
        return func

    return decorate


def reader_for_path(path: str) -> Reader | None:
    suffixes = [suffix.lower() for suffix in PurePath(path).suffixes if suffix.lower() != ".gz"]
    if not suffixes:
        return None
    return next((r for r in READERS.values() if suffixes[-1] in r.extensions), None)


def reader_for_content_type(content_type: str) -> Reader | None:
    media = content_type.split(";")[0].strip().lower()
    return next((r for r in READERS.values() if media in r.content_types), None)
