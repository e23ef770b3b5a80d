"""`kiemchung worker --batch` drains what is queued, in bounded chunks, not one chunk."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from kiemchung.claims import extraction
from kiemchung.sources.services import ingest_path
from kiemchung.stories.models import Story
from kiemchung.testing.factories import random_rows, write_jsonl

# tick() closes the connection between jobs, as a worker does: a transactional test
# survives that on PostgreSQL too.
pytestmark = pytest.mark.django_db(transaction=True)


def test_a_batch_run_extracts_claims_for_every_queued_story_in_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest_path(write_jsonl(tmp_path / "rows.jsonl", random_rows(25, seed=3)))
    chunks: list[int] = []
    original = extraction.extract_pending

    def small_chunks(limit: int = 200) -> int:
        done = original(limit=10)
        chunks.append(done)
        return done

    monkeypatch.setattr(extraction, "extract_pending", small_chunks)
    call_command("worker", "--batch", stdout=io.StringIO(), stderr=io.StringIO())
    assert Story.objects.count() == 25
    assert not Story.objects.filter(claims_extracted_at__isnull=True).exists()
    assert chunks == [10, 10, 5, 0]  # bounded chunks, each committed as it goes
