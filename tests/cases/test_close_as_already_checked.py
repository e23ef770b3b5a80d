"""The case page lists the fact-checks that may already answer the claim, with their
scores, and a case can be closed as already checked: the existing fact-check becomes the
published answer of the story, the claim and the tip."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings

from kiemchung.cases import services
from kiemchung.cases.models import AuditEvent, Case, CaseState
from kiemchung.claims.models import ClaimMatch, FactCheck, MatchDecision, Verdict
from kiemchung.org.models import Role
from kiemchung.publishing.models import Tip, TipStatus
from kiemchung.testing.cases import make_story
from kiemchung.testing.org import UnitTree, make_unit_tree, make_user

pytestmark = pytest.mark.django_db

CLAIM = "Điện lực Hòa Lâm hoàn 120.000 đồng tiền điện tháng 5 cho mỗi hộ dân."


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
def imported() -> FactCheck:
    return FactCheck.objects.create(
        url="https://factcheck.example/hoan-tien-dien",
        claim_reviewed="Điện lực Hòa Lâm hoàn tiền điện tháng 5 cho các hộ dân",
        verdict=Verdict.FALSE,
        original_rating="Sai",
        publisher="Báo Hòa Lâm",
    )


def case_with_match(tree: UnitTree, by: User, factcheck: FactCheck) -> Case:
    story = make_story(claims=[(CLAIM, 0.95)])
    claim = story.claims.get()
    ClaimMatch.objects.create(claim=claim, factcheck=factcheck, score=0.81, decision="suggested")
    claim.matched, claim.match_score, claim.match_decision = factcheck, 0.81, "suggested"
    claim.save()
    return services.open_from_story(by, story, tree.commune)


def page(client: Client, user: User, case: Case) -> str:
    client.force_login(user)
    client.cookies["django_language"] = "en"
    return client.get(f"/cases/{case.pk}/").content.decode()


def test_the_case_page_shows_the_matching_fact_check_with_its_score(
    client: Client, tree: UnitTree, verifier: User, imported: FactCheck
) -> None:
    case = case_with_match(tree, verifier, imported)
    html = page(client, verifier, case)
    assert "81%" in html  # the score the dashboard shows
    assert imported.claim_reviewed in html
    assert f'id="close-checked-{imported.pk}"' in html


def test_a_match_of_another_claim_of_the_story_is_listed_as_on_the_dashboard(
    client: Client, tree: UnitTree, verifier: User, imported: FactCheck
) -> None:
    story = make_story(
        claims=[
            ("Lịch cắt điện xã An Phú ngày 20/6 kéo dài 8 tiếng.", 0.99),
            ("Ai cũng nói điện lực sẽ hoàn tiền.", 0.4),
        ]
    )
    other = story.claims.get(checkworthiness=0.4)
    ClaimMatch.objects.create(claim=other, factcheck=imported, score=0.81, decision="suggested")
    case = services.open_from_story(verifier, story, tree.commune)
    assert case.claim != other
    html = page(client, verifier, case)
    assert f'id="match-{imported.pk}"' in html and "81%" in html


def test_a_fact_check_found_for_the_reworded_claim_is_listed_too(
    client: Client, tree: UnitTree, verifier: User, imported: FactCheck
) -> None:
    story = make_story(claims=[("Một tin hoàn toàn khác về lịch cắt điện ở xã An Phú.", 0.9)])
    case = services.open_from_story(verifier, story, tree.commune)
    assert f'id="match-{imported.pk}"' not in page(client, verifier, case)
    services.edit_claim(verifier, case, CLAIM, "")
    html = page(client, verifier, case)
    assert f'id="match-{imported.pk}"' in html


def test_someone_who_may_not_close_cases_sees_the_match_but_no_button(
    client: Client, tree: UnitTree, verifier: User, imported: FactCheck
) -> None:
    case = case_with_match(tree, verifier, imported)
    member = make_user(Role.MEMBER, tree.commune, "thanh-vien")
    html = page(client, member, case)
    assert "81%" in html
    assert f'id="close-checked-{imported.pk}"' not in html
    response = client.post(f"/cases/{case.pk}/already-checked/", {"factcheck": imported.pk})
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.state == CaseState.NEW


def test_closing_as_already_checked_makes_the_fact_check_the_published_answer(
    client: Client, tree: UnitTree, verifier: User, imported: FactCheck
) -> None:
    case = case_with_match(tree, verifier, imported)
    page(client, verifier, case)
    client.post(f"/cases/{case.pk}/already-checked/", {"factcheck": imported.pk})
    case.refresh_from_db()
    assert case.state == CaseState.ALREADY_CHECKED
    assert case.answered_by == imported
    assert case.story is not None and case.story.already_checked == imported
    assert case.claim is not None and case.claim.matched == imported
    assert case.claim.match_decision == MatchDecision.CONFIRMED
    actions = set(AuditEvent.objects.filter(case=case).values_list("action", flat=True))
    assert {"case.state", "story.already_checked", "claim.match"} <= actions
    story_page = client.get(f"/stories/{case.story.pk}/").content.decode()
    assert imported.url in story_page  # the story shows as already checked, with the answer


def test_a_case_from_a_tip_answers_the_tip_with_the_existing_fact_check(
    tree: UnitTree, verifier: User, imported: FactCheck
) -> None:
    tip = Tip.objects.create(text=CLAIM)
    case = services.open_from_tip(verifier, tip, tree.commune)
    services.change_state(verifier, case, CaseState.ALREADY_CHECKED, factcheck=imported)
    tip.refresh_from_db()
    assert tip.factcheck == imported
    assert tip.status == TipStatus.ALREADY_CHECKED


def test_closing_as_already_checked_needs_a_fact_check(
    client: Client, tree: UnitTree, verifier: User, imported: FactCheck
) -> None:
    case = case_with_match(tree, verifier, imported)
    page(client, verifier, case)
    client.post(f"/cases/{case.pk}/state/", {"target": CaseState.ALREADY_CHECKED})
    case.refresh_from_db()
    assert case.state == CaseState.NEW
    assert case.answered_by is None


def test_reopening_forgets_the_answer(tree: UnitTree, verifier: User, imported: FactCheck) -> None:
    case = case_with_match(tree, verifier, imported)
    services.change_state(verifier, case, CaseState.ALREADY_CHECKED, factcheck=imported)
    reviewer = make_user(Role.REVIEWER, tree.commune, "kiem-duyet")
    services.change_state(reviewer, case, CaseState.VERIFYING)
    case.refresh_from_db()
    assert case.answered_by is None
