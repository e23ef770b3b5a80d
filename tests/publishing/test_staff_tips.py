"""The staff's list of tips: for the desk only; contacts only for the top unit's heads."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings

from kiemchung.cases.models import AuditEvent
from kiemchung.org.models import Membership, OrgUnit, Role
from kiemchung.publishing.intake import receive_tip
from kiemchung.publishing.models import Tip, TipStatus

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def lexical_only() -> Iterator[None]:
    with override_settings(EMBEDDER="none"):
        yield


@pytest.fixture
def tip() -> Tip:
    return receive_tip("Tin nhắn báo trúng thưởng xe máy, bấm link để nhận", "", "0912 345 678")


def member(role: str) -> User:
    unit, _ = OrgUnit.objects.get_or_create(name="Tỉnh Hòa Lâm")
    user = User.objects.create_user(f"user-{role}", password="mat-khau-dai-12")
    Membership.objects.create(user=user, unit=unit, role=role)
    return user


def logged_in(client: Client, user: User) -> Client:
    client.force_login(user)
    client.cookies["django_language"] = "en"
    return client


def test_the_tip_list_needs_a_login(client: Client, tip: Tip) -> None:
    response = client.get("/tips/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_someone_outside_the_desk_may_not_see_tips(client: Client, tip: Tip) -> None:
    outsider = User.objects.create_user("outsider", password="mat-khau-dai-12")
    assert logged_in(client, outsider).get("/tips/").status_code == 403
    liaison = member(Role.LIAISON)
    assert logged_in(client, liaison).get("/tips/").status_code == 403


def test_a_desk_member_sees_tips_but_not_contacts(client: Client, tip: Tip) -> None:
    page = logged_in(client, member(Role.VERIFIER)).get("/tips/").content.decode()
    assert "Tin nhắn báo trúng thưởng xe máy" in page
    assert "0912 345 678" not in page


@pytest.mark.parametrize("who", ["head", "superuser"])
def test_heads_and_administrators_see_contacts(client: Client, tip: Tip, who: str) -> None:
    user = (
        member(Role.HEAD)
        if who == "head"
        else User.objects.create_superuser("admin", "a@example.org", "mat-khau-dai-12")
    )
    page = logged_in(client, user).get("/tips/").content.decode()
    assert "0912 345 678" in page


def test_a_desk_member_dismisses_a_tip_and_it_is_audited(client: Client, tip: Tip) -> None:
    user = member(Role.MEMBER)
    response = logged_in(client, user).post(f"/tips/{tip.pk}/dismiss/")
    assert response.status_code == 302
    tip.refresh_from_db()
    assert tip.status == TipStatus.DISMISSED
    event = AuditEvent.objects.get(object_type="tip")
    assert (event.object_id, event.action, event.actor) == (str(tip.pk), "tip.status", user)


def test_a_read_only_member_cannot_dismiss(client: Client, tip: Tip) -> None:
    response = logged_in(client, member(Role.READONLY)).post(f"/tips/{tip.pk}/dismiss/")
    assert response.status_code == 403
    tip.refresh_from_db()
    assert tip.status == TipStatus.NEW


def test_dismissing_needs_a_post(client: Client, tip: Tip) -> None:
    response = logged_in(client, member(Role.MEMBER)).get(f"/tips/{tip.pk}/dismiss/")
    assert response.status_code == 405


def test_the_list_filters_by_status(client: Client, tip: Tip) -> None:
    Tip.objects.create(text="Một tin đã bỏ qua", status=TipStatus.DISMISSED)
    client = logged_in(client, member(Role.MEMBER))
    page = client.get("/tips/", {"status": "dismissed"}).content.decode()
    assert "Một tin đã bỏ qua" in page
    assert "trúng thưởng" not in page
