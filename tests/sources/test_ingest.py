"""Ingesting files: idempotent, honest about bad records, and careful with private handles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.db import connection

from kiemchung.sources.models import Document, IngestRun, Source
from kiemchung.sources.search import search_backend
from kiemchung.sources.services import ingest_path
from kiemchung.stories.models import Story
from kiemchung.testing.commands import run_command
from kiemchung.testing.factories import STORIES, random_rows, write_jsonl

pytestmark = pytest.mark.django_db


def run_ingest(*args: str) -> tuple[int, str, str]:
    return run_command("ingest", *args)


def test_importing_the_same_file_twice_adds_nothing_the_second_time(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "posts.jsonl", random_rows(40))
    first = ingest_path(path)
    second = ingest_path(path)
    assert (first.added, first.duplicates) == (40, 0)
    assert (second.added, second.duplicates) == (0, 40)
    assert Document.objects.count() == 40


def test_tracking_parameters_do_not_make_a_new_document(tmp_path: Path) -> None:
    rows = random_rows(1)
    shared = dict(rows[0], url=rows[0]["url"] + "?utm_source=zalo&fbclid=abc#comments")
    write_jsonl(tmp_path / "a.jsonl", rows)
    write_jsonl(tmp_path / "b.jsonl", [shared])
    ingest_path(tmp_path / "a.jsonl")
    assert ingest_path(tmp_path / "b.jsonl").duplicates == 1


def test_reposts_of_one_text_by_different_accounts_are_separate_sightings(tmp_path: Path) -> None:
    text = STORIES["bank_scam"]
    rows = [{"text": text, "account": f"ban.{i}", "account_kind": "private"} for i in range(3)]
    report = ingest_path(write_jsonl(tmp_path / "reposts.jsonl", rows))
    assert report.added == 3
    assert Story.objects.get().doc_count == 3


def test_bad_records_are_reported_by_line_and_the_good_ones_go_in(tmp_path: Path) -> None:
    good = random_rows(2)
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        json.dumps(good[0], ensure_ascii=False)
        + "\n{broken\n"
        + json.dumps({"text": "x", "account_kind": "robot"})
        + "\n"
        + json.dumps(good[1], ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    code, out, err = run_ingest(str(path))
    assert code == 1
    assert "line 2: not valid JSON" in err
    assert "line 3: account_kind must be" in err
    assert "4 records read, 2 added" in out
    assert Document.objects.count() == 2
    run = IngestRun.objects.get()
    assert [e["line"] for e in run.errors] == [2, 3]


def test_a_clean_import_exits_zero_and_reports_json(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "ok.jsonl", random_rows(3))
    code, out, _ = run_ingest(str(path), "--source", "Trang tin Hòa Lâm", "--json")
    assert code == 0
    assert json.loads(out)["added"] == 3
    assert Source.objects.get().name == "Trang tin Hòa Lâm"


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1/feed.xml",
        "http://localhost:8000/",
        "http://[::1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://2130706433/",
        "http://0x7f000001/",
        "file:///etc/passwd",
        "ftp://ftp.example/feed.xml",
        "javascript:alert(1)",
    ],
)
def test_a_refused_url_exits_two_and_stores_nothing(target: str) -> None:
    code, _, err = run_ingest(target)
    assert code == 2
    assert "refused" in err
    assert Document.objects.count() == 0
    assert Source.objects.count() == 0


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02\x03" * 100])
def test_an_empty_or_binary_file_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "export.jsonl"
    path.write_bytes(content)
    code, _, err = run_ingest(str(path))
    assert code == 2
    assert "refused" in err
    assert Document.objects.count() == 0


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    code, _, err = run_ingest(str(tmp_path / "nowhere.jsonl"))
    assert code == 2
    assert "no such file" in err


def test_a_private_handle_is_never_written_anywhere(tmp_path: Path) -> None:
    handle = "Co.Ba.Ban.Rau.Hoa.Lam"
    rows = [
        {
            "text": STORIES["dam_rumour"] + f" Nghe @{handle} nói vậy.",
            "url": f"https://social.example/{handle}/posts/77",
            "account": handle,
            "account_kind": "private",
        },
        {"text": "dòng hỏng", "account": handle, "account_kind": "robot"},
    ]
    ingest_path(write_jsonl(tmp_path / "private.jsonl", rows))
    assert Document.objects.count() == 1
    assert handle.lower() not in dump_database().lower()


def dump_database() -> str:
    chunks: list[str] = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if table.startswith("sources_document_search"):
                continue  # contentless full-text index: holds no readable text
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608
            chunks.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(chunks)


def test_documents_can_be_found_with_or_without_diacritics(tmp_path: Path) -> None:
    rows = [{"text": text, "url": f"https://a.example/{name}"} for name, text in STORIES.items()]
    ingest_path(write_jsonl(tmp_path / "stories.jsonl", rows))
    search = search_backend()
    dam = Document.objects.get(url="https://a.example/dam_rumour").pk
    assert search.search("thủy điện") == [dam]
    assert search.search("thuy dien") == [dam]
    assert search.search("THỦY ĐIỆN Sông Lam") == [dam]
    assert search.search("thùy điện") == [dam]  # copies typed with other marks too


def test_fast_sqlite_times_are_written_exactly_as_django_writes_them() -> None:
    from datetime import UTC, datetime, timedelta, timezone

    from kiemchung.core.bulk import db_time

    for moment in (
        datetime(2026, 3, 1, 8, 30, tzinfo=UTC),
        datetime(2026, 3, 1, 8, 30, 5, 120, tzinfo=timezone(timedelta(hours=7))),
    ):
        assert db_time(moment) == connection.ops.adapt_datetimefield_value(moment)


def test_a_manual_entry_becomes_a_document_of_a_manual_source() -> None:
    from kiemchung.sources.records import Record
    from kiemchung.sources.services import add_manual_document

    record = Record(text=STORIES["rice_harvest"], url="https://a.example/tay", title="Tin báo tay")
    assert add_manual_document("Phóng viên nhập tay", record).added == 1
    assert add_manual_document("Phóng viên nhập tay", record).duplicates == 1
    source = Source.objects.get()
    assert (source.name, source.kind) == ("Phóng viên nhập tay", "manual")
