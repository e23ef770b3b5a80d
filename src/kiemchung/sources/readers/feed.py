"""RSS and Atom feeds, parsed by feedparser (lenient with the broken feeds found in the wild)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, BinaryIO

import feedparser

from kiemchung.sources.readers.base import ReadOptions, register
from kiemchung.sources.readers.decoding import UnreadableInput, read_at_most
from kiemchung.sources.readers.markup import html_to_text
from kiemchung.sources.records import (
    InvalidField,
    Item,
    Record,
    Rejection,
    check_url,
    checked_time,
    clean_text,
)

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
    data = read_at_most(stream, options.max_feed_bytes, "feed")
    if not data.strip():
        raise UnreadableInput("the input is empty")
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
    try:
        return _checked_record(entry, number, outlet)
    except InvalidField as exc:
        return Rejection(number, f"feed entry {number}: {exc}")


def _checked_record(entry: Any, number: int, outlet: str) -> Item:
    text = _entry_text(entry)
    if not text:
        return Rejection(number, f"feed entry {number} has no text")
    url = clean_text(str(entry.get("link", "")))
    check_url(url)
    return Record(
        text=text,
        url=url,
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
    try:
        moment = datetime(*parsed[:6], tzinfo=UTC)
    except (TypeError, ValueError, OverflowError):  # a year 10000, a month 13
        raise InvalidField(f"'published' is not a valid date: {tuple(parsed[:6])}") from None
    return checked_time(moment)


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
