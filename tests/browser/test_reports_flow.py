"""The period report in a real browser: the secretariat builds a draft from the reports
page and edits a section, a head approves it, the PDF downloads. Screenshots of the page
and of the PDF's first page go to the screenshots folder."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from kiemchung.reports.models import Report, ReportSettings, ReportStatus
from kiemchung.testing.browser import screenshot, screenshots_folder
from kiemchung.testing.org import PASSWORD
from kiemchung.testing.reports import build_world

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="make report-deps"),
]
PROPOSAL = "Đề nghị Huyện ủy bố trí kinh phí tập huấn kỹ năng kiểm chứng cho 12 xã."


def log_in(page: Page, username: str) -> None:
    page.goto("/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()


def test_a_draft_is_built_edited_approved_and_downloaded_as_pdf(page: Page, tmp_path: Path) -> None:
    world = build_world()
    ReportSettings.objects.create(
        unit=world.province,
        parent_body="UBND huyện Mường Lát",
        issuing_body="Ban Chỉ đạo 35",
        place="Mường Lát",
        signer_name="Nguyễn Văn An",
        recipients="Thường trực Huyện ủy;\nLưu: VT.",
    )
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    log_in(page, world.secretariat.username)
    page.get_by_role("navigation").get_by_role("link", name="Báo cáo").click()
    page.select_option("#id_unit", str(world.province.pk))
    page.fill("#id_period", "2024-Q3")
    page.get_by_role("button", name="Xem số liệu").click()
    expect(page.get_by_role("heading", name="Huyện Mường Lát · quý III năm 2024")).to_be_visible()
    expect(page.locator("table.report-table").first).to_contain_text("Tin, bài thu thập")
    expect(page.locator("img.report-chart")).to_have_count(4)
    screenshot(page, "reports-page")
    page.get_by_role("button", name="Tạo dự thảo báo cáo").click()
    expect(page.locator("#report-status")).to_have_text("Dự thảo")
    page.fill("#text-proposals", PROPOSAL)
    page.get_by_role("button", name="Lưu nội dung").click()
    expect(page.locator("#text-proposals")).to_have_value(PROPOSAL)
    page.get_by_role("button", name="Trình duyệt").click()
    expect(page.locator("#report-status")).to_have_text("Đã trình duyệt")
    screenshot(page, "report-submitted")
    page.get_by_role("banner").get_by_role("button", name="Đăng xuất").click()

    report = Report.objects.get()
    log_in(page, world.head.username)
    page.goto(f"/reports/{report.pk}/")
    page.get_by_role("button", name="Duyệt", exact=True).click()
    expect(page.locator("#report-status")).to_have_text("Đã duyệt")
    # The PDF is converted while the browser waits: LibreOffice's first start in a fresh
    # profile can take longer than a click's usual 15 s.
    with page.expect_download(timeout=120_000) as download:
        page.get_by_role("link", name="Tải PDF").click(timeout=120_000)
    pdf = tmp_path / "bao-cao.pdf"
    download.value.save_as(pdf)
    report.refresh_from_db()
    assert report.status == ReportStatus.APPROVED
    assert report.texts["proposals"] == PROPOSAL

    text = subprocess.run(  # noqa: S603
        ["pdftotext", "-layout", str(pdf), "-"],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "BAN CHỈ ĐẠO 35" in text
    assert "Đề nghị Huyện ủy bố trí kinh phí" in text
    folder = screenshots_folder()
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(  # noqa: S603
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),  # noqa: S607
         str(folder / "report-pdf-page-1")],
        check=True,
    )  # fmt: skip
    assert (folder / "report-pdf-page-1.png").stat().st_size > 10_000
    assert errors == []
