"""Read-side queries for the dashboard: newest and fastest-growing stories, open alerts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Max, QuerySet, Sum

from kiemchung.stories.models import Alert, AlertStatus, Story, StoryBucket


@dataclass(frozen=True, slots=True)
class Growing:
    story: Story
    recent: int


def newest_stories(limit: int = 15) -> QuerySet[Story]:
    """The newest stories with their number of sources.

    The newest are picked first (an index scan), so that sources are counted for these
    few stories only, not grouped over every story's documents. Undated stories come
    after the dated ones: their times are import times, not publication times.
    """
    order = ("undated", "-first_seen", "-pk")
    newest = Story.objects.order_by(*order).values("pk")[:limit]
    return (
        Story.objects.filter(pk__in=newest)
        .order_by(*order)
        .annotate(sources=Count("documents__source", distinct=True))
    )


def data_now() -> datetime | None:
    """The newest sighting in the stream: the dashboard's 'now' (imports may be historical)."""
    value: datetime | None = StoryBucket.objects.aggregate(last=Max("hour"))["last"]
    return value + timedelta(hours=1) if value else None


def fastest_growing(hours: int = 24, limit: int = 10) -> list[Growing]:
    end = data_now()
    if end is None:
        return []
    rows = (
        StoryBucket.objects.filter(hour__gte=end - timedelta(hours=hours))
        .values("story_id")
        .annotate(recent=Sum("count"))
        .order_by("-recent")[:limit]
    )
    counts = {row["story_id"]: row["recent"] for row in rows}
    stories = Story.objects.in_bulk(list(counts))
    return [Growing(stories[sid], n) for sid, n in counts.items() if sid in stories]


def open_alerts(limit: int = 20) -> QuerySet[Alert]:
    return (
        Alert.objects.filter(status=AlertStatus.OPEN)
        .select_related("story")
        .order_by("-window_end")[:limit]
    )
