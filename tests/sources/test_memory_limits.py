"""Limits apply while reading, not after: no input can make an import hold it whole."""

from __future__ import annotations

import gzip
import io
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from kiemchung.sources.models import Document
from kiemchung.sources.readers import READERS, ReadOptions
from kiemchung.sources.readers.decoding import iter_lines
from kiemchung.sources.records import Rejection
from kiemchung.testing.commands import run_command

MEGABYTE = 1024 * 1024
GOOD = [
    {"text": "Tin tốt thứ nhất về giá lúa tăng", "url": "https://a.example/1"},
    {"text": "Tin tốt thứ hai về mưa lũ ở Hòa Lâm", "url": "https://a.example/2"},
]


class CountingStream(io.RawIOBase):
    """An endless-looking stream of one never-ending line; remembers the most it returned."""

    def __init__(self, total: int) -> None:
        self.left = total
        self.largest = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        size = min(len(buffer), self.left)
        buffer[:size] = b"a" * size
        self.left -= size
        self.largest = max(self.largest, size)
        return size


def test_an_overlong_line_is_skipped_while_it_is_read_not_held() -> None:
    head = (json.dumps(GOOD[0]) + "\n").encode()
    stream = io.BufferedReader(io.BytesIO(head + b"x" * (8 * MEGABYTE) + b"\n" + head))
    lines = list(iter_lines(stream, max_line_bytes=1000))
    assert [(line.number, line.text is None) for line in lines] == [
        (1, False),
        (2, True),
        (3, False),
    ]
    assert lines[1].error == "line longer than 1000 bytes"


def test_a_never_ending_line_does_not_grow_the_buffer() -> None:
    stream = CountingStream(64 * MEGABYTE)
    lines = list(iter_lines(io.BufferedReader(stream), max_line_bytes=MEGABYTE))
    assert [line.error for line in lines] == ["line longer than 1048576 bytes"]


def test_reading_stops_at_the_input_cap_and_says_so() -> None:
    body = "".join(
        json.dumps(dict(GOOD[0], url=f"https://a.example/{i}")) + "\n" for i in range(2000)
    )
    options = ReadOptions(max_input_bytes=10_000)
    items = list(READERS["jsonl"].read(io.BytesIO(body.encode()), options))  # type: ignore[arg-type]
    rejections = [item for item in items if isinstance(item, Rejection)]
    assert len(rejections) == 1
    assert "larger than" in rejections[0].reason
    assert 0 < len(items) - 1 < 2000


@pytest.mark.django_db
def test_the_input_cap_is_a_setting_and_the_records_before_it_go_in(
    tmp_path: Path, settings: object
) -> None:
    settings.INGEST_MAX_INPUT_MB = 1  # type: ignore[attr-defined]
    path = tmp_path / "posts.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for i in range(20_000):
            handle.write(json.dumps(dict(GOOD[0], url=f"https://a.example/{i}")) + "\n")
    code, _, err = run_command("ingest", str(path), "--workers", "1")
    assert code == 1
    assert "the input is larger than 1 MB; the rest was not read" in err
    assert 1000 < Document.objects.count() < 20_000


@pytest.mark.django_db
def test_a_page_over_the_page_limit_is_refused_before_parsing(
    tmp_path: Path, settings: object
) -> None:
    settings.INGEST_MAX_PAGE_MB = 1  # type: ignore[attr-defined]
    path = tmp_path / "big.html"
    paragraph = "<p>" + "Giá lúa tăng mạnh ở Hòa Lâm. " * 40 + "</p>\n"
    path.write_text(f"<html><body>{paragraph * 2000}</body></html>", encoding="utf-8")
    code, _, err = run_command("ingest", str(path))
    assert code == 2
    assert "the page is larger than 1 MB" in err


@pytest.mark.django_db
def test_a_feed_over_the_feed_limit_is_refused_before_parsing(
    tmp_path: Path, settings: object
) -> None:
    settings.INGEST_MAX_FEED_MB = 1  # type: ignore[attr-defined]
    item = "<item><title>Tin</title><description>" + "Giá lúa tăng. " * 50 + "</description></item>"
    path = tmp_path / "big.rss"
    path.write_text(f'<rss version="2.0"><channel>{item * 2000}</channel></rss>', encoding="utf-8")
    code, _, err = run_command("ingest", str(path))
    assert code == 2
    assert "the feed is larger than 1 MB" in err


@pytest.mark.slow
def test_a_small_gzip_expanding_to_a_gigabyte_line_stays_small_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=9) as handle:
        handle.write((json.dumps(GOOD[0]) + "\n").encode())
        handle.write(b'{"text": "')
        block = b"a" * MEGABYTE
        for _ in range(1024):
            handle.write(block)
        handle.write(b'"}\n' + (json.dumps(GOOD[1]) + "\n").encode())
    assert path.stat().st_size < 2 * MEGABYTE
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(KIEMCHUNG_DATA_DIR=str(tmp_path / "data"), KIEMCHUNG_STORY_INDEX="file")
    command = [sys.executable, "-m", "kiemchung.cli"]
    subprocess.run([*command, "migrate", "--noinput"], env=env, check=True, capture_output=True)  # noqa: S603
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run(  # noqa: S603
        [*command, "ingest", str(path)], env=env, capture_output=True, text=True, check=False
    )
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert done.returncode == 1, done.stderr
    assert "line 2: line longer than 1000000 bytes" in done.stderr
    assert "2 added" in done.stdout
    assert peak_mb < 400 or before / 1024 >= 400, f"peak {peak_mb:.0f} MB"
