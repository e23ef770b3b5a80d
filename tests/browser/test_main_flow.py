"""The main flow in a real browser: from the priority queue to a published fact-check.

Everything after the data setup happens through the pages, as people use them: a
verifier picks the top story of the queue, opens a case, adds evidence, writes the
verdict and sends it for review; a reviewer approves and publishes it; a reader finds
the fact-check on the public side, searches for it without diacritics and sends a tip.
The browser must log no JavaScript error and no Content-Security-Policy violation.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from playwright.sync_api import Browser, ConsoleMessage, Error, Page, expect

from kiemchung.claims.claimreview import parse_claimreview
from kiemchung.claims.extraction import extract_pending
from kiemchung.org.models import PartnerAgency, Role
from kiemchung.sources.models import Document
from kiemchung.sources.services import ingest_path
from kiemchung.testing.browser import PAGE_TIMEOUT_MS, screenshot
from kiemchung.testing.factories import STORIES, write_jsonl
from kiemchung.testing.org import PASSWORD, UnitTree, make_unit_tree, make_user

pytestmark = pytest.mark.browser

RUMOUR_CLAIM = (
    "Đập thủy điện Sông Lam sắp vỡ trong đêm nay, chính quyền đã ra lệnh sơ tán toàn bộ vùng hạ du."
)
RUMOUR_POST = "{claim} {who} chia sẻ lúc {hour} giờ: bà con chuyển đồ lên chỗ cao ngay!"
SHARING_ACCOUNTS = (
    "Hội phụ huynh Tân Phú",
    "Chợ online Hòa Lâm",
    "Tin nóng miền Trung",
    "Nhóm xe ôm An Phú",
    "Người Hòa Lâm xa quê",
    "Góc hỏi đáp Sông Lam",
)
NEWS_TITLES = {
    "bank_scam": "Cảnh báo tin nhắn giả mạo ngân hàng ở phường Đông Hòa",
    "dam_rumour": "Ban quản lý đập Sông Lam: mực nước hồ vẫn an toàn",
    "rice_harvest": "Lúa hè thu Tân Phú được mùa, được giá",
}
EVIDENCE_URL = "https://baohoalam.example/thoi-su/dap-song-lam-van-an-toan-1234.html"
EVIDENCE_TITLE = "Ban quản lý đập Sông Lam: mực nước hồ dưới mức cho phép"
RATIONALE = (
    "Ban quản lý đập xác nhận mực nước hồ dưới mức cho phép, các cửa xả vận hành bình "
    "thường; Ủy ban tỉnh chưa ban hành lệnh sơ tán nào."
)
SUMMARY = "Đập Sông Lam an toàn, không có lệnh sơ tán: tin đồn vỡ đập là sai sự thật."
ACCENT_FREE_QUERY = "dap thuy dien song lam sap vo"
TIP_TEXT = "Nhóm Zalo của xóm tôi nói đập thủy điện Sông Lam sắp vỡ tối nay, có thật không?"
PHONE = {"width": 390, "height": 844}
PHONE_PAGES = [
    "/cases/",
    "/search/?q=S%C3%B4ng+Lam",
    "/org/",
    "/org/tasks/",
    "/tips/",
    "/kiem-chung/",
    "/kiem-chung/tim-kiem/?q=dap+song+lam",
    "/gui-tin/",
]


# --- the data (set up through the ORM, before the browser) ---------------------------


@dataclass(frozen=True)
class Desk:
    tree: UnitTree
    verifier: User
    reviewer: User


@pytest.fixture
def desk(transactional_db: None) -> Desk:
    """A province with its communes; a commune verifier and a provincial reviewer."""
    tree = make_unit_tree()
    verifier = make_user(
        Role.VERIFIER, tree.commune, "kcv.lan", first_name="Lan", last_name="Nguyễn Thị"
    )
    reviewer = make_user(
        Role.REVIEWER, tree.province, "duyet.minh", first_name="Minh", last_name="Trần Văn"
    )
    return Desk(tree=tree, verifier=verifier, reviewer=reviewer)


@pytest.fixture
def newsroom(transactional_db: None, tmp_path: Path) -> None:
    """Yesterday's news, and a dam rumour shared by six accounts over the last hours.

    The rumour spreads (six documents in the last day of data, a spike) and its claim is
    check-worthy: it tops the priority queue. Claims are extracted as the worker would.
    """
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    rows: list[dict[str, Any]] = [
        {
            "url": f"https://baohoalam.example/tin/{name}.html",
            "title": NEWS_TITLES[name],
            "text": text,
            "posted_at": (now - timedelta(hours=20)).isoformat(),
            "account": "Báo Hòa Lâm",
            "account_kind": "public",
        }
        for name, text in STORIES.items()
    ]
    for number, who in enumerate(SHARING_ACCOUNTS):
        shared = now - timedelta(hours=len(SHARING_ACCOUNTS) - number)
        post = RUMOUR_POST.format(claim=RUMOUR_CLAIM, who=who, hour=shared.hour)
        rows.append(
            {
                "url": f"https://social.example/posts/{number + 1}",
                "text": post,
                "posted_at": shared.isoformat(),
                "account": who,
                "account_kind": "public",
            }
        )
    ingest_path(write_jsonl(tmp_path / "posts.jsonl", rows), "Mạng xã hội")
    assert extract_pending() >= 4


# --- the browser: pages that report their errors --------------------------------------


class Problems(list[str]):
    """JavaScript errors and CSP violations logged by any watched page."""

    def watch(self, page: Page) -> Page:
        page.on("console", self._console)
        page.on("pageerror", self._page_error)
        return page

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.append(f"console error on {message.location.get('url')}: {message.text}")

    def _page_error(self, error: Error) -> None:
        self.append(f"page error: {error}")


@pytest.fixture
def problems(page: Page) -> Problems:
    found = Problems()
    found.watch(page)
    return found


@pytest.fixture
def new_page(
    browser: Browser, live_server: Any, problems: Problems
) -> Iterator[Callable[..., Page]]:
    """Another browser with its own cookies (a reader, a phone), watched for errors."""
    contexts = []

    def open_page(viewport: dict[str, int] | None = None, **options: Any) -> Page:
        context = browser.new_context(
            base_url=str(live_server.url),
            locale="vi-VN",
            viewport=viewport or {"width": 1280, "height": 800},  # type: ignore[typeddict-item]
            **options,
        )
        context.set_default_timeout(PAGE_TIMEOUT_MS)
        contexts.append(context)
        return problems.watch(context.new_page())

    yield open_page
    for context in contexts:
        context.close()


def log_in(page: Page, username: str) -> None:
    page.goto("/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bảng điều khiển")


def log_out(page: Page) -> None:
    page.get_by_role("banner").get_by_role("button", name="Đăng xuất").click()
    expect(page.get_by_role("button", name="Đăng nhập")).to_be_visible()


def fits_the_screen(page: Page) -> bool:
    """No horizontal scrolling: nothing is wider than the window."""
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))


# --- the main flow ----------------------------------------------------------------------


def test_a_rumour_goes_from_the_queue_to_a_published_fact_check_in_the_browser(
    page: Page,
    new_page: Callable[..., Page],
    problems: Problems,
    desk: Desk,
    newsroom: None,
) -> None:
    case_path = verifier_opens_and_verifies_a_case(page, desk)
    public_path = reviewer_approves_and_publishes(page, desk, case_path)
    reader = new_page()
    reader_checks_the_fact_check(reader, desk, public_path)
    reader_finds_it_and_sends_a_tip(reader, public_path)
    assert problems == []


def verifier_opens_and_verifies_a_case(page: Page, desk: Desk) -> str:
    log_in(page, desk.verifier.username)
    queue = page.get_by_role("region", name="Hàng đợi ưu tiên")
    top = queue.locator("ol.queue > li").first
    expect(top).to_contain_text("Sông Lam sắp vỡ")
    expect(top).to_contain_text("Tăng đột biến")  # the reason it comes first, in words
    screenshot(page, "dashboard")

    top.get_by_role("link").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sông Lam sắp vỡ")
    expect(page.get_by_role("cell", name=RUMOUR_CLAIM)).to_be_visible()
    screenshot(page, "story")

    page.get_by_role("button", name="Mở hồ sơ cho câu chuyện này").click()
    expect(page).to_have_url(re.compile(r"/cases/\d+/$"))
    expect(page.get_by_role("status")).to_contain_text("Đã mở hồ sơ")
    expect(page.locator("blockquote.claim")).to_have_text(RUMOUR_CLAIM)
    expect(page.locator("#case-state")).to_have_text("Mới")
    screenshot(page, "case-new")
    case_path = urlsplit(page.url).path

    evidence = page.get_by_role("region", name="Bằng chứng")
    evidence.get_by_text("Thêm đường dẫn", exact=True).click()
    link_form = evidence.locator("form[action$='/evidence/link/']")
    link_form.get_by_label("Đường dẫn").fill(EVIDENCE_URL)
    link_form.get_by_label("Tiêu đề").fill(EVIDENCE_TITLE)
    link_form.get_by_role("button", name="Lưu đường dẫn").click()
    expect(page.get_by_role("status")).to_contain_text("Đã thêm đường dẫn vào bằng chứng")
    expect(evidence.get_by_role("link", name=EVIDENCE_URL)).to_be_visible()

    verdict = page.get_by_role("region", name="Kết luận")
    choice = verdict.get_by_label(re.compile(r"^Kết luận:?$"))
    choice.select_option(value="false")
    expect(choice.locator("option:checked")).to_have_text("Sai sự thật")
    verdict.get_by_label("Lập luận").fill(RATIONALE)
    verdict.get_by_label("Tóm tắt công bố").fill(SUMMARY)
    verdict.get_by_role("button", name="Lưu kết luận").click()
    expect(page.get_by_role("status")).to_contain_text("Đã lưu kết luận")
    expect(page.locator("#case-state")).to_have_text("Đang xác minh")

    page.get_by_role("button", name="Gửi duyệt").click()
    expect(page.locator("#case-state")).to_have_text("Đang duyệt")
    expect(page.get_by_role("button", name="Duyệt và công bố")).to_have_count(0)
    log_out(page)
    return case_path


def reviewer_approves_and_publishes(page: Page, desk: Desk, case_path: str) -> str:
    log_in(page, desk.reviewer.username)
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Hồ sơ"
    ).click()
    expect(page).to_have_url(re.compile(r"/cases/$"))
    case_link = page.locator(f"a[href='{case_path}']").first
    expect(case_link).to_contain_text("Sông Lam sắp vỡ")
    screenshot(page, "cases")

    case_link.click()
    history = page.get_by_role("region", name="Lịch sử")
    expect(history).to_contain_text("Nguyễn Thị Lan")  # by full name, never the login name
    expect(history).not_to_contain_text(desk.verifier.username)
    expect(history.get_by_role("row")).to_have_count(5)  # header, opened, link, verdict, review
    expect(history).to_contain_text(EVIDENCE_URL)
    page.get_by_role("button", name="Duyệt và công bố").click()
    expect(page.locator("#case-state")).to_have_text("Đã công bố")
    published = page.locator("p.checked", has_text="Bài kiểm chứng đã công bố:")
    expect(published).to_be_visible()
    expect(published).to_contain_text("Sai")
    screenshot(page, "case-published")

    published.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/kiem-chung/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(RUMOUR_CLAIM)
    return urlsplit(page.url).path


def reader_checks_the_fact_check(page: Page, desk: Desk, public_path: str) -> None:
    page.goto(public_path)
    article = page.get_by_role("article")
    expect(article.get_by_role("heading", level=1)).to_have_text(RUMOUR_CLAIM)
    expect(article.locator(".verdict-line")).to_contain_text("Sai sự thật")
    expect(article.get_by_role("link", name=EVIDENCE_TITLE)).to_have_attribute("href", EVIDENCE_URL)
    expect(article).to_contain_text(SUMMARY)
    expect(article).to_contain_text("Người viết: Nguyễn Thị Lan")
    expect(article).to_contain_text("Người duyệt: Trần Văn Minh")
    expect(page.get_by_role("button", name="Đăng xuất")).to_have_count(0)  # nobody logged in
    screenshot(page, "public-factcheck")

    markup = page.locator("script[type='application/ld+json']").text_content() or ""
    document = json.loads(markup)
    items, problems = parse_claimreview(markup)
    assert [problem for problem in problems if problem.is_error] == []
    assert len(items) == 1
    item = items[0]
    assert item.verdict == "false"
    assert item.claim_reviewed == RUMOUR_CLAIM
    assert urlsplit(item.url).path == public_path == urlsplit(page.url).path
    assert [e["url"] for e in item.evidence] == [EVIDENCE_URL]
    assert document["@type"] == "ClaimReview"
    assert document["reviewRating"]["alternateName"] == "Sai sự thật"
    assert document["reviewRating"]["ratingValue"] == 1
    assert document["author"]["name"]
    assert document["datePublished"]
    assert desk.verifier.username not in markup  # the markup names the organisation only


def reader_finds_it_and_sends_a_tip(page: Page, public_path: str) -> None:
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Bài kiểm chứng"
    ).click()
    expect(page).to_have_url(re.compile(r"/kiem-chung/$"))
    listed = page.locator("ol.checks > li").first
    expect(listed).to_contain_text("Sai sự thật")
    expect(listed.get_by_role("link", name=RUMOUR_CLAIM)).to_have_attribute("href", public_path)
    screenshot(page, "public-list")

    page.get_by_role("link", name="Tin này đã được kiểm chứng chưa?").first.click()
    page.get_by_role("searchbox").fill(ACCENT_FREE_QUERY)
    page.get_by_role("button", name="Tìm kiếm").click()
    expect(page).to_have_url(re.compile(r"/kiem-chung/tim-kiem/\?q=dap"))
    found = page.locator("ol.checks > li").first
    expect(found.get_by_role("link", name=RUMOUR_CLAIM)).to_have_attribute("href", public_path)
    screenshot(page, "public-search")

    page.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Gửi tin báo"
    ).click()
    page.get_by_label("Bạn đã thấy hoặc nhận được thông tin gì?").fill(TIP_TEXT)
    screenshot(page, "tip-form")
    page.get_by_role("button", name="Gửi tin báo").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Cảm ơn")
    screenshot(page, "tip-thanks")

    feed = page.request.get("/kiem-chung/feed.atom")
    assert feed.status == 200
    assert feed.headers["content-type"].startswith("application/atom+xml")
    assert RUMOUR_CLAIM in feed.text()
    assert public_path in feed.text()


# --- the other staff pages, and a phone -------------------------------------------------


@pytest.fixture
def published(desk: Desk, newsroom: None) -> str:
    """A case on the rumour, published through the services; returns its public path."""
    from kiemchung.cases import services
    from kiemchung.cases.models import CaseState
    from kiemchung.claims.models import Claim, Verdict

    claim = Claim.objects.get(text=RUMOUR_CLAIM)
    case = services.open_from_claim(desk.verifier, claim, desk.tree.commune)
    services.add_evidence_link(desk.verifier, case, EVIDENCE_URL, EVIDENCE_TITLE)
    services.set_verdict(desk.verifier, case, Verdict.FALSE, RATIONALE, SUMMARY)
    services.change_state(desk.verifier, case, CaseState.IN_REVIEW)
    services.change_state(desk.reviewer, case, CaseState.PUBLISHED)
    return f"/kiem-chung/{case.pk}/"


@pytest.fixture
def head(desk: Desk) -> User:
    """The province's head, with a partner agency to send tasks to, and a tip waiting."""
    from kiemchung.publishing.intake import receive_tip

    PartnerAgency.objects.create(name="Công an tỉnh Hòa Lâm", unit=desk.tree.province)
    receive_tip(TIP_TEXT, "https://social.example/posts/9", "0912 345 678")
    return make_user(
        Role.HEAD, desk.tree.province, "truong.ban", first_name="Nam", last_name="Lê Hoàng"
    )


