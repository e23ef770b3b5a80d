"""The dashboard's charts: volume by day, by theme and by source, drawn as SVG on the server.

The figures come from the hourly story buckets (small, indexed) and, for sources, from
documents in the window; each chart is cached for a short while, keyed by the stream's
latest sighting, so a busy dashboard does not count 100,000 rows on every load.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.cache import cache
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.formats import date_format

from kiemchung.sources.models import Document
from kiemchung.stories.models import StoryBucket, Theme

CACHE_SECONDS = 120
MAX_SOURCES = 8


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    share: float  # of the largest bar, 0..1


@dataclass(frozen=True)
class Chart:
    title: str
    bars: list[Bar]

    @property
    def total(self) -> int:
        return sum(bar.value for bar in self.bars)


def _bars(pairs: list[tuple[str, int]]) -> list[Bar]:
    top = max((value for _, value in pairs), default=0) or 1
    return [Bar(label, value, value / top) for label, value in pairs]


def _cached(
    name: str, end: datetime, days: int, build: Callable[[], list[tuple[str, int]]]
) -> list[tuple[str, int]]:
    key = f"kiemchung:chart:{name}:{end.isoformat()}:{days}:{timezone.get_current_timezone_name()}"
    value: list[tuple[str, int]] | None = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, CACHE_SECONDS)
    return value


def by_day(end: datetime, days: int = 14) -> list[tuple[str, int]]:
    def build() -> list[tuple[str, int]]:
        # Sum by stored hour (indexed, a few hundred groups), then bucket the hours by
        # local day here: cheaper than converting every bucket's time in the database.
        rows = (
            StoryBucket.objects.filter(hour__gte=end - timedelta(days=days))
            .values("hour")
            .annotate(n=Sum("count"))
            .order_by()
        )
        counts: dict[date, int] = {}
        for row in rows:
            day = timezone.localtime(row["hour"]).date()
            counts[day] = counts.get(day, 0) + int(row["n"])
        last = timezone.localtime(end - timedelta(seconds=1)).date()
        dates = [last - timedelta(days=offset) for offset in range(days - 1, -1, -1)]
        return [(date_format(d, "MONTH_DAY_FORMAT"), counts.get(d, 0)) for d in dates]

    return _cached("day", end, days, build)


def by_theme(end: datetime, days: int = 30) -> list[tuple[str, int]]:
    def build() -> list[tuple[str, int]]:
        rows = (
            StoryBucket.objects.filter(hour__gte=end - timedelta(days=days))
            .values("story__theme")
            .annotate(n=Sum("count"))
            .order_by("-n")
        )
        labels = dict(Theme.choices)
        return [
            (str(labels.get(row["story__theme"] or Theme.OTHER, row["story__theme"])), row["n"])
            for row in rows
        ]

    return _cached("theme", end, days, build)


def by_source(end: datetime, days: int = 30) -> list[tuple[str, int]]:
    def build() -> list[tuple[str, int]]:
        rows = (
            # Bounded by the data's end too: undated documents carry their import time.
            Document.objects.filter(
                published_at__gte=end - timedelta(days=days), published_at__lt=end
            )
            .values("source__name")
            .annotate(n=Count("id"))
            .order_by("-n")[:MAX_SOURCES]
        )
        return [(row["source__name"], row["n"]) for row in rows]

    return _cached("source", end, days, build)


def dashboard_charts(end: datetime | None) -> list[Chart]:
    from django.utils.translation import gettext as _

    if end is None:
        return []
    return [
        Chart(_("Documents per day (last 14 days of data)"), _bars(by_day(end))),
        Chart(_("Documents by theme (30 days)"), _bars(by_theme(end))),
        Chart(_("Documents by source (30 days, largest)"), _bars(by_source(end))),
    ]
