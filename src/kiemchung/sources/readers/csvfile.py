"""CSV exports of the documented schema, with a header row."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from kiemchung.sources.readers.base import ReadOptions, register
from kiemchung.sources.readers.decoding import DecodedLine, iter_lines
from kiemchung.sources.records import Item, Rejection, record_from_mapping


@dataclass
class _LineTracker:
    """Remembers the last line fed to the csv module and the problems seen in a row."""

    last: int = 0
    problems: list[str] = field(default_factory=list)

    def feed(self, lines: Iterator[DecodedLine]) -> Iterator[str]:
        for line in lines:
            self.last = line.number
            if line.text is None:
                self.problems.append(line.error)
                yield ""
            else:
                yield line.text + "\n"

    def take_problems(self) -> list[str]:
        found, self.problems = self.problems, []
        return found


@register("csv", extensions=(".csv",), content_types=("text/csv",))
def read_csv(stream: BinaryIO, options: ReadOptions) -> Iterator[Item]:
    _allow_fields_of(options.max_record_bytes)
    tracker = _LineTracker()
    lines = iter_lines(stream, options.max_record_bytes, options.max_input_bytes)
    header: list[str] | None = None
    for row in _rows(csv.reader(tracker.feed(lines)), tracker):
        if isinstance(row, Rejection):
            yield row
        elif header is None:
            header = [name.strip().lower() for name in row]
            if "text" not in header:
                yield Rejection(tracker.last, "the header row has no 'text' column")
                return
        elif any(cell.strip() for cell in row):
            yield _record(header, row, tracker.last)


def _rows(reader: Iterator[list[str]], tracker: _LineTracker) -> Iterator[list[str] | Rejection]:
    """The csv module's rows; a row it cannot parse, or with a bad line, is a rejection."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            problems = [*tracker.take_problems(), f"not a valid CSV row ({exc})"]
            yield Rejection(tracker.last, "; ".join(problems))
            continue
        problems = tracker.take_problems()
        yield Rejection(tracker.last, "; ".join(problems)) if problems else row


def _record(header: list[str], row: list[str], line: int) -> Item:
    if len(row) != len(header):
        return Rejection(line, f"expected {len(header)} columns, found {len(row)}")
    return record_from_mapping(dict(zip(header, row, strict=True)), line)


def _allow_fields_of(size: int) -> None:
    """The csv module refuses fields over 131,072 characters; our limit is the line's."""
    if csv.field_size_limit() < size:
        csv.field_size_limit(size)
