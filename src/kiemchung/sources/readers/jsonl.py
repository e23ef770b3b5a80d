"""JSON lines exports of the documented schema, one object a line."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from kiemchung.sources.readers.base import ReadOptions, register
from kiemchung.sources.readers.decoding import iter_lines
from kiemchung.sources.records import Item, Rejection, Unparsed


def read_jsonl_lines(stream: BinaryIO, options: ReadOptions) -> Iterator[Rejection | Unparsed]:
    """The lines, undecoded: the ingest's workers decode them (``Unparsed.parse``)."""
    for line in iter_lines(stream, options.max_record_bytes, options.max_input_bytes):
        if line.text is None:
            yield Rejection(line.number, line.error)
        elif line.text and not line.text.isspace():
            yield Unparsed(line.number, line.text)


@register(
    "jsonl",
    extensions=(".jsonl", ".ndjson"),
    content_types=("application/x-ndjson", "application/jsonl"),
    undecoded=read_jsonl_lines,
)
def read_jsonl(stream: BinaryIO, options: ReadOptions) -> Iterator[Item]:
    for item in read_jsonl_lines(stream, options):
        yield item if isinstance(item, Rejection) else item.parse()
