"""The month calendar of training sessions: weeks from Monday, each day with its sessions."""

from __future__ import annotations

import calendar as pycalendar
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from kiemchung.training.models import TrainingSession


@dataclass
class Day:
    day: date
    in_month: bool
    is_today: bool
    sessions: list[TrainingSession] = field(default_factory=list)


@dataclass
class Month:
    first: date
    weeks: list[list[Day]]

    @property
    def previous(self) -> date:
        return (self.first - timedelta(days=1)).replace(day=1)

    @property
    def next(self) -> date:
        return (self.first + timedelta(days=32)).replace(day=1)


def parse_month(raw: str | None, today: date) -> date:
    """``YYYY-MM`` to the month's first day; anything else is this month."""
    try:
        year, month = (int(part) for part in (raw or "").split("-"))
        return date(year, month, 1)
    except ValueError:
        return today.replace(day=1)


def month_of(sessions: QuerySet[TrainingSession], first: date, today: date) -> Month:
    days = pycalendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    zone = timezone.get_current_timezone()
    low = datetime.combine(days[0][0], time.min, tzinfo=zone)
    high = datetime.combine(days[-1][-1] + timedelta(days=1), time.min, tzinfo=zone)
    by_day: dict[date, list[TrainingSession]] = {}
    found: Any = sessions.filter(starts_at__gte=low, starts_at__lt=high).order_by("starts_at")
    for session in found:
        by_day.setdefault(timezone.localtime(session.starts_at).date(), []).append(session)
    weeks = [
        [Day(d, d.month == first.month, d == today, by_day.get(d, [])) for d in week]
        for week in days
    ]
    return Month(first, weeks)
