"""Spike detection: a story whose latest window grows far beyond its own and the stream's
usual pace raises an alert.

For a story, the window is the ``KIEMCHUNG_SPIKE_WINDOW_HOURS`` hours ending at its last
sighting (data time, so an import of last month's export finds last month's spikes). Its
growth is compared with two baselines, per window: the story's own average before the
window, and the stream's (documents per active story over the seven days before). An
alert needs at least ``KIEMCHUNG_SPIKE_MIN_DOCS`` documents in the window and a ratio of
at least ``KIEMCHUNG_SPIKE_RATIO`` to the larger baseline (never less than one document).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Count, Sum

from kiemchung.core.events import ALERT_OPENED, emit
from kiemchung.stories.growth import hour_of
from kiemchung.stories.models import Alert, AlertStatus, Story, StoryBucket

STREAM_HISTORY = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class Growth:
    window_start: datetime
    window_end: datetime
    count: int
    story_baseline: float
    stream_baseline: float

    @property
    def ratio(self) -> float:
        return self.count / max(self.story_baseline, self.stream_baseline, 1.0)

    def is_spike(self) -> bool:
        return self.count >= settings.SPIKE_MIN_DOCS and self.ratio >= settings.SPIKE_RATIO


def detect_spikes(touched: Mapping[int, Iterable[datetime]]) -> list[Alert]:
    """Check the windows ending at each touched hour of each story; raise or extend alerts.

    ``touched`` maps a story id to the hours in which it just received documents, so an
    import of a long history finds every spike in it, not only the latest.
    """
    stream = StreamBaseline()
    alerts: list[Alert] = []
    ids = list(touched)
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        stories = Story.objects.filter(id__in=chunk, doc_count__gte=settings.SPIKE_MIN_DOCS)
        for story in stories:
            for measured in story_growths(story, touched[story.pk], stream):
                if measured.is_spike():
                    alerts.append(raise_alert(story, measured))
    return alerts


def story_growths(story: Story, hours: Iterable[datetime], stream: StreamBaseline) -> list[Growth]:
    """The growth of the windows that end with each given hour, in time order."""
    window = timedelta(hours=settings.SPIKE_WINDOW_HOURS)
    buckets = list(story.buckets.order_by("hour").values_list("hour", "count"))
    if not buckets:
        return []
    first_hour = buckets[0][0]
    growths = []
    for hour in sorted({hour_of(h) for h in hours}):
        end = hour + timedelta(hours=1)
        start = end - window
        recent = sum(n for h, n in buckets if start <= h < end)
        before = sum(n for h, n in buckets if h < start)
        history = max((start - first_hour) / window, 0.0)
        own = before / history if history >= 1 else float(before)
        growths.append(Growth(start, end, recent, own, stream.at(start, window)))
    return growths


class StreamBaseline:
    """Documents per active story per window over the week before a moment (cached)."""

    def __init__(self) -> None:
        self._cache: dict[datetime, float] = {}

    def at(self, moment: datetime, window: timedelta) -> float:
        if moment not in self._cache:
            self._cache[moment] = self._compute(moment, window)
        return self._cache[moment]

    def _compute(self, moment: datetime, window: timedelta) -> float:
        totals = StoryBucket.objects.filter(
            hour__gte=moment - STREAM_HISTORY, hour__lt=moment
        ).aggregate(docs=Sum("count"), stories=Count("story", distinct=True))
        if not totals["stories"]:
            return 0.0
        windows = STREAM_HISTORY / window
        return float(totals["docs"]) / float(totals["stories"]) / float(windows)


def raise_alert(story: Story, measured: Growth) -> Alert:
    """One open alert per spike: a later window of the same spike updates it."""
    ongoing = (
        Alert.objects.filter(story=story, kind="spike", window_end__gte=measured.window_start)
        .exclude(status=AlertStatus.CLOSED)
        .order_by("-window_end")
        .first()
    )
    values = {
        "window_end": measured.window_end,
        "count": measured.count,
        "story_baseline": measured.story_baseline,
        "stream_baseline": measured.stream_baseline,
        "ratio": measured.ratio,
    }
    if ongoing is not None:
        for name, value in values.items():
            setattr(ongoing, name, value)
        ongoing.save(update_fields=list(values))
        return ongoing
    alert, created = Alert.objects.update_or_create(
        story=story, kind="spike", window_start=measured.window_start, defaults=values
    )
    if created:
        data = {"alert_id": alert.pk, "story_id": story.pk, "story_title": story.title}
        emit(ALERT_OPENED, unit_id=None, data={**data, "count": alert.count, "ratio": alert.ratio})
    return alert
