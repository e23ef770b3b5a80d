"""Heads give and take roles in their units from the organisation page, audited."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from kiemchung.cases.models import AuditEvent
from kiemchung.org.models import Membership, PartnerAgency, Role
from kiemchung.testing.org import UnitTree, make_unit_tree, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree() -> UnitTree:
    return make_unit_tree()


def test_a_head_gives_a_role_in_a_unit_below_and_it_is_audited(
    client: Client, tree: UnitTree
) -> None:
    head = make_user(Role.HEAD, tree.province)
    newcomer = make_user(None, None, "nguoi-moi")
    client.force_login(head)
    page = client.get("/org/").content.decode()
    assert f"/org/units/{tree.commune.pk}/members/add" in page
    response = client.post(
        f"/org/units/{tree.commune.pk}/members/add", {"username": "nguoi-moi", "role": "verifier"}
    )
    assert response.status_code == 302
    assert Membership.objects.filter(user=newcomer, unit=tree.commune, role=Role.VERIFIER).exists()
    event = AuditEvent.objects.get(action="membership.added")
    assert event.changes == {"role": [None, "verifier"], "user": [None, "nguoi-moi"]}


@pytest.mark.parametrize("role", [Role.DEPUTY, Role.REVIEWER, Role.READONLY, Role.COLLABORATOR])
def test_other_roles_cannot_give_roles(client: Client, tree: UnitTree, role: Role) -> None:
    client.force_login(make_user(role, tree.province))
    make_user(None, None, "nguoi-moi")
    assert f"/org/units/{tree.commune.pk}/members/add" not in client.get("/org/").content.decode()
    response = client.post(
        f"/org/units/{tree.commune.pk}/members/add", {"username": "nguoi-moi", "role": "head"}
    )
    assert response.status_code == 403
    assert not Membership.objects.filter(user__username="nguoi-moi").exists()


def test_the_secretariat_gives_lesser_roles_but_never_the_head_role(
    client: Client, tree: UnitTree
) -> None:
    client.force_login(make_user(Role.SECRETARIAT, tree.province))
    newcomer = make_user(None, None, "nguoi-moi")
    add = f"/org/units/{tree.commune.pk}/members/add"
    assert client.post(add, {"username": "nguoi-moi", "role": "head"}).status_code == 403
    client.post(add, {"username": "nguoi-moi", "role": "verifier"})
    assert [m.role for m in Membership.objects.filter(user=newcomer)] == [Role.VERIFIER]


def test_a_commune_head_cannot_give_roles_in_the_neighbouring_commune(
    client: Client, tree: UnitTree
) -> None:
    client.force_login(make_user(Role.HEAD, tree.commune))
    make_user(None, None, "nguoi-moi")
    response = client.post(
        f"/org/units/{tree.sibling.pk}/members/add", {"username": "nguoi-moi", "role": "member"}
    )
    assert response.status_code == 403


def test_a_liaison_needs_an_agency(client: Client, tree: UnitTree) -> None:
    client.force_login(make_user(Role.HEAD, tree.province))
    make_user(None, None, "lien-lac")
    client.post(
        f"/org/units/{tree.province.pk}/members/add", {"username": "lien-lac", "role": "liaison"}
    )
    assert not Membership.objects.filter(user__username="lien-lac").exists()
    police = PartnerAgency.objects.create(name="Công an tỉnh", unit=tree.province)
    client.post(
        f"/org/units/{tree.province.pk}/members/add",
        {"username": "lien-lac", "role": "liaison", "agency": police.pk},
    )
    assert Membership.objects.get(user__username="lien-lac").agency == police


def test_an_unknown_user_name_is_answered_clearly(client: Client, tree: UnitTree) -> None:
    client.force_login(make_user(Role.HEAD, tree.province))
    response = client.post(
        f"/org/units/{tree.commune.pk}/members/add",
        {"username": "khong-co", "role": "member"},
        follow=True,
    )
    assert "Không có tài khoản nào" in response.content.decode()


def test_a_head_removes_a_role_but_not_their_own_head_role(client: Client, tree: UnitTree) -> None:
    head = make_user(Role.HEAD, tree.province)
    verifier = make_user(Role.VERIFIER, tree.commune)
    client.force_login(head)
    own = Membership.objects.get(user=head)
    other = Membership.objects.get(user=verifier)
    asked = client.post(f"/org/members/{other.pk}/remove")
    assert "Yes, remove the role" in asked.content.decode() or "Có, gỡ vai trò" in (
        asked.content.decode()
    )
    assert Membership.objects.filter(pk=other.pk).exists()
    client.post(f"/org/members/{other.pk}/remove", {"confirm": "yes"})
    assert not Membership.objects.filter(pk=other.pk).exists()
    assert AuditEvent.objects.filter(action="membership.removed").count() == 1
    client.post(f"/org/members/{own.pk}/remove", {"confirm": "yes"})
    assert Membership.objects.filter(pk=own.pk).exists()


def test_removing_needs_a_post(client: Client, tree: UnitTree) -> None:
    client.force_login(make_user(Role.HEAD, tree.province))
    membership = Membership.objects.get(user=make_user(Role.MEMBER, tree.commune))
    assert client.get(f"/org/members/{membership.pk}/remove").status_code == 405
    assert User.objects.filter(pk=membership.user_id).exists()
