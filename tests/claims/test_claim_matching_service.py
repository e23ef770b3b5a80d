"""Claims are matched against the knowledge base; confirmed matches mark the story."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

from kiemchung.claims.matching_service import match_claim, match_pending, match_text
from kiemchung.claims.models import Claim, FactCheck, Verdict
from kiemchung.stories.models import Story

pytestmark = pytest.mark.django_db

RUMOUR = "Từ 0h đêm nay giá xăng RON95 tăng gấp đôi lên 45.000 đồng mỗi lít"


@pytest.fixture(autouse=True)
def lexical_only() -> object:
    with override_settings(EMBEDDER="none"):
        yield


@pytest.fixture
def petrol_check() -> FactCheck:
    FactCheck.objects.create(
        url="https://kiemchung.example/dien-luc",
        claim_reviewed="Điện lực hoàn tiền điện tháng 5 cho mọi hộ dân qua đường link",
        verdict=Verdict.FALSE,
        publisher="Tổ kiểm chứng",
    )
    return FactCheck.objects.create(
        url="https://kiemchung.example/xang",
        claim_reviewed=RUMOUR,
        verdict=Verdict.FALSE,
        publisher="Tổ kiểm chứng",
    )


def new_claim(text: str) -> Claim:
    story = Story.objects.create(
        title=text[:50], first_seen="2026-07-01T00:00Z", last_seen="2026-07-01T00:00Z"
    )
    return Claim.objects.create(story=story, text=text, key=str(abs(hash(text))))


def test_a_repeated_claim_is_confirmed_and_its_story_marked_already_checked(
    petrol_check: FactCheck,
) -> None:
    claim = new_claim("Tu 0h dem nay gia xang RON95 tang gap doi len 45.000 dong moi lit")
    match_claim(claim)
    claim.refresh_from_db()
    assert claim.matched == petrol_check
    assert claim.match_decision == "confirmed"
    assert claim.story is not None
    claim.story.refresh_from_db()
    assert claim.story.already_checked == petrol_check


@pytest.mark.parametrize(
    "changed",
    [
        "Từ 0h đêm nay giá xăng RON95 không tăng gấp đôi lên 45.000 đồng mỗi lít",
        "Từ 0h đêm nay giá xăng RON95 tăng gấp đôi lên 54.000 đồng mỗi lít",
    ],
)
def test_a_negated_or_number_changed_claim_is_never_confirmed(
    petrol_check: FactCheck, changed: str
) -> None:
    claim = new_claim(changed)
    match_claim(claim)
    claim.refresh_from_db()
    assert claim.match_decision != "confirmed"
    assert claim.story is not None
    claim.story.refresh_from_db()
    assert claim.story.already_checked is None


def test_pending_claims_are_matched_once(petrol_check: FactCheck) -> None:
    new_claim(RUMOUR)
    assert match_pending() == 1
    assert match_pending() == 0


def test_earlier_claims_can_be_found_too(petrol_check: FactCheck) -> None:
    new_claim("Điện lực Hòa Lâm hoàn tiền điện tháng 5, bấm link để nhận ngay")
    results = match_text(
        "Điện lực Hòa Lâm hoàn tiền điện tháng 5 bấm link nhận", include_claims=True
    )
    assert {r.kind for r in results} == {"factcheck", "claim"}


def test_the_match_command_prints_one_json_object_best_first(petrol_check: FactCheck) -> None:
    out = io.StringIO()
    call_command("match", RUMOUR, "--top", "2", stdout=out)
    payload = json.loads(out.getvalue())
    assert payload["query"] == RUMOUR
    first = payload["results"][0]
    assert {"id", "url", "claim", "verdict", "score", "decision"} <= first.keys()
    assert first["url"] == petrol_check.url
    assert first["verdict"] == "false"
    scores = [r["score"] for r in payload["results"]]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_the_similarity_command_scores_pairs_from_a_csv(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(
        "id,sentence1,sentence2\n"
        f"a,{RUMOUR},{RUMOUR.lower()}\n"
        f'b,{RUMOUR},"Hôm nay trời mưa to, đường ngập"\n',
        encoding="utf-8",
    )
    out = io.StringIO()
    call_command("similarity", "--pairs", str(pairs), stdout=out)
    lines = out.getvalue().strip().splitlines()
    assert lines[0] == "id,score,decision,reasons"
    scores = {row.split(",")[0]: float(row.split(",")[1]) for row in lines[1:]}
    assert scores["a"] > 0.8 > scores["b"]
