"""The labelled-CSV loader: real-world mess is read, bad rows are reported and skipped."""

from __future__ import annotations

import math
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiemchung.triage.data import (
    Dataset,
    from_records,
    infer_kind,
    load_csv,
    parse_count,
    parse_label,
    parse_timestamp,
    text_group,
)

MESSY = (
    "\ufeffid,user_name,post_message,timestamp_post,num_like_post,num_share_post,label\n"
    '1,u1,"Bài một, có dấu phẩy",1584282000,12,3,0\n'
    '2,u2,"Dòng một\nDòng hai\n""trích dẫn""",1584282000.0,12.0,,1.0\n'
    "3,u3,Không có nhãn,2020-03-15T08:30:00Z,NaN,4,\n"
    "4,u4,Nhãn sai,2020-03-15 08:30,5,4,2\n"
    '5,u5,"   ",1584282000,5,4,1\n'
    "6,u6,Bài sáu,,-3,7,True\n"
    "7,u7,Bài bảy,1584285600,1.234,unknown,false\n"
    "8,u8\n"
)


@pytest.fixture
def messy_csv(tmp_path: Path) -> Path:
    path = tmp_path / "messy.csv"
    path.write_bytes(MESSY.encode("utf-8"))
    return path


def test_bad_rows_are_reported_with_line_and_reason(messy_csv: Path) -> None:
    data = load_csv(
        messy_csv, "post_message", "label", ["timestamp_post", "num_like_post", "num_share_post"]
    )
    reasons = {p.line: p.reason for p in data.problems}
    # row 2 spans three physical lines (2-4 of the body), so later rows start further down
    assert reasons == {
        6: "missing label",
        7: "invalid label '2'",
        8: "empty text",
        11: "only 2 fields, text or label missing",
    }
    assert "line 6: missing label" in [str(p) for p in data.problems]
    assert data.texts[1] == 'Dòng một\nDòng hai\n"trích dẫn"'
    assert data.labels == [0, 1, 1, 0]
    assert data.lines == [2, 3, 9, 10]


def test_bom_floats_missing_and_negative_counts(messy_csv: Path) -> None:
    data = load_csv(
        messy_csv, "post_message", "label", ["timestamp_post", "num_like_post", "num_share_post"]
    )
    assert data.kinds == {
        "timestamp_post": "timestamp",
        "num_like_post": "count",
        "num_share_post": "count",
    }
    assert data.meta["num_like_post"] == [12.0, 12.0, None, 1234.0]
    assert data.meta["num_share_post"] == [3.0, None, 7.0, None]
    assert any("num_like_post: 1 unreadable or negative" in note for note in data.notes)


def test_unix_and_iso_timestamps(messy_csv: Path) -> None:
    data = load_csv(messy_csv, "post_message", "label", ["timestamp_post"])
    stamps = data.meta["timestamp_post"]
    assert stamps[0] == 1584282000.0
    assert stamps[1] == 1584282000.0
    assert stamps[2] is None
    assert stamps[3] == 1584285600.0
    assert (
        parse_timestamp("2020-03-15T08:30:00Z")
        == datetime(2020, 3, 15, 8, 30, tzinfo=UTC).timestamp()
    )
    # no zone: Vietnam time (UTC+7)
    assert parse_timestamp("2020-03-15 15:30") == parse_timestamp("2020-03-15T08:30:00Z")
    assert parse_timestamp("15/03/2020 15:30") == parse_timestamp("2020-03-15T08:30:00+00:00")
    assert parse_timestamp("1584282000000") == 1584282000.0  # milliseconds
    assert parse_timestamp("May 25th 2020, 21:57:58.000") == parse_timestamp("2020-05-25 21:57:58")
    assert parse_timestamp("Maybe 5 2020") is None
    assert parse_timestamp("12") is None
    assert parse_timestamp("nan") is None


@pytest.mark.parametrize(
    ("raw", "label"),
    [("0", 0), ("1", 1), ("0.0", 0), ("1.0", 1), ("True", 1), ("false", 0), (" 1 ", 1),
     (True, 1), (0, 0), ("2", None), ("", None), ("yes?", None), (0.5, None)],
)  # fmt: skip
def test_labels(raw: object, label: int | None) -> None:
    assert parse_label(raw) == label


