"""The outreach log: what a unit published where and how, recorded by its staff."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from kiemchung.cases.audit import audit
from kiemchung.org.models import OrgUnit
from kiemchung.org.permissions import Action, require, units_where
from kiemchung.training.models import OutreachActivity

FIELDS = ("day", "channel", "title", "place", "details", "reach", "link")


def visible_activities(user: Any) -> QuerySet[OutreachActivity]:
    """Entries of the units the user sees: their own and every unit below."""
    units = units_where(user, Action.VIEW_TRAINING)
    return OutreachActivity.objects.filter(unit__in=units).select_related("unit", "created_by")


def recording_units(user: Any) -> QuerySet[OrgUnit]:
    return units_where(user, Action.RECORD_OUTREACH)


@transaction.atomic
def record(user: Any, unit: OrgUnit, **fields: Any) -> OutreachActivity:
    """Add an entry to ``unit``'s outreach log (audited)."""
    require(user, Action.RECORD_OUTREACH, unit)
    activity = OutreachActivity.objects.create(
        unit=unit, created_by=user, **{k: v for k, v in fields.items() if k in FIELDS}
    )
    audit(
        user,
        None,
        "outreach.recorded",
        {"title": [None, activity.title], "channel": [None, activity.channel]},
        obj=activity,
    )
    return activity


@transaction.atomic
def remove(user: Any, activity: OutreachActivity) -> None:
    require(user, Action.RECORD_OUTREACH, activity.unit)
    audit(user, None, "outreach.removed", {"title": [activity.title, None]}, obj=activity)
    activity.delete()
