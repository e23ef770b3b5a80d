"""One bad record never stops the rest: it is rejected with its line, the good ones go in.

Each case below once raised, exited 1 with a traceback and stored nothing of its file.
"""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest

from kiemchung.sources.canonical import InvalidURL, canonical_url
from kiemchung.sources.models import Document, IngestRun
from kiemchung.testing.commands import run_command
from kiemchung.testing.factories import random_rows

pytestmark = pytest.mark.django_db

BAD_URLS = [
    "http://a.example:99999/x",  # port above 65535
    "http://[::1",  # broken IPv6 literal
    "http://example.com\uff03@bing.com/",  # netloc that changes under NFKC
    "http://a..b.example/",  # empty IDNA label
    "http://" + "a" * 64 + ".example/",  # IDNA label over 63 characters
    "http://a.example:port/",  # not a number
]
BAD_TIMES = [
    "0001-01-01T00:00:00+14:00",  # year 0 in UTC
    "9999-12-31T23:59:59-14:00",  # year 10000 in UTC
    "1066-10-14T09:00:00+00:00",  # not a post
    99999999999,  # Unix seconds in the year 5138
]


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def ingest(path: Path) -> tuple[int, str, str]:
    return run_command("ingest", str(path), "--workers", "1")


def rows_with(bad: dict[str, object]) -> list[str]:
    good = random_rows(2, seed=11)
    return [json.dumps(good[0]), json.dumps({**good[0], **bad}), json.dumps(good[1])]


@pytest.mark.parametrize("url", BAD_URLS)
def test_it_rejects_a_record_with_a_bad_url_and_keeps_the_others(tmp_path: Path, url: str) -> None:
    path = write_lines(tmp_path / "posts.jsonl", rows_with({"url": url, "text": "khác hẳn"}))
    code, _, err = ingest(path)
    assert code == 1
    assert "line 2: 'url' not a valid" in err
    assert "Traceback" not in err
    assert Document.objects.count() == 2


@pytest.mark.parametrize("posted_at", BAD_TIMES)
def test_it_rejects_a_time_outside_the_sane_range_and_keeps_the_others(
    tmp_path: Path, posted_at: object
) -> None:
    rows = rows_with({"posted_at": posted_at, "url": "https://social.example/other"})
    code, _, err = ingest(write_lines(tmp_path / "posts.jsonl", rows))
    assert code == 1
    assert "line 2: 'posted_at'" in err
    assert Document.objects.count() == 2


@pytest.mark.parametrize("bad", [*BAD_URLS, "http://a.example:70000/"])
def test_the_canonicaliser_raises_only_its_own_value_error(bad: str) -> None:
    with pytest.raises(InvalidURL) as raised:
        canonical_url(bad)
    assert isinstance(raised.value, ValueError)


def test_the_canonicaliser_keeps_ipv6_hosts_in_brackets() -> None:
    assert canonical_url("http://[::1]:8080/a#b") == "http://[::1]:8080/a"


def test_a_csv_field_over_the_csv_module_limit_is_accepted_within_the_record_limit(
    tmp_path: Path,
) -> None:
    path = tmp_path / "long.csv"
    long_text = "tin dài " * 20_000  # 160,000 characters, over csv's 131,072
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "url"])
        writer.writerow(["Tin ngắn thứ nhất", "https://a.example/1"])
        writer.writerow([long_text, "https://a.example/2"])
        writer.writerow(["Tin ngắn thứ ba", "https://a.example/3"])
    code, _, err = ingest(path)
    assert (code, err) == (0, "")
    assert Document.objects.count() == 3


def test_a_csv_row_over_the_record_limit_is_rejected_with_its_line(
    tmp_path: Path, settings: object
) -> None:
    settings.INGEST_MAX_RECORD_BYTES = 1000  # type: ignore[attr-defined]
    path = tmp_path / "long.csv"
    path.write_text(
        "text,url\nmột,https://a.example/1\n" + "x" * 5000 + ",https://a.example/2\nba,\n",
        encoding="utf-8",
    )
    code, _, err = ingest(path)
    assert code == 1
    assert "line 3: line longer than 1000 bytes" in err
    assert Document.objects.count() == 2


def test_an_unterminated_quote_loses_only_the_rows_it_swallows(tmp_path: Path) -> None:
    path = tmp_path / "quote.csv"
    path.write_text('text\nmột\n"hai\nba\n', encoding="utf-8")
    code, _, err = ingest(path)
    assert "Traceback" not in err
    assert code in (0, 1)
    assert Document.objects.filter(text="một").exists()


@pytest.mark.parametrize("name", ["posts.csv", "posts.jsonl"])
def test_bare_carriage_returns_end_lines(tmp_path: Path, name: str) -> None:
    rows = random_rows(3, seed=5)
    if name.endswith(".csv"):
        lines = ["text,url", *(f"{row['text']},{row['url']}" for row in rows)]
    else:
        lines = [json.dumps(row, ensure_ascii=False) for row in rows]
    path = tmp_path / name
    path.write_bytes("\r".join(lines).encode("utf-8") + b"\r")
    code, _, err = ingest(path)
    assert (code, err) == (0, "")
    assert Document.objects.count() == 3


def test_a_truncated_gzip_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    rows = random_rows(400, seed=3)
    body = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode()
    packed = gzip.compress(body)
    path = tmp_path / "posts.jsonl.gz"
    path.write_bytes(packed[: len(packed) * 2 // 3])
    code, _, err = ingest(path)
    assert code == 1
    assert "damaged or truncated" in err
    assert "Traceback" not in err
    kept = Document.objects.count()
    assert 100 < kept < 400
    run = IngestRun.objects.get()
    assert run.added == kept
    assert "damaged or truncated" in run.errors[-1]["reason"]


def test_a_gzip_damaged_at_its_start_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"text": "x"}\n' * 10)[:12])
    code, _, err = ingest(path)
    assert code == 2
    assert "refused" in err
    assert Document.objects.count() == 0


def test_a_feed_file_with_poisoned_entries_keeps_its_good_entries(tmp_path: Path) -> None:
    item = (
        "<item><title>{0}</title><link>{1}</link><description>Tin {0} đủ dài.</description>"
        "<pubDate>{2}</pubDate></item>"
    )
    good_date = "Sun, 01 Mar 2026 01:00:00 GMT"
    items = [
        item.format("một", "https://a.example/1", good_date),
        item.format("hai", "https://a.example/2", "9999-12-31T23:59:59-14:00"),
        item.format("ba", "http://[::1", good_date),
        item.format("bốn", "https://a.example:99999/4", good_date),
        item.format("năm", "https://a.example/5", good_date),
    ]
    path = tmp_path / "feed.rss"
    path.write_text(
        f'<rss version="2.0"><channel><title>Báo</title>{"".join(items)}</channel></rss>',
        encoding="utf-8",
    )
    code, _, err = ingest(path)
    assert code == 1
    assert [line.split(":")[1].strip() for line in err.splitlines()] == [
        "line 2",
        "line 3",
        "line 4",
    ]
    assert Document.objects.count() == 2
