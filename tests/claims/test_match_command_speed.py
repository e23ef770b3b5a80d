"""The match command uses the embeddings the worker stored: it embeds only its query."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest
from django.core.management import call_command
from django.test import Client, override_settings

from kiemchung.claims import matching_service
from kiemchung.claims.matching_service import embed_knowledge_base, match_claim
from kiemchung.claims.models import Claim, ClaimMatch, FactCheck, FactCheckEmbedding, Verdict
from kiemchung.matching.embedders import EMBEDDERS, Vectors, reset_embedders
from kiemchung.stories.models import Story

pytestmark = pytest.mark.django_db

TOPICS = ["xăng", "điện", "nước", "gạo", "vé tàu", "học phí", "thuốc", "sữa", "vàng", "thịt"]


class CountingEmbedder:
    """A small deterministic embedder that records every text it is given."""

    name = "counting"

    def __init__(self) -> None:
        self.texts: list[str] = []

    @property
    def dim(self) -> int:
        return 32

    def embed(self, texts: list[str]) -> Vectors:
        self.texts += texts
        rows = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for char in text.lower():
                rows[i, ord(char) % self.dim] += 1.0
        rows /= np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-9)
        return rows


@pytest.fixture
def embedder() -> Iterator[CountingEmbedder]:
    counting = CountingEmbedder()
    EMBEDDERS["counting"] = lambda: counting
    reset_embedders()
    matching_service._cache.clear()
    with override_settings(EMBEDDER="counting"):
        yield counting
    EMBEDDERS.pop("counting")
    reset_embedders()
    matching_service._cache.clear()


def knowledge_base(count: int = 30) -> None:
    for n in range(count):
        FactCheck.objects.create(
            url=f"https://kiemchung.example/{n}",
            claim_reviewed=f"Từ ngày {n + 1} tháng 7 giá {TOPICS[n % 10]} tăng gấp đôi ở huyện {n}",
            verdict=Verdict.FALSE,
            publisher="Tổ kiểm chứng",
        )


def run_match(text: str) -> tuple[dict[str, Any], str]:
    """The command as a new process runs it: nothing cached."""
    matching_service._cache.clear()
    out, err = io.StringIO(), io.StringIO()
    call_command("match", text, stdout=out, stderr=err)
    return json.loads(out.getvalue()), err.getvalue()


QUERY = "Giá xăng tăng gấp đôi từ ngày 1 tháng 7 ở huyện 0"


def test_the_worker_stores_the_embeddings_of_the_knowledge_base(
    embedder: CountingEmbedder,
) -> None:
    knowledge_base()
    embed_knowledge_base()
    assert FactCheckEmbedding.objects.filter(embedder="counting").count() == 30
    matching_service._cache.clear()
    embedder.texts.clear()
    assert embed_knowledge_base() == 0  # a new process finds them stored
    assert embedder.texts == []


def test_the_match_command_embeds_only_its_query(embedder: CountingEmbedder) -> None:
    knowledge_base()
    embed_knowledge_base()
    embedder.texts.clear()
    payload, err = run_match(QUERY)
    assert len(embedder.texts) == 1
    assert payload["index"] == {
        "fact_checks": 30,
        "embedded": 30,
        "missing": 0,
        "embedder": "counting",
    }
    assert payload["results"][0]["url"] == "https://kiemchung.example/0"
    assert err == ""


def test_a_fact_check_the_worker_has_not_embedded_is_matched_by_words_and_reported(
    embedder: CountingEmbedder,
) -> None:
    knowledge_base()
    embed_knowledge_base()
    FactCheck.objects.create(
        url="https://kiemchung.example/new",
        claim_reviewed="Vé tàu Tết tăng gấp ba từ tuần sau",
        verdict=Verdict.FALSE,
        publisher="Tổ kiểm chứng",
    )
    embedder.texts.clear()
    payload, err = run_match("Vé tàu Tết tăng gấp ba từ tuần sau")
    assert len(embedder.texts) <= 1
    assert payload["index"]["missing"] == 1
    assert "1 of 31 fact-checks have no stored embedding" in err
    assert payload["results"][0]["url"] == "https://kiemchung.example/new"


def test_a_stored_embedding_of_an_edited_claim_is_not_used(embedder: CountingEmbedder) -> None:
    knowledge_base(3)
    embed_knowledge_base()
    changed = FactCheck.objects.get(url="https://kiemchung.example/1")
    changed.claim_reviewed = "Một câu hoàn toàn khác về giá sữa"
    changed.save()
    payload, _ = run_match(QUERY)
    assert payload["index"]["missing"] == 1


# --- unrated fact-checks -----------------------------------------------------------------


def test_an_unrated_fact_check_is_a_match_but_never_marks_a_story_already_checked() -> None:
    text = "Từ 0h đêm nay giá xăng RON95 tăng gấp đôi lên 45.000 đồng mỗi lít"
    unrated = FactCheck.objects.create(
        url="https://checks.example/petrol",
        claim_reviewed=text,
        verdict=Verdict.UNRATED,
        original_rating="Explainer",
        publisher="Example Checks",
    )
    story = Story.objects.create(
        title="x", first_seen="2026-07-01T00:00Z", last_seen="2026-07-01T00:00Z"
    )
    claim = Claim.objects.create(story=story, text=text, key="k")
    with override_settings(EMBEDDER="none"):
        matching_service._cache.clear()
        match_claim(claim)
    claim.refresh_from_db()
    story.refresh_from_db()
    assert claim.matched == unrated
    assert ClaimMatch.objects.filter(claim=claim, factcheck=unrated).exists()
    assert story.already_checked is None


def test_a_rated_fact_check_still_marks_the_story_when_an_unrated_one_matches_too() -> None:
    text = "Từ 0h đêm nay giá xăng RON95 tăng gấp đôi lên 45.000 đồng mỗi lít"
    FactCheck.objects.create(
        url="https://checks.example/a",
        claim_reviewed=text,
        verdict=Verdict.UNRATED,
        publisher="Example Checks",
    )
    rated = FactCheck.objects.create(
        url="https://checks.example/b",
        claim_reviewed=text + ".",
        verdict=Verdict.FALSE,
        publisher="Tổ kiểm chứng",
    )
    story = Story.objects.create(
        title="x", first_seen="2026-07-01T00:00Z", last_seen="2026-07-01T00:00Z"
    )
    claim = Claim.objects.create(story=story, text=text, key="k")
    with override_settings(EMBEDDER="none"):
        matching_service._cache.clear()
        match_claim(claim)
    story.refresh_from_db()
    assert story.already_checked == rated


# --- the search pages say how far matching across languages goes --------------------------


def test_the_public_search_says_when_the_knowledge_base_holds_other_languages() -> None:
    FactCheck.objects.create(
        url="https://checks.example/en",
        claim_reviewed="Petrol prices double tonight",
        verdict=Verdict.FALSE,
        publisher="Example Checks",
        language="en",
    )
    with override_settings(EMBEDDER="none"):
        matching_service._cache.clear()
        page = Client().get("/kiem-chung/tim-kiem/", {"q": "giá xăng"}, HTTP_ACCEPT_LANGUAGE="vi")
    assert page.status_code == 200
    assert "ngôn ngữ khác (en)" in page.content.decode()


def test_the_public_search_says_nothing_when_every_fact_check_is_vietnamese() -> None:
    FactCheck.objects.create(
        url="https://checks.example/vi",
        claim_reviewed="Giá xăng tăng gấp đôi",
        verdict=Verdict.FALSE,
        publisher="Tổ kiểm chứng",
        language="vi",
    )
    with override_settings(EMBEDDER="none"):
        matching_service._cache.clear()
        page = Client().get("/kiem-chung/tim-kiem/", {"q": "giá xăng"}, HTTP_ACCEPT_LANGUAGE="vi")
    assert "ngôn ngữ khác" not in page.content.decode()
