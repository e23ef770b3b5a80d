"""How many tips one address may send in an hour, counted in Django's cache.

The address itself is never kept: the cache key is an HMAC of it (keyed with the
installation's secret), and nothing about the sender reaches the database. The window
slides: a tip counts for exactly one hour after it was sent.
"""

from __future__ import annotations

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 3600
KEY_PREFIX = "kiemchung:tip-rate:"


def address_key(address: str) -> str:
    digest = hmac.new(
        settings.SECRET_KEY.encode("utf-8"), b"tip-rate|" + address.encode("utf-8"), hashlib.sha256
    )
    return KEY_PREFIX + digest.hexdigest()[:32]


def _recent(key: str, now: float) -> list[float]:
    stamps = cache.get(key) or []
    return [stamp for stamp in stamps if now - stamp < WINDOW_SECONDS]


def is_limited(address: str) -> bool:
    """True when the address has used up its tips for the last hour."""
    return len(_recent(address_key(address), time.time())) >= settings.TIP_RATE_PER_HOUR


def count_tip(address: str) -> None:
    key, now = address_key(address), time.time()
    cache.set(key, [*_recent(key, now), now], timeout=WINDOW_SECONDS)
