"""Ingesting files, URLs and sources: the operations behind the commands and the worker."""

from __future__ import annotations

import gzip
import io
import logging
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from kiemchung.sources.fetching import policy_from_settings, shared_client
from kiemchung.sources.http import FetchError, validate_url
from kiemchung.sources.ingest import Ingestor, IngestReport
from kiemchung.sources.models import Source, SourceKind
from kiemchung.sources.readers import (
    READERS,
    Reader,
    ReadOptions,
    UnreadableInput,
    reader_for_content_type,
    reader_for_path,
)
from kiemchung.sources.readers.decoding import buffer
from kiemchung.sources.records import Item, Record, Rejection, Unparsed, record_from_mapping

log = logging.getLogger(__name__)

READER_KIND = {
    "feed": SourceKind.FEED,
    "web": SourceKind.WEB,
    "jsonl": SourceKind.JSONL,
    "csv": SourceKind.CSV,
}


class InputRefused(Exception):
    """The input as a whole cannot be ingested: nothing was stored."""


@dataclass(frozen=True, slots=True)
class Fetched:
    data: bytes
    url: str
    content_type: str
    charset: str | None


def is_url(target: str) -> bool:
    return "://" in target or target.lower().startswith(("javascript:", "data:", "mailto:"))


def ingest_target(target: str, source_name: str | None = None, workers: int = 1) -> IngestReport:
    """Ingest a local file path or an http(s) URL (the `kiemchung ingest` command)."""
    if is_url(target):
        return ingest_url(target, source_name)
    return ingest_path(Path(target), source_name, workers)


def ingest_path(path: Path, source_name: str | None = None, workers: int = 1) -> IngestReport:
    if not path.is_file():
        raise InputRefused(f"{path}: no such file")
    with _open_binary(path) as stream:
        reader = reader_for_path(str(path)) or _sniff_reader(stream)
        source = source_for(source_name or path.name, READER_KIND[reader.name], str(path))
        options = read_options(str(path))
        items = _checked(reader.read_for_ingest(stream, options))
        return Ingestor(source, workers=workers).run(items, str(path))


def ingest_url(url: str, source_name: str | None = None) -> IngestReport:
    try:
        validate_url(url, policy_from_settings())
        fetched = fetch(url)
    except FetchError as exc:
        raise InputRefused(f"{url}: {exc.message}") from exc
    if fetched is None:  # 304 without a conditional request: a broken server
        raise InputRefused(f"{url}: the server answered 304 Not Modified to a plain request")
    reader = reader_for_content_type(fetched.content_type) or _sniff_reader(
        buffer(io.BytesIO(fetched.data))
    )
    source = source_for(source_name or _host(url), READER_KIND[reader.name], url)
    return _ingest_fetched(source, reader, fetched)


def fetch(url: str, etag: str = "", last_modified: str = "") -> Fetched | None:
    """Fetch a URL; None when the server says it has not changed (304)."""
    result = shared_client().fetch(url, etag=etag or None, last_modified=last_modified or None)
    if result.not_modified:
        return None
    return Fetched(result.content, result.url, result.content_type or "", result.encoding)


def poll_source(source: Source) -> IngestReport | None:
    """Poll one feed or web source. Failures are recorded on the source and never raised."""
    source.last_polled_at = timezone.now()
    try:
        report = _poll(source)
    except (FetchError, UnreadableInput, InputRefused) as exc:
        _record_failure(source, str(exc))
        return None
    except Exception as exc:  # a poll must never die silently with the source still "ok"
        log.exception("polling source %s failed", source.name)
        _record_failure(source, f"{type(exc).__name__}: {exc}")
        return None
    _record_success(source, report)
    return report


def _record_success(source: Source, report: IngestReport | None) -> None:
    """A poll that worked; the entries it rejected stay visible in the source's health."""
    source.failures = 0
    source.last_rejected = report.rejected if report else 0
    source.last_error = _rejection_summary(report) if report and report.rejected else ""
    source.last_success_at = timezone.now()
    source.schedule_next()
    source.save()


def _rejection_summary(report: IngestReport) -> str:
    shown = "; ".join(str(r) for r in report.rejections[:3])
    more = report.rejected - min(3, len(report.rejections))
    suffix = f" (and {more} more)" if more > 0 else ""
    return f"{report.rejected} of {report.received} entries rejected: {shown}{suffix}"[:2000]


