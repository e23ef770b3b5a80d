"""The member directory: everyone by full name, contacts only for heads and secretariat."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from kiemchung.org.models import MemberProfile, Role
from kiemchung.publishing.services import publish_case
from kiemchung.testing.org import UnitTree, make_member, make_unit_tree
from kiemchung.testing.publishing import approved_case

pytestmark = pytest.mark.django_db

PHONE = "0912345678"


@pytest.fixture
def tree() -> UnitTree:
    return make_unit_tree()


@pytest.fixture
def lan(tree: UnitTree) -> User:
    user = make_member(
        Role.VERIFIER,
        tree.commune,
        "Nguyễn Thị Lan",
        phone=PHONE,
        position="Cán bộ văn hóa",
        username="lan.an-phu",
    )
    user.email = "nguyenthilan@anphu.example"
    user.save()
    return user


@pytest.fixture
def binh(tree: UnitTree) -> User:
    return make_member(
        Role.MEMBER, tree.sibling, "Trần Văn Bình", phone="0987654321", username="binh.bm"
    )


def page(client: Client, url: str = "/org/members/") -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_province_head_sees_everyone_below_by_full_name_with_contacts(
    client: Client, tree: UnitTree, lan: User, binh: User
) -> None:
    client.force_login(make_member(Role.HEAD, tree.province, "Lê Văn Hùng"))
    text = page(client)
    assert "Nguyễn Thị Lan" in text and "Trần Văn Bình" in text
    assert "Cán bộ văn hóa" in text
    assert PHONE in text and lan.email in text
    assert "lan.an-phu" not in text  # never the login name


def test_a_commune_member_sees_their_commune_without_contacts(
    client: Client, tree: UnitTree, lan: User, binh: User
) -> None:
    client.force_login(make_member(Role.MEMBER, tree.commune, "Phạm Thu Hà"))
    text = page(client)
    assert "Nguyễn Thị Lan" in text and "Cán bộ văn hóa" in text
    assert PHONE not in text and lan.email not in text
    assert "Trần Văn Bình" not in text


def test_a_commune_member_cannot_open_another_commune_s_people(
    client: Client, tree: UnitTree, binh: User
) -> None:
    client.force_login(make_member(Role.MEMBER, tree.commune, "Phạm Thu Hà"))
    assert client.get(f"/org/people/{binh.pk}/").status_code == 404
    assert client.get(f"/org/members/?unit={tree.sibling.pk}").status_code == 404
    assert client.get(f"/org/members/?unit={tree.province.pk}").status_code == 404


def test_a_commune_head_cannot_act_on_another_commune_s_people(
    client: Client, tree: UnitTree, binh: User
) -> None:
    client.force_login(make_member(Role.HEAD, tree.commune, "Phạm Thu Hà"))
    assert client.post(f"/org/people/{binh.pk}/send-link").status_code == 404
    assert client.post(f"/org/people/{binh.pk}/active", {"active": "0"}).status_code == 404
    binh.refresh_from_db()
    assert binh.is_active


def test_the_commune_secretariat_sees_contacts_of_its_commune_only(
    client: Client, tree: UnitTree, lan: User
) -> None:
    chief = make_member(Role.HEAD, tree.province, "Lê Văn Hùng", phone="0355555555")
    client.force_login(make_member(Role.SECRETARIAT, tree.commune, "Đỗ Mai"))
    assert PHONE in page(client)
    assert "0355555555" not in page(client, f"/org/people/{lan.pk}/") + page(client)
    assert client.get(f"/org/people/{chief.pk}/").status_code == 404  # above, not below


def test_a_person_s_page_shows_contacts_to_the_head_only(
    client: Client, tree: UnitTree, lan: User
) -> None:
    client.force_login(make_member(Role.DEPUTY, tree.commune, "Võ Minh"))
    text = page(client, f"/org/people/{lan.pk}/")
    assert "Nguyễn Thị Lan" in text and PHONE not in text and lan.email not in text
    client.force_login(make_member(Role.HEAD, tree.commune, "Hồ Nam"))
    text = page(client, f"/org/people/{lan.pk}/")
    assert PHONE in text and lan.email in text


def test_the_directory_filters_by_unit_and_role(
    client: Client, tree: UnitTree, lan: User, binh: User
) -> None:
    make_member(Role.COLLABORATOR, tree.commune, "Cộng Tác Viên Một")
    client.force_login(make_member(Role.HEAD, tree.province, "Lê Văn Hùng"))
    text = page(client, f"/org/members/?unit={tree.commune.pk}")
    assert "Nguyễn Thị Lan" in text and "Trần Văn Bình" not in text
    text = page(client, "/org/members/?role=collaborator")
    assert "Cộng Tác Viên Một" in text and "Nguyễn Thị Lan" not in text


def test_people_without_a_desk_role_have_no_directory(client: Client, tree: UnitTree) -> None:
    client.force_login(make_member(Role.COLLABORATOR, tree.commune, "Cộng Tác Viên"))
    response = client.get("/org/members/")
    assert response.status_code == 302 and response["Location"] == "/org/collaborator/"


def test_the_header_shows_the_full_name_not_the_login_name(
    client: Client, tree: UnitTree, lan: User
) -> None:
    client.force_login(lan)
    text = page(client, "/cases/")
    assert "Nguyễn Thị Lan" in text and "lan.an-phu" not in text


def test_public_pages_never_show_members_contacts(client: Client) -> None:
    case = approved_case()
    emails = []
    for person in (case.verdict_by, case.reviewed_by):
        person.email = f"{person.username}@hoalam.example"
        person.save()
        emails.append(person.email)
        MemberProfile.objects.create(user=person, phone=PHONE)
    publish_case(case)
    for url in ("/kiem-chung/", f"/kiem-chung/{case.pk}/", "/kiem-chung/feed.atom"):
        response = client.get(url)
        assert response.status_code == 200
        text = response.content.decode()
        assert PHONE not in text
        assert not any(email in text for email in emails)
