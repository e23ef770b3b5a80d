"""A watched feed with one poisoned entry: the entry is rejected, the rest goes in, and the
source's health says so (in `sources list` and in the admin)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, override_settings

from kiemchung.sources.models import Document, IngestRun, Source
from kiemchung.sources.services import poll_source
from kiemchung.testing.commands import run_command

ITEM = """<item><title>{title}</title><link>{link}</link>
<description>{title}: nội dung bài viết đủ dài để được nhận vào kho tin bài.</description>
<pubDate>{date}</pubDate></item>"""
GOOD_DATE = "Sun, 01 Mar 2026 01:00:00 GMT"


def feed(*items: str) -> bytes:
    body = "".join(items)
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Báo Hòa Lâm</title>{body}</channel></rss>"
    ).encode()


POISONED = feed(
    ITEM.format(title="Tin một", link="https://baohoalam.example/1", date=GOOD_DATE),
    ITEM.format(
        title="Năm mười nghìn", link="https://baohoalam.example/2", date="9999-12-31T23:59:59-14:00"
    ),
    ITEM.format(title="Cổng sai", link="https://baohoalam.example:99999/3", date=GOOD_DATE),
    ITEM.format(title="Tên miền hỏng", link="http://a..b.example/4", date=GOOD_DATE),
    ITEM.format(title="Tin năm", link="https://baohoalam.example/5", date=GOOD_DATE),
)


class Handler(BaseHTTPRequestHandler):
    body: ClassVar[bytes] = POISONED

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        self.send_header("Content-Length", str(len(Handler.body)))
        self.end_headers()
        self.wfile.write(Handler.body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    Handler.body = POISONED
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    with override_settings(FETCH_ALLOW=["127.0.0.1"], FETCH_RETRIES=0, FETCH_HOST_INTERVAL=0.0):
        yield f"http://127.0.0.1:{httpd.server_port}/rss"
    httpd.shutdown()


@pytest.fixture
def source(server: str) -> Source:
    return Source.objects.create(name="Báo Hòa Lâm", kind="feed", location=server)


@pytest.mark.django_db
def test_a_poisoned_entry_is_rejected_and_the_rest_of_the_feed_goes_in(source: Source) -> None:
    report = poll_source(source)
    assert report is not None
    assert (report.added, report.rejected) == (2, 3)
    assert sorted(Document.objects.values_list("url", flat=True)) == [
        "https://baohoalam.example/1",
        "https://baohoalam.example/5",
    ]
    run = IngestRun.objects.get()
    assert [error["line"] for error in run.errors] == [2, 3, 4]


@pytest.mark.django_db
def test_the_source_health_shows_the_rejected_entries(source: Source) -> None:
    poll_source(source)
    source.refresh_from_db()
    assert source.failures == 0
    assert source.last_rejected == 3
    assert "3 of 5 entries rejected" in source.last_error
    assert "line 2" in source.last_error
    code, out, _ = run_command("sources", "list")
    assert code == 0
    assert "rejected entries: 3 of 5 entries rejected" in out
    assert "\tok" not in out


@pytest.mark.django_db
def test_a_clean_poll_clears_the_rejections(source: Source) -> None:
    poll_source(source)
    Handler.body = feed(
        ITEM.format(title="Tin sáu", link="https://baohoalam.example/6", date=GOOD_DATE)
    )
    source.refresh_from_db()
    poll_source(source)
    source.refresh_from_db()
    assert (source.last_rejected, source.last_error) == (0, "")
    _, out, _ = run_command("sources", "list")
    assert out.rstrip().endswith("ok")


@pytest.mark.django_db
def test_an_unexpected_error_is_recorded_as_a_failure_not_left_ok(
    source: Source, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("kiemchung.sources.services._ingest_fetched", explode)
    assert poll_source(source) is None
    source.refresh_from_db()
    assert source.failures == 1
    assert "RuntimeError: boom" in source.last_error


@pytest.mark.django_db
def test_the_admin_lists_the_rejected_entries_of_a_source(source: Source) -> None:
    poll_source(source)
    admin = get_user_model().objects.create_superuser("quantri", "q@example.com", "x")
    client = Client()
    client.force_login(admin)
    page = client.get("/admin/sources/source/").content.decode()
    assert "3 of 5 entries rejected" in page
