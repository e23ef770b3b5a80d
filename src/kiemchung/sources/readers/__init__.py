"""Readers for every input format; importing this package registers them all."""

from kiemchung.sources.readers import csvfile, feed, jsonl, webpage
from kiemchung.sources.readers.base import (
    READERS,
    Reader,
    ReadOptions,
    reader_for_content_type,
    reader_for_path,
)
from kiemchung.sources.readers.decoding import UnreadableInput

__all__ = [
    "READERS",
    "ReadOptions",
    "Reader",
    "UnreadableInput",
    "csvfile",
    "feed",
    "jsonl",
    "reader_for_content_type",
    "reader_for_path",
    "webpage",
]
