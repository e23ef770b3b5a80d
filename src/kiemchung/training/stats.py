"""Training and outreach figures of a period, for a unit and every unit below it: what
the period reports count (``kiemchung.reports.figures``).

A session counts in the period it started in, once it has started (a planned session is
not yet training done). Its trainees are the members marked present plus the outside
people counted; a person trained twice counts twice ("lượt người"). An outreach entry
counts on its date.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Count, Q, Sum
from django.utils import timezone

from kiemchung.org.models import OrgUnit
from kiemchung.training.models import (
    Audience,
    OutreachActivity,
    OutsideGroup,
    Participant,
    TrainingSession,
)


@dataclass
class TrainingCounts:
    sessions: int = 0
    trainees: int = 0
    by_audience: dict[str, int] = field(default_factory=dict)  # trainees per audience


@dataclass
class OutreachCounts:
    activities: int = 0
    reach: int = 0  # people reached, where the entry gives an estimate
    by_channel: dict[str, int] = field(default_factory=dict)


def _in_unit(lookup: str, unit: OrgUnit | None) -> Q:
    return Q(**{f"{lookup}__path__startswith": unit.path}) if unit is not None else Q()


def sessions_held(low: datetime, high: datetime, unit: OrgUnit | None) -> Q:
    """Sessions of ``unit``'s subtree that started in [low, high) and by now."""
    until = min(high, timezone.now())
    return _in_unit("unit", unit) & Q(starts_at__gte=low, starts_at__lt=until)


def training_counts(low: datetime, high: datetime, unit: OrgUnit | None) -> TrainingCounts:
    held = TrainingSession.objects.filter(sessions_held(low, high, unit))
    members = Participant.objects.filter(session__in=held, attended=True).count()
    by_audience: dict[str, int] = {Audience.MEMBERS.value: members} if members else {}
    rows = (
        OutsideGroup.objects.filter(session__in=held)
        .values("audience")
        .annotate(n=Sum("count"))
        .order_by()
    )
    for row in rows:
        by_audience[row["audience"]] = by_audience.get(row["audience"], 0) + int(row["n"] or 0)
    ordered = dict(sorted(by_audience.items(), key=lambda item: (-item[1], item[0])))
    return TrainingCounts(
        sessions=held.count(), trainees=sum(ordered.values()), by_audience=ordered
    )


def outreach_counts(low: datetime, high: datetime, unit: OrgUnit | None) -> OutreachCounts:
    zone = timezone.get_current_timezone()
    first, last = low.astimezone(zone).date(), high.astimezone(zone).date()
    entries = OutreachActivity.objects.filter(_in_unit("unit", unit), day__gte=first, day__lt=last)
    totals = entries.aggregate(activities=Count("id"), reach=Sum("reach"))
    rows = entries.values("channel").annotate(n=Count("id")).order_by()
    by_channel = {row["channel"]: int(row["n"]) for row in rows}
    return OutreachCounts(
        activities=int(totals["activities"] or 0),
        reach=int(totals["reach"] or 0),
        by_channel=dict(sorted(by_channel.items(), key=lambda item: (-item[1], item[0]))),
    )


@dataclass
class UnitCounts:
    """Per unit (not subtree): sessions held, trainees and outreach entries."""

    sessions: dict[int, int] = field(default_factory=dict)
    trainees: dict[int, int] = field(default_factory=dict)
    outreach: dict[int, int] = field(default_factory=dict)


def counts_by_unit(low: datetime, high: datetime, unit: OrgUnit | None) -> UnitCounts:
    """The same figures grouped by the unit each session or entry belongs to."""
    result = UnitCounts()
    held = TrainingSession.objects.filter(sessions_held(low, high, unit))
    for row in held.values("unit_id").annotate(n=Count("id")).order_by():
        result.sessions[row["unit_id"]] = int(row["n"])
    present = Participant.objects.filter(session__in=held, attended=True)
    people: Any = present.values("session__unit_id").annotate(n=Count("id")).order_by()
    outside = OutsideGroup.objects.filter(session__in=held)
    counted: Any = outside.values("session__unit_id").annotate(n=Sum("count")).order_by()
    for row in itertools.chain(people, counted):
        _add(result.trainees, row["session__unit_id"], int(row["n"] or 0))
    zone = timezone.get_current_timezone()
    first, last = low.astimezone(zone).date(), high.astimezone(zone).date()
    entries = OutreachActivity.objects.filter(_in_unit("unit", unit), day__gte=first, day__lt=last)
    for row in entries.values("unit_id").annotate(n=Count("id")).order_by():
        result.outreach[row["unit_id"]] = int(row["n"])
    return result


def _add(counts: dict[int, int], key: int, value: int) -> None:
    counts[key] = counts.get(key, 0) + value
