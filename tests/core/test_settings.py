"""Settings come from the environment; malformed values stop the start with a clear message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiemchung.config import EnvReader, read_or_create_secret


def check(tmp_path: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("KIEMCHUNG_") and k != "DATABASE_URL"
    }
    env.update(KIEMCHUNG_DATA_DIR=str(tmp_path / "data"), **extra)
    return subprocess.run(
        [sys.executable, "-m", "kiemchung.cli", "check"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_defaults_just_work(tmp_path: Path) -> None:
    done = check(tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "data" / "secret_key").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "data" / "pseudonym_key").exists()


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("KIEMCHUNG_DEBUG", "maybe", "KIEMCHUNG_DEBUG: expected yes/no"),
        ("KIEMCHUNG_SPIKE_MIN_DOCS", "five", "KIEMCHUNG_SPIKE_MIN_DOCS: expected a whole number"),
        ("KIEMCHUNG_STORY_SIMILARITY", "0", "must be at least 0.05"),
        ("KIEMCHUNG_FETCH_READ_TIMEOUT", "soon", "expected a number"),
        ("DATABASE_URL", "mysql://root@127.0.0.1/x", "only sqlite:// and postgres://"),
        ("KIEMCHUNG_STORY_INDEX", "memcached", "KIEMCHUNG_STORY_INDEX must be one of"),
        ("KIEMCHUNG_FETCH_ALLOW", "not-a-network/99", "KIEMCHUNG_FETCH_ALLOW"),
        ("KIEMCHUNG_BACKUP_EVERY", "sometimes", "KIEMCHUNG_BACKUP_EVERY: expected off"),
        ("KIEMCHUNG_BACKUP_KEEP", "0", "KIEMCHUNG_BACKUP_KEEP: must be at least 1"),
        ("KIEMCHUNG_LOG_FORMAT", "xml", "KIEMCHUNG_LOG_FORMAT: expected text or json"),
    ],
)
def test_a_malformed_value_fails_the_system_check(
    tmp_path: Path, name: str, value: str, message: str
) -> None:
    done = check(tmp_path, **{name: value})
    assert done.returncode != 0
    assert message in done.stderr


def test_a_secret_is_created_once_and_then_kept(tmp_path: Path) -> None:
    first = read_or_create_secret(tmp_path / "s")
    assert read_or_create_secret(tmp_path / "s") == first
    assert len(first) > 40


def test_a_secret_can_come_from_a_file(tmp_path: Path) -> None:
    (tmp_path / "key").write_text("from-a-file\n")
    reader = EnvReader(environ={"KIEMCHUNG_SECRET_KEY_FILE": str(tmp_path / "key")})
    assert reader.text("KIEMCHUNG_SECRET_KEY", "") == "from-a-file"


def test_booleans_accept_the_usual_words() -> None:
    reader = EnvReader(environ={"A": "yes", "B": "OFF", "C": "1"})
    assert (reader.boolean("A", False), reader.boolean("B", True), reader.boolean("C", False)) == (
        True,
        False,
        True,
    )
    assert reader.problems == []
