"""The priority queue ranks spreading, check-worthy stories first and says why."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiemchung.claims.extraction import extract_pending
from kiemchung.claims.models import ClaimMatch, FactCheck, MatchDecision, Verdict
from kiemchung.claims.queue import priority_queue
from kiemchung.sources.services import ingest_path
from kiemchung.stories.models import Story
from kiemchung.testing.factories import STORIES, random_rows, write_jsonl

pytestmark = pytest.mark.django_db


def burst(story: str, count: int, day: str, tag: str) -> list[dict[str, object]]:
    return [
        {
            "text": STORIES[story] + f" Bản {i}.",
            "url": f"https://a.example/{tag}/{i}",
            "posted_at": f"{day}T{8 + i // 4:02d}:{(i % 4) * 15:02d}:00+07:00",
        }
        for i in range(count)
    ]


@pytest.fixture
def two_stories(tmp_path: Path) -> tuple[Story, Story]:
    rows = burst("dam_rumour", 12, "2026-07-10", "dam") + burst(
        "rice_harvest", 1, "2026-07-10", "rice"
    )
    ingest_path(write_jsonl(tmp_path / "rows.jsonl", rows))
    extract_pending()
    dam = Story.objects.get(documents__url="https://a.example/dam/0")
    rice = Story.objects.get(documents__url="https://a.example/rice/0")
    return dam, rice


def test_a_spreading_story_comes_first_with_its_reasons(two_stories: tuple[Story, Story]) -> None:
    dam, rice = two_stories
    queue = priority_queue()
    assert [item.story.pk for item in queue][:2] == [dam.pk, rice.pk]
    reasons = " ".join(queue[0].reasons)
    assert "12" in reasons
    assert "gấp 12,0 lần" in reasons  # numbers written the Vietnamese way


def test_an_already_checked_story_drops_and_links_its_fact_check(
    two_stories: tuple[Story, Story],
) -> None:
    dam, _ = two_stories
    before = {item.story.pk: item.priority for item in priority_queue()}
    check = FactCheck.objects.create(
        url="https://kiemchung.example/dap-suoi-may",
        claim_reviewed="Đập thủy điện sắp vỡ",
        verdict=Verdict.FALSE,
        publisher="Tổ kiểm chứng Hòa Lâm",
    )
    Story.objects.filter(pk=dam.pk).update(already_checked=check)
    after = {item.story.pk: item for item in priority_queue()}
    assert after[dam.pk].priority < before[dam.pk]
    assert any("Đập thủy điện sắp vỡ" in reason for reason in after[dam.pk].reasons)


def test_an_empty_database_has_an_empty_queue() -> None:
    assert priority_queue() == []


def dam_check() -> FactCheck:
    return FactCheck.objects.create(
        url="https://kiemchung.example/dap-suoi-may",
        claim_reviewed="Đập thủy điện sắp vỡ",
        verdict=Verdict.FALSE,
        publisher="Tổ kiểm chứng Hòa Lâm",
    )


def test_a_story_with_a_suggested_fact_check_says_it_may_already_be_checked(
    two_stories: tuple[Story, Story],
) -> None:
    dam, rice = two_stories
    claim = dam.claims.order_by("-checkworthiness").first()
    assert claim is not None
    ClaimMatch.objects.create(
        claim=claim, factcheck=dam_check(), score=0.7, decision=MatchDecision.SUGGESTED
    )
    queue = {item.story.pk: item for item in priority_queue()}
    assert any("Đập thủy điện sắp vỡ" in r and "70%" in r for r in queue[dam.pk].reasons)
    assert not any("Đập thủy điện sắp vỡ" in r for r in queue[rice.pk].reasons)


def test_the_queue_asks_the_database_the_same_few_questions_however_many_stories(
    tmp_path: Path, django_assert_max_num_queries: Any
) -> None:
    ingest_path(write_jsonl(tmp_path / "rows.jsonl", random_rows(40, seed=7)))
    extract_pending()
    Story.objects.update(triage_score=0.5)  # every story a candidate
    check = dam_check()
    for story in Story.objects.all():
        claim = story.claims.first()
        if claim is not None:
            ClaimMatch.objects.create(
                claim=claim, factcheck=check, score=0.6, decision=MatchDecision.SUGGESTED
            )
    assert Story.objects.count() > 20
    with django_assert_max_num_queries(8):
        queue = priority_queue(limit=30)
    assert len(queue) > 20
    assert all(any("Đập thủy điện" in r for r in item.reasons) for item in queue)
