"""Readers turn any input into records, reporting each bad record with its line."""

from __future__ import annotations

import codecs
import io
import json
import unicodedata

import pytest

from kiemchung.sources.readers import READERS, ReadOptions, UnreadableInput, reader_for_path
from kiemchung.sources.records import Record, Rejection

POSTS = [
    {
        "text": "Hòa Lâm khai trương cầu Bến Đò mới",
        "url": "https://a.example/1",
        "account_kind": "public",
    },
    {"text": "Giá lúa vụ hè thu tăng nhẹ, nông dân phấn khởi", "url": "https://a.example/2"},
]


def read(name: str, data: bytes) -> list[Record | Rejection]:
    return list(READERS[name].read(io.BufferedReader(io.BytesIO(data)), ReadOptions()))  # type: ignore[arg-type]


def jsonl(rows: list[dict[str, object]]) -> str:
    return "\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n"


TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def windows_1258(text: str) -> bytes:
    """Encode as Windows-1258 does: tone marks as separate combining characters."""
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def texts(items: list[Record | Rejection]) -> list[str]:
    return [item.text for item in items if isinstance(item, Record)]


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode("utf-8"),
        lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
        lambda s: s.encode("utf-16"),  # with BOM
        lambda s: s.encode("utf-16-le"),  # without BOM
        lambda s: s.encode("utf-16-be"),
        lambda s: s.encode("utf-32"),
        lambda s: windows_1258(s),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16le-nobom", "utf16be-nobom", "utf32", "windows-1258"],
)
def test_json_lines_are_read_in_any_common_encoding(encode: object) -> None:
    rows = [{"text": "Khánh thành trường học mới ở xã Tân Hòa, học sinh vui mừng"}] * 3
    items = read("jsonl", encode(jsonl(rows)))  # type: ignore[operator]
    assert texts(items) == [rows[0]["text"]] * 3


def test_bad_json_lines_are_reported_with_their_line_and_the_good_ones_kept() -> None:
    data = (
        json.dumps(POSTS[0], ensure_ascii=False)
        + "\n{not json\n\n"
        + '{"url": "https://a.example/3"}\n'
        + "[1, 2]\n"
        + json.dumps(POSTS[1], ensure_ascii=False)
        + "\n"
    ).encode("utf-8")
    items = read("jsonl", data)
    rejections = [(r.line, r.reason) for r in items if isinstance(r, Rejection)]
    assert [line for line, _ in rejections] == [2, 4, 5]
    assert "not valid JSON" in rejections[0][1]
    assert "text" in rejections[1][1]
    assert "expected a JSON object" in rejections[2][1]
    assert len(texts(items)) == 2


def test_a_line_that_is_not_valid_utf8_is_rejected_alone() -> None:
    good = json.dumps(POSTS[0], ensure_ascii=False).encode("utf-8")
    data = good + b"\n" + b'{"text": "caf\xe9 \xff"}\n' + good.replace(b"/1", b"/9") + b"\n"
    items = read("jsonl", data)
    assert [r.line for r in items if isinstance(r, Rejection)] == [2]
    assert len(texts(items)) == 2


