"""Background work of the public side: joining a tip to its story."""

from __future__ import annotations

from django_tasks import task

from kiemchung.publishing.models import Tip


@task()
def attach_tip_task(tip_id: int) -> int | None:
    """Ingest a tip's text and record its story; the story's id, if any."""
    from kiemchung.publishing.services import attach_tip

    tip = Tip.objects.filter(pk=tip_id).first()
    if tip is None:
        return None
    story = attach_tip(tip)
    return story.pk if story is not None else None
