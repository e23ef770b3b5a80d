"""The case and task histories read as sentences: names and titles, not raw ids."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from kiemchung.cases import services
from kiemchung.org.models import PartnerAgency, Role
from kiemchung.org.services import create_task, update_task
from kiemchung.testing.cases import make_case, make_story
from kiemchung.testing.org import make_unit_tree, make_user

pytestmark = pytest.mark.django_db


def test_the_case_history_names_the_story_and_the_assignee(client: Client) -> None:
    tree = make_unit_tree()
    head = make_user(Role.HEAD, tree.commune, first_name="Nguyễn Văn An")
    member = make_user(Role.MEMBER, tree.commune, first_name="Trần Thị Bình")
    story = make_story(title="Tin đồn vỡ đập Sông Lam")
    case = make_case(tree.commune, head, story=story)
    services.assign(head, case, member)
    client.force_login(head)
    page = client.get(f"/cases/{case.pk}/").content.decode()
    history = page[page.index('id="history"') :]
    assert "Tin đồn vỡ đập Sông Lam" in history
    assert f"<ins>{story.pk}</ins>" not in history
    assert "Trần Thị Bình" in history
    assert f"<ins>{member.get_username()}</ins>" not in history
    assert "Nguyễn Văn An" in history  # who did it, by full name


def test_the_task_history_writes_dates_and_names_in_words(client: Client) -> None:
    tree = make_unit_tree()
    head = make_user(Role.HEAD, tree.commune, first_name="Nguyễn Văn An")
    police = PartnerAgency.objects.create(name="Công an xã Đông Hòa", unit=tree.commune)
    case = make_case(tree.commune, head)
    due = timezone.localdate() + timedelta(days=5)
    task = create_task(head, agency=police, title="Khóa tài khoản", due_date=due, case=case)
    update_task(head, task, due_date=due + timedelta(days=1))
    client.force_login(head)
    with_language = {"HTTP_ACCEPT_LANGUAGE": "vi"}
    page = client.get(f"/org/tasks/{task.pk}/", **with_language).content.decode()
    history = page[page.index('id="history"') :]
    assert "due_date" not in history
    assert due.isoformat() not in history
    assert f"ngày {due.day} tháng {due.month} năm {due.year}" in history
    assert "Nguyễn Văn An" in history
    assert "Công an xã Đông Hòa" in history


def test_the_task_page_links_to_its_case(client: Client) -> None:
    tree = make_unit_tree()
    head = make_user(Role.HEAD, tree.commune)
    police = PartnerAgency.objects.create(name="Công an xã Đông Hòa", unit=tree.commune)
    case = make_case(tree.commune, head)
    due = timezone.localdate() + timedelta(days=5)
    task = create_task(head, agency=police, title="Khóa tài khoản", due_date=due, case=case)
    client.force_login(head)
    page = client.get(f"/org/tasks/{task.pk}/").content.decode()
    assert f'href="/cases/{case.pk}/"' in page


def test_a_liaison_sees_the_case_named_but_not_linked(client: Client) -> None:
    tree = make_unit_tree()
    head = make_user(Role.HEAD, tree.commune)
    police = PartnerAgency.objects.create(name="Công an xã Đông Hòa", unit=tree.commune)
    case = make_case(tree.commune, head)
    due = timezone.localdate() + timedelta(days=5)
    task = create_task(head, agency=police, title="Khóa tài khoản", due_date=due, case=case)
    client.force_login(make_user(Role.LIAISON, tree.commune, agency=police))
    page = client.get(f"/org/tasks/{task.pk}/").content.decode()
    assert case.title in page
    assert f'href="/cases/{case.pk}/"' not in page
