"""A single web page: title, main text, published time and outlet, extracted by trafilatura."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any, BinaryIO

import trafilatura

from kiemchung.sources.readers.base import ReadOptions, register
from kiemchung.sources.readers.decoding import decode_document, read_at_most
from kiemchung.sources.records import (
    InvalidField,
    Item,
    Record,
    Rejection,
    check_url,
    clean_text,
    parse_time,
)


@register("web", extensions=(".html", ".htm"), content_types=("text/html", "application/xhtml+xml"))
def read_web_page(stream: BinaryIO, options: ReadOptions) -> Iterator[Item]:
    data = read_at_most(stream, options.max_page_bytes, "page")
    markup = decode_document(data, options.charset)
    extracted: Any = trafilatura.bare_extraction(
        markup, url=options.origin or None, with_metadata=True, include_comments=False
    )
    if extracted is None or not getattr(extracted, "text", ""):
        yield Rejection(1, "no main text found in the page")
        return
    yield Record(
        text=clean_text(extracted.text),
        url=_address(extracted.url, options.origin),
        title=clean_text(extracted.title or "")[:500],
        posted_at=_published(extracted.date),
        platform="web",
        account=clean_text(extracted.sitename or extracted.hostname or "")[:200],
        account_kind="public",
        line=1,
    )


def _address(declared: str | None, origin: str) -> str:
    """The page's own canonical address when it is a valid URL, else where it was read."""
    try:
        check_url(declared or "")
    except InvalidField:
        return origin
    return declared or origin


def _published(value: str | None) -> datetime | None:
    try:
        return parse_time(value)
    except InvalidField:
        return None
