"""Guides go draft → in review → published, approved by a reviewer who wrote none of it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied

from kiemchung.cases.models import AuditEvent
from kiemchung.guides.models import Guide, GuideStatus
from kiemchung.guides.services import (
    GuideText,
    allowed_transitions,
    authors,
    change_status,
    create_guide,
    edit_guide,
    published_guides,
    vietnamese_slug,
)
from kiemchung.guides.workflow import GuideTransitionError
from kiemchung.org.models import Role
from kiemchung.testing.guides import TEXT
from kiemchung.testing.org import UnitTree, make_user

pytestmark = pytest.mark.django_db


def test_a_new_guide_is_a_draft_with_an_ascii_address_from_its_vietnamese_title(
    draft: Guide,
) -> None:
    assert draft.status == GuideStatus.DRAFT
    assert draft.slug == "nhan-dien-tin-nhan-gia-danh-ngan-hang"
    assert draft not in published_guides()


def test_the_address_drops_the_diacritics_and_keeps_d_for_the_vietnamese_d() -> None:
    assert (
        vietnamese_slug("Đừng tin “thông báo” của Điện lực!") == "dung-tin-thong-bao-cua-dien-luc"
    )
    assert vietnamese_slug("!!!") == "cam-nang"


def test_two_guides_with_the_same_title_get_different_addresses(
    tree: UnitTree, writer: User, draft: Guide
) -> None:
    second = create_guide(writer, tree.commune, TEXT)
    assert second.slug == f"{draft.slug}-2"


def test_a_reviewer_who_did_not_write_it_publishes_it(
    draft: Guide, writer: User, reviewer: User
) -> None:
    change_status(writer, draft, GuideStatus.IN_REVIEW)
    change_status(reviewer, draft, GuideStatus.PUBLISHED)
    draft.refresh_from_db()
    assert draft.status == GuideStatus.PUBLISHED
    assert draft.reviewer == reviewer
    assert draft.published_at is not None
    assert list(published_guides()) == [draft]


def test_the_author_cannot_approve_their_own_guide_even_as_a_reviewer(tree: UnitTree) -> None:
    author = make_user(Role.REVIEWER, tree.province, "tuviet")
    guide = create_guide(author, tree.commune, TEXT)
    change_status(author, guide, GuideStatus.IN_REVIEW)
    assert all(step.target != GuideStatus.PUBLISHED for step in allowed_transitions(author, guide))
    with pytest.raises(GuideTransitionError, match="bốn mắt"):
        change_status(author, guide, GuideStatus.PUBLISHED)
    assert Guide.objects.get(pk=guide.pk).status == GuideStatus.IN_REVIEW


def test_a_reviewer_who_edited_the_draft_counts_as_an_author(
    draft: Guide, writer: User, reviewer: User
) -> None:
    edit_guide(
        reviewer, draft, GuideText(TEXT.title, TEXT.summary, TEXT.body + "\n\nThêm.", "scams")
    )
    assert reviewer.pk in authors(draft)
    change_status(writer, draft, GuideStatus.IN_REVIEW)
    with pytest.raises(GuideTransitionError):
        change_status(reviewer, draft, GuideStatus.PUBLISHED)


def test_a_verifier_may_write_but_not_publish(tree: UnitTree, draft: Guide, writer: User) -> None:
    other_verifier = make_user(Role.VERIFIER, tree.commune)
    change_status(writer, draft, GuideStatus.IN_REVIEW)
    with pytest.raises(PermissionDenied):
        change_status(other_verifier, draft, GuideStatus.PUBLISHED)


@pytest.mark.parametrize("role", [Role.MEMBER, Role.SECRETARIAT, Role.READONLY, Role.LIAISON])
def test_roles_without_the_guide_right_cannot_write_one(tree: UnitTree, role: str) -> None:
    with pytest.raises(PermissionDenied):
        create_guide(make_user(role, tree.commune), tree.commune, TEXT)


def test_a_reviewer_of_another_commune_cannot_publish_it(
    tree: UnitTree, draft: Guide, writer: User
) -> None:
    outsider = make_user(Role.REVIEWER, tree.sibling)
    change_status(writer, draft, GuideStatus.IN_REVIEW)
    with pytest.raises(PermissionDenied):
        change_status(outsider, draft, GuideStatus.PUBLISHED)


def test_only_a_draft_can_be_edited(published: Guide, writer: User) -> None:
    with pytest.raises(GuideTransitionError):
        edit_guide(writer, published, TEXT)


def test_withdrawing_takes_it_off_the_public_site_and_needs_a_new_review(
    published: Guide, reviewer: User
) -> None:
    first_published = published.published_at
    change_status(reviewer, published, GuideStatus.DRAFT)
    published.refresh_from_db()
    assert published.reviewer is None
    assert published not in published_guides()
    assert published.published_at == first_published


def test_a_draft_cannot_skip_the_review(draft: Guide, reviewer: User) -> None:
    with pytest.raises(GuideTransitionError):
        change_status(reviewer, draft, GuideStatus.PUBLISHED)


def test_every_change_is_in_the_audit_history(published: Guide) -> None:
    actions = list(
        AuditEvent.objects.filter(object_type="guide", object_id=str(published.pk)).values_list(
            "action", flat=True
        )
    )
    assert actions == ["guide.create", "guide.status", "guide.status"]
