"""On a phone (390 px wide) the search page fits the screen, and a filter's label sits
on the line of its select."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page

from kiemchung.org.models import Membership, OrgUnit, Role
from kiemchung.sources.services import ingest_path
from kiemchung.testing.browser import screenshot
from kiemchung.testing.factories import STORIES, write_jsonl

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def logged_in(page: Page, transactional_db: None, tmp_path: Path) -> Page:
    user = User.objects.create_user("canbo", "canbo@kiemchung.invalid", "mat-khau-dai-12")
    unit = OrgUnit.objects.create(name="Tổ kiểm chứng tỉnh Hòa Lâm")
    Membership.objects.create(user=user, unit=unit, role=Role.VERIFIER)
    rows = [{"text": t, "title": n, "url": f"https://a.example/{n}"} for n, t in STORIES.items()]
    ingest_path(write_jsonl(tmp_path / "stories.jsonl", rows), source_name="Báo Hòa Lâm")
    long_title = "https://trang-tin.example/thuy-dien-song-lam-sap-vo-dap-nguoi-dan-can-so-tan-ngay"
    ingest_path(
        write_jsonl(
            tmp_path / "long.jsonl",
            [
                {
                    "text": STORIES["dam_rumour"] + " Chia sẻ lại.",
                    "title": long_title,
                    "url": long_title,
                }
            ],
        ),
        source_name="Trang thông tin điện tử tổng hợp của Ủy ban nhân dân xã Đông Hòa, Tân Phú",
    )
    page.goto("/login/")
    page.get_by_label("Tên đăng nhập").fill("canbo")
    page.get_by_label("Mật khẩu").fill("mat-khau-dai-12")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/")
    return page


def overflow(page: Page) -> int:
    width: int = page.evaluate("document.documentElement.scrollWidth")
    return width - PHONE["width"]


def same_line(page: Page, label_for: str) -> bool:
    label = page.locator(f'label[for="{label_for}"]').bounding_box()
    field = page.locator(f"#{label_for}").bounding_box()
    assert label is not None and field is not None
    middle = label["y"] + label["height"] / 2
    return field["y"] <= middle <= field["y"] + field["height"]


def test_the_search_page_fits_a_phone(logged_in: Page) -> None:
    logged_in.set_viewport_size(PHONE)
    logged_in.goto("/search/?q=th%E1%BB%A7y+%C4%91i%E1%BB%87n")
    screenshot(logged_in, "search-390")
    assert overflow(logged_in) <= 0


def test_search_filter_labels_sit_beside_their_selects(logged_in: Page) -> None:
    logged_in.goto("/search/")
    for field in ("id_source", "id_theme", "id_status"):
        assert same_line(logged_in, field), field


def test_case_list_filter_labels_sit_beside_their_selects(logged_in: Page) -> None:
    logged_in.goto("/cases/")
    for field in ("filter-state", "filter-assignee"):
        assert same_line(logged_in, field), field
