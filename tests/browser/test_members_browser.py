"""Members in a real browser: a head imports the commune's list, creates an account, and
the new member chooses a password from the emailed link and logs in."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core import mail
from playwright.sync_api import Page, expect

from kiemchung.org.models import Membership, Role
from kiemchung.testing.browser import screenshot
from kiemchung.testing.org import PASSWORD, UnitTree, make_member, make_unit_tree

pytestmark = pytest.mark.browser

MEMBER_LIST = "\n".join(
    [
        "DANH SÁCH BAN CHỈ ĐẠO XÃ AN PHÚ",
        "STT,Họ và tên,Chức vụ,Đơn vị,Vai trò,Điện thoại,Email",
        "1,Nguyễn Thị Lan,Cán bộ văn hóa,Xã An Phú,Thành viên,0912 345 678,lan@anphu.example",
        "2,Trần Văn Bình,Công an viên,Xã An Phú,Người xác minh,+84987654321,",
        "3,Lê Thị Cúc,Bí thư chi đoàn,Xã Không Có,,,",
    ]
)
NEW_PASSWORD = "Song-Lam-2026-an-toan"


@pytest.fixture
def commune(transactional_db: None) -> UnitTree:
    tree = make_unit_tree()
    make_member(Role.HEAD, tree.commune, "Hồ Văn Nam", username="truongban")
    return tree


def log_in(page: Page, username: str, password: str) -> None:
    page.goto("/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


def test_a_head_imports_a_list_creates_an_account_and_the_member_logs_in(
    page: Page, commune: UnitTree, tmp_path: Path
) -> None:
    log_in(page, "truongban", PASSWORD)
    expect(page.get_by_role("banner")).to_contain_text("Hồ Văn Nam")

    # The list the office keeps: two good rows go in, the bad one is named with its reason.
    listing = tmp_path / "danh-sach.csv"
    listing.write_text(MEMBER_LIST, encoding="utf-8")
    page.get_by_role("navigation", name="Chính").get_by_role("link", name="Thành viên").click()
    page.get_by_role("link", name="Nhập danh sách").click()
    page.get_by_label("Danh sách thành viên").set_input_files(str(listing))
    page.get_by_role("button", name="Nhập", exact=True).click()
    result = page.get_by_role("status").filter(has_text="Kết quả")
    expect(result).to_contain_text("2 tạo mới")
    expect(result.get_by_role("row").filter(has_text="Xã Không Có")).to_contain_text("5")
    screenshot(page, "members-import")
    page.get_by_role("link", name="Xem danh sách thành viên").click()
    directory = page.get_by_role("table")
    expect(directory).to_contain_text("Nguyễn Thị Lan")
    expect(directory).to_contain_text("0912345678")  # the head sees the commune's contacts

    # A new account, with the least role offered first, and the set-password email.
    page.get_by_role("link", name="Tạo tài khoản").click()
    expect(page.get_by_label("Vai trò")).to_have_value("member")
    page.get_by_label("Họ và tên").fill("Phạm Thu Hà")
    page.get_by_label("Chức vụ").fill("Phóng viên đài truyền thanh xã")
    page.get_by_label("Đơn vị").select_option(label="Xã An Phú")
    page.get_by_label("Điện thoại").fill("0355 123 456")
    page.get_by_label("Thư điện tử").fill("ha@anphu.example")
    page.get_by_role("button", name="Tạo tài khoản").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Phạm Thu Hà")
    expect(page.get_by_role("status")).to_contain_text("Đã gửi thư")
    screenshot(page, "members-new-account")
    ha = User.objects.get(email="ha@anphu.example")
    assert Membership.objects.get(user=ha).role == Role.MEMBER
    [message] = [m for m in mail.outbox if m.to == ["ha@anphu.example"]]
    link = re.search(r"https?://\S+/org/set-password/\S+/", message.body)
    assert link is not None

    # The new member, in their own browser, chooses a password and logs in.
    newcomer = page.context.browser.new_context(locale="vi-VN")  # type: ignore[union-attr]
    try:
        own = newcomer.new_page()
        own.goto(link.group(0))
        expect(own.get_by_role("heading", level=1)).to_have_text("Chọn mật khẩu")
        expect(own.get_by_role("main")).to_contain_text(ha.username)
        own.get_by_label("Mật khẩu mới").fill(NEW_PASSWORD)
        own.get_by_label("Nhập lại mật khẩu").fill(NEW_PASSWORD)
        own.get_by_role("button", name="Lưu mật khẩu").click()
        expect(own.get_by_role("heading", level=1)).to_have_text("Đã lưu mật khẩu")
        own.get_by_role("main").get_by_role("link", name="Đăng nhập").click()
        own.get_by_label("Tên đăng nhập").fill(ha.username)
        own.get_by_label("Mật khẩu").fill(NEW_PASSWORD)
        own.get_by_role("button", name="Đăng nhập").click()
        expect(own.get_by_role("heading", level=1)).to_have_text("Bảng điều khiển")
        expect(own.get_by_role("banner")).to_contain_text("Phạm Thu Hà")
        screenshot(own, "members-first-login")
    finally:
        newcomer.close()
