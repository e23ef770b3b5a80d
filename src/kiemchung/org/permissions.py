"""Who may do what, in one place.

A person holds roles through memberships of organisation units. A role held in a unit
applies to that unit and every unit below it, so a provincial reviewer can review a
commune's case, and a commune's verifier sees nothing of its neighbours. Superusers may
do everything. Views and services ask ``can`` or ``require``; nothing else decides.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from kiemchung.org.models import Membership, OrgUnit, Role


class Action(StrEnum):
    VIEW_DESK = "desk.view"
    OPEN_CASE = "case.open"
    ASSIGN_CASE = "case.assign"
    WORK_CASE = "case.work"
    COMMENT_CASE = "case.comment"
    REVIEW_CASE = "case.review"
    CLOSE_CASE = "case.close"
    MANAGE_TASKS = "task.manage"
    UPDATE_TASK = "task.update"
    VIEW_TASKS = "task.view"
    MANAGE_ORG = "org.manage"
    DOWNLOAD_EVIDENCE = "evidence.download"
    SEE_TIP_CONTACTS = "tip.contacts"
    VIEW_REPORTS = "report.view"
    DRAFT_REPORT = "report.draft"
    APPROVE_REPORT = "report.approve"
    ISSUE_REPORT = "report.issue"
    MANAGE_MEMBERS = "member.manage"
    SEE_MEMBER_CONTACTS = "member.contacts"
    COLLABORATE = "collaborator.page"
    VIEW_TRAINING = "training.view"
    MANAGE_TRAINING = "training.manage"
    RECORD_OUTREACH = "outreach.record"
    WRITE_GUIDE = "guide.write"
    REVIEW_GUIDE = "guide.review"


A = Action
_STAFF = {
    A.VIEW_DESK,
    A.COMMENT_CASE,
    A.VIEW_TASKS,
    A.DOWNLOAD_EVIDENCE,
    A.VIEW_REPORTS,
    A.VIEW_TRAINING,
}
# Whoever works cases also logs what the unit published where (a school visit, a
# loudspeaker bulletin); training sessions are organised by heads and the secretariat.
_CASEWORK = _STAFF | {A.OPEN_CASE, A.WORK_CASE, A.RECORD_OUTREACH}

ROLE_ACTIONS: dict[str, frozenset[Action]] = {
    Role.HEAD: frozenset(Action),
    Role.DEPUTY: frozenset(
        set(Action) - {A.MANAGE_ORG, A.SEE_TIP_CONTACTS, A.MANAGE_MEMBERS, A.SEE_MEMBER_CONTACTS}
    ),
    # Guides (public "cẩm nang") are written by verifiers and reviewers and, like a
    # verdict, published only by a reviewer who did not write them.
    Role.REVIEWER: frozenset(
        _CASEWORK | {A.REVIEW_CASE, A.CLOSE_CASE, A.WRITE_GUIDE, A.REVIEW_GUIDE}
    ),
    Role.VERIFIER: frozenset(_CASEWORK | {A.CLOSE_CASE, A.WRITE_GUIDE}),
    Role.MEMBER: frozenset(_CASEWORK),
    # The secretariat drafts the period reports and issues them (number and date) once
    # a head or deputy has approved them; approving is the heads' (every action above).
    Role.SECRETARIAT: frozenset(
        _STAFF
        | {
            A.OPEN_CASE,
            A.ASSIGN_CASE,
            A.MANAGE_TASKS,
            A.UPDATE_TASK,
            A.SEE_TIP_CONTACTS,
            A.DRAFT_REPORT,
            A.ISSUE_REPORT,
            A.MANAGE_MEMBERS,
            A.SEE_MEMBER_CONTACTS,
            A.MANAGE_TRAINING,
            A.RECORD_OUTREACH,
        }
    ),
    # A liaison acts for one partner agency, on that agency's tasks only: see
    # ``liaison_agency_ids`` and ``kiemchung.org.services.visible_tasks``.
    Role.LIAISON: frozenset(),
    # Read-only sees the desk (case pages, evidence listed by title and link) and the
    # reports, but does not download uploaded files: they are screenshots and messages
    # that may name people.
    Role.READONLY: frozenset({A.VIEW_DESK, A.VIEW_TASKS, A.VIEW_REPORTS, A.VIEW_TRAINING}),
    # A collaborator sends tips and receives the published fact-checks from one page.
    Role.COLLABORATOR: frozenset({A.COLLABORATE}),
}

# Who may give (or take away) a role: the heads' roles, and a liaison's tie to a partner
# agency, only a head; every other role, whoever manages members (heads, secretariat).
ROLE_GRANTED_BY: dict[str, Action] = {
    Role.HEAD: A.MANAGE_ORG,
    Role.DEPUTY: A.MANAGE_ORG,
    Role.LIAISON: A.MANAGE_ORG,
}

_CACHE_ATTR = "_kiemchung_memberships"


def _superuser(user: Any) -> bool:
    return bool(getattr(user, "is_superuser", False) and user.is_active)


def memberships(user: Any) -> list[Membership]:
    """The user's memberships, loaded once per user object (that is, per request)."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached: list[Membership] | None = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user).select_related("unit", "agency"))
        setattr(user, _CACHE_ATTR, cached)
    return cached


