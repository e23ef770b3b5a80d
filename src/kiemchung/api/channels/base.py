"""What every chat channel provides."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Protocol

from django.http import HttpRequest

from kiemchung.api.outbound import outbound_client
from kiemchung.sources.http import FetchError

LINK = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)


@dataclass(frozen=True)
class Incoming:
    """One message. ``sender`` and ``chat`` are the platform's raw ids: they live only in
    memory, for the reply; what is kept is a keyed pseudonym of ``sender``."""

    sender: str
    chat: str
    text: str
    url: str = ""


class Channel(Protocol):
    name: str

    def configured(self) -> bool:
        """True when the settings needed to verify and to reply are present."""
        ...

    def verify(self, request: HttpRequest) -> bool:
        """True when the request carries the platform's valid signature."""
        ...

    def parse(self, update: dict[str, Any]) -> Incoming | None:
        """The message in an update, or None for other updates (follows, reactions…)."""
        ...

    def reply(self, message: Incoming, text: str) -> None:
        """Answer the sender; raises ChannelError when the platform cannot be reached."""
        ...


class ChannelError(Exception):
    """A reply could not be delivered."""


def first_link(text: str) -> str:
    found = LINK.search(text)
    return found.group(0).rstrip(".,;:!?)]}") if found else ""


def post_json(url: str, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
    data = json.dumps(body, ensure_ascii=False).encode()
    all_headers = {"Content-Type": "application/json", **(headers or {})}
    try:
        result = outbound_client().post(url, data, all_headers)
    except FetchError as exc:
        raise ChannelError(exc.message) from exc
    if not 200 <= result.status < 300:
        raise ChannelError(f"HTTP {result.status} from the platform")
