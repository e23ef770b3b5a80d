"""Search finds a story whether it, or the query, is typed with or without diacritics.

The desk's search and the public "has this been checked?" answer "xăng tăng giá" and
"xang tang gia" with the same documents and fact-checks (once 12 and 20 documents).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from kiemchung.claims.models import FactCheck, Verdict
from kiemchung.publishing.search import search_factchecks
from kiemchung.sources.models import Document
from kiemchung.sources.search import search_backend
from kiemchung.sources.services import ingest_path
from kiemchung.testing.factories import write_jsonl
from kiemchung.text.normalize import ascii_key

pytestmark = pytest.mark.django_db

ACCENTED = [
    "Giá xăng tăng giá từ chiều nay, cửa hàng ở phường {n} đóng cửa chờ điều chỉnh.",
    "Người dân đổ xô đi đổ xăng vì tin xăng tăng giá mạnh ở xã {n}.",
    "Đồn xăng tăng giá gấp đôi, Sở Công Thương xã {n} nói chưa có thông báo.",
]


@pytest.fixture
def corpus(tmp_path: Path) -> None:
    texts = [text.format(n=n) for n in range(1, 4) for text in ACCENTED]
    texts += [ascii_key(text) for text in texts[:5]]  # copies typed without diacritics
    texts.append("Trường học ở xã Tân Phú nghỉ vì mưa lớn.")
    rows = [{"text": t, "url": f"https://a.example/{i}"} for i, t in enumerate(texts)]
    ingest_path(write_jsonl(tmp_path / "fuel.jsonl", rows), source_name="Báo Hòa Lâm")


def test_accented_and_plain_queries_find_the_same_documents(corpus: None) -> None:
    search = search_backend()
    accented = search.search("xăng tăng giá")
    plain = search.search("xang tang gia")
    assert len(accented) == len(plain) == 14
    assert set(accented) == set(plain)


def test_copies_spelled_as_the_query_come_first(corpus: None) -> None:
    found = Document.objects.in_bulk(search_backend().search("xăng tăng giá"))
    ranked = [found[pk].text for pk in search_backend().search("xăng tăng giá")]
    assert all("xăng" in text for text in ranked[:9])
    assert all("xăng" not in text for text in ranked[9:])


def test_the_letter_d_with_a_stroke_is_found_as_a_plain_d(corpus: None) -> None:
    assert len(search_backend().search("Đồn xăng")) == len(search_backend().search("don xang"))
    assert len(search_backend().search("don xang")) == 4


def test_the_desk_search_page_counts_the_same_hits_both_ways(corpus: None, client: Client) -> None:
    client.force_login(User.objects.create_superuser("canbo", "c@kiemchung.invalid", "x"))
    accented = client.get("/search/", {"q": "xăng tăng giá"}).content.decode()
    plain = client.get("/search/", {"q": "xang tang gia"}).content.decode()
    assert '<span class="muted">(14)</span>' in accented
    assert '<span class="muted">(14)</span>' in plain


def _factcheck(claim: str, n: int) -> FactCheck:
    return FactCheck.objects.create(
        url=f"https://kiemchung.example/{n}",
        claim_reviewed=claim,
        verdict=Verdict.FALSE,
        publisher="Ban Chỉ đạo 35",
    )


def test_the_public_search_finds_fact_checks_typed_either_way() -> None:
    _factcheck("Xăng tăng giá gấp đôi từ ngày mai", 1)
    _factcheck("Xang tang gia gap doi tu ngay mai o cac cay xang", 2)
    accented = {hit.factcheck.pk for hit in search_factchecks("xăng tăng giá")}
    plain = {hit.factcheck.pk for hit in search_factchecks("xang tang gia")}
    assert len(accented) == 2
    assert accented == plain
