"""A person in a real browser: the Vietnamese login page, logging in, the dashboard."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from kiemchung.org.models import Membership, OrgUnit, Role
from kiemchung.sources.services import ingest_path
from kiemchung.testing.browser import screenshot
from kiemchung.testing.factories import STORIES, write_jsonl

pytestmark = pytest.mark.browser

USERNAME = "canbo"
PASSWORD = "mat-khau-dai-12"


@pytest.fixture
def staff_user(transactional_db: None) -> User:
    user = User.objects.create_user(USERNAME, "canbo@kiemchung.invalid", PASSWORD)
    unit = OrgUnit.objects.create(name="Tổ kiểm chứng tỉnh Hòa Lâm")
    Membership.objects.create(user=user, unit=unit, role=Role.VERIFIER)
    return user


def open_login_page(page: Page) -> None:
    """Go to the dashboard and follow the redirect to whatever the login page is."""
    page.goto("/")
    expect(page).not_to_have_url(re.compile(r"^https?://[^/]+/$"))
    expect(page.locator("html")).to_have_attribute("lang", "vi")


def test_the_login_page_speaks_vietnamese(page: Page) -> None:
    open_login_page(page)
    expect(page.get_by_label("Tên đăng nhập")).to_be_visible()
    expect(page.get_by_label("Mật khẩu")).to_be_visible()
    expect(page.get_by_role("button", name="Đăng nhập")).to_be_visible()
    screenshot(page, "login")


def test_a_person_logs_in_through_the_form_and_sees_the_dashboard(
    page: Page, staff_user: User, tmp_path: Path
) -> None:
    rows = [
        {"text": text, "title": name, "url": f"https://a.example/{name}"}
        for name, text in STORIES.items()
    ]
    ingest_path(write_jsonl(tmp_path / "stories.jsonl", rows))
    open_login_page(page)
    page.get_by_label("Tên đăng nhập").fill(USERNAME)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bảng điều khiển")
    newest = page.get_by_role("region", name="Tin mới nhất")
    for name in STORIES:
        expect(newest.get_by_role("link", name=name)).to_be_visible()
    screenshot(page, "dashboard")


def test_the_login_form_works_with_the_keyboard_alone(page: Page, staff_user: User) -> None:
    open_login_page(page)
    page.get_by_label("Tên đăng nhập").focus()
    page.keyboard.type(USERNAME)
    page.keyboard.press("Tab")
    expect(page.get_by_label("Mật khẩu")).to_be_focused()
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bảng điều khiển")


def test_a_wrong_password_keeps_the_person_on_the_login_page(page: Page, staff_user: User) -> None:
    open_login_page(page)
    page.get_by_label("Tên đăng nhập").fill(USERNAME)
    page.get_by_label("Mật khẩu").fill("sai-mat-khau-123")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_label("Mật khẩu")).to_be_visible()
    expect(page.get_by_role("heading", name="Bảng điều khiển")).to_have_count(0)
