"""The worker's heartbeat: a row per worker, written at most every few seconds."""

from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import DatabaseError
from django.dispatch import receiver
from django.utils import timezone

from kiemchung.ops.models import WorkerHeartbeat
from kiemchung.ops.signals import worker_turn

log = logging.getLogger(__name__)

FORGET_AFTER = timedelta(days=7)
_last_beat: dict[str, float] = {}


def beat_every() -> float:
    """Seconds between two heartbeat writes: a quarter of the stale threshold, at most 30."""
    return min(30.0, settings.HEALTH_WORKER_STALE / 4)


def beat(worker_id: str, now: datetime | None = None) -> None:
    """Record that ``worker_id`` is alive now; forget workers silent for a week."""
    moment = now or timezone.now()
    WorkerHeartbeat.objects.update_or_create(worker_id=worker_id, defaults={"beat_at": moment})
    if worker_id not in _last_beat:
        WorkerHeartbeat.objects.filter(beat_at__lt=moment - FORGET_AFTER).delete()


def newest_beat() -> datetime | None:
    return WorkerHeartbeat.objects.order_by("-beat_at").values_list("beat_at", flat=True).first()


@receiver(worker_turn)
def _on_worker_turn(sender: Any, worker_id: str, **kwargs: Any) -> None:
    now = time.monotonic()
    last = _last_beat.get(worker_id)
    if last is not None and now - last < beat_every():
        return
    try:
        beat(worker_id)
    except DatabaseError:  # a locked or unreachable database: /healthz will tell
        log.warning("could not write the worker heartbeat", exc_info=True)
        return
    _last_beat[worker_id] = now
