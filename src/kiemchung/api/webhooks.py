"""Webhooks: a unit's events POSTed as signed JSON to partners, retried with back-off.

A subscription of a unit receives the events of that unit and of every unit below it,
and the events that concern no unit (spike alerts, which every desk sees). Each event
becomes one ``WebhookDelivery`` per subscription, delivered by the worker
(``deliver_webhook_task``); a failed attempt is retried after
``KIEMCHUNG_WEBHOOK_BACKOFF_SECONDS`` × 2^(attempt − 1), up to
``KIEMCHUNG_WEBHOOK_MAX_ATTEMPTS``; ``KIEMCHUNG_WEBHOOK_DISABLE_AFTER`` failed attempts
in a row disable the subscription. Every request goes through the SSRF-safe client:
internal addresses are refused unless listed in ``KIEMCHUNG_FETCH_ALLOW``.

The body is ``{"id", "event", "created_at", "unit_id", "data"}``; the header
``X-Kiemchung-Signature: t=TIMESTAMP,v1=HEX`` carries
HMAC-SHA256(secret, "TIMESTAMP." + body). See ``verify_signature`` for the receiving side.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone

from kiemchung.api.models import (
    DeliveryStatus,
    WebhookDelivery,
    WebhookEvent,
    WebhookSubscription,
)
from kiemchung.api.outbound import outbound_client
from kiemchung.core.events import EVENTS, TASK_OVERDUE, emit, event_happened
from kiemchung.org.models import OrgUnit, Task
from kiemchung.sources.http import FetchError

SIGNATURE_HEADER = "X-Kiemchung-Signature"
LEASE_SECONDS = 120  # a claimed attempt is not claimed again before this
MAX_BACKOFF = timedelta(hours=6)
KEPT_LOG = 20


class InvalidSubscription(ValueError):
    """A webhook address or event name that cannot be used."""


# --- signing ---------------------------------------------------------------------------


def signature(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def verify_signature(
    secret: str, header: str, body: bytes, *, tolerance: int = 300, now: float | None = None
) -> bool:
    """What a receiver checks: the MAC matches and the timestamp is recent."""
    parts = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    try:
        timestamp = int(parts.get("t", ""))
    except ValueError:
        return False
    if abs((now if now is not None else time.time()) - timestamp) > tolerance:
        return False
    expected = signature(secret, timestamp, body).split("v1=", 1)[1]
    return hmac.compare_digest(expected, parts.get("v1", ""))


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
    from kiemchung.api.tasks import deliver_webhook_task

    deliver_webhook_task.enqueue(delivery_id)


def body_of(delivery: WebhookDelivery) -> bytes:
    event = delivery.event
    document = {
        "id": event.pk,
        "event": event.name,
        "created_at": event.created_at.isoformat(),
        "unit_id": event.unit_id,
        "data": event.data,
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


# --- delivering ------------------------------------------------------------------------


def claim(delivery_id: int, now: datetime) -> bool:
    """Only one worker wins a due attempt (a conditional UPDATE)."""
    lease = now + timedelta(seconds=LEASE_SECONDS)
    return bool(
        WebhookDelivery.objects.filter(
            pk=delivery_id, status=DeliveryStatus.PENDING, next_attempt_at__lte=now
        ).update(next_attempt_at=lease)
    )


def deliver(delivery_id: int) -> str | None:
    """Make one attempt of a due delivery; its status afterwards (None: not due)."""
    now = timezone.now()
    if not claim(delivery_id, now):
        return None
    delivery = WebhookDelivery.objects.select_related("subscription", "event").get(pk=delivery_id)
    subscription = delivery.subscription
    if not subscription.is_active:
        delivery.status, delivery.next_attempt_at = DeliveryStatus.FAILED, None
        delivery.last_error = "the webhook is disabled"
        delivery.save(update_fields=["status", "next_attempt_at", "last_error"])
        return delivery.status
    code, error, seconds = _post(delivery)
    _record(delivery, code, error, seconds)
    return delivery.status


def _post(delivery: WebhookDelivery) -> tuple[int | None, str, float]:
    body = body_of(delivery)
    headers = {
        "Content-Type": "application/json",
        SIGNATURE_HEADER: signature(delivery.subscription.secret, int(time.time()), body),
        "X-Kiemchung-Event": delivery.event.name,
        "X-Kiemchung-Delivery": str(delivery.pk),
    }
    started = time.monotonic()
    try:
        result = outbound_client().post(delivery.subscription.url, body, headers)
    except FetchError as exc:
        return None, exc.message, time.monotonic() - started
    error = "" if 200 <= result.status < 300 else f"HTTP {result.status}"
    return result.status, error, time.monotonic() - started


def backoff(attempts: int) -> timedelta:
    delay = timedelta(seconds=settings.WEBHOOK_BACKOFF_SECONDS * 2 ** max(0, attempts - 1))
    return min(delay, MAX_BACKOFF)


@transaction.atomic
def _record(delivery: WebhookDelivery, code: int | None, error: str, seconds: float) -> None:
    now = timezone.now()
    delivery.attempts += 1
    delivery.last_status_code, delivery.last_error = code, error[:2000]
    entry = {"at": now.isoformat(), "status_code": code, "error": error[:500]}
    delivery.log = [*(delivery.log or []), {**entry, "seconds": round(seconds, 3)}][-KEPT_LOG:]
    subscription = WebhookSubscription.objects.select_for_update().get(pk=delivery.subscription_id)
    if not error:
        delivery.status, delivery.delivered_at = DeliveryStatus.DELIVERED, now
        delivery.next_attempt_at = None
        subscription.consecutive_failures = 0
    else:
        _failed(delivery, subscription, now)
    delivery.save()
    subscription.save(update_fields=["consecutive_failures", "is_active", "disabled_at"])
    delivery.subscription = subscription


def _failed(delivery: WebhookDelivery, subscription: WebhookSubscription, now: datetime) -> None:
    subscription.consecutive_failures += 1
    if subscription.consecutive_failures >= settings.WEBHOOK_DISABLE_AFTER:
        subscription.is_active, subscription.disabled_at = False, now
    if delivery.attempts >= settings.WEBHOOK_MAX_ATTEMPTS or not subscription.is_active:
        delivery.status, delivery.next_attempt_at = DeliveryStatus.FAILED, None
    else:
        delivery.next_attempt_at = now + backoff(delivery.attempts)


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
