"""A reader's browser shows a fact-check's share card, QR code and copy button.

The card is the server's PNG (1200×630) drawn in the page; the copy button puts the
share text on the clipboard with our own script; nothing is loaded from another site.
Screenshots: ``share-card-page.png`` (the page) and ``share-card.png`` (the card itself).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.test import override_settings
from playwright.sync_api import Page, Request, expect

from kiemchung.publishing.services import publish_case
from kiemchung.testing.browser import screenshot, screenshots_folder
from kiemchung.testing.publishing import approved_case

pytestmark = pytest.mark.browser


@pytest.fixture
def published_id(transactional_db: None, live_server: Any, tmp_path: Path) -> Any:
    with override_settings(EMBEDDER="none", DATA_DIR=tmp_path, PUBLIC_BASE_URL=live_server.url):
        yield publish_case(approved_case()).case.pk


def test_a_fact_checks_share_card_renders_in_the_page(page: Page, published_id: int) -> None:
    outside: list[str] = []

    def note(request: Request) -> None:
        if urlsplit(request.url).netloc != urlsplit(page.url).netloc:
            outside.append(request.url)

    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"/kiem-chung/{published_id}/")
    page.on("request", note)
    page.reload()
    card = page.get_by_role("img", name="Ảnh chia sẻ:", exact=False)
    expect(card).to_be_visible()
    card.scroll_into_view_if_needed()
    expect(card).to_have_js_property("complete", True)
    assert card.evaluate("img => [img.naturalWidth, img.naturalHeight]") == [1200, 630]
    qr = page.get_by_role("img", name="Mã QR dẫn đến trang này")
    expect(qr).to_be_visible()
    assert qr.evaluate("img => img.naturalWidth") > 0
    og_image = page.locator('meta[property="og:image"]').get_attribute("content") or ""
    assert og_image.endswith(f"/kiem-chung/{published_id}/the-chia-se.png")

    page.get_by_role("button", name="Sao chép đoạn văn").click()
    expect(page.get_by_role("button", name="Đã sao chép")).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Sai sự thật: “Từ ngày 1/10")
    assert copied.endswith(f"/kiem-chung/{published_id}/")
    assert outside == []

    screenshot(page, "share-card-page")
    png = page.request.get(og_image)
    assert png.ok and png.headers["content-type"] == "image/png"
    folder = screenshots_folder()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "share-card.png").write_bytes(png.body())


def test_the_print_view_prints_without_tools(page: Page, published_id: int) -> None:
    page.goto(f"/kiem-chung/{published_id}/ban-in/")
    expect(page.get_by_role("button", name="In")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="In")).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Từ ngày 1/10")
    screenshot(page, "fact-check-print-view")
