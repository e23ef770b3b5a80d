"""The share kit on a public page: Open Graph and Twitter tags with absolute addresses,
a text to paste, a QR code to the page, and no third-party script."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from kiemchung.claims.models import FactCheck
from kiemchung.guides.models import Guide
from kiemchung.publishing.share import factcheck_share, qr_svg

pytestmark = pytest.mark.django_db

BASE = "https://kiemchung.hoalam.example"


def meta(page: str, name: str) -> str:
    found = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)"', page)
    assert found, name
    return found.group(1)


def test_a_fact_check_page_has_open_graph_and_twitter_tags_with_absolute_addresses(
    client: Client, factcheck: FactCheck
) -> None:
    case_id = factcheck.case.pk
    page = client.get(f"/kiem-chung/{case_id}/").content.decode()
    assert meta(page, "og:url") == f"{BASE}/kiem-chung/{case_id}/"
    assert meta(page, "og:image") == f"{BASE}/kiem-chung/{case_id}/the-chia-se.png"
    assert meta(page, "og:image:width") == "1200"
    assert meta(page, "og:image:height") == "630"
    assert meta(page, "og:title").startswith("Sai sự thật: Từ ngày 1/10")
    assert meta(page, "og:type") == "article"
    assert meta(page, "twitter:card") == "summary_large_image"
    assert meta(page, "twitter:image") == meta(page, "og:image")


def test_the_share_text_names_the_verdict_the_claim_and_the_link(
    client: Client, factcheck: FactCheck
) -> None:
    shared = factcheck_share(factcheck.case.pk, factcheck)
    assert shared.text.startswith("Sai sự thật: “Từ ngày 1/10")
    assert shared.text.endswith(f"{BASE}/kiem-chung/{factcheck.case.pk}/")
    page = client.get(f"/kiem-chung/{factcheck.case.pk}/").content.decode()
    assert "Sao chép đoạn văn" in page
    assert "data-copy=" in page
    assert "Zalo" in page


def test_every_script_on_the_public_pages_is_our_own(
    client: Client, factcheck: FactCheck, published: Guide
) -> None:
    for path in (f"/kiem-chung/{factcheck.case.pk}/", f"/cam-nang/{published.slug}/"):
        page = client.get(path).content.decode()
        sources = re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"", page)
        assert sources and all(src.startswith("/static/") for src in sources), sources
        assert "facebook.net" not in page and "zalo.me/sdk" not in page


def test_the_qr_code_is_an_svg_of_the_page_address(client: Client, factcheck: FactCheck) -> None:
    response = client.get(f"/kiem-chung/{factcheck.case.pk}/qr.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.lstrip().startswith(b"<?xml")
    assert b"<svg" in response.content and b"<path" in response.content
    assert response.content == qr_svg(f"{BASE}/kiem-chung/{factcheck.case.pk}/")


def test_a_longer_address_makes_a_bigger_qr_code() -> None:
    assert len(qr_svg(BASE + "/" + "a" * 300)) > len(qr_svg(BASE + "/"))


def test_a_guide_page_has_its_own_share_kit(client: Client, published: Guide) -> None:
    page = client.get(f"/cam-nang/{published.slug}/").content.decode()
    assert meta(page, "og:url") == f"{BASE}/cam-nang/{published.slug}/"
    assert meta(page, "og:image") == f"{BASE}/cam-nang/{published.slug}/the-chia-se.png"
    assert f"{BASE}/cam-nang/{published.slug}/" in page  # in the text to paste
    assert client.get(f"/cam-nang/{published.slug}/qr.svg").status_code == 200
