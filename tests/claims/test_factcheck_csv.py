"""The fact-check CSV reads what spreadsheet users write and writes it back the same."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from kiemchung.claims import factcheck_csv
from kiemchung.claims.claimreview import FactCheckData
from kiemchung.claims.factcheck_csv import COLUMNS, export_csv, parse_csv

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
HEADER = ",".join(COLUMNS)


def record(**changes: Any) -> FactCheckData:
    values: dict[str, Any] = {
        "url": "https://kiemchung.hoalam.example/kiem-chung/xang-tang-gap-doi",
        "claim_reviewed": "Từ 0h đêm nay giá xăng RON 95 tăng gấp đôi, lên hơn 45.000đ/lít",
        "verdict": "false",
        "original_rating": "Sai sự thật",
        "summary": 'Giá xăng điều chỉnh theo kỳ.\nMỗi kỳ chỉ đổi vài trăm đồng, "không" gấp đôi.',
        "publisher": "Tổ Kiểm chứng thông tin tỉnh Hòa Lâm",
        "publisher_url": "https://kiemchung.hoalam.example/",
        "published_at": datetime(2026, 4, 15, 23, 0, tzinfo=VIETNAM),
        "language": "vi",
        "evidence": [
            {"url": "https://facebook.example/socongthuonghoalam/posts/1", "title": ""},
            {
                "url": "https://baohoalam.example/thoi-su/khong-co-chuyen-gia-xang-tang.html",
                "title": "",
            },
        ],
        "appearances": ["https://facebook.example/permalink/1", "https://zalo.example/m/2"],
    }
    values.update(changes)
    return FactCheckData(**values)


def rows(*lines: str, header: str = HEADER) -> str:
    return "\n".join([header, *lines]) + "\n"


def one_row(**cells: str) -> str:
    """A CSV with the documented header and one row (unnamed cells empty)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerow([cells.get(name, "") for name in COLUMNS])
    return buffer.getvalue()


GOOD = {"url": "https://a.example/1", "claim_reviewed": "Đập sắp vỡ", "verdict": "false"}


def test_the_documented_header_is_the_one_written() -> None:
    assert COLUMNS == (
        "url",
        "claim_reviewed",
        "verdict",
        "original_rating",
        "summary",
        "publisher",
        "publisher_url",
        "published_at",
        "language",
        "evidence_urls",
        "appearances",
    )
    documentation = factcheck_csv.__doc__ or ""
    assert all(f"\n{name} " in documentation for name in COLUMNS)
    assert export_csv([]).splitlines() == [HEADER]


ROUND_TRIPS = {
    "complete": record(),
    "misleading in English": record(verdict="misleading", original_rating="Missing context"),
    "without rating words": record(verdict="unverifiable", original_rating=""),
    "minimal": FactCheckData(url="https://a.example/1", claim_reviewed="Tin đồn", verdict="true"),
    "formula-like cells": record(
        claim_reviewed='=HYPERLINK("https://evil.example")',
        summary="-5 độ C ở Suối Mây",
        publisher="@hoalam",
        original_rating="'Sai'",
    ),
    "commas, quotes and semicolons": record(claim_reviewed='Xăng "tăng", dầu; gas'),
}


@pytest.mark.parametrize("item", ROUND_TRIPS.values(), ids=list(ROUND_TRIPS))
def test_reading_our_export_gives_the_records_back(item: FactCheckData) -> None:
    items, problems = parse_csv(export_csv([item, record(url="https://a.example/other")]))
    assert problems == []
    assert items == [item, record(url="https://a.example/other")]


def test_the_export_with_a_bom_reads_back_from_bytes() -> None:
    data = export_csv([record()], bom=True).encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    assert parse_csv(data) == ([record()], [])


def test_formula_like_cells_are_escaped_for_spreadsheets() -> None:
    text = export_csv([record(claim_reviewed="=1+1", summary="+84 912", publisher="@x")])
    row = next(iter(csv.DictReader(io.StringIO(text))))
    assert (row["claim_reviewed"], row["summary"], row["publisher"]) == ("'=1+1", "'+84 912", "'@x")


@pytest.mark.parametrize(
    ("verdict", "original_rating", "expected"),
    [
        ("false", "", ("false", "")),
        ("Mostly_True", "", ("mostly_true", "")),
        ("out_of_scope", "Satire", ("out_of_scope", "Satire")),
        ("Sai sự thật", "", ("false", "Sai sự thật")),
        ("missing context", "", ("misleading", "missing context")),
        ("Pants on fire", "", ("false", "Pants on fire")),
        ("chua kiem chung", "", ("unverifiable", "chua kiem chung")),
        ("Đúng", "Chính xác", ("true", "Chính xác")),
        ("", "Gây hiểu lầm", ("misleading", "Gây hiểu lầm")),
        ("", "Phần lớn đúng", ("mostly_true", "Phần lớn đúng")),
    ],
)
def test_the_verdict_is_our_code_or_any_rating_the_mapping_knows(
    verdict: str, original_rating: str, expected: tuple[str, str]
) -> None:
    data = one_row(**GOOD | {"verdict": verdict, "original_rating": original_rating})
    items, problems = parse_csv(data)
    assert problems == []
    assert (items[0].verdict, items[0].original_rating) == expected


