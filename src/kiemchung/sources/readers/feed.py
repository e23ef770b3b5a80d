"""RSS and Atom feeds, parsed by feedparser (lenient with the broken feeds found in the wild)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, BinaryIO

import feedparser

from kiemchung.sources.readers.base import ReadOptions, register
from kiemchung.sources.readers.decoding import UnreadableInput
from kiemchung.sources.readers.markup import html_to_text
from kiemchung.sources.records import Item, Record, Rejection, clean_text

MAX_FEED_BYTES = 50 * 1024 * 1024
# Complaints about HTTP headers or declared encodings, not about the feed's content.
BENIGN = (feedparser.NonXMLContentType, feedparser.CharacterEncodingOverride)


@register(
    "feed",
    extensions=(".xml", ".rss", ".atom"),
    content_types=(
        "application/rss+xml",
        "application/atom+xml",
        "application/xml",
        "text/xml",
        "application/rdf+xml",
    ),
)
def read_feed(stream: BinaryIO, options: ReadOptions) -> Iterator[Item]:
    data = stream.read(MAX_FEED_BYTES + 1)
    if not data.strip():
        raise UnreadableInput("the input is empty")
    if len(data) > MAX_FEED_BYTES:
        raise UnreadableInput(f"the feed is larger than {MAX_FEED_BYTES // (1024 * 1024)} MB")
    parsed = feedparser.parse(data, response_headers=_headers(options))
    broken = parsed.bozo and not isinstance(parsed.get("bozo_exception"), BENIGN)
    if broken and not parsed.entries:
        raise UnreadableInput(f"not a readable RSS or Atom feed: {_problem(parsed)}")
    outlet = clean_text(parsed.feed.get("title", "")) or options.origin
    for number, entry in enumerate(parsed.entries, start=1):
        yield _record(entry, number, outlet)
    if broken:
        yield Rejection(
            _line(parsed),
            f"the feed is malformed after its last readable entry: {_problem(parsed)}",
        )


def _record(entry: Any, number: int, outlet: str) -> Item:
    text = _entry_text(entry)
    if not text:
        return Rejection(number, f"feed entry {number} has no text")
    return Record(
        text=text,
        url=entry.get("link", ""),
        title=clean_text(html_to_text(entry.get("title", "")))[:500],
        posted_at=_entry_time(entry),
        platform="web",
        account=outlet[:200],
        account_kind="public",
        line=number,
    )


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    body = max((c.get("value", "") for c in contents), key=len, default="")
    body = body or entry.get("summary", "")
    return clean_text(html_to_text(body))


def _entry_time(entry: Any) -> datetime | None:
    parsed: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed is None:
        return None
    return datetime(*parsed[:6], tzinfo=UTC)


def _headers(options: ReadOptions) -> dict[str, str] | None:
    if not options.content_type:
        return None
    return {"content-location": options.origin, "content-type": options.content_type}


def _problem(parsed: Any) -> str:
    exc = parsed.get("bozo_exception")
    message = getattr(exc, "getMessage", None)
    return str(message() if callable(message) else exc)


def _line(parsed: Any) -> int:
    exc = parsed.get("bozo_exception")
    getter = getattr(exc, "getLineNumber", None)
    return int(getter()) if callable(getter) else 0
