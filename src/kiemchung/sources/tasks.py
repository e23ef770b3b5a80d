"""Background work of the sources app, through Django's Tasks API (django-tasks)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from kiemchung.sources.models import Source
from kiemchung.sources.services import poll_source

CLAIM_LEASE = timedelta(minutes=10)


@task()
def poll_source_task(source_id: int) -> dict[str, int] | None:
    source = Source.objects.filter(pk=source_id, is_active=True).first()
    if source is None:
        return None
    report = poll_source(source)
    if report is None:
        return None
    return {"added": report.added, "duplicates": report.duplicates, "rejected": report.rejected}


def enqueue_due_sources() -> int:
    """Enqueue a poll for every due source; a conditional update makes one scheduler win."""
    now = timezone.now()
    due = Source.objects.filter(is_active=True, kind__in=("feed", "web")).exclude(location="")
    due = due.filter(next_poll_at__lte=now) | due.filter(next_poll_at__isnull=True)
    queued = 0
    for source in due:
        claimed = Source.objects.filter(pk=source.pk, next_poll_at=source.next_poll_at).update(
            next_poll_at=now + CLAIM_LEASE
        )
        if claimed:
            poll_source_task.enqueue(source.pk)
            queued += 1
    return queued
