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
