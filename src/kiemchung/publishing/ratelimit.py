"""How many tips one address may send in an hour (``KIEMCHUNG_TIP_RATE_PER_HOUR``).

The address itself is never kept: ``kiemchung.core.ratelimit`` counts under an HMAC of
it, in the cache, and nothing about the sender reaches the database.
"""

from __future__ import annotations

from django.conf import settings

from kiemchung.core.ratelimit import RateLimit

WINDOW_SECONDS = 3600


def _limit() -> RateLimit:
    return RateLimit("tip", settings.TIP_RATE_PER_HOUR, WINDOW_SECONDS)


def is_limited(address: str) -> bool:
    """True when the address has used up its tips for the last hour."""
    return _limit().exceeded(address)


def count_tip(address: str) -> None:
    _limit().hit(address)
