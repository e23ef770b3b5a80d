"""Fixed-window rate limits kept in Django's cache (Redis when configured).

Keys are HMACs of what they count (an address, a user name), so not even the cache holds
a raw IP address. Used by the login form and the public tip form.
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

    def _key(self, subject: str) -> str:
        digest = hmac.new(
            settings.SECRET_KEY.encode(), f"{self.name}:{subject}".encode(), hashlib.sha256
        ).hexdigest()[:32]
        window = int(time.time() // self.window_seconds)
        return f"kiemchung:rl:{self.name}:{digest}:{window}"

    def count(self, subject: str) -> int:
        return int(cache.get(self._key(subject), 0))

    def exceeded(self, subject: str) -> bool:
        return self.count(subject) >= self.limit

    def hit(self, subject: str) -> bool:
        """Count one event; False when the subject is now over its limit."""
        key = self._key(subject)
        if cache.add(key, 1, timeout=self.window_seconds + 1):
            return self.limit >= 1
        try:
            return int(cache.incr(key)) <= self.limit
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=self.window_seconds + 1)
            return True

    def reset(self, subject: str) -> None:
        cache.delete(self._key(subject))

    def retry_minutes(self) -> int:
        remaining = self.window_seconds - int(time.time()) % self.window_seconds
        return max(1, -(-remaining // 60))
