"""Background work of the public side: a tip's thorough match and its story."""

from __future__ import annotations

from django_tasks import task

from kiemchung.publishing.models import Tip
from kiemchung.publishing.services import process_tip


@task()
def process_tip_task(tip_id: int) -> int | None:
    """Match a tip thoroughly and join it to its story; the story's id, if any."""
    tip = Tip.objects.filter(pk=tip_id).first()
    if tip is None:
        return None
    story = process_tip(tip)
    return story.pk if story is not None else None
