"""Administrators manage units, members, roles and agencies in the admin."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from kiemchung.org.models import Membership, OrgUnit, PartnerAgency, Role

pytestmark = pytest.mark.django_db


def test_the_admin_lists_units_as_a_tree_with_their_members(client: Client) -> None:
    admin = User.objects.create_superuser("quantri", "q@kiemchung.invalid", "x")
    province = OrgUnit.objects.create(name="Tỉnh Hòa Lâm")
    commune = OrgUnit.objects.create(name="Xã Đông Hòa", parent=province)
    Membership.objects.create(user=admin, unit=commune, role=Role.HEAD)
    PartnerAgency.objects.create(name="Sở Y tế", unit=province)
    client.force_login(admin)
    page = client.get("/admin/org/orgunit/").content.decode()
    assert "— Xã Đông Hòa" in page
    assert client.get(f"/admin/org/orgunit/{commune.pk}/change/").status_code == 200
    for model in ("partneragency", "membership", "task"):
        assert client.get(f"/admin/org/{model}/").status_code == 200


def test_roles_given_changed_and_taken_in_the_admin_are_audited(client: Client) -> None:
    from kiemchung.cases.models import AuditEvent

    admin = User.objects.create_superuser("quantri", "q@kiemchung.invalid", "x")
    unit = OrgUnit.objects.create(name="Tỉnh Hòa Lâm")
    person = User.objects.create_user("nguoi-moi")
    client.force_login(admin)
    response = client.post(
        "/admin/org/membership/add/", {"user": person.pk, "unit": unit.pk, "role": "verifier"}
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=person)
    added = AuditEvent.objects.get(action="membership.added")
    assert (added.actor, added.changes["role"]) == (admin, [None, "verifier"])
    client.post(
        f"/admin/org/membership/{membership.pk}/change/",
        {"user": person.pk, "unit": unit.pk, "role": "reviewer"},
    )
    changed = AuditEvent.objects.get(action="membership.changed")
    assert changed.changes == {"role": ["verifier", "reviewer"]}
    client.post(f"/admin/org/membership/{membership.pk}/delete/", {"post": "yes"})
    assert not Membership.objects.exists()
    removed = AuditEvent.objects.get(action="membership.removed")
    assert removed.changes["user"] == ["nguoi-moi", None]


def test_roles_given_in_a_units_member_list_are_audited(client: Client) -> None:
    from kiemchung.cases.models import AuditEvent

    admin = User.objects.create_superuser("quantri", "q@kiemchung.invalid", "x")
    unit = OrgUnit.objects.create(name="Tỉnh Hòa Lâm")
    person = User.objects.create_user("nguoi-moi")
    client.force_login(admin)
    prefix = "memberships"
    response = client.post(
        f"/admin/org/orgunit/{unit.pk}/change/",
        {
            "name": unit.name,
            "level": "",
            "parent": "",
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-0-user": person.pk,
            f"{prefix}-0-role": "member",
            f"{prefix}-0-agency": "",
            f"{prefix}-0-unit": unit.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Membership.objects.filter(user=person, role="member").exists()
    assert AuditEvent.objects.filter(action="membership.added").count() == 1
