"""Background work of the API: webhook deliveries."""

from __future__ import annotations

from django_tasks import task

from kiemchung.api.delivery import deliver


@task()
def deliver_webhook_task(delivery_id: int) -> str | None:
    """One attempt of one webhook delivery; its status afterwards."""
    return deliver(delivery_id)
