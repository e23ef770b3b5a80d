"""People acknowledge or close spike alerts; each change is in the audit history."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kiemchung.org.permissions import Action, can_anywhere
from kiemchung.stories.models import Alert, AlertStatus

# What a person does to an alert, as the button says it: the action, not the state.
ALERT_ACTIONS: dict[str, Promise] = {
    AlertStatus.ACKNOWLEDGED: _("Acknowledge the alert"),
    AlertStatus.CLOSED: _("Close the alert"),
}


@transaction.atomic
def set_alert_status(user: Any, alert: Alert, status: str) -> Alert:
    from kiemchung.cases.audit import audit

    if not can_anywhere(user, Action.WORK_CASE):
        raise PermissionDenied(Action.WORK_CASE.value)
    if status not in AlertStatus.values:
        raise ValueError(f"unknown alert status {status!r}")
    if alert.status != status:
        audit(user, None, "alert.status", {"status": [alert.status, status]}, obj=alert)
        alert.status = status
        alert.save(update_fields=["status"])
    return alert
