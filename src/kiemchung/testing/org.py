"""Test organisations: a small unit tree and one user per role, for any app's tests.

``make_unit_tree()`` builds a province with two communes; ``make_user(role, unit)`` makes
a user holding ``role`` in ``unit`` (``role=None`` makes a user with no membership);
``make_team(unit)`` makes one user per role.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User

from kiemchung.org.models import Membership, OrgUnit, PartnerAgency, Role

PASSWORD = "mat-khau-thu-nghiem-12"  # noqa: S105  (test users only)
_serial = itertools.count(1)


@dataclass(frozen=True)
class UnitTree:
    province: OrgUnit
    commune: OrgUnit
    sibling: OrgUnit  # another commune of the same province: sees nothing of ``commune``


def make_unit_tree(province: str = "Tỉnh Hòa Lâm") -> UnitTree:
    root = OrgUnit.objects.create(name=province, level="Tỉnh")
    commune = OrgUnit.objects.create(name="Xã An Phú", level="Xã", parent=root)
    sibling = OrgUnit.objects.create(name="Xã Bình Minh", level="Xã", parent=root)
    return UnitTree(province=root, commune=commune, sibling=sibling)


def _free_name(prefix: str) -> str:
    """The next ``prefix-N`` no account holds yet: another process (a concurrency test's
    child, a parallel worker's fixture) may have used the same counter on this database."""
    while True:
        name = f"{prefix}-{next(_serial)}"
        if not User.objects.filter(username=name).exists():
            return name


def make_user(
    role: str | None,
    unit: OrgUnit | None,
    username: str | None = None,
    *,
    agency: PartnerAgency | None = None,
    **fields: Any,
) -> User:
    """A user holding ``role`` in ``unit``. A liaison gets a partner agency if none given."""
    name = username or _free_name(role or "user")
    user = User.objects.create_user(name, f"{name}@kiemchung.invalid", PASSWORD, **fields)
    if role is not None and unit is not None:
        if role == Role.LIAISON and agency is None:
            agency = PartnerAgency.objects.create(name=f"Công an ({name})", unit=unit)
        Membership.objects.create(user=user, unit=unit, role=role, agency=agency)
    return user


def make_team(unit: OrgUnit, prefix: str = "") -> dict[str, User]:
    """One user per role in ``unit``, keyed by role value."""
    return {
        role.value: make_user(role.value, unit, f"{prefix}{role.value}-{unit.pk}") for role in Role
    }


def make_member(
    role: str, unit: OrgUnit, full_name: str, *, phone: str = "", position: str = "", **fields: Any
) -> User:
    """A directory member: full name, position and phone as the member pages keep them."""
    from kiemchung.org.models import MemberProfile

    user = make_user(role, unit, first_name=full_name, **fields)
    MemberProfile.objects.create(user=user, phone=phone, position=position)
    return user