@pytest.mark.parametrize(
    ("raw", "count"),
    [("12", 12.0), ("12.0", 12.0), ("1.234", 1234.0), ("1,2K", 1200.0), ("3M", 3e6),
     ("", None), ("NaN", None), ("-1", None), ("abc", None), (float("nan"), None), (7, 7.0),
     # seen in real exports: units, stray text from a shifted column, a date
     ("54 like", 54.0), ("10 comments", 10.0), ("1,2K lượt thích", 1200.0), ("unknown", None),
     (" Solskjaer hạ knock-out Guardiola", None), ("May 25th 2020, 21:57:58.000", None)],
)  # fmt: skip
def test_counts(raw: object, count: float | None) -> None:
    assert parse_count(raw) == count


def test_kind_rule() -> None:
    assert infer_kind("num_like_post", ["1", "2.0", "", "NaN"])[0] == "count"
    assert infer_kind("timestamp_post", ["1584282000", "1584282000.0", ""])[0] == "timestamp"
    assert infer_kind("created", ["2020-03-15T08:30:00Z", "1584282000", None])[0] == "timestamp"
    assert infer_kind("posted", ["2020-03-15", "15/03/2020"])[0] == "timestamp"
    # identities are never features: claims, not people
    assert infer_kind("user_name", ["123", "456"])[0] == "ignored"
    assert infer_kind("accountId", ["1584282000"])[0] == "ignored"
    assert infer_kind("num_like_page", ["3", "4"])[0] == "count"
    assert infer_kind("category", ["a", "b", "c"])[0] == "ignored"
    assert infer_kind("empty", ["", None, "nan"])[0] == "ignored"


def test_identity_column_is_parsed_but_not_used(tmp_path: Path) -> None:
    path = tmp_path / "ids.csv"
    path.write_text("text;label;user_name;likes\nmột;1;111;5\nhai;0;222;6\n", encoding="utf-8")
    data = load_csv(path, "text", "label", ["user_name", "likes"])  # semicolons
    assert data.kinds == {"user_name": "ignored", "likes": "count"}
    assert data.meta["user_name"] == [None, None]


def test_missing_column_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("text,label\na,1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="column 'post' not found; the file has: text, label"):
        load_csv(path, "post", "label", [])
    assert load_csv(path, "TEXT", "Label").texts == ["a"]  # case-insensitive fallback


def test_not_utf8_is_read_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes(b"text,label\ncaf\xe9,1\nok,0\n")
    data = load_csv(path, "text", "label")
    assert len(data) == 2
    assert "not valid UTF-8" in data.notes[0]


def test_text_group_is_the_normalised_text() -> None:
    text = "Khẩn cấp: Hoà Bình  mưa lớn"
    assert text_group(text) == text_group(unicodedata.normalize("NFD", text.upper()))
    assert text_group(text) == text_group("khẩn cấp: hòa bình mưa lớn ")
    assert text_group(text) != text_group("khan cap: hoa binh mua lon")


def test_from_records_and_subset() -> None:
    data = from_records(
        ["a", "b", "c"], [0, 1, 0], {"likes": ["1", None, "3.0"], "t": [1584282000, None, None]}
    )
    assert isinstance(data, Dataset)
    assert data.kinds == {"likes": "count", "t": "timestamp"}
    part = data.subset([2, 0])
    assert part.texts == ["c", "a"]
    assert part.meta["likes"] == [3.0, 1.0]
    assert part.meta_rows()[0] == {"likes": 3.0, "t": None}
    assert math.isclose(part.meta["t"][1] or 0, 1584282000)
    with pytest.raises(ValueError, match="2 texts but 1 labels"):
        Dataset(texts=["a", "b"], labels=[1])


def test_long_texts_and_nul_bytes(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    long_text = "tin dài " * 40_000  # 320 KB, over the csv module's default field limit
    path.write_text(f'text,label\n"{long_text}",1\nbad\x00row,0\n', encoding="utf-8")
    data = load_csv(path, "text", "label")
    assert len(data.texts[0]) == len(long_text)
    assert data.texts[1] == "badrow"
