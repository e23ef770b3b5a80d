"""The first look: a dashboard for staff and the Django admin, in Vietnamese."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from kiemchung.sources.services import ingest_path
from kiemchung.stories.models import Story
from kiemchung.testing.factories import STORIES, write_jsonl

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client: Client) -> Client:
    user = User.objects.create_superuser("canbo", "canbo@kiemchung.invalid", "mat-khau-dai-12")
    client.force_login(user)
    return client


def test_the_dashboard_needs_a_login(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_the_dashboard_lists_the_newest_stories_in_vietnamese(
    staff_client: Client, tmp_path: Path
) -> None:
    rows = [
        {"text": t, "title": name, "url": f"https://a.example/{name}"}
        for name, t in STORIES.items()
    ]
    ingest_path(write_jsonl(tmp_path / "s.jsonl", rows))
    page = staff_client.get("/").content.decode()
    assert "Bảng điều khiển" in page
    assert "Tin mới nhất" in page
    for name in STORIES:
        assert name in page


def test_a_story_page_shows_its_timeline(staff_client: Client, tmp_path: Path) -> None:
    rows = [
        {
            "text": STORIES["dam_rumour"],
            "url": "https://a.example/1",
            "account": "Đài Hòa Lâm",
            "account_kind": "public",
        }
    ]
    ingest_path(write_jsonl(tmp_path / "s.jsonl", rows))
    story = Story.objects.get()
    page = staff_client.get(f"/stories/{story.pk}/").content.decode()
    assert "Đài Hòa Lâm" in page
    assert "thủy điện Sông Lam" in page


def test_ingested_text_is_escaped_not_rendered(staff_client: Client, tmp_path: Path) -> None:
    payload = '<script>alert("xss")</script>'
    rows = [
        {"text": STORIES["rice_harvest"] + payload, "title": payload, "url": "https://a.example/x"}
    ]
    ingest_path(write_jsonl(tmp_path / "s.jsonl", rows))
    story = Story.objects.get()
    for url in ("/", f"/stories/{story.pk}/"):
        page = staff_client.get(url).content.decode()
        assert payload not in page
        assert "&lt;script&gt;" in page


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/sources/source/",
        "/admin/sources/document/",
        "/admin/sources/ingestrun/",
        "/admin/stories/story/",
        "/admin/stories/storybucket/",
        "/admin/stories/alert/",
        "/admin/claims/claim/",
        "/admin/claims/factcheck/",
        "/admin/claims/claimmatch/",
    ],
)
def test_every_admin_page_opens_in_vietnamese(staff_client: Client, url: str) -> None:
    response = staff_client.get(url)
    assert response.status_code == 200
    assert 'lang="vi"' in response.content.decode()


def test_the_admin_names_models_in_vietnamese(staff_client: Client) -> None:
    page = staff_client.get("/admin/").content.decode()
    assert "Nguồn tin" in page
    assert "Câu chuyện" in page
    assert "Cảnh báo" in page


def test_the_health_endpoint_answers_without_login(client: Client) -> None:
    # What it checks is in tests/ops/test_health.py; no worker runs here, hence "down".
    assert client.get("/healthz").json()["database"]["status"] == "up"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://kiemchung.example/a", "https://kiemchung.example/a"),
        ("javascript:alert(1)", "#"),
        (" JAVASCRIPT:alert(1)", "#"),
        ("data:text/html,<script>x</script>", "#"),
        ("", "#"),
    ],
)
def test_links_to_outside_pages_are_only_http(url: str, expected: str) -> None:
    from kiemchung.org.templatetags.kiemchung import http_only

    assert http_only(url) == expected


def test_the_interface_is_vietnamese_even_for_an_english_browser(staff_client: Client) -> None:
    page = staff_client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Bảng điều khiển" in page


def test_english_is_there_for_who_chooses_it(staff_client: Client) -> None:
    staff_client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = staff_client.get("/").content.decode()
    assert "Dashboard" in page
    assert 'lang="en"' in page


def test_a_story_page_lists_its_claims_best_first(staff_client: Client, tmp_path: Path) -> None:
    from kiemchung.claims.extraction import extract_pending

    rows = [{"text": STORIES["bank_scam"], "url": "https://a.example/1"}]
    ingest_path(write_jsonl(tmp_path / "s.jsonl", rows))
    extract_pending()
    story = Story.objects.get()
    page = staff_client.get(f"/stories/{story.pk}/").content.decode()
    assert "Thông tin cần kiểm chứng" in page  # the glossary's word for a claim
    best = story.claims.order_by("-checkworthiness").first()
    assert best is not None
    assert best.text in page


def test_a_document_page_shows_its_text_source_and_copies(
    staff_client: Client, tmp_path: Path
) -> None:
    rows = [
        {"text": STORIES["bank_scam"], "url": "https://a.example/1", "title": "<b>Cảnh báo</b>"},
        {"text": STORIES["bank_scam"] + " Chia sẻ lại.", "url": "https://b.example/2"},
    ]
    ingest_path(write_jsonl(tmp_path / "s.jsonl", rows), source_name="Trang Đông Hòa")
    from kiemchung.sources.models import Document

    first = Document.objects.get(url="https://a.example/1")
    page = staff_client.get(f"/documents/{first.pk}/").content.decode()
    assert "ngân hàng" in page
    assert "Trang Đông Hòa" in page
    assert "&lt;b&gt;Cảnh báo&lt;/b&gt;" in page
    second = Document.objects.get(url="https://b.example/2")
    assert f"/documents/{second.pk}/" in page
