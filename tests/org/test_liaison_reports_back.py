"""A liaison reports back on a task: a result note and files, kept safe and audited."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from pytest_django.fixtures import Settings as SettingsWrapper

from kiemchung.cases.models import AuditEvent
from kiemchung.org.models import PartnerAgency, Role, Task, TaskReport
from kiemchung.org.services import ReportRefused, create_task, report_back
from kiemchung.testing.cases import make_case, png_bytes
from kiemchung.testing.org import UnitTree, make_unit_tree, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings: SettingsWrapper, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return tmp_path / "media"


@pytest.fixture
def tree() -> UnitTree:
    return make_unit_tree()


@pytest.fixture
def police(tree: UnitTree) -> PartnerAgency:
    return PartnerAgency.objects.create(name="Công an xã Đông Hòa", unit=tree.commune)


@pytest.fixture
def task(tree: UnitTree, police: PartnerAgency) -> Task:
    head = make_user(Role.HEAD, tree.commune)
    due = timezone.localdate() + timedelta(days=3)
    case = make_case(tree.commune, head)
    return create_task(head, agency=police, title="Khóa tài khoản", due_date=due, case=case)


@pytest.fixture
def liaison(tree: UnitTree, police: PartnerAgency) -> User:
    return make_user(Role.LIAISON, tree.commune, agency=police)


def picture() -> SimpleUploadedFile:
    return SimpleUploadedFile("bien-ban.png", png_bytes(), content_type="image/png")


def test_the_liaison_reports_a_result_with_a_file_and_it_is_audited(
    task: Task, liaison: User
) -> None:
    report = report_back(liaison, task, "Đã khóa tài khoản giả mạo.", [picture()])
    assert report.files.get().original_name == "bien-ban.png"
    event = AuditEvent.objects.get(action="task.reported")
    assert event.changes["files"] == [None, ["bien-ban.png"]]
    assert event.case_id == task.case_id


def test_a_report_needs_a_result(task: Task, liaison: User) -> None:
    with pytest.raises(ReportRefused):
        report_back(liaison, task, "  ")


def test_a_file_of_a_type_we_do_not_take_is_refused(task: Task, liaison: User) -> None:
    script = SimpleUploadedFile("x.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    with pytest.raises(ReportRefused):
        report_back(liaison, task, "Xong.", [script])
    assert not TaskReport.objects.exists()


def test_a_file_over_the_size_limit_is_refused(
    task: Task, liaison: User, settings: SettingsWrapper
) -> None:
    settings.UPLOAD_MAX_MB = 1
    big = SimpleUploadedFile("log.txt", b"a" * (1024 * 1024 + 1), content_type="text/plain")
    with pytest.raises(ReportRefused):
        report_back(liaison, task, "Xong.", [big])


def test_another_agencys_liaison_cannot_report(tree: UnitTree, task: Task) -> None:
    stranger = make_user(Role.LIAISON, tree.commune)
    with pytest.raises(PermissionDenied):
        report_back(stranger, task, "Xong.")


def test_the_report_form_posts_and_the_file_downloads_only_for_those_who_see_the_task(
    client: Client, tree: UnitTree, task: Task, liaison: User
) -> None:
    client.force_login(liaison)
    answer = client.post(
        f"/org/tasks/{task.pk}/report",
        {"note": "Đã làm việc với chủ tài khoản.", "attachments": picture()},
    )
    assert answer.status_code == 302
    stored = TaskReport.objects.get().files.get()
    page = client.get(f"/org/tasks/{task.pk}/").content.decode()
    assert "Đã làm việc với chủ tài khoản." in page
    download = client.get(f"/org/task-files/{stored.pk}/")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    client.force_login(make_user(Role.HEAD, tree.sibling))
    assert client.get(f"/org/task-files/{stored.pk}/").status_code == 404


def test_the_report_reads_as_a_result_in_the_history(
    client: Client, task: Task, liaison: User
) -> None:
    report_back(liaison, task, "Đã khóa tài khoản giả mạo.", [picture()])
    client.force_login(liaison)
    page = client.get(f"/org/tasks/{task.pk}/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    history = page[page.index('id="history"') :]
    assert "kết quả: <ins>Đã khóa tài khoản giả mạo.</ins>" in history
    assert "tệp đính kèm: <ins>bien-ban.png</ins>" in history
