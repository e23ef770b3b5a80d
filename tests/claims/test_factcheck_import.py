"""Importing fact-checks upserts them by canonical URL; importing again changes nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kiemchung.claims.knowledge import (
    ImportRefused,
    export_factchecks,
    factcheck_key,
    import_factchecks,
)
from kiemchung.claims.models import FactCheck

pytestmark = pytest.mark.django_db

URL = "https://kiemchung.hoalam.example/kiem-chung/xang-tang-gap-doi"


def review(url: str = URL, **changes: Any) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": "Từ 0h đêm nay giá xăng RON 95 tăng gấp đôi",
        "datePublished": "2026-04-15T23:00:00+07:00",
        "inLanguage": "vi",
        "author": {"@type": "Organization", "name": "Tổ Kiểm chứng thông tin tỉnh Hòa Lâm"},
        "reviewRating": {"@type": "Rating", "alternateName": "Sai sự thật"},
        "reviewBody": "Giá xăng điều chỉnh theo kỳ, mỗi kỳ vài trăm đồng.",
        "citation": {"url": "https://facebook.example/socongthuonghoalam/posts/1", "name": "Sở CT"},
        "itemReviewed": {"@type": "Claim", "appearance": ["https://zalo.example/m/1"]},
        "kiemchungDemoStory": "xang-tang-gia-gap-doi",
    }
    node.update(changes)
    return node


def jsonld(*nodes: dict[str, Any]) -> bytes:
    return json.dumps(list(nodes), ensure_ascii=False).encode()


def counts(report: Any) -> tuple[int, int, int, int]:
    return report.added, report.updated, report.unchanged, report.rejected


def test_a_claimreview_file_is_added_with_every_field(tmp_path: Path) -> None:
    path = tmp_path / "kb.jsonld"
    path.write_bytes(jsonld(review()))
    report = import_factchecks(path)
    assert (report.format, counts(report)) == ("jsonld", (1, 0, 0, 0))
    stored = FactCheck.objects.get()
    assert stored.url == URL
    assert (stored.verdict, stored.original_rating) == ("false", "Sai sự thật")
    assert stored.publisher == "Tổ Kiểm chứng thông tin tỉnh Hòa Lâm"
    assert stored.evidence == [
        {"url": "https://facebook.example/socongthuonghoalam/posts/1", "title": "Sở CT"}
    ]
    assert stored.appearances == ["https://zalo.example/m/1"]
    assert stored.extra == {"kiemchungDemoStory": "xang-tang-gia-gap-doi"}
    assert stored.is_local is False


def test_importing_the_same_file_again_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "kb.jsonld"
    path.write_bytes(jsonld(review(), review(url="https://a.example/2")))
    import_factchecks(path)
    before = list(FactCheck.objects.order_by("pk").values())
    report = import_factchecks(path)
    assert counts(report) == (0, 0, 2, 0)
    assert list(FactCheck.objects.order_by("pk").values()) == before


def test_a_changed_record_is_updated_in_place() -> None:
    import_factchecks(jsonld(review()))
    first = FactCheck.objects.get()
    changed = review(reviewRating={"alternateName": "Gây hiểu lầm"}, reviewBody="Mới hơn.")
    report = import_factchecks(jsonld(changed))
    assert counts(report) == (0, 1, 0, 0)
    stored = FactCheck.objects.get()
    assert stored.pk == first.pk
    assert (stored.verdict, stored.summary) == ("misleading", "Mới hơn.")


@pytest.mark.parametrize(
    "spelling",
    [
        "https://KIEMCHUNG.hoalam.example/kiem-chung/xang-tang-gap-doi",
        "https://kiemchung.hoalam.example:443/kiem-chung/xang-tang-gap-doi",
        "https://kiemchung.hoalam.example/kiem-chung/xang-tang-gap-doi?utm_source=zalo",
        "https://kiemchung.hoalam.example/kiem-chung/xang-tang-gap-doi?fbclid=abc",
    ],
)
def test_records_are_matched_by_their_canonical_url(spelling: str) -> None:
    import_factchecks(jsonld(review()))
    report = import_factchecks(jsonld(review(url=spelling)))
    assert counts(report) == (0, 0, 1, 0)
    assert FactCheck.objects.get().url == URL


def test_a_fragment_tells_apart_two_reviews_of_one_page() -> None:
    report = import_factchecks(jsonld(review(url=URL + "#1"), review(url=URL + "#2")))
    assert report.added == 2
    assert factcheck_key(URL + "?utm_medium=x#2") == URL + "#2"


def test_rejected_records_are_counted_with_their_reasons() -> None:
    nodes = [
        review(url="https://a.example/1"),
        review(url="https://a.example/2", claimReviewed=""),
        review(url="javascript:alert(1)"),
        review(url="https://a.example/1?utm_source=x"),
        review(url="https://a.example/5", inLanguage="x" * 17),
        review(url="https://a.example/6", reviewRating={"alternateName": "Zombie claim"}),
    ]
    report = import_factchecks(jsonld(*nodes))
    assert counts(report) == (2, 0, 0, 4)
    assert [p.index for p in report.errors] == [2, 3, 4, 5]
    reasons = " / ".join(p.reason for p in report.errors)
    assert "claimReviewed" in reasons
    assert "http" in reasons
    assert "same URL and claim as record 1" in reasons
    assert "language is longer than 16" in reasons
    assert [p.index for p in report.warnings] == [6]
    assert FactCheck.objects.get(url="https://a.example/6").verdict == "unrated"
    assert report.as_dict()["rejected"] == 4


def test_a_csv_file_is_recognised_by_its_name_and_read(tmp_path: Path) -> None:
    path = tmp_path / "kb.csv"
    path.write_text(
        "url,claim_reviewed,verdict,publisher\n"
        f"{URL},Giá xăng tăng gấp đôi,Sai sự thật,Báo Hòa Lâm\n"
        "https://a.example/2,Vé xe buýt 7.000 đồng,mostly_true,\n",
        encoding="utf-8",
    )
    report = import_factchecks(str(path))
    assert (report.format, counts(report)) == ("csv", (2, 0, 0, 0))
    assert FactCheck.objects.get(url=URL).original_rating == "Sai sự thật"
    assert FactCheck.objects.get(url="https://a.example/2").publisher == "a.example"


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (b"\xef\xbb\xbf  [" + jsonld(review())[1:], "jsonld"),
        (b"<html><script type='application/ld+json'>" + jsonld(review()) + b"</script>", "jsonld"),
        (f"url,claim_reviewed,verdict\n{URL},Tin,false\n".encode(), "csv"),
    ],
)
def test_content_without_a_name_is_recognised(data: bytes, fmt: str) -> None:
    report = import_factchecks(data)
    assert (report.format, report.added) == (fmt, 1)


def test_a_csv_import_keeps_the_extra_fields_and_evidence_titles_it_cannot_carry() -> None:
    import_factchecks(jsonld(review()))
    csv_text = export_factchecks(FactCheck.objects.all(), "csv")
    report = import_factchecks(csv_text.encode(), "csv")
    assert counts(report) == (0, 0, 1, 0)
    stored = FactCheck.objects.get()
    assert stored.extra == {"kiemchungDemoStory": "xang-tang-gia-gap-doi"}
    assert stored.evidence[0]["title"] == "Sở CT"


@pytest.mark.parametrize("fmt", ["jsonld", "csv"])
def test_importing_an_export_changes_nothing(fmt: str) -> None:
    nodes = [review(), review(url="https://a.example/2", inLanguage=None, reviewBody="-5 độ")]
    import_factchecks(jsonld(*nodes))
    before = list(FactCheck.objects.order_by("pk").values())
    exported = export_factchecks(FactCheck.objects.all(), fmt)
    report = import_factchecks(exported.encode(), fmt)
    assert counts(report) == (0, 0, 2, 0)
    assert list(FactCheck.objects.order_by("pk").values()) == before


def test_a_claim_without_language_gets_the_detected_one() -> None:
    import_factchecks(jsonld(review(inLanguage=None)))
    assert FactCheck.objects.get().language == "vi"


def test_our_own_fact_checks_are_marked_local_and_an_update_keeps_the_mark() -> None:
    import_factchecks(jsonld(review()), is_local=True)
    import_factchecks(jsonld(review(reviewBody="Sửa.")))
    assert FactCheck.objects.get().is_local is True


def test_the_jsonld_export_names_its_publisher() -> None:
    import_factchecks(jsonld(review()))
    text = export_factchecks(FactCheck.objects.all(), publisher_name="Báo Hòa Lâm")
    (document,) = json.loads(text)
    assert document["sdPublisher"]["name"] == "Báo Hòa Lâm"
    assert document["author"]["name"] == "Tổ Kiểm chứng thông tin tỉnh Hòa Lâm"


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda p: import_factchecks(p / "missing.jsonld"), ImportRefused),
        (lambda p: import_factchecks(b"[]", "xml"), ImportRefused),
        (lambda p: export_factchecks(FactCheck.objects.all(), "xml"), ValueError),
    ],
    ids=["a missing file", "an unknown import format", "an unknown export format"],
)
def test_impossible_requests_are_refused(tmp_path: Path, call: Any, error: type[Exception]) -> None:
    with pytest.raises(error):
        call(tmp_path)


def test_a_broken_input_is_refused_adds_nothing_and_says_why() -> None:
    with pytest.raises(ImportRefused, match="JSON"):
        import_factchecks(b"[{broken", "jsonld")
    assert FactCheck.objects.count() == 0
