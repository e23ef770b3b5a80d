"""The case's claim text can be reworded (and a public title written) before the review;
each change is audited, and the published fact-check reviews the edited claim."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.test import Client, override_settings

from kiemchung.cases import services
from kiemchung.cases.models import AuditEvent, CaseState
from kiemchung.cases.services import ServiceError
from kiemchung.org.models import Role
from kiemchung.testing.cases import make_case, make_case_in_review, make_story
from kiemchung.testing.org import UnitTree, make_unit_tree, make_user

pytestmark = pytest.mark.django_db

HEADLINE = "⚡ ĐIỆN LỰC HÒA LÂM THÔNG BÁO HOÀN TIỀN ĐIỆN THÁNG 5 ⚡"
REWORDED = "Điện lực Hòa Lâm hoàn 120.000 đồng tiền điện tháng 5 cho mỗi hộ dân."
TITLE = "Điện lực Hòa Lâm không hoàn tiền điện tháng 5"


@pytest.fixture
def tree() -> UnitTree:
    return make_unit_tree()


@pytest.fixture
def member(tree: UnitTree) -> User:
    return make_user(Role.MEMBER, tree.commune, "thanh-vien")


def test_editing_the_claim_records_the_old_and_new_text(tree: UnitTree, member: User) -> None:
    case = make_case(tree.commune, member, claim_text=HEADLINE)
    services.edit_claim(member, case, REWORDED, TITLE)
    case.refresh_from_db()
    assert (case.claim_text, case.public_title) == (REWORDED, TITLE)
    event = AuditEvent.objects.get(case=case, action="case.claim")
    assert event.changes["claim_text"] == [HEADLINE, REWORDED]
    assert event.changes["public_title"] == ["", TITLE]


def test_the_claim_cannot_be_edited_once_in_review(tree: UnitTree, member: User) -> None:
    case = make_case_in_review(tree.commune, member)
    with pytest.raises(ServiceError):
        services.edit_claim(member, case, REWORDED, TITLE)
    case.refresh_from_db()
    assert case.claim_text != REWORDED


def test_a_read_only_person_cannot_edit_the_claim(tree: UnitTree, member: User) -> None:
    case = make_case(tree.commune, member)
    with pytest.raises(PermissionDenied):
        services.edit_claim(make_user(Role.READONLY, tree.commune, "xem"), case, REWORDED, "")


def test_an_empty_claim_is_refused(tree: UnitTree, member: User) -> None:
    case = make_case(tree.commune, member)
    with pytest.raises(ServiceError):
        services.edit_claim(member, case, "   ", TITLE)


def test_the_case_page_offers_the_form_and_saves_it(
    client: Client, tree: UnitTree, member: User
) -> None:
    case = make_case(tree.commune, member, claim_text=HEADLINE)
    client.force_login(member)
    client.cookies["django_language"] = "en"
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert f'action="/cases/{case.pk}/claim/"' in page
    client.post(f"/cases/{case.pk}/claim/", {"claim_text": REWORDED, "public_title": TITLE})
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert REWORDED in page and TITLE in page
    assert "edited the claim" in page  # the history


@override_settings(EMBEDDER="none")
def test_the_public_page_shows_the_staff_title_and_claim_reviewed_is_the_edited_claim(
    client: Client, tree: UnitTree, member: User
) -> None:
    story = make_story(title=HEADLINE, claims=[(HEADLINE, 0.97)])
    case = services.open_from_story(member, story, tree.commune)
    services.edit_claim(member, case, REWORDED, TITLE)
    services.set_verdict(member, case, "false", "Điện lực xác nhận không có đợt hoàn tiền.", "")
    services.add_evidence_link(member, case, "https://dienluc.hoalam.example/thong-bao")
    services.change_state(member, case, CaseState.IN_REVIEW)
    reviewer = make_user(Role.REVIEWER, tree.commune, "kiem-duyet")
    services.change_state(reviewer, case, CaseState.PUBLISHED)
    page = client.get(f"/kiem-chung/{case.pk}/").content.decode()
    assert f"<h1>{TITLE}</h1>" in page
    assert HEADLINE not in page
    script = page.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert json.loads(script)["claimReviewed"] == REWORDED
    assert TITLE in client.get("/kiem-chung/").content.decode()  # the list of fact-checks
