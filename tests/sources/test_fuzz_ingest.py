"""Property of the whole `kiemchung ingest` command, on generated JSON-lines, CSV and gzip
files: no traceback, exit code 0 (all good), 1 (some rejected) or 2 (refused), the good
records stored, each bad one reported with its line."""

from __future__ import annotations

import csv
import gzip
import io
import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiemchung.sources.models import Document
from kiemchung.testing.commands import run_command

pytestmark = pytest.mark.django_db

COUNTER = itertools.count()
WORDS = st.lists(st.sampled_from("giá lúa tăng mưa lũ Hòa Lâm cầu Bến Đò điện".split()), min_size=1)
BAD = st.sampled_from(
    [
        {"text": "tin", "url": "http://a.example:99999/x"},
        {"text": "tin", "url": "http://[::1"},
        {"text": "tin", "url": "http://a..b/"},
        {"text": "tin", "posted_at": "0001-01-01T00:00:00+14:00"},
        {"text": "tin", "posted_at": "9999-12-31T23:59:59-14:00"},
        {"text": "tin", "likes": -1},
        {"url": "https://tin.example/khong-chu"},
        {"text": "dài " * 400},  # over the record limit set below
    ]
)
ROW = st.one_of(
    WORDS.map(lambda words: (True, {"text": " ".join(words)})), BAD.map(lambda bad: (False, bad))
)


def with_urls(rows: list[tuple[bool, dict[str, object]]]) -> list[tuple[bool, dict[str, object]]]:
    """Good rows get URLs never seen before, so each example counts its own documents."""
    return [
        (good, {**fields, "url": f"https://tin.example/{next(COUNTER)}"} if good else fields)
        for good, fields in rows
    ]


def as_jsonl(rows: list[tuple[bool, dict[str, object]]], end: str) -> bytes:
    return "".join(json.dumps(fields, ensure_ascii=False) + end for _, fields in rows).encode()


def as_csv(rows: list[tuple[bool, dict[str, object]]], end: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=end)
    columns = ["text", "url", "posted_at", "likes"]
    writer.writerow(columns)
    for _, fields in rows:
        writer.writerow([fields.get(column, "") for column in columns])
    return out.getvalue().encode()


@settings(max_examples=25)
@given(
    st.lists(ROW, min_size=1, max_size=10),
    st.sampled_from(["jsonl", "csv", "jsonl.gz"]),
    st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_the_ingest_command_keeps_good_records_and_reports_bad_lines(
    tmp_path: Path, rows: list[tuple[bool, dict[str, object]]], kind: str, end: str
) -> None:
    rows = with_urls(rows)
    data = as_csv(rows, end) if kind == "csv" else as_jsonl(rows, end)
    path = tmp_path / f"posts-{next(COUNTER)}.{kind}"
    path.write_bytes(gzip.compress(data) if kind.endswith(".gz") else data)
    before = Document.objects.count()
    with settings_override(INGEST_MAX_RECORD_BYTES=1000):
        code, _, err = run_command("ingest", str(path), "--workers", "1")
    assert "Traceback" not in err
    bad_lines = [n + (1 if kind == "csv" else 0) for n, (good, _) in enumerate(rows, 1) if not good]
    assert code == (1 if bad_lines else 0), err
    assert Document.objects.count() - before == sum(1 for good, _ in rows if good)
    for line in bad_lines:
        assert f": line {line}: " in err


@settings(max_examples=25)
@given(st.binary(max_size=300), st.sampled_from(["jsonl", "csv", "rss", "html", "jsonl.gz"]))
def test_any_bytes_exit_with_zero_one_or_two_and_no_traceback(
    tmp_path: Path, data: bytes, kind: str
) -> None:
    path = tmp_path / f"junk-{next(COUNTER)}.{kind}"
    path.write_bytes(data)
    code, _, err = run_command("ingest", str(path), "--workers", "1")
    assert code in (0, 1, 2)
    assert "Traceback" not in err


def settings_override(**values: object) -> object:
    from django.test import override_settings

    return override_settings(**values)
