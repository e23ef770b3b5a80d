"""Public PDFs: LibreOffice runs for an address only so many times an hour, a PDF already
made is served to anyone without counting, and two first requests for the same PDF make
it once."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from kiemchung.publishing import printdoc
from kiemchung.publishing.printdoc import PrintDocument, pdf_of
from kiemchung.publishing.services import publish_case
from kiemchung.testing.publishing import approved_case

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.9"


class Converter:
    """Stands in for LibreOffice: counts its runs, and may take its time."""

    def __init__(self, seconds: float = 0.0) -> None:
        self.runs = 0
        self.seconds = seconds
        self._lock = threading.Lock()

    def __call__(self, docx: bytes) -> bytes:
        with self._lock:
            self.runs += 1
        time.sleep(self.seconds)
        return b"%PDF-1.7 made once"


@pytest.fixture
def converter(monkeypatch: pytest.MonkeyPatch) -> Converter:
    fake = Converter()
    monkeypatch.setattr(printdoc, "docx_to_pdf", fake)
    return fake


@pytest.fixture(autouse=True)
def two_pdfs_an_hour() -> Iterator[None]:
    cache.clear()  # the counters, when they are in Redis
    with override_settings(PDF_RATE_PER_HOUR=2):
        yield
    cache.clear()


def published(claim: str) -> int:
    case = approved_case(claim_text=claim)
    publish_case(case)
    return case.pk


def pdf(client: Client, case_id: int, address: str = ADDRESS, query: str = "") -> object:
    return client.get(f"/kiem-chung/{case_id}/ban-in.pdf{query}", REMOTE_ADDR=address)


def test_an_address_gets_a_vietnamese_429_after_its_pdfs_for_the_hour(
    client: Client, converter: Converter
) -> None:
    cases = [published(f"Tin đồn số {n} về giá điện tăng gấp ba") for n in range(3)]
    assert [pdf(client, pk).status_code for pk in cases[:2]] == [200, 200]  # type: ignore[attr-defined]
    refused = pdf(client, cases[2])
    assert refused.status_code == 429  # type: ignore[attr-defined]
    assert int(refused["Retry-After"]) > 0  # type: ignore[index]
    page = refused.content.decode()  # type: ignore[attr-defined]
    assert "Quá nhiều yêu cầu: hãy thử lại sau" in page
    assert "Tin đồn số 2 về giá điện tăng gấp ba" in page  # the print view is still there
    assert pdf(client, cases[0]).status_code == 200  # type: ignore[attr-defined]
    assert converter.runs == 2


def test_a_pdf_already_made_is_served_without_counting_even_with_a_new_query(
    client: Client, converter: Converter
) -> None:
    first = published("Tin đồn về lịch cắt nước cả tuần")
    for n in range(5):
        assert pdf(client, first, query=f"?v={n}").status_code == 200  # type: ignore[attr-defined]
    assert converter.runs == 1
    second = published("Tin đồn về học phí tăng gấp đôi")
    assert pdf(client, second).status_code == 200  # type: ignore[attr-defined]
    assert converter.runs == 2


def test_another_address_is_not_held_back_by_the_first(
    client: Client, converter: Converter
) -> None:
    cases = [published(f"Tin đồn số {n} về lũ quét ở Hòa Lâm") for n in range(3)]
    pdf(client, cases[0])
    pdf(client, cases[1])
    assert pdf(client, cases[2]).status_code == 429  # type: ignore[attr-defined]
    assert pdf(client, cases[2], address="198.51.100.4").status_code == 200  # type: ignore[attr-defined]


def test_the_limit_is_a_setting(client: Client, converter: Converter) -> None:
    cases = [published(f"Tin đồn số {n} về xe buýt miễn phí") for n in range(2)]
    with override_settings(PDF_RATE_PER_HOUR=1):
        assert pdf(client, cases[0]).status_code == 200  # type: ignore[attr-defined]
        assert pdf(client, cases[1]).status_code == 429  # type: ignore[attr-defined]


def test_two_first_requests_for_one_pdf_run_libreoffice_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    slow = Converter(seconds=0.3)
    monkeypatch.setattr(printdoc, "docx_to_pdf", slow)
    document = PrintDocument(kicker="Kiểm chứng", title="Một bản in dùng chung")
    results: list[bytes] = []
    threads = [threading.Thread(target=lambda: results.append(pdf_of(document))) for _ in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [b"%PDF-1.7 made once"] * 2
    assert slow.runs == 1
