"""Bookkeeping of a story's sightings: first and last seen, counts, hourly buckets."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import F
from django.db.models.functions import Greatest, Least

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


def hour_of(moment: datetime) -> datetime:
    return moment.replace(minute=0, second=0, microsecond=0)


def apply_to_existing(deltas: dict[int, StoryDelta]) -> None:
    """Update counts and sighting times of stories that existed before the batch."""
    for story_id, delta in deltas.items():
        Story.objects.filter(pk=story_id).update(
            doc_count=F("doc_count") + delta.count,
            first_seen=Least("first_seen", delta.first),
            last_seen=Greatest("last_seen", delta.last),
        )


def add_buckets(deltas: dict[int, StoryDelta]) -> None:
    """Add the batch's documents to the hourly buckets (read, add, write: callers hold the
    clustering lock, so no other writer races us)."""
    wanted = {(sid, hour): n for sid, d in deltas.items() for hour, n in d.hours.items()}
    if not wanted:
        return
    existing = StoryBucket.objects.filter(
        story_id__in={sid for sid, _ in wanted}, hour__in={hour for _, hour in wanted}
    ).values_list("story_id", "hour", "count")
    totals = dict(wanted)
    for sid, hour, count in existing:
        if (sid, hour) in totals:
            totals[(sid, hour)] += count
    StoryBucket.objects.bulk_create(
        [StoryBucket(story_id=sid, hour=hour, count=n) for (sid, hour), n in totals.items()],
        update_conflicts=True,
        unique_fields=["story", "hour"],
        update_fields=["count"],
    )


def story_title(title: str, text: str, limit: int = 160) -> str:
    if title:
        return title[:limit]
    first_line = text.strip().split("\n", 1)[0]
    if len(first_line) <= limit:
        return first_line
    return first_line[: limit - 1].rsplit(" ", 1)[0] + "…"


def touched_story_ids(*groups: Iterable[int]) -> set[int]:
    return {sid for group in groups for sid in group}
