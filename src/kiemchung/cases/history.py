"""The audit history in words: who did what, when, each field's value before and after.

The audit log stores JSON-friendly values (login names, primary keys, ISO dates); this
module writes them as a person reads them. A field's label is its model field's verbose
name (``EXTRA_FIELDS`` for the few that are not model fields); its value is written by
the renderer ``RENDERERS`` registers for the field's class: a related object by its
title or a person's full name, a date as "ngày 4 tháng 12 năm 2026", a choice by its
label, yes or no for a flag.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import QuerySet
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kiemchung.cases.models import AuditEvent, Case, CaseState, EvidenceKind
from kiemchung.claims.models import MatchDecision, Verdict
from kiemchung.guides.models import GuideStatus
from kiemchung.org.models import TaskStatus
from kiemchung.org.names import display_name
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
    "guide.create": _("wrote the guide"),
    "guide.edit": _("edited the guide"),
    "guide.status": _("changed the guide's status"),
    "task.reported": _("reported back on a task"),
}
EXTRA_FIELDS: dict[str, Promise] = {"note": _("note"), "result": _("result"), "files": _("files")}
CHOICES: dict[str, dict[str, Any]] = {
    "state": dict(CaseState.choices),
    "verdict": dict(Verdict.choices),
    "kind": dict(EvidenceKind.choices),
    "status": {**dict(TipStatus.choices), **dict(TaskStatus.choices), **dict(GuideStatus.choices)},
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
    "guide": "guides.Guide",
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
    return entries(AuditEvent.objects.filter(case=case))


def entries(events: QuerySet[AuditEvent]) -> list[Entry]:
    """The events in words, oldest first."""
    return [entry(event) for event in events.select_related("actor").order_by("created_at", "pk")]


def entry(event: AuditEvent) -> Entry:
    changes = [
        Change(
            _field_label(event.object_type, name),
            _shown(name, a, model_field(event.object_type, name)),
            _shown(name, b, model_field(event.object_type, name)),
        )
        for name, (a, b) in (event.changes or {}).items()
    ]
    action = ACTIONS.get(event.action, event.action)
    who = display_name(event.actor) if event.actor_id else event.actor_name
    return Entry(event.created_at, who or "—", str(action), changes)


def model_field(object_type: str, name: str) -> Any:
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
    field = model_field(object_type, name)
    return str(getattr(field, "verbose_name", name)) if field is not None else name


def _shown(name: str, value: Any, field: Any = None) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if field is not None and getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value))
    renderer = _renderer(field)
    if renderer is not None:
        return renderer(field, value) or str(value)
    return str(CHOICES.get(name, {}).get(value, value))


Renderer = Callable[[Any, Any], str]


def _related(field: Any, value: Any) -> str:
    """A related object by its title or name; a person by full name."""
    model = field.related_model
    if model is get_user_model():
        return _person(value)
    if isinstance(value, str) and not value.isdigit():
        return value  # recorded by name already (an agency, a unit)
    found = model._default_manager.filter(pk=value).first()
    return str(found) if found is not None else f"#{value}"


def _person(value: Any) -> str:
    users = get_user_model()._default_manager
    key = {"pk": value} if isinstance(value, int) else {users.model.USERNAME_FIELD: value}
    found = users.filter(**key).first()
    return display_name(found) if found is not None else str(value)


def _day(field: Any, value: Any) -> str:
    from kiemchung.claims.templatetags.vietnamese import vn_date

    day = parse_date(str(value))
    return vn_date(day) if day is not None else ""


def _moment(field: Any, value: Any) -> str:
    moment = parse_datetime(str(value))
    if moment is None:
        return ""
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


# Most specific class first: a DateTimeField is also a DateField.
RENDERERS: dict[type[models.Field[Any, Any]], Renderer] = {
    models.ForeignKey: _related,
    models.DateTimeField: _moment,
    models.DateField: _day,
}


def _renderer(field: Any) -> Renderer | None:
    for kind in type(field).__mro__ if field is not None else ():
        if kind in RENDERERS:
            return RENDERERS[kind]
    return None
