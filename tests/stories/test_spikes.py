"""Spike alerts: sudden growth against the story's and the stream's own pace."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.utils import timezone

from kiemchung.sources.services import ingest_path
from kiemchung.stories.models import Alert, Story
from kiemchung.testing.factories import STORIES, write_jsonl

pytestmark = pytest.mark.django_db


def rows_for(story: str, times: list[str], tag: str) -> list[dict[str, object]]:
    return [
        {
            "text": STORIES[story] + f" Bản {i}.",
            "url": f"https://a.example/{tag}/{i}",
            "posted_at": t,
        }
        for i, t in enumerate(times)
    ]


def burst(day: str, count: int, start_hour: int = 8) -> list[str]:
    return [f"{day}T{start_hour + i // 4:02d}:{(i % 4) * 15:02d}:00+07:00" for i in range(count)]


def test_a_sudden_burst_raises_one_alert(tmp_path: Path) -> None:
    quiet = ["2026-07-01T08:00:00+07:00", "2026-07-03T09:00:00+07:00"]
    rows = rows_for("dam_rumour", quiet + burst("2026-07-10", 12), "dam")
    ingest_path(write_jsonl(tmp_path / "burst.jsonl", rows))
    alert = Alert.objects.get()
    assert alert.story == Story.objects.get()
    assert alert.count >= 10
    assert alert.ratio >= 3


def test_steady_growth_raises_no_alert(tmp_path: Path) -> None:
    times = [
        f"2026-07-{day:02d}T{hour:02d}:00:00+07:00"
        for day in range(1, 11)
        for hour in (1, 7, 13, 19)
    ]
    ingest_path(write_jsonl(tmp_path / "steady.jsonl", rows_for("rice_harvest", times, "rice")))
    assert Story.objects.get().doc_count == 40
    assert not Alert.objects.exists()


def test_a_spike_that_goes_on_updates_its_alert(tmp_path: Path) -> None:
    ingest_path(
        write_jsonl(tmp_path / "a.jsonl", rows_for("bank_scam", burst("2026-08-01", 8), "a"))
    )
    ingest_path(
        write_jsonl(tmp_path / "b.jsonl", rows_for("bank_scam", burst("2026-08-01", 8, 10), "b"))
    )
    assert Alert.objects.count() == 1


def test_few_documents_are_never_a_spike(tmp_path: Path) -> None:
    ingest_path(
        write_jsonl(tmp_path / "few.jsonl", rows_for("bank_scam", burst("2026-08-01", 4), "few"))
    )
    assert not Alert.objects.exists()


def test_a_spike_in_the_middle_of_a_long_history_is_found_in_one_import(tmp_path: Path) -> None:
    quiet_before = [f"2026-06-{day:02d}T09:00:00+07:00" for day in (1, 8, 15)]
    quiet_after = [f"2026-07-{day:02d}T09:00:00+07:00" for day in (5, 12, 19)]
    rows = rows_for("dam_rumour", quiet_before + burst("2026-06-20", 10) + quiet_after, "mid")
    ingest_path(write_jsonl(tmp_path / "history.jsonl", rows))
    alert = Alert.objects.get()
    assert timezone.localtime(alert.window_end).date().isoformat() == "2026-06-20"
