"""Properties of the readers (JSON lines, CSV, feeds, gzip), on generated files that mix
good and bad records with any line ends:

- no exception escapes but ``UnreadableInput`` (the input refused as a whole);
- every good record comes out, in order, with its line number;
- every bad record comes out as a rejection carrying its line number;
- a damaged gzip gives the records before the damage, then one rejection.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import io
import json
from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape

from hypothesis import given
from hypothesis import strategies as st

from kiemchung.sources.readers import READERS, ReadOptions, UnreadableInput
from kiemchung.sources.records import Record, Rejection

MAX_RECORD = 2000
OPTIONS = ReadOptions(max_record_bytes=MAX_RECORD)
LETTERS = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
)
WORD = st.text(alphabet=LETTERS, min_size=1, max_size=8)
# A good text starts with a Vietnamese word; the rest is any Unicode (controls, odd
# spaces, emoji, combining marks, right-to-left text...).
GOOD_TEXT = st.builds(lambda word, rest: word + " " + rest, WORD, st.text(max_size=40))
PLAIN_TEXT = st.lists(WORD, min_size=1, max_size=12).map(" ".join)
GOOD_TIMES = st.one_of(
    st.none(),
    st.datetimes(
        min_value=datetime(1990, 1, 1),
        max_value=datetime(2100, 1, 1),
    ).map(lambda moment: moment.isoformat() + "+07:00"),
    st.integers(min_value=631152000, max_value=4102444800),
)
BAD_URLS = st.one_of(
    st.integers(min_value=65536, max_value=10**9).map(lambda port: f"http://a.example:{port}/x"),
    st.sampled_from(
        ["http://[::1", "http://example.com\uff03@bing.com/", "http://a..b/", "https://[zz]/"]
    ),
    st.integers(min_value=64, max_value=100).map(lambda n: f"http://{'a' * n}.vn/"),
)
BAD_TIMES = st.one_of(
    st.sampled_from(["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "hôm qua"]),
    st.integers(min_value=1, max_value=1899).map(lambda year: f"{year:04d}-06-01T00:00:00Z"),
    st.integers(min_value=2201, max_value=9999).map(lambda year: f"{year}-06-01T00:00:00Z"),
    st.integers(min_value=10**11, max_value=10**15),
)
LINE_ENDS = st.sampled_from(["\n", "\r\n", "\r"])


@dataclass(frozen=True)
class Row:
    good: bool
    fields: dict[str, object]
    raw: str | None = None  # a line written as is (broken JSON, overlong)


# Ordinary records after the generated ones, as in any real export: the sniffing of
# binary data looks at the share of control characters in the first 64 KB.
FILLER = [
    Row(True, {"text": f"tin bình thường số {i} về giá lúa", "url": f"https://tin.example/f{i}"})
    for i in range(100)
]


def good_rows(text: st.SearchStrategy[str] = GOOD_TEXT) -> st.SearchStrategy[Row]:
    return st.builds(
        lambda text, n, posted_at, kind: Row(
            True,
            {
                "text": text,
                "url": f"https://tin.example/{n}",
                "posted_at": posted_at,
                "account": "Báo Hòa Lâm",
                "account_kind": kind,
                "likes": n % 7,
            },
        ),
        text,
        st.integers(min_value=0, max_value=10**6),
        GOOD_TIMES,
        st.sampled_from(["public", "private"]),
    )


BAD_ROWS = st.one_of(
    BAD_URLS.map(lambda url: Row(False, {"text": "tin", "url": url})),
    BAD_TIMES.map(lambda when: Row(False, {"text": "tin", "posted_at": when})),
    st.just(Row(False, {"url": "https://tin.example/khong-co-chu"})),
    st.just(Row(False, {"text": "tin", "account_kind": "robot"})),
    st.integers(min_value=-(10**6), max_value=-1).map(
        lambda n: Row(False, {"text": "t", "likes": n})
    ),
    st.just(Row(False, {"text": "dài " * MAX_RECORD})),  # over the record limit
)
JSONL_BAD_ROWS = st.one_of(
    BAD_ROWS,
    st.text(alphabet='{}[]":,ab1 ', min_size=1, max_size=20)
    .filter(lambda raw: raw.strip() != "" and not _is_object(raw))
    .map(lambda raw: Row(False, {}, raw)),
)


def _is_object(raw: str) -> bool:
    try:
        return isinstance(json.loads(raw), dict)
    except ValueError:
        return False


def read(reader: str, data: bytes, options: ReadOptions = OPTIONS) -> list[Record | Rejection]:
    return list(READERS[reader].read(io.BytesIO(data), options))  # type: ignore[arg-type]


def jsonl_line(row: Row) -> str:
    return row.raw if row.raw is not None else json.dumps(row.fields, ensure_ascii=False)


def check_lines(items: list[Record | Rejection], rows: list[Row]) -> None:
    """The good rows came out as records on their lines, the bad ones as rejections."""
    records = {item.line: item for item in items if isinstance(item, Record)}
    rejected = {item.line for item in items if isinstance(item, Rejection)}
    for number, row in enumerate(rows, start=1):
        if row.good:
            assert number in records, (number, row, items)
            assert records[number].url == row.fields["url"]
        else:
            assert number in rejected, (number, row, items)
    assert len(items) == len(rows)


@given(st.lists(st.one_of(good_rows(), JSONL_BAD_ROWS), min_size=1, max_size=12), LINE_ENDS)
def test_jsonl_keeps_good_records_and_reports_bad_ones_by_line(rows: list[Row], end: str) -> None:
    rows = rows + FILLER
    data = "".join(jsonl_line(row) + end for row in rows).encode("utf-8")
    check_lines(read("jsonl", data), rows)


def csv_text(rows: list[Row], end: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=end)
    columns = ["text", "url", "posted_at", "account", "account_kind", "likes"]
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.fields.get(c) is None else row.fields.get(c) for c in columns])
    return out.getvalue()


@given(st.lists(st.one_of(good_rows(PLAIN_TEXT), BAD_ROWS), min_size=1, max_size=12), LINE_ENDS)
def test_csv_keeps_good_records_and_reports_bad_ones_by_line(rows: list[Row], end: str) -> None:
    items = read("csv", csv_text(rows, end).encode("utf-8"))
    shifted = [Row(True, {"url": None}), *rows]  # the header is line 1
    records = {item.line: item for item in items if isinstance(item, Record)}
    rejected = {item.line for item in items if isinstance(item, Rejection)}
    for number, row in enumerate(shifted[1:], start=2):
        assert (number in records) if row.good else (number in rejected), (number, row, items)


@given(st.lists(st.one_of(good_rows(), BAD_ROWS), min_size=1, max_size=8), LINE_ENDS)
def test_csv_with_any_text_in_its_fields_never_raises(rows: list[Row], end: str) -> None:
    rows = rows + FILLER
    items = read("csv", csv_text(rows, end).encode("utf-8"))
    good = sum(1 for row in rows if row.good)
    assert sum(1 for item in items if isinstance(item, Record)) == good


def feed_entry(row: Row) -> str:
    fields = row.fields
    link = escape(str(fields.get("url", "")))
    when = fields.get("posted_at")
    date = f"<pubDate>{escape(str(when))}</pubDate>" if isinstance(when, str) else ""
    text = escape(str(fields.get("text", "")))
    return (
        f"<item><title>t</title><link>{link}</link><description>{text}</description>{date}</item>"
    )


FEED_GOOD = st.builds(
    lambda text, n: Row(True, {"text": text, "url": f"https://tin.example/{n}"}),
    PLAIN_TEXT,
    st.integers(min_value=0, max_value=10**6),
)
FEED_BAD = st.one_of(
    BAD_URLS.map(lambda url: Row(False, {"text": "tin", "url": url})),
    st.sampled_from(["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00"]).map(
        lambda when: Row(False, {"text": "tin", "url": "https://tin.example/x", "posted_at": when})
    ),
    st.just(Row(False, {"text": "", "url": "https://tin.example/y"})),
)


@given(st.lists(st.one_of(FEED_GOOD, FEED_BAD), min_size=1, max_size=8))
def test_a_feed_keeps_its_good_entries_and_rejects_the_bad_ones(rows: list[Row]) -> None:
    body = "".join(feed_entry(row) for row in rows)
    data = f'<rss version="2.0"><channel><title>B</title>{body}</channel></rss>'.encode()
    items = read("feed", data)
    records = [item for item in items if isinstance(item, Record)]
    assert [r.url for r in records] == [row.fields["url"] for row in rows if row.good]
    assert all(r.posted_at is None or 1900 <= r.posted_at.year < 2200 for r in records)
    wrong = [row for row in rows if not row.good and row.fields.get("posted_at") is None]
    assert sum(1 for item in items if isinstance(item, Rejection)) >= len(wrong)


@given(st.lists(good_rows(), min_size=1, max_size=40), st.floats(min_value=0.0, max_value=0.99))
def test_a_cut_gzip_gives_the_records_before_the_damage_then_one_rejection(
    rows: list[Row], keep: float
) -> None:
    data = "".join(jsonl_line(row) + "\n" for row in rows).encode("utf-8")
    packed = gzip.compress(data)
    cut = packed[: max(1, int(len(packed) * keep))]
    try:
        items = list(READERS["jsonl"].read(gzip.GzipFile(fileobj=io.BytesIO(cut)), OPTIONS))  # type: ignore[arg-type]
    except UnreadableInput:
        return
    *records, last = items
    assert isinstance(last, Rejection)
    assert "damaged or truncated" in last.reason
    assert [r.url for r in records if isinstance(r, Record)] == [
        row.fields["url"] for row in rows[: len(records)]
    ]


@given(st.binary(max_size=400), st.sampled_from(["jsonl", "csv", "feed", "web"]))
def test_any_bytes_are_read_or_refused_never_crash(data: bytes, reader: str) -> None:
    try:
        items = read(reader, data)
    except UnreadableInput:
        return
    assert all(isinstance(item, Record | Rejection) for item in items)
    assert all(item.line >= 0 for item in items)


@given(st.text(max_size=300), st.sampled_from(["utf-8", "utf-16", "utf-8-sig", "cp1258"]))
def test_any_text_in_any_encoding_is_read_or_refused(text: str, encoding: str) -> None:
    data = text.encode(encoding, errors="replace")
    for reader in ("jsonl", "csv"):
        with contextlib.suppress(UnreadableInput):
            read(reader, data)
