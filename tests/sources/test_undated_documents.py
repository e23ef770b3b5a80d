"""A post without its own time is marked undated: it is no sign of today's activity."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from kiemchung.claims.queue import priority_queue
from kiemchung.sources.models import Document
from kiemchung.sources.services import ingest_path
from kiemchung.stories.models import Story, StoryBucket
from kiemchung.stories.queries import data_now
from kiemchung.testing.factories import STORIES, write_jsonl

pytestmark = pytest.mark.django_db


def import_2020_with_undated_copies(tmp_path: Path) -> None:
    rows = [
        {
            "text": STORIES["rice_harvest"],
            "url": "https://a.example/dated",
            "posted_at": "2020-03-14T09:00:00+07:00",
        },
        *(
            {"text": STORIES["dam_rumour"] + f" Bài {i}.", "url": f"https://a.example/undated/{i}"}
            for i in range(8)
        ),
    ]
    ingest_path(write_jsonl(tmp_path / "rows.jsonl", rows))


def test_documents_without_a_time_are_marked_undated(tmp_path: Path) -> None:
    import_2020_with_undated_copies(tmp_path)
    assert Document.objects.filter(undated=True).count() == 8
    assert not Document.objects.get(url="https://a.example/dated").undated


def test_undated_documents_count_in_no_growth_window_and_not_as_today(tmp_path: Path) -> None:
    import_2020_with_undated_copies(tmp_path)
    newest = data_now()
    assert newest is not None and newest.year == 2020  # the data ends in 2020, not today
    undated_story = Story.objects.get(documents__url="https://a.example/undated/0")
    assert undated_story.doc_count == 8
    assert not StoryBucket.objects.filter(story=undated_story).exists()
    queue = {item.story.pk: item for item in priority_queue()}
    assert queue[undated_story.pk].recent == 0  # not "8 new documents in the last 24 hours"


def test_the_desk_shows_an_undated_document_as_time_unknown(client: Client, tmp_path: Path) -> None:
    import_2020_with_undated_copies(tmp_path)
    client.force_login(User.objects.create_superuser("canbo", "c@kiemchung.invalid", "mat-khau-12"))
    document = Document.objects.get(url="https://a.example/undated/0")
    page = client.get(f"/documents/{document.pk}/").content.decode()
    assert "không rõ thời gian" in page
    story_page = client.get(f"/stories/{document.story_id}/").content.decode()
    assert "không rõ thời gian" in story_page
