"""'Has this been checked?': our fact-checks and imported ones, found however typed."""

from __future__ import annotations

import unicodedata

import pytest
from django.test import Client, override_settings

from kiemchung.claims.models import FactCheck, Verdict
from kiemchung.publishing.search import search_factchecks
from kiemchung.publishing.services import publish_case
from kiemchung.testing.publishing import approved_case

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def lexical_only() -> object:
    with override_settings(EMBEDDER="none"):
        yield


@pytest.fixture
def knowledge() -> dict[str, FactCheck]:
    ours = publish_case(
        approved_case(claim_text="Người dân phải tiêm vắc xin mũi 4 mới được đi chợ")
    )
    imported = FactCheck.objects.create(
        url="https://factcheck.example/dien",
        claim_reviewed="Điện lực hoàn tiền điện tháng 5 cho mọi hộ dân qua đường link",
        verdict=Verdict.FALSE,
        publisher="Báo Kiểm Chứng",
    )
    other = FactCheck.objects.create(
        url="https://factcheck.example/lua",
        claim_reviewed="Giá lúa hè thu tăng kỷ lục lên 20.000 đồng mỗi ký",
        verdict=Verdict.MISLEADING,
        publisher="Báo Kiểm Chứng",
    )
    return {"ours": ours, "imported": imported, "other": other}


@pytest.mark.parametrize(
    "query",
    ["tiêm vắc xin", "tiem vac xin", "TIÊM VẮC-XIN", unicodedata.normalize("NFD", "tiêm vắc xin")],
)
def test_a_search_finds_our_fact_check_however_it_is_typed(
    knowledge: dict[str, FactCheck], query: str
) -> None:
    hits = search_factchecks(query)
    assert [hit.factcheck for hit in hits] == [knowledge["ours"]]


def test_a_search_finds_imported_fact_checks_too(knowledge: dict[str, FactCheck]) -> None:
    hits = search_factchecks("dien luc hoan tien dien")
    assert [hit.factcheck for hit in hits] == [knowledge["imported"]]


def test_a_search_for_something_never_checked_finds_nothing(
    knowledge: dict[str, FactCheck],
) -> None:
    assert search_factchecks("bão số 5 đổ bộ") == []
    assert search_factchecks("   ") == []


def test_the_search_page_links_our_page_and_the_publisher_s_page(
    client: Client, knowledge: dict[str, FactCheck]
) -> None:
    client.cookies["django_language"] = "en"
    page = client.get("/kiem-chung/tim-kiem/", {"q": "tiem vac xin"}).content.decode()
    assert f'href="/kiem-chung/{knowledge["ours"].case.pk}/"' in page
    assert "False" in page
    page = client.get("/kiem-chung/tim-kiem/", {"q": "điện lực hoàn tiền"}).content.decode()
    assert 'href="https://factcheck.example/dien" rel="nofollow noopener"' in page
    assert "on the publisher's site" in page


def test_the_search_page_says_when_nothing_was_found_and_offers_the_tip_form(
    client: Client, knowledge: dict[str, FactCheck]
) -> None:
    client.cookies["django_language"] = "en"
    page = client.get("/kiem-chung/tim-kiem/", {"q": "bão số 5 đổ bộ"}).content.decode()
    assert "We have found no fact-check about this yet." in page
    assert 'href="/gui-tin/"' in page


def test_an_unsafe_imported_address_is_not_a_link(client: Client) -> None:
    FactCheck.objects.create(
        url="javascript:alert(1)",
        claim_reviewed="Tiêm vắc xin gây vô sinh",
        verdict=Verdict.FALSE,
        publisher="?",
    )
    page = client.get("/kiem-chung/tim-kiem/", {"q": "tiem vac xin"}).content.decode()
    assert "Tiêm vắc xin gây vô sinh" in page
    assert "javascript:" not in page
