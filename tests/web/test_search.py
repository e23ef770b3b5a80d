"""The desk's search: documents by words with filters, fact-checks by meaning."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from kiemchung.claims.extraction import extract_pending
from kiemchung.claims.models import FactCheck, Verdict
from kiemchung.sources.services import ingest_path
from kiemchung.stories.models import Story
from kiemchung.testing.factories import STORIES, write_jsonl

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(client: Client, tmp_path: Path) -> Client:
    rows = [
        {
            "text": text,
            "title": name,
            "url": f"https://a.example/{name}",
            "posted_at": f"2026-10-{10 + number:02d}T08:00:00+07:00",
        }
        for number, (name, text) in enumerate(STORIES.items())
    ]
    ingest_path(write_jsonl(tmp_path / "news.jsonl", rows), source_name="Báo Hòa Lâm")
    ingest_path(
        write_jsonl(
            tmp_path / "page.jsonl",
            [{"text": STORIES["rice_harvest"] + " Thêm tin.", "url": "https://b.example/lua"}],
        ),
        source_name="Trang Tân Phú",
    )
    extract_pending()
    client.force_login(User.objects.create_superuser("canbo", "c@kiemchung.invalid", "x"))
    return client


def titles(page: str) -> set[str]:
    return {name for name in STORIES if f">{name}<" in page}


def test_words_with_diacritics_find_the_document(desk: Client) -> None:
    page = desk.get("/search/", {"q": "thủy điện"}).content.decode()
    assert titles(page) == {"dam_rumour"}


def test_words_typed_without_diacritics_find_it_too(desk: Client) -> None:
    page = desk.get("/search/", {"q": "thuy dien song lam"}).content.decode()
    assert titles(page) == {"dam_rumour"}


def test_the_source_filter_keeps_one_source(desk: Client) -> None:
    from kiemchung.sources.models import Source

    source = Source.objects.get(name="Trang Tân Phú")
    page = desk.get("/search/", {"q": "lúa", "source": source.pk}).content.decode()
    assert '<span class="muted">(1)</span>' in page
    assert "<td>Trang Tân Phú</td>" in page
    assert "<td>Báo Hòa Lâm</td>" not in page


def test_the_time_filter_keeps_the_chosen_days(desk: Client) -> None:
    page = desk.get("/search/", {"since": "2026-10-11", "until": "2026-10-11"}).content.decode()
    assert titles(page) == {"dam_rumour"}


def test_the_theme_filter_uses_the_stories_themes(desk: Client) -> None:
    page = desk.get("/search/", {"theme": "scam"}).content.decode()
    assert titles(page) == {"bank_scam"}


def test_the_status_filter_finds_already_checked_stories(desk: Client) -> None:
    check = FactCheck.objects.create(
        url="https://kiemchung.example/1",
        claim_reviewed="Đập thủy điện Sông Lam sắp vỡ",
        verdict=Verdict.FALSE,
        publisher="Tổ kiểm chứng",
        published_at=datetime.fromisoformat("2026-10-12T00:00:00+07:00"),
    )
    Story.objects.filter(title="dam_rumour").update(already_checked=check)
    checked = desk.get("/search/", {"status": "checked"}).content.decode()
    assert titles(checked) == {"dam_rumour"}
    unchecked = desk.get("/search/", {"status": "unchecked"}).content.decode()
    assert "dam_rumour" not in titles(unchecked)


def test_fact_checks_are_found_by_meaning(desk: Client) -> None:
    FactCheck.objects.create(
        url="https://kiemchung.example/dap",
        claim_reviewed="Đập thủy điện Sông Lam sắp vỡ, dân hạ du phải sơ tán",
        verdict=Verdict.FALSE,
        publisher="Tổ kiểm chứng",
    )
    page = desk.get("/search/", {"q": "dap thuy dien song lam sap vo"}).content.decode()
    assert "https://kiemchung.example/dap" in page
    assert '<span class="badge">Sai sự thật</span>' in page  # the verdict in words


def test_a_script_in_a_title_is_shown_as_text(desk: Client, tmp_path: Path) -> None:
    payload = "<script>alert('x')</script> thủy điện"
    ingest_path(write_jsonl(tmp_path / "x.jsonl", [{"text": payload * 3, "title": payload}]))
    page = desk.get("/search/", {"q": "thủy điện"}).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page


def test_search_needs_a_desk_role(client: Client) -> None:
    client.force_login(User.objects.create_user("khach"))
    assert client.get("/search/").status_code == 403