@pytest.mark.parametrize("name", ["jsonl", "csv"])
@pytest.mark.parametrize(
    "data",
    [b"", b"   \n\n", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", bytes(range(256)) * 8],
    ids=["empty", "blank", "png", "binary"],
)
def test_empty_or_binary_input_is_refused_as_a_whole(name: str, data: bytes) -> None:
    with pytest.raises(UnreadableInput):
        read(name, data)


def test_csv_rows_are_validated_like_json_lines() -> None:
    data = (
        "platform,url,text,posted_at,account,account_kind,likes,comments,shares\n"
        'facebook,https://a.example/1,"Mưa lớn, đường ngập",2026-05-01T07:00:00+07:00,'
        "Đài Hòa Lâm,public,5,1,0\n"
        "facebook,https://a.example/2,Thiếu cột,2026-05-01\n"
        "facebook,https://a.example/3,Ngày sai,hôm nay,,public,1,1,1\n"
        'zalo,https://a.example/4,"Dòng\nhai dòng",,ban.b,private,2.0,,\n'
    ).encode()
    items = read("csv", data)
    rejections = [(r.line, r.reason) for r in items if isinstance(r, Rejection)]
    assert rejections[0] == (3, "expected 9 columns, found 4")
    assert rejections[1][0] == 4
    assert "ISO 8601" in rejections[1][1]
    assert texts(items) == ["Mưa lớn, đường ngập", "Dòng\nhai dòng"]


def test_a_csv_without_a_text_column_is_rejected_at_its_header() -> None:
    items = read("csv", b"url,body\nhttps://a.example/1,xin chao\n")
    assert [(r.line, r.reason) for r in items if isinstance(r, Rejection)] == [
        (1, "the header row has no 'text' column")
    ]


def test_a_record_over_the_size_limit_is_rejected() -> None:
    data = jsonl([{"text": "dài " * 300}, POSTS[0]]).encode("utf-8")
    options = ReadOptions(max_record_bytes=200)
    items = list(READERS["jsonl"].read(io.BufferedReader(io.BytesIO(data)), options))  # type: ignore[arg-type]
    assert [r.line for r in items if isinstance(r, Rejection)] == [1]


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Báo Hòa Lâm</title>
<item><title>Khai mạc lễ hội</title><link>https://baohoalam.example/le-hoi</link>
<description>&lt;p&gt;Lễ hội &lt;b&gt;đua ghe&lt;/b&gt; khai mạc sáng nay.&lt;/p&gt;</description>
<pubDate>Sun, 01 Mar 2026 01:00:00 GMT</pubDate></item>
<item><title>Không có nội dung</title><link>https://baohoalam.example/trong</link></item>
<item><title>Giá lúa tăng</title><link>https://baohoalam.example/gia-lua</link>
<description>Giá lúa tăng 200 đồng/kg.</description></item>
"""


def test_a_feed_gives_one_record_per_entry_with_plain_text() -> None:
    items = read("feed", (RSS + "</channel></rss>").encode("utf-8"))
    records = [i for i in items if isinstance(i, Record)]
    assert [r.title for r in records] == ["Khai mạc lễ hội", "Giá lúa tăng"]
    assert records[0].text == "Lễ hội đua ghe khai mạc sáng nay."
    assert records[0].account == "Báo Hòa Lâm"
    assert records[0].posted_at is not None
    assert [r.line for r in items if isinstance(r, Rejection)] == [2]


def test_a_truncated_feed_keeps_its_readable_entries_and_reports_the_break() -> None:
    items = read("feed", (RSS + "<item><title>Cắt ngang").encode("utf-8"))
    assert len([i for i in items if isinstance(i, Record)]) == 2
    assert any("malformed" in r.reason for r in items if isinstance(r, Rejection))


def test_garbage_is_not_a_feed() -> None:
    with pytest.raises(UnreadableInput):
        read("feed", "<html><body>Trang lỗi</body>".encode())


PAGE = """<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>Hòa Lâm mở tuyến xe buýt mới | Báo Hòa Lâm</title>
<meta property="og:site_name" content="Báo Hòa Lâm">
<meta property="og:title" content="Hòa Lâm mở tuyến xe buýt mới">
<meta property="article:published_time" content="2026-04-02T07:15:00+07:00">
</head><body><nav>Trang chủ | Thời sự | Kinh tế</nav><div class="ads">Quảng cáo</div>
<article><h1>Hòa Lâm mở tuyến xe buýt mới</h1>
<p>Sáng 2/4, Sở Giao thông vận tải tỉnh Hòa Lâm đưa vào khai thác tuyến xe buýt số 12
nối trung tâm tỉnh với khu công nghiệp Tân Phú.</p>
<p>Tuyến dài 28 km, chạy từ 5h30 đến 19h hằng ngày, giá vé 7.000 đồng mỗi lượt.</p>
<p>Đại diện sở cho biết tuyến xe phục vụ khoảng hai nghìn công nhân đi làm mỗi ngày.</p>
</article><footer>© Báo Hòa Lâm</footer></body></html>"""


def test_a_web_page_gives_its_title_main_text_time_and_outlet() -> None:
    items = read("web", PAGE.encode("utf-8"))
    assert len(items) == 1
    record = items[0]
    assert isinstance(record, Record)
    assert record.title == "Hòa Lâm mở tuyến xe buýt mới"
    assert "tuyến xe buýt số 12" in record.text
    assert "Quảng cáo" not in record.text
    assert record.account == "Báo Hòa Lâm"
    assert record.posted_at is not None and record.posted_at.day == 2


@pytest.mark.parametrize(
    ("path", "reader"),
    [
        ("posts.jsonl", "jsonl"),
        ("posts.jsonl.gz", "jsonl"),
        ("posts.ndjson", "jsonl"),
        ("export.CSV", "csv"),
        ("rss.xml", "feed"),
        ("page.html", "web"),
    ],
)
def test_the_reader_is_chosen_by_file_name(path: str, reader: str) -> None:
    found = reader_for_path(path)
    assert found is not None and found.name == reader
