"""Watching sources: the worker polls due feeds politely; a failing source never stops others."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from kiemchung.sources.models import Document, Source
from kiemchung.sources.services import poll_source
from kiemchung.sources.tasks import enqueue_due_sources

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Báo Hòa Lâm</title>
<item><title>Khánh thành cầu Bến Đò</title><link>https://baohoalam.example/cau</link>
<description>Cầu Bến Đò dài 320 mét được khánh thành sáng nay, nối hai xã ven sông.</description>
<pubDate>Sun, 01 Mar 2026 01:00:00 GMT</pubDate></item>
<item><title>Lịch cắt điện</title><link>https://baohoalam.example/dien</link>
<description>Điện lực thông báo cắt điện khu phố 3 từ 8h đến 15h30 để bảo trì.</description>
<pubDate>Sun, 01 Mar 2026 02:00:00 GMT</pubDate></item>
</channel></rss>""".encode()


class FeedHandler(BaseHTTPRequestHandler):
    seen: ClassVar[list[dict[str, str]]] = []

    def do_GET(self) -> None:
        FeedHandler.seen.append(
            {"path": self.path, **{k.lower(): v for k, v in self.headers.items()}}
        )
        if self.path == "/broken":
            self.send_response(500)
            self.end_headers()
            return
        if self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        self.send_header("ETag", '"v1"')
        self.send_header("Content-Length", str(len(FEED)))
        self.end_headers()
        self.wfile.write(FEED)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def feed_server() -> Iterator[str]:
    FeedHandler.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FeedHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    with override_settings(FETCH_ALLOW=["127.0.0.1"], FETCH_RETRIES=0, FETCH_HOST_INTERVAL=0.0):
        yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.mark.django_db
def test_a_feed_is_polled_then_only_asked_whether_it_changed(feed_server: str) -> None:
    source = Source.objects.create(name="Báo Hòa Lâm", kind="feed", location=f"{feed_server}/rss")
    first = poll_source(source)
    assert first is not None and first.added == 2
    assert poll_source(source) is None  # 304: nothing to read
    assert FeedHandler.seen[-1]["if-none-match"] == '"v1"'
    source.refresh_from_db()
    assert source.etag == '"v1"'
    assert source.failures == 0 and source.next_poll_at is not None


@pytest.mark.django_db
def test_a_failing_source_records_its_error_and_backs_off(feed_server: str) -> None:
    source = Source.objects.create(
        name="Hỏng", kind="feed", location=f"{feed_server}/broken", poll_minutes=30
    )
    assert poll_source(source) is None
    assert poll_source(source) is None
    source.refresh_from_db()
    assert source.failures == 2
    assert "500" in source.last_error
    assert source.next_poll_at is not None
    assert source.next_poll_at - timezone.now() > timedelta(minutes=100)  # 30 min doubled twice


@pytest.mark.django_db(transaction=True)
def test_the_worker_polls_due_sources_and_a_broken_one_does_not_stop_the_others(
    feed_server: str,
) -> None:
    call_command("sources", "add", "Hỏng", f"{feed_server}/broken", stdout=io.StringIO())
    call_command("sources", "add", "Báo Hòa Lâm", f"{feed_server}/rss", stdout=io.StringIO())
    call_command("worker", "--batch", stdout=io.StringIO(), stderr=io.StringIO())
    assert Document.objects.count() == 2
    assert Source.objects.get(name="Hỏng").failures == 1
    assert enqueue_due_sources() == 0  # both were rescheduled into the future


@pytest.mark.django_db
def test_the_scheduler_enqueues_a_due_source_only_once(feed_server: str) -> None:
    Source.objects.create(name="Báo", kind="feed", location=f"{feed_server}/rss")
    assert enqueue_due_sources() == 1
    assert enqueue_due_sources() == 0


@pytest.mark.django_db
def test_a_url_can_be_ingested_directly(feed_server: str) -> None:
    call_command("ingest", f"{feed_server}/rss", stdout=io.StringIO())
    assert Document.objects.count() == 2
    assert Source.objects.get().kind == "feed"


@pytest.mark.django_db
def test_adding_a_source_with_a_private_address_is_refused() -> None:
    with pytest.raises(Exception, match="refused"):
        call_command("sources", "add", "Nội bộ", "http://10.0.0.5/rss", stdout=io.StringIO())
    assert not Source.objects.exists()
