"""Staff see why a fact-check was only suggested for a claim, not confirmed: the
matcher's findings are kept with the match and shown in words on the case page, the
story page, the priority queue and in the match API."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings
from django.utils import translation

from kiemchung.cases import services
from kiemchung.cases.models import Case
from kiemchung.claims.matching_service import match_claim, match_payload
from kiemchung.claims.models import Claim, ClaimMatch, FactCheck, Verdict
from kiemchung.claims.queue import priority_queue
from kiemchung.org.models import Role
from kiemchung.stories.models import Story
from kiemchung.testing.cases import make_story
from kiemchung.testing.org import UnitTree, make_unit_tree, make_user

pytestmark = pytest.mark.django_db

CLAIM = "Lũ quét ở Hòa Lâm làm 300 hộ dân mất nhà cửa trong đêm qua"
CHECKED = "Lũ quét ở Hòa Lâm làm 3.000 hộ dân mất nhà cửa trong đêm qua"


@pytest.fixture(autouse=True)
def lexical_only() -> object:
    with override_settings(EMBEDDER="none"):
        yield


@pytest.fixture
def tree() -> UnitTree:
    return make_unit_tree()


@pytest.fixture
def verifier(tree: UnitTree) -> User:
    return make_user(Role.VERIFIER, tree.commune, "xac-minh")


@pytest.fixture
def flood_check() -> FactCheck:
    return FactCheck.objects.create(
        url="https://factcheck.example/lu-quet",
        claim_reviewed=CHECKED,
        verdict=Verdict.FALSE,
        publisher="Báo Hòa Lâm",
    )


@pytest.fixture
def story(flood_check: FactCheck) -> Story:
    story = make_story(title="Lũ quét Hòa Lâm", claims=[(CLAIM, 0.9)])
    match_claim(story.claims.get())
    return story


def page(client: Client, user: User, path: str, language: str = "en") -> str:
    client.force_login(user)
    client.cookies["django_language"] = language
    return client.get(path).content.decode()


def test_a_suggested_match_keeps_what_the_guard_found(story: Story) -> None:
    match = ClaimMatch.objects.get(claim__story=story)
    assert match.decision == "suggested"
    assert match.reasons == ["number"]
    assert match.findings == ["number:300→3000"]


def test_the_case_page_says_the_figures_differ(
    client: Client, tree: UnitTree, verifier: User, story: Story, flood_check: FactCheck
) -> None:
    case = services.open_from_story(verifier, story, tree.commune)
    html = page(client, verifier, f"/cases/{case.pk}/")
    assert f'id="why-{flood_check.pk}"' in html
    assert "different figures: 300 → 3.000" in html
    assert "số liệu khác: 300 → 3.000" in page(client, verifier, f"/cases/{case.pk}/", "vi")


def test_a_match_stored_before_findings_were_kept_reads_from_its_codes(
    client: Client, tree: UnitTree, verifier: User, story: Story
) -> None:
    ClaimMatch.objects.update(findings=[])
    case: Case = services.open_from_story(verifier, story, tree.commune)
    html = page(client, verifier, f"/cases/{case.pk}/")
    assert "different figures" in html
    assert "300 → 3.000" not in html


def test_the_story_page_says_why_the_claims_match_is_uncertain(
    client: Client, verifier: User, story: Story
) -> None:
    claim: Claim = story.claims.get()
    html = page(client, verifier, f"/stories/{story.pk}/")
    assert f'id="why-claim-{claim.pk}"' in html
    assert "different figures: 300 → 3.000" in html


def test_the_queue_reason_says_why_the_story_may_only_be_checked(story: Story) -> None:
    with translation.override("en"):
        queue = {item.story.pk: item for item in priority_queue()}
    reasons = queue[story.pk].reasons
    assert any("May already be checked" in r and "300 → 3.000" in r for r in reasons)


def test_the_match_answer_carries_findings_and_their_words(flood_check: FactCheck) -> None:
    with translation.override("vi"):
        answer = match_payload(CLAIM, top_k=3)
    first = answer["results"][0]
    assert first["id"] == flood_check.pk
    assert first["findings"] == ["number:300→3000"]
    assert first["explanations"] == ["số liệu khác: 300 → 3.000"]
