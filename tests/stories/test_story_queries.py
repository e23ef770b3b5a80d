"""The dashboard's read-side queries."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiemchung.sources.services import ingest_path
from kiemchung.stories.queries import newest_stories
from kiemchung.testing.factories import STORIES, write_jsonl

pytestmark = pytest.mark.django_db


def test_the_newest_stories_come_first_with_how_many_sources_carry_them(tmp_path: Path) -> None:
    days = {"rice_harvest": "01", "bank_scam": "02", "dam_rumour": "03"}
    for name, day in days.items():
        for outlet in ("Báo Hòa Lâm", "Đài Hòa Lâm")[: 1 + (name == "dam_rumour")]:
            row = {
                "text": STORIES[name],
                "url": f"https://a.example/{name}/{outlet}",
                "posted_at": f"2026-06-{day}T08:00:00+07:00",
            }
            ingest_path(write_jsonl(tmp_path / "one.jsonl", [row]), source_name=outlet)
    newest = list(newest_stories(limit=2))
    assert [story.representative.url for story in newest] == [
        "https://a.example/dam_rumour/Báo Hòa Lâm",
        "https://a.example/bank_scam/Báo Hòa Lâm",
    ]
    assert [story.sources for story in newest] == [2, 1]