def _poll(source: Source) -> IngestReport | None:
    result = shared_client().fetch(
        source.location, etag=source.etag or None, last_modified=source.last_modified or None
    )
    source.etag = (result.etag or "")[:500]
    source.last_modified = (result.last_modified or "")[:100]
    if result.not_modified:
        return None
    fetched = Fetched(result.content, result.url, result.content_type or "", result.encoding)
    reader = READERS["feed"] if source.kind == SourceKind.FEED else READERS["web"]
    return _ingest_fetched(source, reader, fetched)


def _record_failure(source: Source, message: str) -> None:
    log.warning("source %s failed: %s", source.name, message)
    source.failures += 1
    source.last_error = message[:2000]
    source.schedule_next()
    source.save()


def _ingest_fetched(source: Source, reader: Reader, fetched: Fetched) -> IngestReport:
    options = read_options(fetched.url, fetched.content_type, fetched.charset)
    items = _checked(reader.read_for_ingest(io.BytesIO(fetched.data), options))
    return Ingestor(source).run(items, fetched.url)


def read_options(origin: str, content_type: str = "", charset: str | None = None) -> ReadOptions:
    """Reading options with the installation's limits."""
    megabyte = 1024 * 1024
    return ReadOptions(
        origin=origin,
        max_record_bytes=settings.INGEST_MAX_RECORD_BYTES,
        max_input_bytes=settings.INGEST_MAX_INPUT_MB * megabyte,
        max_page_bytes=settings.INGEST_MAX_PAGE_MB * megabyte,
        max_feed_bytes=settings.INGEST_MAX_FEED_MB * megabyte,
        content_type=content_type,
        charset=charset,
    )


def source_for(name: str, kind: str, location: str = "") -> Source:
    with transaction.atomic():
        source, _ = Source.objects.get_or_create(
            name=name[:200], defaults={"kind": kind, "location": location[:2000]}
        )
    return source


def add_source(name: str, kind: str, location: str, poll_minutes: int | None = None) -> Source:
    """Register a source to watch; feed and web sources are validated and polled soon."""
    if kind in (SourceKind.FEED, SourceKind.WEB):
        try:
            validate_url(location, policy_from_settings())
        except FetchError as exc:
            raise InputRefused(f"{location}: {exc.message}") from exc
    return Source.objects.create(
        name=name,
        kind=kind,
        location=location,
        poll_minutes=poll_minutes or settings.SOURCE_POLL_MINUTES,
        next_poll_at=timezone.now(),
    )


def ingest_mappings(rows: Sequence[object], source_name: str, origin: str) -> IngestReport:
    """Ingest records already decoded from JSON (the API's batches). Each one is checked
    like a line of a JSON-lines export, and numbered from 1 in the report's rejections."""
    source = source_for(source_name, SourceKind.JSONL, origin)
    return Ingestor(source).run(_mapping_items(rows), origin)


def _mapping_items(rows: Sequence[object]) -> Iterator[Item]:
    for number, row in enumerate(rows, start=1):
        if isinstance(row, dict):
            yield record_from_mapping(row, number)
        else:
            yield Rejection(number, f"expected a JSON object, got {type(row).__name__}")


def add_manual_document(source_name: str, record: Record) -> IngestReport:
    source = source_for(source_name, SourceKind.MANUAL)
    return Ingestor(source).run([record], "manual")


def _checked(items: Iterator[Item | Unparsed]) -> Iterator[Item | Unparsed]:
    """Turn a reader's refusal of the whole input into InputRefused."""
    try:
        yield from items
    except UnreadableInput as exc:
        raise InputRefused(str(exc)) from exc


@contextmanager
def _open_binary(path: Path) -> Iterator[BinaryIO]:
    if path.suffix.lower() == ".gz":
        with gzip.open(path, "rb") as stream:
            yield stream  # type: ignore[misc]
    else:
        with path.open("rb") as stream:
            yield stream


def _sniff_reader(stream: BinaryIO) -> Reader:
    """Guess the format of an input with no telling name or content type."""
    try:
        head = (stream.peek(2048) if hasattr(stream, "peek") else stream.read(0))[:2048]
    except (EOFError, OSError, zlib.error) as exc:
        raise InputRefused(f"the input is damaged or truncated ({exc})") from exc
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
        return READERS["feed"]
    if start.startswith((b"<!doctype html", b"<html", b"<")):
        return READERS["web"]
    if start.startswith(b"{"):
        return READERS["jsonl"]
    if b"," in start.split(b"\n", 1)[0]:
        return READERS["csv"]
    raise InputRefused("cannot tell the format of the input: use .jsonl, .csv, .xml or .html")


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or url
