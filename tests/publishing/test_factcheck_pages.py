"""The public fact-check pages: no login, the verdict, its evidence, its people, and
ClaimReview markup that search engines can read and browsers cannot be tricked by."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime

import pytest
from django.test import Client, override_settings
from django.utils import translation

from kiemchung.claims.claimreview import parse_claimreview
from kiemchung.claims.models import FactCheck, Verdict
from kiemchung.claims.templatetags.vietnamese import verdict_label, vn_date
from kiemchung.publishing.services import publish_case
from kiemchung.testing.publishing import CLAIM, add_link, approved_case

pytestmark = pytest.mark.django_db

PAYLOAD = "</script><script>alert(1)</script>"
LD_BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


@pytest.fixture(autouse=True)
def lexical_only() -> object:
    with override_settings(EMBEDDER="none"):
        yield


@pytest.fixture
def english(client: Client) -> Client:
    client.cookies["django_language"] = "en"
    return client


def page_of(client: Client, factcheck: FactCheck) -> str:
    response = client.get(f"/kiem-chung/{factcheck.case.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_list_shows_published_fact_checks_newest_first_without_login(client: Client) -> None:
    older = publish_case(approved_case(claim_text="Giá điện tăng gấp ba từ tháng sau"))
    FactCheck.objects.filter(pk=older.pk).update(published_at=datetime(2024, 9, 1, tzinfo=UTC))
    newer = publish_case(approved_case())
    FactCheck.objects.create(
        url="https://other.example/a", claim_reviewed="Imported claim", verdict="false"
    )
    page = client.get("/kiem-chung/").content.decode()
    assert page.index(newer.claim_reviewed) < page.index(older.claim_reviewed)
    assert "Imported claim" not in page
    assert f'href="/kiem-chung/{newer.case.pk}/"' in page
    assert "Sai sự thật" in page  # the Vietnamese verdict label
    assert "ngày 1 tháng 9 năm 2024" in page


def test_the_list_is_paginated(client: Client) -> None:
    for number in range(23):
        publish_case(approved_case(claim_text=f"Tin đồn số {number} về giá xăng"))
    first = client.get("/kiem-chung/").content.decode()
    second = client.get("/kiem-chung/?page=2").content.decode()
    assert first.count('class="claim"') == 20
    assert second.count('class="claim"') == 3


def test_the_public_pages_show_no_staff_navigation(client: Client) -> None:
    page = client.get("/kiem-chung/").content.decode()
    assert "/admin/" not in page
    assert 'href="/"' not in page
    assert 'href="/gui-tin/"' in page


def test_a_fact_check_page_shows_the_verdict_evidence_author_and_reviewer(
    english: Client,
) -> None:
    factcheck = publish_case(approved_case())
    page = page_of(english, factcheck)
    assert CLAIM in page
    assert "False" in page
    assert "rating 1 of 5" in page
    assert "Sở Y tế tỉnh xác nhận" in page  # the rationale
    assert "Không có quy định nào như vậy" in page  # the summary
    assert 'href="https://soyte.hoalam.example/thong-bao/123" rel="nofollow noopener"' in page
    assert "Written by Lan Nguyễn Thị" in page
    assert "Reviewed by Minh Trần Văn" in page


def test_a_fact_check_page_shows_its_date_in_vietnamese(client: Client) -> None:
    factcheck = publish_case(approved_case())
    FactCheck.objects.filter(pk=factcheck.pk).update(
        published_at=datetime(2024, 9, 29, 20, 0, tzinfo=UTC)  # 30 September in Vietnam
    )
    assert "ngày 30 tháng 9 năm 2024" in page_of(client, factcheck)


def test_an_unpublished_case_has_no_public_page(client: Client) -> None:
    case = approved_case()
    assert client.get(f"/kiem-chung/{case.pk}/").status_code == 404


def test_the_claimreview_markup_parses_back_to_the_same_verdict_and_claim(
    client: Client,
) -> None:
    factcheck = publish_case(approved_case())
    blocks = LD_BLOCK.findall(page_of(client, factcheck))
    assert len(blocks) == 1
    document = json.loads(blocks[0])
    assert document["@type"] == "ClaimReview"
    assert document["reviewRating"]["alternateName"] == "Sai sự thật"
    records, problems = parse_claimreview(blocks[0])
    assert [p for p in problems if p.is_error] == []
    assert len(records) == 1
    assert records[0].verdict == Verdict.FALSE
    assert records[0].claim_reviewed == CLAIM
    assert records[0].url == factcheck.url


def test_a_script_in_the_claim_summary_or_evidence_never_runs(client: Client) -> None:
    case = approved_case(
        claim_text="Tin đồn " + PAYLOAD,
        summary="Tóm tắt " + PAYLOAD,
        rationale="Lý do " + PAYLOAD,
    )
    add_link(case, "https://evil.example/" + PAYLOAD, "Tiêu đề " + PAYLOAD)
    factcheck = publish_case(case)
    page = page_of(client, factcheck)
    assert PAYLOAD not in page
    assert "<script>alert(1)" not in page
    inline = [tag for tag in re.findall(r"<script\b[^>]*>", page) if " src=" not in tag]
    assert inline == ['<script type="application/ld+json">']  # only the JSON-LD block
    block = LD_BLOCK.findall(page)[0]
    assert "<" not in block
    assert json.loads(block)["claimReviewed"] == "Tin đồn " + PAYLOAD
    records, _ = parse_claimreview(block)
    assert records[0].claim_reviewed == "Tin đồn " + PAYLOAD


def test_a_javascript_evidence_address_is_never_a_link(client: Client) -> None:
    factcheck = publish_case(approved_case())
    FactCheck.objects.filter(pk=factcheck.pk).update(
        evidence=[
            {"url": "javascript:alert(1)", "title": "Bấm vào đây"},
            {"url": " JAVASCRIPT:alert(2)", "title": ""},
            {"url": "data:text/html,<b>x</b>", "title": "data"},
        ]
    )
    page = page_of(client, factcheck)
    assert "Bấm vào đây" in page
    assert 'href="javascript' not in page.lower()
    assert 'href=" javascript' not in page.lower()
    assert 'href="data:' not in page


@pytest.mark.parametrize(
    ("language", "expected"),
    [("vi", "ngày 30 tháng 9 năm 2024"), ("en", "30 September 2024")],
)
def test_vn_date_writes_the_date_in_the_reader_s_language(language: str, expected: str) -> None:
    with translation.override(language):
        assert vn_date(date(2024, 9, 30)) == expected
        assert vn_date(datetime(2024, 9, 29, 17, 30, tzinfo=UTC)) == expected
        assert vn_date(None) == ""


def test_verdict_labels_are_the_published_vietnamese_words() -> None:
    with translation.override("vi"):
        assert verdict_label("misleading") == "Gây hiểu lầm"
    with translation.override("en"):
        assert verdict_label("misleading") == "Misleading"
        assert verdict_label("nonsense") == ""


def test_every_asset_of_the_public_pages_is_served_by_us(client: Client) -> None:
    page = client.get("/kiem-chung/").content.decode()
    assets = re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', page)
    assert assets
    for asset in assets:
        assert asset.startswith("/static/")
        assert client.get(asset).status_code == 200


def test_a_corrected_fact_check_says_when_it_was_updated(english: Client) -> None:
    case = approved_case()
    publish_case(case)
    FactCheck.objects.filter(pk=case.factcheck_id).update(
        published_at=datetime(2024, 9, 1, 3, 0, tzinfo=UTC)
    )
    case.refresh_from_db()
    case.summary = "Đã bổ sung ý kiến của Sở Y tế."
    factcheck = publish_case(case)
    page = page_of(english, factcheck)
    assert "Published 1 September 2024." in page
    assert "Updated " in page
