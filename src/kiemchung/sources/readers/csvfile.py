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

    def feed(self, lines: Iterator[DecodedLine], max_chars: int) -> Iterator[str]:
        for line in lines:
            self.last = line.number
            if line.text is None:
                self.problems.append(line.error)
                yield ""
            elif len(line.text) > max_chars:
                self.problems.append(f"record longer than {max_chars} characters")
                yield ""
            else:
                yield line.text + "\n"

    def take_problems(self) -> list[str]:
        found, self.problems = self.problems, []
        return found


@register("csv", extensions=(".csv",), content_types=("text/csv",))
def read_csv(stream: BinaryIO, options: ReadOptions) -> Iterator[Item]:
    tracker = _LineTracker()
    rows = csv.reader(tracker.feed(iter_lines(stream), options.max_record_chars))
    header: list[str] | None = None
    for row in rows:
        problems = tracker.take_problems()
        if problems:
            yield Rejection(tracker.last, "; ".join(problems))
            continue
        if header is None:
            header = [name.strip().lower() for name in row]
            if "text" not in header:
                yield Rejection(tracker.last, "the header row has no 'text' column")
                return
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield Rejection(tracker.last, f"expected {len(header)} columns, found {len(row)}")
            continue
        yield record_from_mapping(dict(zip(header, row, strict=True)), tracker.last)
