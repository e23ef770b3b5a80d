"""Scheduled backups: made when due, never twice, and only the newest N are kept."""

from __future__ import annotations

import tarfile
from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings

from kiemchung.core.periodic import PERIODIC
from kiemchung.ops.every import Every, parse_every
from kiemchung.ops.schedule import archive_name, prune, run_scheduled_backup

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def backups(data_dir: Path, tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "backups"
    with override_settings(BACKUP_DIR=folder, BACKUP_EVERY=parse_every("6h"), BACKUP_KEEP=2):
        yield folder


def archives(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.glob("kiemchung-backup-*"))


def test_retention_keeps_exactly_the_n_newest_archives_and_nothing_else_is_touched(
    tmp_path: Path,
) -> None:
    names = [archive_name(T0 + timedelta(days=day)) for day in range(6)]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "kiemchung-backup-by-hand.tar.gz").write_bytes(b"mine")
    crashed = tmp_path / f"{archive_name(T0)}.partial"
    crashed.write_bytes(b"half")
    removed = prune(tmp_path, keep=3)
    assert sorted(path.name for path in removed) == sorted([*names[:3], crashed.name])
    assert archives(tmp_path) == sorted([*names[3:], "kiemchung-backup-by-hand.tar.gz"])


@pytest.mark.django_db(transaction=True)
def test_the_handler_backs_up_when_due_only_once_and_keeps_the_newest(backups: Path) -> None:
    first = run_scheduled_backup(now=T0)
    assert first == archive_name(T0)
    assert run_scheduled_backup(now=T0 + timedelta(hours=1)) == "not due"
    assert archives(backups) == [first]
    second = run_scheduled_backup(now=T0 + timedelta(hours=7))
    third = run_scheduled_backup(now=T0 + timedelta(hours=14))
    assert archives(backups) == sorted([second, third])
    with tarfile.open(backups / third) as tar:
        assert tar.getnames()[-1] == "manifest.json"
    assert not list(backups.glob("*.partial"))


@pytest.mark.django_db(transaction=True)
def test_the_worker_scheduler_runs_the_backup(backups: Path) -> None:
    handlers = dict(PERIODIC)
    assert "backup" in handlers
    made = handlers["backup"]()
    assert made and archives(backups) == [made]
    assert handlers["backup"]() == ""  # not due: an idle tick


def test_scheduled_backups_can_be_turned_off(tmp_path: Path) -> None:
    with override_settings(BACKUP_DIR=tmp_path, BACKUP_EVERY=parse_every("off")):
        assert run_scheduled_backup(now=T0) == "off"
    assert archives(tmp_path) == []


def test_a_daily_time_is_due_once_its_moment_has_passed() -> None:
    daily = Every(daily_at=time(2, 0))
    at_3am = datetime(2026, 3, 2, 3, 0, tzinfo=HANOI)
    assert daily.is_due(None, at_3am, HANOI)
    assert daily.is_due(datetime(2026, 3, 2, 1, 0, tzinfo=HANOI), at_3am, HANOI)
    assert not daily.is_due(datetime(2026, 3, 2, 2, 30, tzinfo=HANOI), at_3am, HANOI)
    at_1am = datetime(2026, 3, 2, 1, 0, tzinfo=HANOI)
    assert not daily.is_due(datetime(2026, 3, 1, 2, 5, tzinfo=HANOI), at_1am, HANOI)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("off", Every()),
        ("", Every()),
        ("24", Every(hours=24)),
        ("6h", Every(hours=6)),
        ("0.5h", Every(hours=0.5)),
        ("02:30", Every(daily_at=time(2, 30))),
    ],
)
def test_the_schedule_setting_reads_hours_or_a_daily_time(raw: str, expected: Every) -> None:
    assert parse_every(raw) == expected


@pytest.mark.parametrize("raw", ["sometimes", "25:00", "2:7", "-3"])
def test_a_malformed_schedule_setting_is_refused(raw: str) -> None:
    with pytest.raises(ValueError, match="expected off"):
        parse_every(raw)
