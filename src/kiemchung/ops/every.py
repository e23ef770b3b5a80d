"""When scheduled backups run: ``off``, every N hours (``24``, ``6h``) or daily at a time.

Pure Python (no Django): ``settings.py`` parses ``KIEMCHUNG_BACKUP_EVERY`` with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo

OFF_WORDS = frozenset({"", "off", "no", "never", "0"})
_HOURS = re.compile(r"^(\d+(?:\.\d+)?)\s*h?$")
_DAILY = re.compile(r"^(\d{1,2}):(\d{2})$")


@dataclass(frozen=True)
class Every:
    """A backup schedule: ``hours`` apart, or ``daily_at`` a local time, or neither (off)."""

    hours: float | None = None
    daily_at: time | None = None

    @property
    def enabled(self) -> bool:
        return self.hours is not None or self.daily_at is not None

    def last_due(self, now: datetime, zone: tzinfo) -> datetime | None:
        """The latest moment a backup should have been made by ``now`` (None: any time)."""
        if self.daily_at is None:
            return None
        local = now.astimezone(zone)
        today = datetime.combine(local.date(), self.daily_at, tzinfo=zone)
        return today if today <= local else today - timedelta(days=1)

    def is_due(self, newest: datetime | None, now: datetime, zone: tzinfo) -> bool:
        """Whether a backup is due, given the time of the newest one (None: there is none)."""
        if not self.enabled:
            return False
        if newest is None:
            return True
        if self.hours is not None:
            return now - newest >= timedelta(hours=self.hours)
        last_due = self.last_due(now, zone)
        return last_due is not None and newest < last_due


def parse_every(raw: str) -> Every:
    """Parse ``off``, ``24``/``6h``/``0.5h`` (hours) or ``02:30`` (daily); ValueError else."""
    text = raw.strip().lower()
    if text in OFF_WORDS:
        return Every()
    hours = _HOURS.match(text)
    if hours:
        value = float(hours.group(1))
        if value <= 0:
            return Every()
        return Every(hours=value)
    daily = _DAILY.match(text)
    if daily:
        hour, minute = int(daily.group(1)), int(daily.group(2))
        if hour < 24 and minute < 60:
            return Every(daily_at=time(hour, minute))
    raise ValueError(
        f"expected off, a number of hours (24, 6h) or a daily time (02:30), got {raw!r}"
    )
