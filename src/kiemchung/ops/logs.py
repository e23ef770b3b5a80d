"""Structured logs: one line per request and per background task, JSON on request.

``KIEMCHUNG_LOG_FORMAT=json`` prints every log record as one JSON object per line. The
request and task lines carry their figures in ``event`` (an ``extra``), which the JSON
formatter lifts to top-level keys. Least data: no query strings, no addresses, no user
names, no form contents; a request names its user by id only.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject, empty
from django_tasks.signals import task_finished, task_started

request_log = logging.getLogger("kiemchung.request")
task_log = logging.getLogger("kiemchung.tasks")

# Attributes every LogRecord has: anything else came in through ``extra``.
_STANDARD = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message and the record's event."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        event = getattr(record, "event", None)
        if isinstance(event, dict):
            entry.update(event)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def user_id(request: HttpRequest) -> int | None:
    """The request's user id, only if something already looked the user up (no extra query)."""
    user = request.__dict__.get("user")
    if user is None:
        return None
    if isinstance(user, SimpleLazyObject) and user._wrapped is empty:
        return None
    return user.pk if user.is_authenticated else None


class RequestLogMiddleware:
    """Logs one line per request: method, path (never the query), status, duration, user id."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        duration = round((time.perf_counter() - started) * 1000, 1)
        event = {
            "method": request.method,
            "path": request.path,
            "status": response.status_code,
            "duration_ms": duration,
            "user_id": user_id(request),
        }
        request_log.info(
            "%s %s %s %.1f ms",
            event["method"],
            event["path"],
            event["status"],
            duration,
            extra={"event": event},
        )
        return response


def log_task(name: str, kind: str, duration_ms: float, outcome: str, level: int) -> None:
    """The one line a background task (queued or periodic) leaves when it ends."""
    event = {"task": name, "kind": kind, "duration_ms": round(duration_ms, 1), "outcome": outcome}
    task_log.log(
        level, "%s %s %s %.1f ms", kind, name, outcome, duration_ms, extra={"event": event}
    )


_started: dict[str, float] = {}


def _on_task_started(sender: Any, task_result: Any, **kwargs: Any) -> None:
    _started[str(task_result.id)] = time.perf_counter()


def _on_task_finished(sender: Any, task_result: Any, **kwargs: Any) -> None:
    started = _started.pop(str(task_result.id), None)
    duration = (time.perf_counter() - started) * 1000 if started is not None else 0.0
    outcome = str(task_result.status).lower()
    level = logging.ERROR if outcome == "failed" else logging.INFO
    log_task(task_result.task.module_path, "queued", duration, outcome, level)


task_started.connect(_on_task_started, dispatch_uid="kiemchung.ops.logs.started")
task_finished.connect(_on_task_finished, dispatch_uid="kiemchung.ops.logs.finished")
