"""The login limit holds under parallel attempts, across processes, on every store."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test import override_settings

from kiemchung.testing import login_race

LIMIT = 5


def _race_in_processes(tmp_path: Path, database_url: str) -> int:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "KIEMCHUNG_DATA_DIR": str(tmp_path),
        "KIEMCHUNG_LOGIN_FAILURES_PER_USER": str(LIMIT),
        "KIEMCHUNG_REDIS_URL": "",
    }
    command = [sys.executable, "-m", login_race.MODULE, "--attempts", "100", "--processes", "4"]
    result = subprocess.run(  # noqa: S603
        command, env=env, capture_output=True, text=True, timeout=300, check=True
    )
    found = re.search(r"under 100 parallel attempts: (\d+) passwords checked", result.stdout)
    assert found, result.stdout + result.stderr
    return int(found.group(1))


@pytest.mark.slow
def test_a_hundred_parallel_attempts_from_four_processes_check_at_most_the_limit(
    tmp_path: Path,
) -> None:
    checked = _race_in_processes(tmp_path, f"sqlite:///{tmp_path / 'race.sqlite3'}")
    assert 1 <= checked <= LIMIT


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@override_settings(LOGIN_FAILURES_PER_USER=LIMIT, REDIS_URL="")
def test_on_postgresql_a_hundred_parallel_attempts_check_at_most_the_limit() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("set DATABASE_URL=postgres://… to run the PostgreSQL variant")
    login_race.make_account()
    checked = login_race.parallel_attempts(100, workers=20)
    assert 1 <= checked <= LIMIT


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_with_redis_a_hundred_parallel_attempts_check_at_most_the_limit() -> None:
    url = os.environ.get("KIEMCHUNG_TEST_REDIS_URL")
    if not url:
        pytest.skip("set KIEMCHUNG_TEST_REDIS_URL (e.g. redis://127.0.0.1:6379/15)")
    prefix = f"kiemchung-test-{os.getpid()}-{id(url)}"
    with override_settings(LOGIN_FAILURES_PER_USER=LIMIT, REDIS_URL=url, REDIS_PREFIX=prefix):
        login_race.make_account()
        checked = login_race.parallel_attempts(100, workers=20)
    assert 1 <= checked <= LIMIT
