"""Domain events: a low app says what happened, a higher one (the API's webhooks) listens.

``emit`` sends the ``event_happened`` signal at once, inside the caller's transaction,
so whatever a listener writes is rolled back with the change that caused it. Names are
registered in ``EVENTS``; emitting an unknown name is a programming error.
"""

from __future__ import annotations

from typing import Any

from django.dispatch import Signal

FACTCHECK_PUBLISHED = "factcheck.published"
ALERT_OPENED = "alert.opened"
CASE_STATE_CHANGED = "case.state_changed"
TASK_OVERDUE = "task.overdue"
REPORT_ISSUED = "report.issued"

# name → what it means (shown to people choosing the events of a webhook)
EVENTS: dict[str, str] = {
    FACTCHECK_PUBLISHED: "a case's fact-check was published",
    ALERT_OPENED: "a spike alert was opened on a story",
    CASE_STATE_CHANGED: "a case moved along the workflow",
    TASK_OVERDUE: "a partner agency's task passed its due date unfinished",
    REPORT_ISSUED: "a period report was issued with its number and date",
}

# Receivers get: name (str), unit_id (int | None: None concerns every unit),
# data (a JSON-ready dict) and key (str: "" or a key that makes the event happen once).
event_happened = Signal()


def emit(name: str, *, unit_id: int | None, data: dict[str, Any], key: str = "") -> None:
    if name not in EVENTS:
        raise ValueError(f"unknown event {name!r}")
    event_happened.send(sender=name, name=name, unit_id=unit_id, data=data, key=key)
