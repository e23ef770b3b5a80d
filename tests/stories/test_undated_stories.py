"""A story none of whose posts has a date shows no date, and comes after dated stories."""

from __future__ import annotations

import importlib
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client

from kiemchung.sources.services import ingest_path
from kiemchung.stories.models import Story
from kiemchung.stories.queries import newest_stories
from kiemchung.testing.factories import STORIES, write_jsonl

pytestmark = pytest.mark.django_db

DATED = {
    "text": STORIES["rice_harvest"],
    "url": "https://a.example/dated",
    "posted_at": "2020-03-14T09:00:00+07:00",
}
UNDATED = {"text": STORIES["dam_rumour"], "url": "https://a.example/undated"}


def ingest(tmp_path: Path, *rows: dict[str, str]) -> None:
    ingest_path(write_jsonl(tmp_path / "rows.jsonl", list(rows)))


def story_of(url: str) -> Story:
    return Story.objects.get(documents__url=url)


def test_a_story_of_undated_posts_is_marked_undated(tmp_path: Path) -> None:
    ingest(tmp_path, DATED, UNDATED)
    assert story_of(UNDATED["url"]).undated
    assert not story_of(DATED["url"]).undated


def test_undated_stories_come_after_dated_ones_among_the_newest(tmp_path: Path) -> None:
    ingest(tmp_path, DATED, UNDATED)  # the undated story's import time is later than 2020
    assert [story.undated for story in newest_stories()] == [False, True]


def test_a_dated_post_gives_an_undated_story_its_publication_times(tmp_path: Path) -> None:
    ingest(tmp_path, UNDATED)
    dated_copy = {
        **UNDATED,
        "url": "https://a.example/dated-copy",
        "posted_at": "2020-05-01T08:00:00+00:00",
    }
    ingest(tmp_path, dated_copy)
    story = story_of(UNDATED["url"])
    assert story.doc_count == 2
    assert not story.undated
    moment = datetime(2020, 5, 1, 8, tzinfo=UTC)
    assert (story.first_seen, story.last_seen) == (moment, moment)  # not the import time


def test_the_desk_shows_an_undated_story_without_its_import_date(
    client: Client, tmp_path: Path
) -> None:
    ingest(tmp_path, DATED, UNDATED)
    client.force_login(User.objects.create_superuser("canbo", "c@kiemchung.invalid", "mat-khau-12"))
    story = story_of(UNDATED["url"])
    dashboard = client.get("/").content.decode()
    newest = dashboard.split('id="newest-h"')[1]
    row = newest.split(f'href="/stories/{story.pk}/"')[1].split("</a></td>")[1].split("</tr>")[0]
    assert "không rõ ngày đăng" in row
    assert not re.search(r"\d{4}", row.replace(str(story.doc_count), ""))  # no date, no year
    page = client.get(f"/stories/{story.pk}/").content.decode()
    assert "không rõ ngày đăng" in page
    assert "xuất hiện lần đầu" not in page


def test_the_migration_marks_the_existing_stories_without_a_dated_document(
    tmp_path: Path,
) -> None:
    ingest(tmp_path, DATED, UNDATED)
    Story.objects.update(undated=False)  # as every story was before the migration
    migration = importlib.import_module("kiemchung.stories.migrations.0005_story_undated")
    migration.mark_undated(django_apps, connection.schema_editor())
    assert story_of(UNDATED["url"]).undated
    assert not story_of(DATED["url"]).undated
