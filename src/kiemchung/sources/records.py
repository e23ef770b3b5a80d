"""The import schema: one incoming record, or the reason a record was rejected.

Every reader (JSON lines, CSV, feeds, web pages) turns its input into ``Record`` and
``Rejection`` items. Validation of the documented social-media export schema lives here,
so that JSON lines and CSV accept exactly the same records.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, unquote, unquote_plus, urlsplit, urlunsplit
from zoneinfo import ZoneInfo

import orjson
from django.conf import settings

from kiemchung.core.pseudonym import pseudonym
from kiemchung.sources.canonical import InvalidURL
from kiemchung.sources.canonical import check_url as valid_url

SCHEMA_FIELDS = (
    "platform",
    "url",
    "title",
    "text",
    "posted_at",
    "account",
    "account_kind",
    "likes",
    "comments",
    "shares",
)
ACCOUNT_KINDS = ("public", "private")
MAX_COUNT = 2_000_000_000
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Times outside these bounds are typing errors or attacks, not posts: they would overflow
# on conversion to UTC (year 1 at +14:00, year 9999 at -14:00) or skew the stories' growth.
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 1, 1, tzinfo=UTC)


@dataclass(slots=True)
class Record:
    text: str
    url: str = ""
    title: str = ""
    posted_at: datetime | None = None
    platform: str = ""
    account: str = ""
    account_kind: str = "public"
    likes: int = 0
    comments: int = 0
    shares: int = 0
    line: int = 0


@dataclass(frozen=True, slots=True)
class Rejection:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}" if self.line else self.reason


Item = Record | Rejection


@dataclass(frozen=True, slots=True)
class Unparsed:
    """A record still in its input's text: a line of a JSON-lines export.

    A reader may leave its records undecoded for the ingest (``Reader.read_for_ingest``):
    the text-stage workers decode and check them, off the main process, with exactly
    the checks the reader would have made.
    """

    line: int
    text: str

    def parse(self) -> Item:
        return record_from_json(self.text, self.line)


def record_from_json(text: str, line: int) -> Item:
    """One line of a JSON-lines export, decoded and checked."""
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        return Rejection(line, f"not valid JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(data, dict):
        return Rejection(line, f"expected a JSON object, got {type(data).__name__}")
    return record_from_mapping(data, line)


class InvalidField(ValueError):
    """A field of a record has a value the schema does not allow."""


def record_from_mapping(data: Mapping[str, Any], line: int) -> Item:
    """Validate one record of the export schema; private handles become pseudonyms here."""
    try:
        record = _build(data, line)
    except InvalidField as exc:
        return Rejection(line, str(exc))
    return protect_private_account(record)


def clean_text(value: str) -> str:
    """Display text: NFC (canonically equal, so it looks the same) without control bytes."""
    return CONTROL_CHARS.sub("", unicodedata.normalize("NFC", value)).strip()


def protect_private_account(record: Record) -> Record:
    """Replace a private account's handle by its pseudonym, in the account and the URL."""
    if record.account_kind != "private" or not record.account:
        return record
    handle = record.account.strip().lstrip("@")
    alias = pseudonym(handle)
    record.account = alias
    if handle and record.url:
        record.url = url_without_handle(record.url, handle, alias)
    if handle:
        mention = "@" + re.escape(handle) + r"(?![\w-]|\.\w)"  # not "@an" in "@anh.tuan"
        record.text = re.sub(mention, "@" + alias, record.text, flags=re.IGNORECASE)
    return record


# Hosts that give each person a page of their own as a subdomain ("<name>.blogspot.com"):
# there, the label just before the host names the account. Only such shared hosts: a
# site's own domain ("nguyenvana.vn") may be an outlet's, and is never changed.
PERSONAL_PAGE_HOSTS = frozenset(
    """blogspot.com wordpress.com tumblr.com substack.com medium.com github.io
    wixsite.com weebly.com livejournal.com""".split()
)
# File types a post's photo, video or attachment has: a name with one of these endings is
# a file name, searched for the handle as a word.
FILE_EXTENSIONS = frozenset(
    """jpg jpeg png gif webp heic heif bmp tif tiff svg avif mp4 mov m4v webm mkv avi 3gp
    mp3 m4a aac ogg wav pdf doc docx xls xlsx ppt pptx zip rar""".split()
)
# Characters a percent-encoded file name keeps as they are (RFC 3986 pchar, less "%").
_PATH_SAFE = "!$&'()*+,;=:@-._~"


def url_without_handle(url: str, handle: str, alias: str) -> str:
    """``url`` with every part that names ``handle`` set to ``alias``.

    The parts that name an account, and nothing else:

    - a path segment or a query value that is the handle (percent-decoded,
      case-insensitively, with or without a leading "@");
    - the first label of a host on ``PERSONAL_PAGE_HOSTS`` when it is the handle
      ("nguyenvana.blogspot.com", not "www.nguyenvana.blogspot.com", never an outlet's
      own domain such as "nguyenvana.vn" or "vnexpress.net");
    - in a file name (a segment ending in one of ``FILE_EXTENSIONS``), the handle as a
      word: not touching a letter or digit on either side ("nguyenvana_2024.jpg",
      "2024-nguyenvana.png"; not "nguyenvanan.jpg" or "nguyenvana2024.jpg").

    So a handle "an" leaves "/an-toan-123", "an.social.example" and "?lang=an-vi" alone.
    Parts that do not name the handle keep their exact spelling; a URL that names it
    nowhere is returned byte for byte.
    """
    parts = urlsplit(url)
    netloc = _netloc_without_handle(parts.netloc, handle, alias)
    segments = [_segment_without_handle(part, handle, alias) for part in parts.path.split("/")]
    pairs = [_pair_without_handle(pair, handle, alias) for pair in parts.query.split("&")]
    path, query = "/".join(segments), "&".join(pairs)
    if (netloc, path, query) == (parts.netloc, parts.path, parts.query):
        return url  # unchanged, byte for byte (a round trip may respell an empty query)
    return urlunsplit(parts._replace(netloc=netloc, path=path, query=query))


