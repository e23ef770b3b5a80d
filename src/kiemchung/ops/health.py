"""``/healthz``: the database, the worker's heartbeat and the queue, as JSON.

200 when every check is up, 503 when one is down, for a load balancer or a monitor. The
body says which check failed and why, and holds no personal data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django_tasks import TaskResultStatus, task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from kiemchung.ops.heartbeat import newest_beat


@dataclass
class Check:
    ok: bool
    details: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"status": "up" if self.ok else "down", **self.details}


def check_database() -> Check:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return Check(False, {"error": "the database is unreachable"})
    return Check(True, {"vendor": connection.vendor})


def uses_worker() -> bool:
    """Whether tasks wait for ``kiemchung worker`` (the database queue) or run inline."""
    return isinstance(task_backends["default"], DatabaseBackend)


def check_worker() -> Check:
    if not uses_worker():
        return Check(True, {"required": False})
    stale_after = settings.HEALTH_WORKER_STALE
    try:
        beat = newest_beat()
    except DatabaseError:
        return Check(False, {"error": "the database is unreachable"})
    if beat is None:
        return Check(False, {"error": "no worker heartbeat yet", "stale_after_s": stale_after})
    age = (timezone.now() - beat).total_seconds()
    details = {
        "last_heartbeat": beat.isoformat(timespec="seconds"),
        "age_s": round(age),
        "stale_after_s": stale_after,
    }
    if age > stale_after:
        return Check(False, {"error": "the worker heartbeat is stale", **details})
    return Check(True, details)


def check_queue() -> Check:
    if not uses_worker():
        return Check(True, {"required": False})
    try:
        pending = DBTaskResult.objects.filter(status=TaskResultStatus.READY).count()
    except DatabaseError:
        return Check(False, {"error": "the database is unreachable"})
    return Check(True, {"pending": pending})


CHECKS: dict[str, Callable[[], Check]] = {
    "database": check_database,
    "worker": check_worker,
    "queue": check_queue,
}


def run_checks() -> dict[str, Check]:
    results: dict[str, Check] = {}
    for name, check in CHECKS.items():
        if name != "database" and not results["database"].ok:
            results[name] = Check(False, {"error": "the database is unreachable"})
            continue
        results[name] = check()
    return results


def health(request: HttpRequest) -> JsonResponse:
    results = run_checks()
    ok = all(result.ok for result in results.values())
    body: dict[str, Any] = {"status": "ok" if ok else "down"}
    body |= {name: result.as_json() for name, result in results.items()}
    response = JsonResponse(body, status=200 if ok else 503)
    response["Cache-Control"] = "no-store"
    return response
