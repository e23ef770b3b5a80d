"""Tasks for partner agencies: who may create and update them, and the email reminders."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import timezone

from kiemchung.cases.models import AuditEvent
from kiemchung.core.periodic import PERIODIC
from kiemchung.org.models import Membership, OrgUnit, PartnerAgency, Role, Task, TaskStatus
from kiemchung.org.services import create_task, send_reminders, update_task, visible_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture
def commune() -> OrgUnit:
    province = OrgUnit.objects.create(name="Tỉnh Hòa Lâm")
    return OrgUnit.objects.create(name="Xã Đông Hòa", parent=province)


@pytest.fixture
def police(commune: OrgUnit) -> PartnerAgency:
    return PartnerAgency.objects.create(
        name="Công an xã Đông Hòa", sector="Công an", unit=commune, email="ca@donghoa.invalid"
    )


def person(role: str, unit: OrgUnit, agency: PartnerAgency | None = None) -> User:
    user = User.objects.create_user(
        f"{role}{User.objects.count()}", f"{role}@kiemchung.invalid", "mat-khau-dai-12"
    )
    Membership.objects.create(user=user, unit=unit, role=role, agency=agency)
    return user


def a_task(user: User, agency: PartnerAgency, due: date) -> Task:
    return create_task(user, agency=agency, title="Xác minh tài khoản lừa đảo", due_date=due)


def test_the_secretariat_hands_a_task_to_an_agency_and_it_is_audited(
    commune: OrgUnit, police: PartnerAgency
) -> None:
    secretary = person(Role.SECRETARIAT, commune)
    task = a_task(secretary, police, timezone.localdate() + timedelta(days=5))
    event = AuditEvent.objects.get(object_type="task", object_id=str(task.pk))
    assert event.action == "task.created"
    assert event.changes["agency"] == [None, police.name]


@pytest.mark.parametrize("role", [Role.MEMBER, Role.VERIFIER, Role.READONLY, Role.LIAISON])
def test_other_roles_cannot_create_tasks(
    role: Role, commune: OrgUnit, police: PartnerAgency
) -> None:
    with pytest.raises(PermissionDenied):
        a_task(person(role, commune, police), police, timezone.localdate())


def test_a_liaison_updates_their_agencys_task_but_not_another_agencys(
    commune: OrgUnit, police: PartnerAgency
) -> None:
    health = PartnerAgency.objects.create(name="Trạm y tế", unit=commune)
    head = person(Role.HEAD, commune)
    own = a_task(head, police, timezone.localdate())
    other = a_task(head, health, timezone.localdate())
    liaison = person(Role.LIAISON, commune, police)
    update_task(liaison, own, status=TaskStatus.DONE)
    assert Task.objects.get(pk=own.pk).status == TaskStatus.DONE
    with pytest.raises(PermissionDenied):
        update_task(liaison, other, status=TaskStatus.DONE)
    assert set(visible_tasks(liaison)) == {own}


def test_a_liaison_cannot_move_a_due_date(commune: OrgUnit, police: PartnerAgency) -> None:
    task = a_task(person(Role.HEAD, commune), police, timezone.localdate())
    liaison = person(Role.LIAISON, commune, police)
    with pytest.raises(PermissionDenied):
        update_task(liaison, task, due_date=timezone.localdate() + timedelta(days=30))


def test_due_and_overdue_tasks_are_reminded_by_email_once_a_day(
    commune: OrgUnit, police: PartnerAgency
) -> None:
    head = person(Role.HEAD, commune)
    today = timezone.localdate()
    overdue = a_task(head, police, today + timedelta(days=1))
    Task.objects.filter(pk=overdue.pk).update(due_date=today - timedelta(days=2))
    soon = a_task(head, police, today + timedelta(days=1))
    later = a_task(head, police, today + timedelta(days=20))
    person(Role.LIAISON, commune, police)
    assert send_reminders(today) == 2
    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects[0].startswith("Nhiệm vụ quá hạn")
    assert "ca@donghoa.invalid" in mail.outbox[0].to
    assert "liaison@kiemchung.invalid" in mail.outbox[0].to
    assert f"/org/tasks/{overdue.pk}/" in mail.outbox[0].body + mail.outbox[1].body
    assert send_reminders(today) == 0
    assert send_reminders(today + timedelta(days=1)) == 2
    assert Task.objects.get(pk=later.pk).last_reminded_on is None
    assert Task.objects.get(pk=soon.pk).last_reminded_on == today + timedelta(days=1)


def test_finished_tasks_are_not_reminded(commune: OrgUnit, police: PartnerAgency) -> None:
    head = person(Role.HEAD, commune)
    task = a_task(head, police, timezone.localdate())
    update_task(head, task, status=TaskStatus.DONE)
    assert send_reminders() == 0


def test_the_worker_tick_sends_reminders(commune: OrgUnit, police: PartnerAgency) -> None:
    a_task(person(Role.HEAD, commune), police, timezone.localdate())
    # The handler the scheduler runs at every tick (tick() itself closes the connection
    # between handlers, which a test transaction cannot survive on PostgreSQL).
    handler = dict(PERIODIC)["send_task_reminders"]
    assert handler() == 1
    assert len(mail.outbox) == 1


def test_the_task_pages_follow_the_roles(
    client: Client, commune: OrgUnit, police: PartnerAgency
) -> None:
    secretary = person(Role.SECRETARIAT, commune)
    task = a_task(secretary, police, timezone.localdate() + timedelta(days=1))
    client.force_login(person(Role.LIAISON, commune, police))
    assert client.get("/").status_code == 302
    assert client.get("/org/tasks/").status_code == 200
    assert client.get(f"/org/tasks/{task.pk}/").status_code == 200
    assert client.get("/org/tasks/new/").status_code == 403
    response = client.post(f"/org/tasks/{task.pk}/", {"status": TaskStatus.IN_PROGRESS})
    assert response.status_code == 302
    assert Task.objects.get(pk=task.pk).status == TaskStatus.IN_PROGRESS

    client.force_login(person(Role.READONLY, commune))
    assert client.get(f"/org/tasks/{task.pk}/").status_code == 200
    assert client.post(f"/org/tasks/{task.pk}/", {"status": TaskStatus.DONE}).status_code == 403

    stranger_unit = OrgUnit.objects.create(name="Xã Tây Sơn")
    client.force_login(person(Role.HEAD, stranger_unit))
    assert client.get(f"/org/tasks/{task.pk}/").status_code == 404


def test_the_secretariat_creates_a_task_through_the_form(
    client: Client, commune: OrgUnit, police: PartnerAgency
) -> None:
    client.force_login(person(Role.SECRETARIAT, commune))
    due = (timezone.localdate() + timedelta(days=3)).isoformat()
    response = client.post(
        "/org/tasks/new/", {"agency": police.pk, "title": "Gỡ trang giả mạo", "due_date": due}
    )
    assert response.status_code == 302
    assert Task.objects.get().title == "Gỡ trang giả mạo"


def test_a_task_due_in_the_past_is_refused_by_the_form(
    client: Client, commune: OrgUnit, police: PartnerAgency
) -> None:
    client.force_login(person(Role.SECRETARIAT, commune))
    past = (timezone.localdate() - timedelta(days=1)).isoformat()
    page = client.post("/org/tasks/new/", {"agency": police.pk, "title": "x", "due_date": past})
    assert page.status_code == 200
    assert not Task.objects.exists()


def test_overdue_tasks_stand_out_on_the_dashboard(
    client: Client, commune: OrgUnit, police: PartnerAgency
) -> None:
    head = person(Role.HEAD, commune)
    task = a_task(head, police, timezone.localdate())
    Task.objects.filter(pk=task.pk).update(due_date=timezone.localdate() - timedelta(days=3))
    client.force_login(head)
    page = client.get("/").content.decode()
    assert 'class="overdue"' in page
    assert "Xác minh tài khoản lừa đảo" in page


def test_the_organisation_page_shows_the_tree_members_and_agencies(
    client: Client, commune: OrgUnit, police: PartnerAgency
) -> None:
    client.force_login(person(Role.READONLY, commune))
    page = client.get("/org/").content.decode()
    assert "Xã Đông Hòa" in page
    assert "Công an xã Đông Hòa" in page
    assert "Tỉnh Hòa Lâm" not in page


def test_a_case_is_escalated_from_its_page_and_lists_its_tasks(
    client: Client, commune: OrgUnit, police: PartnerAgency
) -> None:
    from kiemchung.cases.services import open_case

    secretary = person(Role.SECRETARIAT, commune)
    case = open_case(secretary, commune, title="Tin nhắn giả mạo", claim_text="Ngân hàng khóa TK")
    client.force_login(secretary)
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert f"/org/tasks/new/?case={case.pk}" in page
    due = (timezone.localdate() + timedelta(days=2)).isoformat()
    response = client.post(
        "/org/tasks/new/",
        {"case": case.pk, "agency": police.pk, "title": "Xác minh số điện thoại", "due_date": due},
    )
    assert response["Location"] == f"/cases/{case.pk}/"
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert "Xác minh số điện thoại" in page
    assert "đã giao nhiệm vụ cho cơ quan phối hợp" in page
