"""Sliding-window rate limits kept in Django's cache (Redis when configured).

An event counts for exactly ``window_seconds`` after it happened. Keys are HMACs of what
they count (an address, a user name), so not even the cache holds a raw IP address. Used
by the login forms and the public tip form.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The peer address (put a trusted proxy's header into REMOTE_ADDR at the proxy)."""
    return str(request.META.get("REMOTE_ADDR", ""))


@dataclass(frozen=True)
class RateLimit:
    name: str
    limit: int
    window_seconds: int

    def key(self, subject: str) -> str:
        digest = hmac.new(
            settings.SECRET_KEY.encode(), f"{self.name}|{subject}".encode(), hashlib.sha256
        ).hexdigest()[:32]
        return f"kiemchung:rl:{self.name}:{digest}"

    def _recent(self, subject: str, now: float) -> list[float]:
        stamps: list[float] = cache.get(self.key(subject)) or []
        return [stamp for stamp in stamps if now - stamp < self.window_seconds]

    def count(self, subject: str) -> int:
        return len(self._recent(subject, time.time()))

    def exceeded(self, subject: str) -> bool:
        return self.count(subject) >= self.limit

    def hit(self, subject: str) -> bool:
        """Count one event; False when the subject is now over its limit."""
        now = time.time()
        stamps = [*self._recent(subject, now), now][-self.limit - 1 :]
        cache.set(self.key(subject), stamps, timeout=self.window_seconds)
        return len(stamps) <= self.limit

    def reset(self, subject: str) -> None:
        cache.delete(self.key(subject))

    def retry_minutes(self, subject: str) -> int:
        """Minutes until the subject may try again (at least one)."""
        now = time.time()
        stamps = self._recent(subject, now)
        if len(stamps) < self.limit:
            return 1
        free_at = stamps[-self.limit] + self.window_seconds
        return max(1, -(-int(free_at - now) // 60))
