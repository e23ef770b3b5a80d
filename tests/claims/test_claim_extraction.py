"""Claims come from a story's representative documents, best first, once."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiemchung.claims.extraction import extract_for_story, extract_pending
from kiemchung.claims.models import Claim
from kiemchung.sources.services import ingest_path
from kiemchung.stories.models import Story
from kiemchung.testing.factories import write_jsonl

pytestmark = pytest.mark.django_db

POST = (
    "Chào cả nhà! Từ 0h đêm nay giá xăng RON95 tăng gấp đôi lên 45.000đ/lít theo quyết định "
    "của Bộ Công Thương. Mình thấy thật quá đáng. Có ai biết cây xăng nào còn mở không? "
    "CHIA SẺ NGAY!!!"
)


def ingest(tmp_path: Path, rows: list[dict[str, object]]) -> Story:
    ingest_path(write_jsonl(tmp_path / "posts.jsonl", rows))
    return Story.objects.get()


def test_the_check_worthy_sentence_is_the_first_claim(tmp_path: Path) -> None:
    story = ingest(tmp_path, [{"text": POST, "url": "https://a.example/1"}])
    claims = extract_for_story(story)
    assert claims[0].text.startswith("Từ 0h đêm nay giá xăng RON95 tăng gấp đôi")
    assert claims[0].checkworthiness > 0.7
    assert "money" in claims[0].reasons
    assert claims[-1].checkworthiness < 0.3


def test_copies_are_not_read_again_and_extraction_is_idempotent(tmp_path: Path) -> None:
    rows = [
        {"text": POST + f" Bản sao {i}.", "url": f"https://a.example/{i}", "shares": i}
        for i in range(6)
    ]
    story = ingest(tmp_path, rows)
    first = {c.pk for c in extract_for_story(story)}
    again = {c.pk for c in extract_for_story(story)}
    assert first == again
    assert Claim.objects.filter(story=story).count() == len(first)
    documents = set(Claim.objects.values_list("document_id", flat=True))
    assert len(documents) <= 2


def test_pending_stories_are_extracted_once(tmp_path: Path) -> None:
    ingest(tmp_path, [{"text": POST, "url": "https://a.example/1"}])
    assert extract_pending() == 1
    assert extract_pending() == 0


@pytest.mark.django_db
def test_extraction_gives_the_story_a_theme(tmp_path: Path) -> None:
    from kiemchung.claims.extraction import extract_for_story
    from kiemchung.sources.services import ingest_path
    from kiemchung.stories.models import Story
    from kiemchung.testing.factories import STORIES, write_jsonl

    rows = [{"text": STORIES["bank_scam"], "url": "https://a.example/scam"}]
    ingest_path(write_jsonl(tmp_path / "s.jsonl", rows))
    story = Story.objects.get()
    extract_for_story(story)
    story.refresh_from_db()
    assert story.theme == "scam"
