"""Scheduled backups with retention, run by the worker's scheduler.

The handler is idempotent: whether a backup is due is read from the names of the
archives already in ``KIEMCHUNG_BACKUP_DIR`` (their UTC time), so a tick that comes too
early, a second worker or a restart does nothing. An archive is written under a
temporary name and renamed when complete; only this module's own archive names are
ever deleted, and only beyond the ``KIEMCHUNG_BACKUP_KEEP`` newest.
"""

from __future__ import annotations

import fcntl
import logging
import re
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from kiemchung.core.periodic import periodic
from kiemchung.ops.backup import make_backup

log = logging.getLogger(__name__)

PREFIX = "kiemchung-backup-"
NAME = re.compile(r"^kiemchung-backup-(\d{8}T\d{6}Z)\.tar\.gz$")
STAMP = "%Y%m%dT%H%M%SZ"


def archive_name(moment: datetime) -> str:
    return f"{PREFIX}{moment.astimezone(UTC).strftime(STAMP)}.tar.gz"


def scheduled_archives(folder: Path) -> list[tuple[datetime, Path]]:
    """This module's archives in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = NAME.match(path.name)
        if match and path.is_file():
            moment = datetime.strptime(match.group(1), STAMP).replace(tzinfo=UTC)
            found.append((moment, path))
    return sorted(found, reverse=True)


def prune(folder: Path, keep: int) -> list[Path]:
    """Delete all but the ``keep`` newest scheduled archives (and any left half-written by
    a crash: the caller holds the lock, so none is being written); return what went."""
    removed = [path for _, path in scheduled_archives(folder)[keep:]]
    removed += sorted(folder.glob(f"{PREFIX}*.tar.gz.partial"))
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def run_scheduled_backup(now: datetime | None = None) -> str:
    """Make a backup if one is due, then keep the newest ``BACKUP_KEEP``. Safe to repeat."""
    every = settings.BACKUP_EVERY
    if not every.enabled:
        return "off"
    moment = now or timezone.now()
    folder = Path(settings.BACKUP_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / ".lock").open("w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return "busy"  # another process on this machine is making one right now
        newest = next(iter(scheduled_archives(folder)), None)
        zone = ZoneInfo(settings.TIME_ZONE)
        if not every.is_due(newest[0] if newest else None, moment, zone):
            return "not due"
        result = make_backup(folder / archive_name(moment))
        removed = prune(folder, settings.BACKUP_KEEP)
    log.info(
        "scheduled backup %s (%d bytes, %.1f s); %d old archive(s) removed",
        result.path.name,
        result.size,
        result.seconds,
        len(removed),
    )
    return result.path.name


@periodic("backup")
def _scheduled_backup() -> str:
    """The archive's name when one was made; empty (an idle tick) otherwise."""
    outcome = run_scheduled_backup()
    return outcome if outcome.startswith(PREFIX) else ""
