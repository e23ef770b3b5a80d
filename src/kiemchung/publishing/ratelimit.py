"""How many tips one address may send in an hour (``KIEMCHUNG_TIP_RATE_PER_HOUR``).

The address itself is never kept: ``kiemchung.core.ratelimit`` counts under an HMAC of
it (in Redis or the database), and nothing about the sender reaches the database.
"""

from __future__ import annotations

from django.conf import settings

from kiemchung.core.ratelimit import RateLimit

WINDOW_SECONDS = 3600


def _limit() -> RateLimit:
    return RateLimit("tip", settings.TIP_RATE_PER_HOUR, WINDOW_SECONDS)


def take_slot(address: str) -> bool:
    """Reserve one of the address's tips for this hour; False when none is left."""
    return _limit().acquire(address)


def give_back(address: str) -> None:
    """A reserved tip that was not sent (the form was wrong) does not count."""
    _limit().release(address)
