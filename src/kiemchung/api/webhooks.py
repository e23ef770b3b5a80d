"""Webhooks: a unit's events POSTed as signed JSON to partners, retried with back-off.

A subscription of a unit receives the events of that unit and of every unit below it,
and the events that concern no unit (spike alerts, which every desk sees). Each event
becomes one ``WebhookDelivery`` per subscription, delivered by the worker
(``deliver_webhook_task``); a failed attempt is retried after
``KIEMCHUNG_WEBHOOK_BACKOFF_SECONDS`` × 2^(attempt − 1), up to
``KIEMCHUNG_WEBHOOK_MAX_ATTEMPTS``; ``KIEMCHUNG_WEBHOOK_DISABLE_AFTER`` failed attempts
in a row disable the subscription. Every request goes through the SSRF-safe client:
internal addresses are refused unless listed in ``KIEMCHUNG_FETCH_ALLOW``.

The body, its signature and one attempt are ``delivery``'s (``deliver`` and
``verify_signature`` are re-exported here); see ``verify_signature`` for the receiving
side.
"""

from __future__ import annotations

import secrets
from functools import partial
from typing import Any

from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone

from kiemchung.api.delivery import deliver, verify_signature
from kiemchung.api.models import (
    DeliveryStatus,
    WebhookDelivery,
    WebhookEvent,
    WebhookSubscription,
)
from kiemchung.api.tasks import deliver_webhook_task
from kiemchung.core.events import EVENTS, TASK_OVERDUE, emit, event_happened
from kiemchung.org.models import OrgUnit, Task

__all__ = [
    "InvalidSubscription",
    "announce_overdue_tasks",
    "create_subscription",
    "deliver",
    "enqueue",
    "enqueue_due_retries",
    "record_event",
    "subscribers",
    "verify_signature",
]


class InvalidSubscription(ValueError):
    """A webhook address or event name that cannot be used."""


# --- subscriptions ---------------------------------------------------------------------


def create_subscription(
    unit: OrgUnit, url: str, events: list[str], created_by: Any = None
) -> WebhookSubscription:
    unknown = sorted(set(events) - set(EVENTS))
    if unknown or not events:
        raise InvalidSubscription(f"unknown events: {', '.join(unknown) or '(none given)'}")
    if not url.lower().startswith(("https://", "http://")):
        raise InvalidSubscription("the address must start with https:// or http://")
    return WebhookSubscription.objects.create(
        unit=unit,
        url=url,
        events=sorted(set(events)),
        secret=secrets.token_hex(32),
        created_by=created_by,
    )


def subscribers(name: str, unit_id: int | None) -> list[WebhookSubscription]:
    active = WebhookSubscription.objects.filter(is_active=True)
    if unit_id is not None:
        unit = OrgUnit.objects.filter(pk=unit_id).first()
        above = unit.ancestor_ids() if unit is not None else []
        active = active.filter(unit_id__in=above)
    return [subscription for subscription in active if name in (subscription.events or [])]


# --- events → deliveries ---------------------------------------------------------------


@receiver(event_happened, dispatch_uid="kiemchung.api.webhooks")
def on_event(
    sender: Any, name: str, unit_id: int | None, data: dict[str, Any], key: str, **kwargs: Any
) -> None:
    record_event(name, unit_id, data, key)


def record_event(
    name: str, unit_id: int | None, data: dict[str, Any], key: str = ""
) -> WebhookEvent | None:
    """Keep the event and queue one delivery per subscriber (after the commit)."""
    if key and WebhookEvent.objects.filter(key=key).exists():
        return None
    targets = subscribers(name, unit_id)
    if not targets and not key:
        return None
    event = WebhookEvent.objects.create(name=name, unit_id=unit_id, data=data, key=key or None)
    now = timezone.now()
    for subscription in targets:
        delivery = WebhookDelivery.objects.create(
            subscription=subscription, event=event, next_attempt_at=now
        )
        transaction.on_commit(partial(enqueue, delivery.pk))
    return event


def enqueue(delivery_id: int) -> None:
    deliver_webhook_task.enqueue(delivery_id)


# --- periodic jobs (registered by the app) ----------------------------------------------


def enqueue_due_retries(limit: int = 500) -> int:
    """Queue the retries whose time has come. Doubles are harmless: ``claim`` decides."""
    due = WebhookDelivery.objects.filter(
        status=DeliveryStatus.PENDING, attempts__gt=0, next_attempt_at__lte=timezone.now()
    ).values_list("pk", flat=True)[:limit]
    ids = list(due)
    for delivery_id in ids:
        enqueue(delivery_id)
    return len(ids)


def announce_overdue_tasks() -> int:
    """Emit ``task.overdue`` once per task and due date."""
    tasks = list(Task.objects.overdue().select_related("agency"))
    keys = {task.pk: f"{TASK_OVERDUE}:{task.pk}:{task.due_date.isoformat()}" for task in tasks}
    seen = set(WebhookEvent.objects.filter(key__in=keys.values()).values_list("key", flat=True))
    fresh = [task for task in tasks if keys[task.pk] not in seen]
    for task in fresh:
        data = {
            "task_id": task.pk,
            "title": task.title,
            "agency": task.agency.name,
            "due_date": task.due_date.isoformat(),
            "case_id": task.case_id,
        }
        emit(TASK_OVERDUE, unit_id=task.agency.unit_id, data=data, key=keys[task.pk])
    return len(fresh)
