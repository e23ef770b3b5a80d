"""The audit history in words: who did what, when, each field's value before and after."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kiemchung.cases.models import AuditEvent, Case, CaseState, EvidenceKind
from kiemchung.claims.models import MatchDecision, Verdict
from kiemchung.org.models import TaskStatus
from kiemchung.publishing.models import TipStatus

ACTIONS: dict[str, Promise] = {
    "case.open": _("opened the case"),
    "case.assign": _("changed the assignment"),
    "case.take": _("took the case"),
    "case.verdict": _("wrote the verdict"),
    "case.claim": _("edited the claim"),
    "claim.match": _("linked the claim to a fact-check"),
    "case.state": _("changed the state"),
    "case.factcheck": _("published the fact-check"),
    "evidence.add": _("added evidence"),
    "comment.add": _("commented"),
    "claim.is_factual": _("marked the claim"),
    "story.already_checked": _("marked the story as checked"),
    "tip.status": _("updated the tip"),
    "task.created": _("handed a task to a partner agency"),
    "task.updated": _("updated a task"),
}
EXTRA_FIELDS: dict[str, Promise] = {"note": _("note")}
CHOICES: dict[str, dict[str, Any]] = {
    "state": dict(CaseState.choices),
    "verdict": dict(Verdict.choices),
    "kind": dict(EvidenceKind.choices),
    "status": {**dict(TipStatus.choices), **dict(TaskStatus.choices)},
    "match_decision": dict(MatchDecision.choices),
}
OBJECT_MODELS = {
    "case": "cases.Case",
    "evidence": "cases.Evidence",
    "comment": "cases.Comment",
    "claim": "claims.Claim",
    "story": "stories.Story",
    "tip": "publishing.Tip",
    "task": "org.Task",
}


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class Entry:
    when: datetime
    who: str
    action: str
    changes: list[Change]


def history(case: Case) -> list[Entry]:
    events = AuditEvent.objects.filter(case=case).order_by("created_at", "pk")
    return [entry(event) for event in events]


def entry(event: AuditEvent) -> Entry:
    changes = [
        Change(
            _field_label(event.object_type, name),
            _shown(name, a, _field(event.object_type, name)),
            _shown(name, b, _field(event.object_type, name)),
        )
        for name, (a, b) in (event.changes or {}).items()
    ]
    action = ACTIONS.get(event.action, event.action)
    return Entry(event.created_at, event.actor_name or "—", str(action), changes)


def _field(object_type: str, name: str) -> Any:
    """The model field an audited change is about, or ``None``."""
    label = OBJECT_MODELS.get(object_type)
    if label is None or name in EXTRA_FIELDS:
        return None
    try:
        return apps.get_model(label)._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _field_label(object_type: str, name: str) -> str:
    if name in EXTRA_FIELDS:
        return str(EXTRA_FIELDS[name])
    field = _field(object_type, name)
    return str(getattr(field, "verbose_name", name)) if field is not None else name


def _shown(name: str, value: Any, field: Any = None) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, str) and isinstance(field, (models.DateField, models.DateTimeField)):
        return _date_shown(value, field) or value
    return str(CHOICES.get(name, {}).get(value, value))


def _date_shown(value: str, field: models.Field[Any, Any]) -> str:
    """An ISO date or time of the history, written as the rest of the page writes them."""
    if isinstance(field, models.DateTimeField):
        moment = parse_datetime(value)
        if moment is None:
            return ""
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")
    day = parse_date(value)
    return formats.date_format(day, "SHORT_DATE_FORMAT") if day is not None else ""
