"""Two imports at once on PostgreSQL, overlapping and each with a bad record: every record
exactly once, every document in a story, the bad records rejected alone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from kiemchung.sources.models import Document
from kiemchung.stories.models import Story, StoryBucket
from kiemchung.testing.factories import random_rows, write_jsonl

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return (
        f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        f"/{db['NAME']}"
    )


def test_two_overlapping_imports_at_once_store_every_record_once(tmp_path: Path) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("concurrent imports are checked on PostgreSQL (set DATABASE_URL)")
    rows = random_rows(1500, seed=21)
    first = write_jsonl(
        tmp_path / "a.jsonl", [*rows[:1000], {"text": "x", "url": "http://a:99999/"}]
    )
    second = write_jsonl(
        tmp_path / "b.jsonl", [*rows[500:], {"text": "y", "posted_at": "0001-01-01T00:00:00+14:00"}]
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIEMCHUNG_")}
    env.update(
        DATABASE_URL=database_url(),
        KIEMCHUNG_DATA_DIR=str(tmp_path / "data"),
        KIEMCHUNG_STORY_INDEX="file",
        KIEMCHUNG_INGEST_BATCH_SIZE="100",
    )
    imports = [
        subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "kiemchung.cli", "ingest", str(path), "--workers", "2"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in (first, second)
    ]
    results = [(process.wait(timeout=600), process.stderr.read()) for process in imports]  # type: ignore[union-attr]
    assert [code for code, _ in results] == [1, 1], results
    assert "line 1001: 'url'" in results[0][1]
    assert "line 1001: 'posted_at'" in results[1][1]
    assert Document.objects.count() == 1500
    assert Document.objects.values("identity").distinct().count() == 1500
    assert not Document.objects.filter(story__isnull=True).exists()
    assert sum(Story.objects.values_list("doc_count", flat=True)) == 1500
    assert sum(StoryBucket.objects.values_list("count", flat=True)) == 1500