def test_a_head_sees_every_staff_page_and_the_phone_sizes_fit(
    page: Page,
    new_page: Callable[..., Page],
    problems: Problems,
    desk: Desk,
    published: str,
    head: User,
) -> None:
    log_in(page, head.username)
    page.goto("/search/?q=" + "Sông Lam")
    expect(page.get_by_role("link", name=re.compile("Sông Lam sắp vỡ")).first).to_be_visible()
    factchecks = page.get_by_role("region", name="Bài kiểm chứng")
    expect(factchecks.get_by_text(RUMOUR_CLAIM)).to_be_visible()
    expect(factchecks).to_contain_text("Sai sự thật")
    screenshot(page, "staff-search")

    document = Document.objects.filter(text__startswith=RUMOUR_CLAIM).order_by("pk").first()
    assert document is not None
    page.goto(f"/documents/{document.pk}/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_text(RUMOUR_CLAIM).first).to_be_visible()
    screenshot(page, "document")

    page.goto("/org/")
    expect(page.get_by_text("Xã An Phú").first).to_be_visible()
    expect(page.get_by_text("Nguyễn Thị Lan").first).to_be_visible()
    screenshot(page, "organisation")

    case_path = public_case_path(published)
    page.goto(case_path)
    page.get_by_role("link", name="Chuyển cơ quan phối hợp xử lý").click()
    page.get_by_label("Cơ quan phối hợp").select_option(label="Công an tỉnh Hòa Lâm")
    page.get_by_label("Nhiệm vụ").fill("Xác minh nguồn phát tán tin đồn vỡ đập Sông Lam")
    page.get_by_label("Hạn xử lý").fill((timezone.localdate() + timedelta(days=2)).isoformat())
    screenshot(page, "task-form")
    page.get_by_role("button", name="Giao nhiệm vụ").click()
    expect(page).to_have_url(re.compile(re.escape(case_path) + "$"))
    tasks = page.get_by_role("region", name="Nhiệm vụ giao cơ quan phối hợp")
    expect(tasks).to_contain_text("Công an tỉnh Hòa Lâm")

    page.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Nhiệm vụ"
    ).click()
    expect(page.get_by_role("link", name=re.compile("nguồn phát tán"))).to_be_visible()
    screenshot(page, "tasks")

    page.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Tin báo"
    ).click()
    expect(page.get_by_text(TIP_TEXT)).to_be_visible()
    expect(page.get_by_text("0912 345 678")).to_be_visible()  # a head sees the contact
    screenshot(page, "staff-tips")

    phone = new_page(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    log_in(phone, head.username)
    assert fits_the_screen(phone)
    screenshot(phone, "phone-dashboard")
    phone.goto(published)
    expect(phone.get_by_role("heading", level=1)).to_have_text(RUMOUR_CLAIM)
    assert fits_the_screen(phone)
    screenshot(phone, "phone-public-factcheck")
    too_wide = []
    for path in [
        *PHONE_PAGES,
        case_path,
        f"/documents/{document.pk}/",
        f"/stories/{document.story_id}/",
    ]:
        phone.goto(path)
        if not fits_the_screen(phone):
            too_wide.append(path)
    assert too_wide == []
    assert problems == []


def public_case_path(public_path: str) -> str:
    """The staff case page of a published fact-check (the same number)."""
    number = public_path.strip("/").rsplit("/", 1)[-1]
    return f"/cases/{number}/"


def test_the_public_language_menu_works_under_the_content_security_policy(
    page: Page, problems: Problems, transactional_db: None
) -> None:
    page.goto("/kiem-chung/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    page.get_by_label("Ngôn ngữ").select_option("en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Fact-checks")
    assert problems == []