def test_an_unknown_publisher_rating_is_kept_as_unrated_with_a_warning() -> None:
    items, problems = parse_csv(one_row(**GOOD | {"verdict": ""}, original_rating="Zombie claim"))
    assert (items[0].verdict, items[0].original_rating) == ("unrated", "Zombie claim")
    assert [(p.index, p.level) for p in problems] == [(2, "warning")]


def test_links_are_split_on_spaces_and_new_lines_without_duplicates() -> None:
    links = "https://a.example/1  https://a.example/2\nhttps://a.example/1\r\nhttps://a.example/3"
    items, _ = parse_csv(one_row(**GOOD, evidence_urls=links, appearances=links))
    expected = ["https://a.example/1", "https://a.example/2", "https://a.example/3"]
    assert items[0].appearances == expected
    assert [e["url"] for e in items[0].evidence] == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2026-03-11", datetime(2026, 3, 11, tzinfo=VIETNAM)),
        ("2026-03-11T08:30:00+07:00", datetime(2026, 3, 11, 8, 30, tzinfo=VIETNAM)),
        ("2026-03-11T01:30:00Z", datetime(2026, 3, 11, 8, 30, tzinfo=VIETNAM)),
        ("11/03/2026", datetime(2026, 3, 11, tzinfo=VIETNAM)),
        ("1/3/2026 8:05", datetime(2026, 3, 1, 8, 5, tzinfo=VIETNAM)),
        ("11/03/2026 20h30", datetime(2026, 3, 11, 20, 30, tzinfo=VIETNAM)),
        ("", None),
    ],
)
def test_dates_are_iso_or_day_first_in_vietnam_time(
    written: str, expected: datetime | None
) -> None:
    items, problems = parse_csv(one_row(**GOOD, published_at=written))
    assert problems == []
    assert items[0].published_at == expected


@pytest.mark.parametrize("separator", [";", "\t"])
def test_semicolon_and_tab_separated_files_are_read(separator: str) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\n")
    for row in csv.reader(io.StringIO(export_csv([record()]))):
        writer.writerow(row)
    assert parse_csv(buffer.getvalue()) == ([record()], [])


def test_columns_may_come_in_any_order_and_case() -> None:
    data = "Verdict,URL,Claim_Reviewed\nfalse,https://a.example/1,Đập sắp vỡ\n"
    items, problems = parse_csv(data)
    assert problems == []
    assert (items[0].url, items[0].claim_reviewed, items[0].verdict) == (
        "https://a.example/1",
        "Đập sắp vỡ",
        "false",
    )


def test_an_excel_unicode_text_export_is_read() -> None:
    text = "url\tclaim_reviewed\tverdict\nhttps://a.example/1\tGiá xăng tăng gấp đôi\tSai\n"
    items, problems = parse_csv(text.encode("utf-16"))
    assert problems == []
    assert (items[0].url, items[0].claim_reviewed) == (
        "https://a.example/1",
        "Giá xăng tăng gấp đôi",
    )


def test_bad_rows_are_reported_with_their_line_and_the_others_are_read() -> None:
    data = rows(
        "https://a.example/1,Tin một,false,,,,,,,,",
        'https://a.example/2,Tin hai,false,,"Tóm tắt',
        'trên hai dòng",,,,,,',
        "https://a.example/3,Tin ba,false",
        ",Tin bốn,false,,,,,,,,",
        "https://a.example/5,,false,,,,,,,,",
        "https://a.example/6,Tin sáu,rất sai,,,,,,,,",
        "javascript:alert(1),Tin bảy,false,,,,,,,,",
        "https://a.example/8,Tin tám,false,,,,,hôm qua,,,",
        "https://a.example/9,Tin chín,,,,,,,,,",
        "https://a.example/10,Tin mười,false,,,,,,,javascript:alert(1),",
        ",,,,,,,,,,",
        "https://a.example/12,Tin mười hai,true,,,,,,,,",
    )
    items, problems = parse_csv(data)
    assert [item.url for item in items] == [
        "https://a.example/1",
        "https://a.example/2",
        "https://a.example/12",
    ]
    assert items[1].summary == "Tóm tắt\ntrên hai dòng"
    reasons = {p.index: p.reason for p in problems if p.is_error}
    assert sorted(reasons) == [5, 6, 7, 8, 9, 10, 11, 12]
    assert "columns" in reasons[5]
    assert "url" in reasons[6]
    assert "claim_reviewed" in reasons[7]
    assert "rất sai" in reasons[8]
    assert "http" in reasons[9]
    assert "published_at" in reasons[10]
    assert "verdict" in reasons[11]
    assert "evidence_urls" in reasons[12]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ("", "empty"),
        ("url,summary\nhttps://a.example/1,x\n", "claim_reviewed"),
        ("claim_reviewed,url\nx,https://a.example/1\n", "verdict"),
        (b"\x00\xff\xfe\x00binary", ""),
    ],
)
def test_a_file_that_cannot_be_read_is_one_problem(data: str | bytes, reason: str) -> None:
    items, problems = parse_csv(data)
    assert items == []
    assert len(problems) == 1
    assert problems[0].index in (0, 1)
    assert reason in problems[0].reason


def test_unknown_columns_are_a_warning_and_ignored() -> None:
    data = "url,claim_reviewed,verdict,ghi_chu\nhttps://a.example/1,Tin,false,nội bộ\n"
    items, problems = parse_csv(data)
    assert len(items) == 1
    assert [(p.index, p.level) for p in problems] == [(1, "warning")]
    assert "ghi_chu" in problems[0].reason
