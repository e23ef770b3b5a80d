"""Bookkeeping of a story's sightings: first and last seen, counts, hourly buckets."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from django.db import connection

from kiemchung.core.bulk import least_greatest, time_adapter
from kiemchung.stories.models import Story, StoryBucket


@dataclass
class StoryDelta:
    """What one batch adds to one story."""

    count: int = 0
    first: datetime | None = None
    last: datetime | None = None
    hours: Counter[datetime] = field(default_factory=Counter)

    def add(self, moment: datetime) -> None:
        self.count += 1
        self.first = moment if self.first is None else min(self.first, moment)
        self.last = moment if self.last is None else max(self.last, moment)
        self.hours[hour_of(moment)] += 1

    def add_undated(self) -> None:
        """A document without its own time: it counts, but is seen in no hour."""
        self.count += 1


def hour_of(moment: datetime) -> datetime:
    return moment.replace(minute=0, second=0, microsecond=0)


def apply_to_existing(deltas: dict[int, StoryDelta]) -> None:
    """Add a batch's counts and sighting times to stories that existed before it."""
    if not deltas:
        return
    least, greatest = least_greatest()
    table = Story._meta.db_table
    db_time = time_adapter()
    rows = [
        (d.count, db_time(d.first), db_time(d.first), db_time(d.last), db_time(d.last), sid)
        for sid, d in deltas.items()
        if d.first is not None and d.last is not None
    ]
    undated = [(d.count, sid) for sid, d in deltas.items() if d.first is None and d.count]
    with connection.cursor() as cursor:
        cursor.executemany(
            # An undated story's times are import times: its first dated document
            # replaces them rather than being compared with them.
            f'UPDATE "{table}" SET doc_count = doc_count + %s, '  # noqa: S608
            f"first_seen = CASE WHEN undated THEN %s ELSE {least}(first_seen, %s) END, "
            f"last_seen = CASE WHEN undated THEN %s ELSE {greatest}(last_seen, %s) END, "
            "undated = FALSE WHERE id = %s",
            rows,
        )
        cursor.executemany(
            f'UPDATE "{table}" SET doc_count = doc_count + %s WHERE id = %s',  # noqa: S608
            undated,
        )


def add_buckets(deltas: dict[int, StoryDelta]) -> None:
    """Add the batch's documents to the stories' hourly buckets (one upsert per bucket)."""
    db_time = time_adapter()
    rows = [(sid, db_time(hour), n) for sid, d in deltas.items() for hour, n in d.hours.items()]
    if not rows:
        return
    table = StoryBucket._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f'INSERT INTO "{table}" (story_id, hour, count) VALUES (%s, %s, %s) '  # noqa: S608
            f'ON CONFLICT (story_id, hour) DO UPDATE SET count = "{table}".count + excluded.count',
            rows,
        )


def story_title(title: str, text: str, limit: int = 160) -> str:
    if title:
        return title[:limit]
    first_line = text.strip().split("\n", 1)[0]
    if len(first_line) <= limit:
        return first_line
    return first_line[: limit - 1].rsplit(" ", 1)[0] + "…"