def roles_for(user: Any, unit: OrgUnit | None) -> set[str]:
    """Roles that apply in ``unit``: those held there or in any unit above it."""
    if unit is None:
        return set()
    above = set(unit.ancestor_ids())
    return {m.role for m in memberships(user) if m.unit_id in above}


def actions_for(user: Any, unit: OrgUnit | None) -> frozenset[Action]:
    if _superuser(user):
        return frozenset(Action)
    allowed: set[Action] = set()
    for role in roles_for(user, unit):
        allowed |= ROLE_ACTIONS.get(role, frozenset())
    return frozenset(allowed)


def can(user: Any, action: Action, unit: OrgUnit | None) -> bool:
    return action in actions_for(user, unit)


def can_anywhere(user: Any, action: Action) -> bool:
    """True when the user may do ``action`` in at least one unit."""
    if _superuser(user):
        return True
    return any(action in ROLE_ACTIONS.get(m.role, frozenset()) for m in memberships(user))


def require(user: Any, action: Action, unit: OrgUnit | None) -> None:
    if not can(user, action, unit):
        raise PermissionDenied(action.value)


def units_where(user: Any, action: Action) -> QuerySet[OrgUnit]:
    """Every unit in which the user may do ``action`` (their units and all below)."""
    if _superuser(user):
        return OrgUnit.objects.all()
    paths = [
        m.unit.path
        for m in memberships(user)
        if action in ROLE_ACTIONS.get(m.role, frozenset()) and m.unit.path
    ]
    if not paths:
        return OrgUnit.objects.none()
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return OrgUnit.objects.filter(condition)


def visible_units(user: Any) -> QuerySet[OrgUnit]:
    """Units whose desk the user sees: their own units and every unit below them."""
    return units_where(user, Action.VIEW_DESK)


def sees_tasks(user: Any) -> bool:
    """Staff who follow tasks in their units, and liaisons of partner agencies."""
    return can_anywhere(user, Action.VIEW_TASKS) or bool(liaison_agency_ids(user))


def liaison_agency_ids(user: Any) -> set[int]:
    """Partner agencies the user speaks for, as a liaison."""
    return {m.agency_id for m in memberships(user) if m.role == Role.LIAISON and m.agency_id}


# --- members and their accounts ---------------------------------------------------------


def may_grant(user: Any, role: str, unit: OrgUnit | None) -> bool:
    """May ``user`` give ``role`` in ``unit``, or take it away there."""
    return can(user, ROLE_GRANTED_BY.get(role, A.MANAGE_MEMBERS), unit)


def may_manage_account(user: Any, person: Any) -> bool:
    """Send a set-password link, (de)activate, edit details: for someone whose every role
    the user could give. A person without a role is the administrators' alone."""
    if _superuser(user):
        return True
    if getattr(person, "is_superuser", False):
        return False
    held = memberships(person)
    return bool(held) and all(may_grant(user, m.role, m.unit) for m in held)


# --- who sees what personal data: one rule each ------------------------------------------


def sees_member_contacts(user: Any, person: Any) -> bool:
    """A member's or collaborator's phone and email: heads and secretariat of one of their
    units (or a unit above), and administrators. Never on a public page."""
    if _superuser(user):
        return True
    return any(can(user, A.SEE_MEMBER_CONTACTS, m.unit) for m in memberships(person))


def sees_tip_contacts(user: Any) -> bool:
    """A tipster's contact: the head or secretariat of a top unit (tips belong to no unit)."""
    return units_where(user, A.SEE_TIP_CONTACTS).filter(parent=None).exists() or _superuser(user)


def may_download_evidence(user: Any, case: Any) -> bool:
    """An evidence file: staff of the case's unit or above, never read-only or liaisons."""
    return can(user, A.DOWNLOAD_EVIDENCE, case.unit)


def may_download_material(user: Any, session: Any) -> bool:
    """A training material: anyone who sees the session's unit, or a participant of it."""
    if can(user, A.VIEW_TRAINING, session.unit):
        return True
    return bool(session.participants.filter(user_id=getattr(user, "pk", None)).exists())
