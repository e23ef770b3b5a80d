"""Reports as work: a draft, its texts, approval by a head, issue, frozen, audited."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from django.core import mail
from django.test import Client

from kiemchung.cases.models import AuditEvent
from kiemchung.org.models import Role
from kiemchung.reports import services
from kiemchung.reports.models import Report, ReportSettings, ReportStatus
from kiemchung.reports.periods import parse_period
from kiemchung.testing.org import make_user
from kiemchung.testing.reports import World, at, build_world

pytestmark = pytest.mark.django_db

needs_office = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="make report-deps installs LibreOffice"
)


@pytest.fixture
def world() -> World:
    return build_world()


def logged_in(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def draft(world: World) -> Report:
    return services.create_draft(world.secretariat, world.province, parse_period("2024-Q3"))


def actions(report: Report) -> list[str]:
    return list(
        AuditEvent.objects.filter(object_type="report", object_id=str(report.pk)).values_list(
            "action", flat=True
        )
    )


def test_the_secretariat_creates_a_draft_from_the_reports_page(world: World) -> None:
    client = logged_in(world.secretariat)
    page = client.get("/reports/", {"unit": world.province.pk, "period": "2024-Q3"})
    assert page.status_code == 200
    assert "Tin, bài thu thập" in page.content.decode()
    assert "data:image/png;base64," in page.content.decode()
    response = client.post("/reports/new/", {"unit": world.province.pk, "period": "2024-Q3"})
    report = Report.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/reports/{report.pk}/"
    assert report.status == ReportStatus.DRAFT
    assert report.period_code == "2024-Q3"
    assert "5 tin, bài" in report.texts["situation"]
    assert actions(report) == ["report.create"]


def test_the_reports_page_refuses_a_malformed_period_with_a_message(world: World) -> None:
    page = logged_in(world.secretariat).get(
        "/reports/", {"unit": world.province.pk, "period": "quý 3"}
    )
    assert page.status_code == 200
    assert "2024-Q3, 2024-H1" in page.content.decode()


def test_staff_edit_a_section_of_the_draft_and_it_is_audited(world: World) -> None:
    report = draft(world)
    client = logged_in(world.secretariat)
    client.post(f"/reports/{report.pk}/texts/", {"proposals": "Đề nghị bổ sung kinh phí."})
    report.refresh_from_db()
    assert report.texts["proposals"] == "Đề nghị bổ sung kinh phí."
    assert actions(report) == ["report.create", "report.text"]


def test_the_secretariat_submits_but_only_a_head_or_deputy_approves(world: World) -> None:
    report = draft(world)
    deputy = make_user(Role.DEPUTY, world.province, "pho-ban")
    logged_in(world.secretariat).post(f"/reports/{report.pk}/status/", {"status": "submitted"})
    refused = logged_in(world.secretariat).post(
        f"/reports/{report.pk}/status/", {"status": "approved"}
    )
    assert refused.status_code == 403
    logged_in(deputy).post(f"/reports/{report.pk}/status/", {"status": "approved"})
    report.refresh_from_db()
    assert report.status == ReportStatus.APPROVED
    assert report.approved_by == deputy
    assert actions(report) == ["report.create", "report.status", "report.status"]


def test_a_submitted_report_cannot_be_edited_and_a_head_can_send_it_back(world: World) -> None:
    report = services.change_status(world.secretariat, draft(world), ReportStatus.SUBMITTED)
    with pytest.raises(services.ReportRefused):
        services.edit_text(world.secretariat, report, "proposals", "Sửa")
    report = services.change_status(world.head, report, ReportStatus.DRAFT)
    assert services.edit_text(world.secretariat, report, "proposals", "Sửa").texts["proposals"]


def test_a_verifier_cannot_draft_and_a_member_of_another_unit_sees_nothing(world: World) -> None:
    report = draft(world)
    verifier = logged_in(world.verifier)  # a verifier of the commune below
    assert verifier.get(f"/reports/{report.pk}/").status_code == 404
    refused = verifier.post("/reports/new/", {"unit": world.commune.pk, "period": "2024-Q3"})
    assert refused.status_code in (302, 403)
    assert Report.objects.count() == 1
    outsider = logged_in(world.other_commune_head)
    assert outsider.get(f"/reports/{report.pk}/").status_code == 404
    assert outsider.get(f"/reports/{report.pk}/download/docx/").status_code == 404


def test_a_draft_downloads_as_word_and_workbook(world: World) -> None:
    report = draft(world)
    client = logged_in(world.head)
    word = client.get(f"/reports/{report.pk}/download/docx/")
    assert word.status_code == 200
    assert word["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client.get(f"/reports/{report.pk}/download/xlsx/").status_code == 200
    assert client.get(f"/reports/{report.pk}/download/exe/").status_code == 404


def approved(world: World) -> Report:
    report = services.change_status(world.secretariat, draft(world), ReportStatus.SUBMITTED)
    return services.change_status(world.head, report, ReportStatus.APPROVED)


@pytest.mark.slow
@needs_office
def test_an_issued_report_is_numbered_frozen_and_audited(world: World) -> None:
    from kiemchung.sources.models import Document

    report = approved(world)
    client = logged_in(world.secretariat)
    client.post(f"/reports/{report.pk}/issue/", {"number": "12", "issued_on": "2024-10-05"})
    report.refresh_from_db()
    assert report.status == ReportStatus.ISSUED
    assert (report.number, report.issued_on) == ("12", date(2024, 10, 5))
    assert report.figures["documents"] == 5
    stored = client.get(f"/reports/{report.pk}/download/docx/").content
    # The data changes later: the issued report does not.
    source = Document.objects.first().source  # type: ignore[union-attr]
    Document.objects.create(
        source=source,
        identity="late",
        content_hash="late",
        text="Tin muộn",
        language="vi",
        published_at=at(2024, 8, 1),
        signature=b"",
    )
    report.refresh_from_db()
    assert report.figures["documents"] == 5
    assert client.get(f"/reports/{report.pk}/download/docx/").content == stored
    pdf = client.get(f"/reports/{report.pk}/download/pdf/")
    assert pdf.content.startswith(b"%PDF")
    with pytest.raises(services.ReportRefused):
        services.edit_text(world.secretariat, report, "proposals", "Sửa sau khi ban hành")
    assert actions(report)[-1] == "report.issue"


def test_only_an_approved_report_is_issued(world: World) -> None:
    with pytest.raises(services.ReportRefused):
        services.issue(world.secretariat, draft(world), "12", date(2024, 10, 5))


def issued_commune_report(world: World) -> Report:
    """A commune's report, issued (its files are not needed here: stored directly)."""
    report = Report.objects.create(
        unit=world.commune,
        period_code="2024-Q3",
        period_start=date(2024, 7, 1),
        period_end=date(2024, 9, 30),
        title="Báo cáo xã An Phú",
        created_by=world.verifier,
        status=ReportStatus.ISSUED,
        number="5",
        issued_on=date(2024, 10, 2),
        texts={"countering": "Xã đã xác minh 2 tin đồn."},
        figures={"documents": 5},
    )
    return report


