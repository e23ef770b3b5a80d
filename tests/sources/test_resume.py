"""A process killed mid-import (kill -9) resumes without loss or duplicates."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiemchung.testing.factories import random_rows, write_jsonl

pytestmark = pytest.mark.slow

TOTAL = 4000


def kiemchung(env: dict[str, str], *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "kiemchung.cli", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def count(db: Path, sql: str) -> int:
    with sqlite3.connect(db, timeout=30) as conn:
        return int(conn.execute(sql).fetchone()[0] or 0)


def test_a_killed_import_resumes_with_every_record_exactly_once(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        KIEMCHUNG_DATA_DIR=str(data),
        KIEMCHUNG_INGEST_BATCH_SIZE="100",
        KIEMCHUNG_STORY_INDEX="file",
    )
    assert kiemchung(env, "migrate", "--noinput").wait(timeout=120) == 0
    path = write_jsonl(tmp_path / "big.jsonl", random_rows(TOTAL, seed=7))
    db = data / "kiemchung.sqlite3"

    process = kiemchung(env, "ingest", str(path), "--workers", "1")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if count(db, "SELECT COUNT(*) FROM sources_document") >= 500:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the import finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    partial = count(db, "SELECT COUNT(*) FROM sources_document")
    assert 0 < partial < TOTAL

    resumed = kiemchung(env, "ingest", str(path), "--workers", "2")
    assert resumed.wait(timeout=300) == 0, resumed.stderr.read().decode() if resumed.stderr else ""
    assert count(db, "SELECT COUNT(*) FROM sources_document") == TOTAL
    assert count(db, "SELECT COUNT(DISTINCT identity) FROM sources_document") == TOTAL
    assert count(db, "SELECT SUM(doc_count) FROM stories_story") == TOTAL
    assert count(db, "SELECT SUM(count) FROM stories_storybucket") == TOTAL
    assert count(db, "SELECT COUNT(*) FROM sources_document WHERE story_id IS NULL") == 0
