"""JSON lines exports of the documented schema, one object a line."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

import orjson

from kiemchung.sources.readers.base import ReadOptions, register
from kiemchung.sources.readers.decoding import iter_lines
from kiemchung.sources.records import Item, Rejection, record_from_mapping


@register(
    "jsonl",
    extensions=(".jsonl", ".ndjson"),
    content_types=("application/x-ndjson", "application/jsonl"),
)
def read_jsonl(stream: BinaryIO, options: ReadOptions) -> Iterator[Item]:
    for line in iter_lines(stream, options.max_record_bytes, options.max_input_bytes):
        if line.text is None:
            yield Rejection(line.number, line.error)
        elif line.text and not line.text.isspace():
            yield _parse(line.text, line.number)


def _parse(text: str, number: int) -> Item:
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        return Rejection(number, f"not valid JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(data, dict):
        return Rejection(number, f"expected a JSON object, got {type(data).__name__}")
    return record_from_mapping(data, number)
