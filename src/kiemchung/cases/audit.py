"""The one way to write the audit history: who did what to which object, before and after.

Every service that changes a case, its evidence, a tip, a task or a published fact-check
records it here, so the history has one shape: ``changes`` is ``{field: [before, after]}``
with JSON-friendly values (people by full name, primary keys, ISO dates).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Model

from kiemchung.cases.models import AuditEvent, Case
from kiemchung.org.names import display_name

Changes = dict[str, list[Any]]


def _value(value: Any) -> Any:
    """A JSON-friendly, human-readable value for the audit history."""
    if isinstance(value, AbstractBaseUser):
        return display_name(value)
    if isinstance(value, Model):
        return value.pk
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def audit(
    user: Any, case: Case | None, action: str, changes: Changes, obj: Model | None = None
) -> AuditEvent:
    """Record who did what to which object, with the values before and after."""
    target = obj if obj is not None else case
    known = getattr(user, "is_authenticated", False)
    return AuditEvent.objects.create(
        case=case,
        object_type=(target._meta.model_name or "") if target is not None else "",
        object_id=str(target.pk) if target is not None else "",
        action=action,
        actor=user if known else None,
        actor_name=display_name(user) if known else "",
        changes={field: [_value(a), _value(b)] for field, (a, b) in changes.items()},
    )
