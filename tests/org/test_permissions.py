"""Who may do what: one table of roles, applied to a unit and everything below it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied

from kiemchung.org.models import Membership, OrgUnit, PartnerAgency, Role
from kiemchung.org.permissions import (
    Action,
    can,
    can_anywhere,
    liaison_agency_ids,
    require,
    units_where,
    visible_units,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree() -> dict[str, OrgUnit]:
    province = OrgUnit.objects.create(name="Tỉnh Hòa Lâm")
    east = OrgUnit.objects.create(name="Xã Đông Hòa", parent=province)
    west = OrgUnit.objects.create(name="Xã Tây Sơn", parent=province)
    hamlet = OrgUnit.objects.create(name="Thôn 2", parent=east)
    return {"province": province, "east": east, "west": west, "hamlet": hamlet}


def member(role: str, unit: OrgUnit, agency: PartnerAgency | None = None) -> User:
    user = User.objects.create_user(f"{role}-{unit.pk}-{User.objects.count()}")
    Membership.objects.create(user=user, unit=unit, role=role, agency=agency)
    return user


EXPECTED = {
    Role.HEAD: set(Action),
    Role.DEPUTY: set(Action) - {
        Action.MANAGE_ORG, Action.SEE_TIP_CONTACTS, Action.MANAGE_MEMBERS,
        Action.SEE_MEMBER_CONTACTS,
    },
    Role.REVIEWER: {
        Action.VIEW_DESK, Action.COMMENT_CASE, Action.VIEW_TASKS, Action.OPEN_CASE,
        Action.WORK_CASE, Action.REVIEW_CASE, Action.CLOSE_CASE, Action.DOWNLOAD_EVIDENCE,
        Action.VIEW_REPORTS, Action.VIEW_TRAINING, Action.RECORD_OUTREACH,
        Action.WRITE_GUIDE, Action.REVIEW_GUIDE,
    },
    Role.VERIFIER: {
        Action.VIEW_DESK, Action.COMMENT_CASE, Action.VIEW_TASKS, Action.OPEN_CASE,
        Action.WORK_CASE, Action.CLOSE_CASE, Action.DOWNLOAD_EVIDENCE, Action.VIEW_REPORTS,
        Action.VIEW_TRAINING, Action.RECORD_OUTREACH, Action.WRITE_GUIDE,
    },
    Role.MEMBER: {
        Action.VIEW_DESK, Action.COMMENT_CASE, Action.VIEW_TASKS, Action.OPEN_CASE,
        Action.WORK_CASE, Action.DOWNLOAD_EVIDENCE, Action.VIEW_REPORTS,
        Action.VIEW_TRAINING, Action.RECORD_OUTREACH,
    },
    Role.SECRETARIAT: {
        Action.VIEW_DESK, Action.COMMENT_CASE, Action.VIEW_TASKS, Action.OPEN_CASE,
        Action.ASSIGN_CASE, Action.MANAGE_TASKS, Action.UPDATE_TASK, Action.DOWNLOAD_EVIDENCE,
        Action.SEE_TIP_CONTACTS, Action.VIEW_REPORTS, Action.DRAFT_REPORT, Action.ISSUE_REPORT,
        Action.MANAGE_MEMBERS, Action.SEE_MEMBER_CONTACTS,
        Action.VIEW_TRAINING, Action.MANAGE_TRAINING, Action.RECORD_OUTREACH,
    },
    Role.LIAISON: set(),
    Role.READONLY: {
        Action.VIEW_DESK, Action.VIEW_TASKS, Action.VIEW_REPORTS, Action.VIEW_TRAINING,
    },
    Role.COLLABORATOR: {Action.COLLABORATE},
}  # fmt: skip


@pytest.mark.parametrize("role", list(Role))
def test_each_role_may_do_exactly_its_actions_in_its_unit(
    role: Role, tree: dict[str, OrgUnit]
) -> None:
    user = member(role, tree["east"])
    allowed = {action for action in Action if can(user, action, tree["east"])}
    assert allowed == EXPECTED[role]


def test_only_reviewers_and_heads_approve_and_never_a_read_only_member(
    tree: dict[str, OrgUnit],
) -> None:
    approvers = {r for r in Role if Action.REVIEW_CASE in EXPECTED[r]}
    assert approvers == {Role.HEAD, Role.DEPUTY, Role.REVIEWER}


def test_a_role_applies_to_the_units_below_but_not_above_or_beside(
    tree: dict[str, OrgUnit],
) -> None:
    verifier = member(Role.VERIFIER, tree["east"])
    assert can(verifier, Action.WORK_CASE, tree["hamlet"])
    assert not can(verifier, Action.WORK_CASE, tree["province"])
    assert not can(verifier, Action.WORK_CASE, tree["west"])
    assert set(visible_units(verifier)) == {tree["east"], tree["hamlet"]}


def test_a_provincial_reviewer_reviews_every_commune(tree: dict[str, OrgUnit]) -> None:
    reviewer = member(Role.REVIEWER, tree["province"])
    for unit in tree.values():
        assert can(reviewer, Action.REVIEW_CASE, unit)


def test_require_refuses_with_permission_denied(tree: dict[str, OrgUnit]) -> None:
    readonly = member(Role.READONLY, tree["east"])
    require(readonly, Action.VIEW_DESK, tree["east"])
    with pytest.raises(PermissionDenied):
        require(readonly, Action.WORK_CASE, tree["east"])


def test_a_user_without_membership_may_do_nothing(tree: dict[str, OrgUnit]) -> None:
    stranger = User.objects.create_user("nguoi-la")
    assert not any(can(stranger, action, tree["province"]) for action in Action)
    assert not can_anywhere(stranger, Action.VIEW_DESK)
    assert not visible_units(stranger).exists()


def test_a_superuser_may_do_everything_everywhere(tree: dict[str, OrgUnit]) -> None:
    admin = User.objects.create_superuser("quantri")
    assert all(can(admin, action, tree["west"]) for action in Action)
    assert set(units_where(admin, Action.REVIEW_CASE)) == set(tree.values())


def test_a_liaison_speaks_for_their_agency_only(tree: dict[str, OrgUnit]) -> None:
    police = PartnerAgency.objects.create(name="Công an xã Đông Hòa", unit=tree["east"])
    health = PartnerAgency.objects.create(name="Trạm y tế xã Đông Hòa", unit=tree["east"])
    liaison = member(Role.LIAISON, tree["east"], agency=police)
    assert liaison_agency_ids(liaison) == {police.pk}
    assert health.pk not in liaison_agency_ids(liaison)
    assert not can(liaison, Action.VIEW_DESK, tree["east"])


def test_several_roles_add_up(tree: dict[str, OrgUnit]) -> None:
    user = member(Role.SECRETARIAT, tree["east"])
    Membership.objects.create(user=user, unit=tree["west"], role=Role.REVIEWER)
    fresh = User.objects.get(pk=user.pk)
    assert can(fresh, Action.ASSIGN_CASE, tree["east"])
    assert not can(fresh, Action.REVIEW_CASE, tree["east"])
    assert can(fresh, Action.REVIEW_CASE, tree["west"])