def _names_handle(text: str, handle: str) -> str | None:
    """The prefix ("" or "@") when ``text`` is ``handle`` itself, else ``None``."""
    folded = handle.casefold()
    text = unicodedata.normalize("NFC", text)
    if text.casefold() == folded:
        return ""
    if text.startswith("@") and text[1:].casefold() == folded:
        return "@"
    return None


def _netloc_without_handle(netloc: str, handle: str, alias: str) -> str:
    """``user@host:port`` with a personal page's label ``handle`` set to ``alias``."""
    userinfo, at, host_port = netloc.rpartition("@")
    host, colon, port = host_port.partition(":")
    label, dot, shared = host.partition(".")
    if shared.casefold() not in PERSONAL_PAGE_HOSTS or label.casefold() != handle.casefold():
        return netloc  # (an internationalised host's "xn--" label never equals a handle)
    return f"{userinfo}{at}{alias}{dot}{shared}{colon}{port}"


def _segment_without_handle(segment: str, handle: str, alias: str) -> str:
    prefix = _names_handle(unquote(segment), handle)
    if prefix is None:
        return _file_name_without_handle(segment, handle, alias)
    return prefix + alias


def _file_name_without_handle(segment: str, handle: str, alias: str) -> str:
    """A file name with the handle, as a word of its name, set to ``alias``."""
    name = unicodedata.normalize("NFC", unquote(segment))
    stem, dot, extension = name.rpartition(".")
    if not dot or extension.casefold() not in FILE_EXTENSIONS:
        return segment
    wanted = re.escape(unicodedata.normalize("NFC", handle))
    word = re.compile(rf"(?<![^\W_]){wanted}(?![^\W_])", re.IGNORECASE)
    renamed = word.sub(alias, stem)
    return segment if renamed == stem else quote(renamed + dot + extension, safe=_PATH_SAFE)


def _pair_without_handle(pair: str, handle: str, alias: str) -> str:
    name, sep, value = pair.partition("=")
    prefix = _names_handle(unquote_plus(value), handle) if sep else None
    return pair if prefix is None else f"{name}={quote(prefix)}{alias}"


def _build(data: Mapping[str, Any], line: int) -> Record:
    text = _text(data, "text")
    if not text:
        raise InvalidField("the 'text' field is missing or empty")
    account = _text(data, "account")
    kind = _text(data, "account_kind").lower() or ("private" if account else "public")
    if kind not in ACCOUNT_KINDS:
        raise InvalidField(f"account_kind must be 'public' or 'private', got {kind!r}")
    return Record(
        text=text,
        url=_url(data),
        title=_text(data, "title")[:500],
        posted_at=parse_time(data.get("posted_at")),
        platform=_text(data, "platform")[:32].lower(),
        account=account[:200],
        account_kind=kind,
        likes=_count(data, "likes"),
        comments=_count(data, "comments"),
        shares=_count(data, "shares"),
        line=line,
    )


def _text(data: Mapping[str, Any], name: str) -> str:
    value = data.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        if isinstance(value, int | float):
            return str(value)
        raise InvalidField(f"'{name}' must be text, got {type(value).__name__}")
    return clean_text(value)


def _url(data: Mapping[str, Any]) -> str:
    url = _text(data, "url")
    check_url(url)
    return url


def check_url(url: str) -> None:
    """Raise ``InvalidField`` for a URL that cannot be canonicalised."""
    try:
        valid_url(url)
    except InvalidURL as exc:
        raise InvalidField(f"'url' {exc}") from None


def _count(data: Mapping[str, Any], name: str) -> int:
    value = data.get(name)
    if value is None or value == "":
        return 0
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InvalidField(f"'{name}' must be a count, got {value!r}") from None
    if number != number or number < 0 or number > MAX_COUNT:  # NaN, negative, absurd
        raise InvalidField(f"'{name}' must be a count between 0 and {MAX_COUNT}, got {value!r}")
    return int(number)


def parse_time(value: Any) -> datetime | None:
    """ISO 8601 text or Unix seconds; naive times are in the installation's time zone."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise InvalidField(f"'posted_at' must be a date and time, got {value!r}")
    if isinstance(value, int | float) or (isinstance(value, str) and _looks_numeric(value)):
        return _from_unix(float(value))
    if not isinstance(value, str):
        raise InvalidField(f"'posted_at' must be a date and time, got {value!r}")
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise InvalidField(f"'posted_at' is not an ISO 8601 date and time: {value!r}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(settings.TIME_ZONE))
    return checked_time(moment)


def checked_time(moment: datetime) -> datetime:
    """``moment`` when it lies between 1900 and 2200 (UTC); else ``InvalidField``."""
    try:
        in_utc = moment.astimezone(UTC)
    except (OverflowError, ValueError):
        in_utc = None
    if in_utc is None or not EARLIEST <= in_utc < LATEST:
        raise InvalidField(
            f"'posted_at' is out of range ({EARLIEST.year}-{LATEST.year}): {moment.isoformat()}"
        )
    return moment


def _looks_numeric(value: str) -> bool:
    return bool(re.fullmatch(r"\s*\d{9,11}(\.\d+)?\s*", value))


def _from_unix(seconds: float) -> datetime:
    try:
        moment = datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        raise InvalidField(f"'posted_at' is not a valid Unix time: {seconds!r}") from None
    return checked_time(moment)
