"""One webhook delivery: its signed body, one attempt, and what the attempt changes.

Below both ``webhooks`` (events become deliveries, queued) and ``tasks`` (the worker's
attempt), so that neither of those imports the other. The body is ``{"id", "event",
"created_at", "unit_id", "data"}``; the header ``X-Kiemchung-Signature: t=TIMESTAMP,v1=HEX``
carries HMAC-SHA256(secret, "TIMESTAMP." + body). See ``verify_signature`` for the
receiving side.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from kiemchung.api.models import DeliveryStatus, WebhookDelivery, WebhookSubscription
from kiemchung.api.outbound import outbound_client
from kiemchung.sources.http import FetchError

SIGNATURE_HEADER = "X-Kiemchung-Signature"
LEASE_SECONDS = 120  # a claimed attempt is not claimed again before this
MAX_BACKOFF = timedelta(hours=6)
KEPT_LOG = 20


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
