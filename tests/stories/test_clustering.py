"""Near-duplicate clustering: copies join their story, different stories stay apart."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from django.test import override_settings

from kiemchung.sources.models import Document
from kiemchung.sources.services import ingest_path
from kiemchung.stories.clustering import index_path, open_index
from kiemchung.stories.models import Story
from kiemchung.testing.factories import STORIES, write_jsonl
from kiemchung.text.normalize import ascii_key

pytestmark = pytest.mark.django_db


def ingest_texts(tmp_path: Path, texts: list[str], name: str = "batch") -> None:
    rows = [{"text": text, "url": f"https://a.example/{name}/{i}"} for i, text in enumerate(texts)]
    ingest_path(write_jsonl(tmp_path / f"{name}.jsonl", rows))


def strip_accents_keep_case(text: str) -> str:
    return "".join(
        a if a.isupper() == b.isupper() else a.upper()
        for a, b in zip(ascii_key(text), text, strict=False)
    )


def variants(text: str) -> list[str]:
    return [
        text,
        text.replace("nhiều", "rất nhiều") + " CHIA SẺ NGAY!!! 🔥🔥",
        "Khẩn! " + text.rsplit(".", 2)[0] + ".",
        ascii_key(text),  # typed without diacritics
        text.replace("thủy", "thuỷ").replace("hòa", "hoà").replace("Hòa", "Hoà"),  # old tone style
    ]


def story_of(url: str) -> int | None:
    return Document.objects.get(url=url).story_id


def test_copies_with_small_edits_and_without_diacritics_join_one_story(tmp_path: Path) -> None:
    ingest_texts(tmp_path, variants(STORIES["bank_scam"]))
    assert Story.objects.count() == 1
    assert Story.objects.get().doc_count == 5


def test_different_stories_stay_apart(tmp_path: Path) -> None:
    texts = [t for story in STORIES.values() for t in variants(story)]
    ingest_texts(tmp_path, texts)
    assert Story.objects.count() == len(STORIES)
    assert sorted(Story.objects.values_list("doc_count", flat=True)) == [5, 5, 5]


def test_a_story_knows_its_sightings_and_representative(tmp_path: Path) -> None:
    rows = [
        {
            "text": text,
            "url": f"https://a.example/{i}",
            "posted_at": f"2026-06-0{i + 1}T10:00:00+07:00",
        }
        for i, text in enumerate(variants(STORIES["dam_rumour"])[:3])
    ]
    ingest_path(write_jsonl(tmp_path / "dated.jsonl", list(reversed(rows))))
    story = Story.objects.get()
    assert story.first_seen.day == 1 and story.last_seen.day == 3
    assert story.representative is not None
    assert story.representative.url == "https://a.example/2"  # the first one ingested
    assert story.buckets.count() == 3


def test_the_index_survives_a_restart(tmp_path: Path) -> None:
    ingest_texts(tmp_path, [STORIES["rice_harvest"]], "first")
    assert index_path().exists()
    reopened = open_index()
    assert reopened.store.last_doc_id() == Document.objects.get().pk
    ingest_texts(tmp_path, [STORIES["rice_harvest"] + " Xin cảm ơn."], "second")
    assert Story.objects.count() == 1


def test_a_lost_snapshot_is_rebuilt_from_the_database(tmp_path: Path) -> None:
    ingest_texts(tmp_path, [STORIES["rice_harvest"]], "first")
    index_path().unlink()
    ingest_texts(tmp_path, [ascii_key(STORIES["rice_harvest"])], "second")
    assert Story.objects.count() == 1


def test_a_stale_snapshot_from_another_database_is_discarded(tmp_path: Path) -> None:
    ingest_texts(tmp_path, [STORIES["rice_harvest"]], "first")
    Document.objects.all().delete()
    Story.objects.all().delete()
    ingest_texts(tmp_path, [STORIES["bank_scam"]], "second")
    index = open_index()
    assert index.store.last_doc_id() == Document.objects.get().pk


@pytest.mark.redis
def test_the_redis_index_is_shared_between_workers(tmp_path: Path) -> None:
    url = os.environ.get("KIEMCHUNG_TEST_REDIS_URL")
    if not url:
        pytest.skip(
            "set KIEMCHUNG_TEST_REDIS_URL (e.g. redis://127.0.0.1:6379/15) to run Redis tests"
        )
    prefix = f"kiemchung-test-{uuid.uuid4().hex[:8]}"
    with override_settings(STORY_INDEX="redis", REDIS_URL=url, REDIS_PREFIX=prefix):
        ingest_texts(tmp_path, [STORIES["bank_scam"]], "first")
        other_worker = open_index()
        assert other_worker.store.last_doc_id() == Document.objects.get().pk
        ingest_texts(tmp_path, [ascii_key(STORIES["bank_scam"])], "second")
        assert Story.objects.count() == 1
        other_worker.store.reset()
        assert other_worker.store.last_doc_id() == 0
