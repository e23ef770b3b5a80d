"""A training session recorded in a real browser, with its participants: the commune's
head opens the training page from the menu, records a session with a member picked by
name and 120 pupils counted, marks the member present with quiz scores, and finds the
session on the month calendar. The browser logs no JavaScript error and no
Content-Security-Policy violation."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from kiemchung.org.models import Role
from kiemchung.testing.browser import screenshot
from kiemchung.testing.org import PASSWORD
from kiemchung.testing.training import make_world
from kiemchung.training.models import TrainingSession

pytestmark = pytest.mark.browser

TOPIC = "Nhận diện cuộc gọi giả danh cơ quan công an"


def _log_in(page: Page, username: str) -> None:
    page.goto("/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bảng điều khiển")


def test_a_head_records_a_training_session_with_its_participants(page: Page) -> None:
    world = make_world()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    _log_in(page, world.team[Role.HEAD].username)

    page.get_by_role("navigation").get_by_role("link", name="Tập huấn").click()
    page.get_by_role("link", name="Thêm lớp tập huấn").click()
    page.get_by_label("Chủ đề").fill(TOPIC)
    page.get_by_label("Bắt đầu").fill("2030-03-05T08:00")
    page.get_by_label("Thời lượng (phút)").fill("150")
    page.get_by_label("Địa điểm").fill("Hội trường UBND xã An Phú")
    page.get_by_label("Báo cáo viên").fill("Đ/c Nguyễn Văn An, Phó Trưởng ban")
    page.get_by_label("Đối tượng chính").select_option("pupils")
    page.get_by_label("Lan Trần Thị").check()
    page.locator('[name="groups-0-audience"]').select_option("pupils")
    page.locator('[name="groups-0-description"]').fill("Học sinh trường THCS An Phú")
    page.locator('[name="groups-0-count"]').fill("120")
    screenshot(page, "training-form")
    page.get_by_role("button", name="Lưu lớp tập huấn").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(TOPIC)
    expect(page.get_by_text("Đã ghi lớp tập huấn.")).to_be_visible()
    page.get_by_label("Có mặt: Lan Trần Thị").check()
    page.get_by_label("Điểm kiểm tra trước (%): Lan Trần Thị").fill("40")
    page.get_by_label("Điểm kiểm tra sau (%): Lan Trần Thị").fill("90")
    page.get_by_role("button", name="Lưu điểm danh").click()
    expect(page.locator("#trainee-count")).to_have_text(
        "1 thành viên có mặt, 120 người ngoài đơn vị"
    )
    screenshot(page, "training-session")

    session = TrainingSession.objects.get()
    participant = session.participants.get()
    assert (participant.user, participant.attended) == (world.trainee, True)
    assert (participant.score_before, participant.score_after) == (40, 90)
    assert session.groups.get().count == 120

    page.goto("/training/calendar/?month=2030-03")
    expect(page.get_by_role("link", name=re.compile(TOPIC))).to_be_visible()
    screenshot(page, "training-calendar")
    assert problems == []


def test_a_member_adds_a_loudspeaker_bulletin_to_the_outreach_log(page: Page) -> None:
    world = make_world()
    _log_in(page, world.team[Role.MEMBER].username)
    page.goto("/training/outreach/")
    page.get_by_text("Ghi thêm hoạt động").click()
    page.get_by_label("Hình thức").select_option("loudspeaker")
    page.get_by_label("Nội dung tuyên truyền").fill("Cảnh giác tin nhắn giả mạo trúng thưởng")
    page.get_by_label("Ở đâu").fill("Đài truyền thanh xã An Phú")
    page.get_by_label("Số người tiếp cận").fill("2500")
    page.get_by_role("button", name="Ghi vào sổ").click()
    expect(page.get_by_text("Đã ghi hoạt động vào sổ tuyên truyền.")).to_be_visible()
    row = page.get_by_role("row", name=re.compile("Cảnh giác tin nhắn giả mạo trúng thưởng"))
    expect(row).to_contain_text("Bản tin loa truyền thanh")
    expect(row).to_contain_text("2.500")
    screenshot(page, "outreach-log")
