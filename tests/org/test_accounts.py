"""Accounts without the admin: heads and the secretariat create them, the new member
chooses a password from the emailed link, roles change with the least rights first."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

from kiemchung.cases.models import AuditEvent
from kiemchung.org.models import Membership, Role
from kiemchung.testing.org import PASSWORD, UnitTree, make_member, make_unit_tree

pytestmark = pytest.mark.django_db

NEW = {
    "full_name": "Nguyễn Thị Lan",
    "position": "Cán bộ văn hóa - xã hội",
    "role": "member",
    "phone": "0912 345 678",
    "email": "lan@anphu.example",
    "send_link": "on",
}
NEW_PASSWORD = "Song-Lam-2026-an-toan"


@pytest.fixture
def tree() -> UnitTree:
    return make_unit_tree()


def link_in(message: mail.EmailMessage) -> str:
    found = re.search(r"https?://\S+/org/set-password/\S+/", message.body)
    assert found, message.body
    return found.group(0)


def test_the_account_form_offers_the_least_rights_first(client: Client, tree: UnitTree) -> None:
    client.force_login(make_member(Role.HEAD, tree.commune, "Hồ Văn Nam"))
    text = client.get("/org/members/new/").content.decode()
    assert re.search(r'<option value="member" selected>', text)
    assert 'value="liaison"' not in text


def test_a_head_creates_an_account_and_the_member_sets_a_password_from_the_email(
    client: Client, tree: UnitTree
) -> None:
    client.force_login(make_member(Role.HEAD, tree.commune, "Hồ Văn Nam"))
    response = client.post("/org/members/new/", {**NEW, "unit": tree.commune.pk})
    lan = User.objects.get(email="lan@anphu.example")
    assert response.status_code == 302 and response["Location"] == f"/org/people/{lan.pk}/"
    assert lan.get_full_name() == "Nguyễn Thị Lan" and not lan.has_usable_password()
    assert lan.member_profile.phone == "0912345678"
    assert Membership.objects.get(user=lan).role == Role.MEMBER
    assert AuditEvent.objects.filter(action="member.created").count() == 1
    [message] = mail.outbox
    assert message.to == ["lan@anphu.example"]
    assert "Nguyễn Thị Lan" in message.body and lan.username in message.body

    newcomer = Client()
    form = newcomer.get(link_in(message), follow=True)
    assert "Chọn mật khẩu" in form.content.decode()  # the page speaks Vietnamese
    done = newcomer.post(
        form.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert done.status_code == 302
    assert newcomer.login(username=lan.username, password=NEW_PASSWORD)
    again = Client().get(link_in(message), follow=True).content.decode()
    assert "không còn dùng được" in again  # the link works once


def test_the_secretariat_creates_members_but_never_heads(client: Client, tree: UnitTree) -> None:
    client.force_login(make_member(Role.SECRETARIAT, tree.commune, "Đỗ Mai"))
    client.post("/org/members/new/", {**NEW, "unit": tree.commune.pk, "role": "head"})
    assert not User.objects.filter(email="lan@anphu.example").exists()
    client.post("/org/members/new/", {**NEW, "unit": tree.commune.pk, "role": "verifier"})
    assert Membership.objects.get(user__email="lan@anphu.example").role == Role.VERIFIER


def test_a_commune_head_cannot_create_an_account_in_the_neighbouring_commune(
    client: Client, tree: UnitTree
) -> None:
    client.force_login(make_member(Role.HEAD, tree.commune, "Hồ Văn Nam"))
    response = client.post("/org/members/new/", {**NEW, "unit": tree.sibling.pk})
    assert response.status_code == 200  # the form says the unit is not a choice
    assert not User.objects.filter(email="lan@anphu.example").exists()


@pytest.mark.parametrize("role", [Role.MEMBER, Role.DEPUTY, Role.REVIEWER, Role.COLLABORATOR])
def test_other_roles_cannot_create_accounts(client: Client, tree: UnitTree, role: str) -> None:
    client.force_login(make_member(role, tree.commune, "Người Thường"))
    assert client.get("/org/members/new/").status_code == 403
    response = client.post("/org/members/new/", {**NEW, "unit": tree.commune.pk})
    assert response.status_code == 403
    assert not User.objects.filter(email="lan@anphu.example").exists()


def test_bad_phone_or_email_is_refused_on_the_form(client: Client, tree: UnitTree) -> None:
    client.force_login(make_member(Role.HEAD, tree.commune, "Hồ Văn Nam"))
    for bad in ({"phone": "12345"}, {"email": "lan@@anphu"}, {"email": "", "send_link": "on"}):
        response = client.post("/org/members/new/", {**NEW, "unit": tree.commune.pk, **bad})
        assert response.status_code == 200
    assert not User.objects.filter(first_name="Nguyễn Thị Lan").exists()


def test_an_email_already_in_use_is_refused(client: Client, tree: UnitTree) -> None:
    lan = make_member(Role.MEMBER, tree.commune, "Nguyễn Thị Lan")
    User.objects.filter(pk=lan.pk).update(email="lan@anphu.example")
    client.force_login(make_member(Role.HEAD, tree.commune, "Hồ Văn Nam"))
    client.post("/org/members/new/", {**NEW, "unit": tree.commune.pk})
    assert User.objects.filter(email="lan@anphu.example").count() == 1


def test_a_head_deactivates_and_reactivates_an_account(client: Client, tree: UnitTree) -> None:
    lan = make_member(Role.MEMBER, tree.commune, "Nguyễn Thị Lan")
    client.force_login(make_member(Role.HEAD, tree.commune, "Hồ Văn Nam"))
    client.post(f"/org/people/{lan.pk}/active", {"active": "0"})
    lan.refresh_from_db()
    assert not lan.is_active
    assert not Client().login(username=lan.username, password=PASSWORD)
    client.post(f"/org/people/{lan.pk}/active", {"active": "1"})
    lan.refresh_from_db()
    assert lan.is_active
    assert AuditEvent.objects.filter(action="member.active").count() == 2


def test_nobody_deactivates_their_own_account(client: Client, tree: UnitTree) -> None:
    head = make_member(Role.HEAD, tree.commune, "Hồ Văn Nam")
    client.force_login(head)
    client.post(f"/org/people/{head.pk}/active", {"active": "0"})
    head.refresh_from_db()
    assert head.is_active


def test_the_secretariat_cannot_deactivate_a_head(client: Client, tree: UnitTree) -> None:
    head = make_member(Role.HEAD, tree.commune, "Hồ Văn Nam")
    client.force_login(make_member(Role.SECRETARIAT, tree.commune, "Đỗ Mai"))
    assert client.post(f"/org/people/{head.pk}/active", {"active": "0"}).status_code == 403
    head.refresh_from_db()
    assert head.is_active


def test_a_head_changes_a_role_and_it_is_audited(client: Client, tree: UnitTree) -> None:
    lan = make_member(Role.MEMBER, tree.commune, "Nguyễn Thị Lan")
    client.force_login(make_member(Role.HEAD, tree.province, "Lê Văn Hùng"))
    held = Membership.objects.get(user=lan)
    client.post(f"/org/members/{held.pk}/role", {"role": "reviewer"})
    held.refresh_from_db()
    assert held.role == Role.REVIEWER
    event = AuditEvent.objects.get(action="membership.changed")
    assert event.changes == {"role": ["member", "reviewer"]}
    assert event.actor_name == "Lê Văn Hùng"  # the history names people by full name


def test_nobody_downgrades_or_removes_their_own_head_role(client: Client, tree: UnitTree) -> None:
    head = make_member(Role.HEAD, tree.commune, "Hồ Văn Nam")
    client.force_login(head)
    own = Membership.objects.get(user=head)
    client.post(f"/org/members/{own.pk}/role", {"role": "member"})
    client.post(f"/org/members/{own.pk}/remove", {"confirm": "yes"})
    own.refresh_from_db()
    assert own.role == Role.HEAD


def test_the_secretariat_cannot_make_anyone_head(client: Client, tree: UnitTree) -> None:
    lan = make_member(Role.MEMBER, tree.commune, "Nguyễn Thị Lan")
    client.force_login(make_member(Role.SECRETARIAT, tree.commune, "Đỗ Mai"))
    held = Membership.objects.get(user=lan)
    assert client.post(f"/org/members/{held.pk}/role", {"role": "head"}).status_code == 403
    held.refresh_from_db()
    assert held.role == Role.MEMBER  # a forged "head" is refused by the rule itself


def test_removing_a_role_from_a_person_s_page_asks_first(client: Client, tree: UnitTree) -> None:
    lan = make_member(Role.MEMBER, tree.commune, "Nguyễn Thị Lan")
    client.force_login(make_member(Role.HEAD, tree.commune, "Hồ Văn Nam"))
    held = Membership.objects.get(user=lan)
    asked = client.post(f"/org/members/{held.pk}/remove", {"next": "person"})
    assert 'name="confirm" value="yes"' in asked.content.decode()
    assert Membership.objects.filter(pk=held.pk).exists()
    done = client.post(f"/org/members/{held.pk}/remove", {"next": "person", "confirm": "yes"})
    assert done["Location"] == f"/org/people/{lan.pk}/"
    assert not Membership.objects.filter(pk=held.pk).exists()


def test_a_head_sends_a_new_link_to_an_imported_member(client: Client, tree: UnitTree) -> None:
    lan = make_member(Role.MEMBER, tree.commune, "Nguyễn Thị Lan")
    lan.set_unusable_password()
    lan.save()
    client.force_login(make_member(Role.HEAD, tree.commune, "Hồ Văn Nam"))
    client.post(f"/org/people/{lan.pk}/send-link")
    [message] = mail.outbox
    assert message.to == [lan.email]
    assert "/org/set-password/" in message.body


def test_no_link_for_someone_without_email_or_deactivated(client: Client, tree: UnitTree) -> None:
    lan = make_member(Role.MEMBER, tree.commune, "Nguyễn Thị Lan")
    User.objects.filter(pk=lan.pk).update(email="")
    binh = make_member(Role.MEMBER, tree.commune, "Trần Văn Bình", is_active=False)
    client.force_login(make_member(Role.HEAD, tree.commune, "Hồ Văn Nam"))
    client.post(f"/org/people/{lan.pk}/send-link")
    client.post(f"/org/people/{binh.pk}/send-link")
    assert mail.outbox == []


def test_member_actions_need_a_post(client: Client, tree: UnitTree) -> None:
    lan = make_member(Role.MEMBER, tree.commune, "Nguyễn Thị Lan")
    client.force_login(make_member(Role.HEAD, tree.commune, "Hồ Văn Nam"))
    held = Membership.objects.get(user=lan)
    for url in (
        f"/org/people/{lan.pk}/send-link",
        f"/org/people/{lan.pk}/active",
        f"/org/members/{held.pk}/role",
    ):
        assert client.get(url).status_code == 405


def test_assignment_pickers_and_task_owners_show_full_names(client: Client, tree: UnitTree) -> None:
    from kiemchung.testing.cases import make_case

    verifier = make_member(Role.VERIFIER, tree.commune, "Nguyễn Thị Lan", username="lan-tk")
    head = make_member(Role.HEAD, tree.commune, "Hồ Văn Nam", username="nam-tk")
    case = make_case(tree.commune, verifier)
    client.force_login(head)
    text = client.get(f"/cases/{case.pk}/").content.decode()
    assert ">Nguyễn Thị Lan</option>" in text
    assert ">lan-tk<" not in text and "nam-tk" not in text
    text = client.get("/org/tasks/new/").content.decode()
    assert ">Hồ Văn Nam</option>" in text


def test_the_secretariat_is_offered_only_the_roles_it_may_give(
    client: Client, tree: UnitTree
) -> None:
    lan = make_member(Role.MEMBER, tree.commune, "Nguyễn Thị Lan")
    client.force_login(make_member(Role.SECRETARIAT, tree.commune, "Đỗ Mai"))
    for url in ("/org/members/new/", f"/org/people/{lan.pk}/"):
        text = client.get(url).content.decode()
        assert 'value="verifier"' in text and 'value="collaborator"' in text
        assert 'value="head"' not in text and 'value="deputy"' not in text