def test_the_district_sees_a_communes_issued_report_and_quotes_it(world: World) -> None:
    commune_report = issued_commune_report(world)
    province_draft = draft(world)
    client = logged_in(world.secretariat)
    page = client.get(f"/reports/{province_draft.pk}/").content.decode()
    assert "Xã An Phú · 5" in page
    client.post(
        f"/reports/{province_draft.pk}/quote/",
        {"source": commune_report.pk, "section": "countering"},
    )
    province_draft.refresh_from_db()
    assert (
        "Xã An Phú (5, 02/10/2024): Xã đã xác minh 2 tin đồn." in province_draft.texts["countering"]
    )


def test_a_communes_draft_stays_with_the_commune(world: World) -> None:
    commune_head = make_user(Role.HEAD, world.commune, "truong-ban-xa")
    commune_draft = services.create_draft(commune_head, world.commune, parse_period("2024-Q3"))
    assert logged_in(world.secretariat).get(f"/reports/{commune_draft.pk}/").status_code == 404
    assert logged_in(commune_head).get(f"/reports/{commune_draft.pk}/").status_code == 200
    sibling_head = make_user(Role.HEAD, world.sibling, "truong-ban-xa-ben")
    issued = issued_commune_report(world)
    assert logged_in(sibling_head).get(f"/reports/{issued.pk}/").status_code == 404


def test_a_report_due_is_reminded_by_email_once_a_day_until_issued(world: World) -> None:
    world.head.email = "truongban@kiemchung.invalid"
    world.head.save()
    ReportSettings.objects.create(unit=world.province, issuing_body="BAN CHỈ ĐẠO", deadline_day=15)
    assert services.send_report_reminders(date(2024, 9, 1)) == 0  # not due yet
    assert services.send_report_reminders(date(2024, 9, 14)) == 1
    assert "truongban@kiemchung.invalid" in mail.outbox[0].to
    assert "quý III năm 2024" in mail.outbox[0].subject
    assert services.send_report_reminders(date(2024, 9, 14)) == 0  # once a day
    issued = issued_commune_report(world)
    Report.objects.filter(pk=issued.pk).update(unit=world.province)
    assert services.send_report_reminders(date(2024, 9, 16)) == 0
