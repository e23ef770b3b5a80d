"""``Idempotency-Key``: a retried request gets the first answer again, not a second run.

The key is kept per user with a fingerprint of the request (method, path, body); the
same key with another request is refused (422). Answers are kept
``KIEMCHUNG_API_IDEMPOTENCY_DAYS`` days.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from kiemchung.api.models import IdempotentResponse
from kiemchung.api.problems import ApiProblem

HEADER = "Idempotency-Key"
MAX_KEY = 200

Answer = tuple[int, dict[str, Any]]


def fingerprint(request: HttpRequest) -> str:
    head = f"{request.method} {request.path}\n".encode()
    return hashlib.sha256(head + request.body).hexdigest()


def once(request: HttpRequest, run: Callable[[], Answer]) -> tuple[Answer, bool]:
    """Run, or replay the stored answer for the request's key. True when replayed."""
    key = request.headers.get(HEADER, "").strip()
    if not key:
        return run(), False
    if len(key) > MAX_KEY:
        raise _bad_key(_("The Idempotency-Key is longer than 200 characters."))
    print_ = fingerprint(request)
    stored = _stored(request.user, key)
    if stored is not None:
        return _replay(stored, print_), True
    status, body = run()
    try:
        with transaction.atomic():
            IdempotentResponse.objects.create(
                user_id=int(request.user.pk or 0),
                key=key,
                fingerprint=print_,
                status=status,
                body=body,
            )
    except IntegrityError:  # a concurrent twin stored its answer first: give that one
        stored = _stored(request.user, key)
        if stored is not None:
            return _replay(stored, print_), True
    return (status, body), False


def _stored(user: Any, key: str) -> IdempotentResponse | None:
    return IdempotentResponse.objects.filter(user=user, key=key).first()


def _replay(stored: IdempotentResponse, print_: str) -> Answer:
    if stored.fingerprint != print_:
        raise _bad_key(_("This Idempotency-Key was already used for another request."))
    return stored.status, stored.body


def _bad_key(detail: str) -> ApiProblem:
    return ApiProblem(422, detail, errors=[{"field": HEADER, "message": detail}])


def purge_old() -> int:
    """Forget answers older than the retention period (a periodic job)."""
    cutoff = timezone.now() - timedelta(days=settings.API_IDEMPOTENCY_DAYS)
    deleted, _ = IdempotentResponse.objects.filter(created_at__lt=cutoff).delete()
    return deleted
