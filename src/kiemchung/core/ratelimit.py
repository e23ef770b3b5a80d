"""Rate limits that hold under any concurrency, across processes.

A subject (an address, a user name) may take ``limit`` slots per window. A slot is
*reserved before* the work it guards (``acquire``), with one atomic increment, so a
hundred parallel requests can never get more than ``limit`` slots between them: each
increment returns a distinct number and only the first ``limit`` numbers pass. A slot
that should not count (a successful login, an invalid form) is given back with
``release``. The window starts with the first slot and lasts ``window_seconds``; when it
ends, the count starts again.

The counters live in Redis (``INCR`` with an expiry, in one transaction) when
``KIEMCHUNG_REDIS_URL`` is set, and otherwise in the database (one ``INSERT … ON
CONFLICT DO UPDATE … RETURNING`` statement, on SQLite and PostgreSQL alike): never in
one process's memory, so every web process sees the same counts. Keys are HMACs of what
they count, so not even the counters hold a raw IP address. Used by the login forms,
the public tip form, the API and the public PDFs.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import time
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

from django.conf import settings
from django.db import connection, transaction
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The peer address (put a trusted proxy's header into REMOTE_ADDR at the proxy)."""
    return str(request.META.get("REMOTE_ADDR", ""))


class CounterStore(Protocol):
    def incr(self, key: str, window_seconds: int, now: float) -> tuple[int, float]:
        """Add one in the current window; the new count and when the window ends."""

    def peek(self, key: str, now: float) -> tuple[int, float]:
        """The count in the current window (0 when none) and when it ends."""

    def decr(self, key: str) -> None:
        """Give back one slot (never below zero)."""

    def delete(self, key: str) -> None: ...


class DatabaseStore:
    """Counters in the ``core_ratecounter`` table, one row per subject."""

    def _table(self) -> str:
        from kiemchung.core.models import RateCounter

        return connection.ops.quote_name(RateCounter._meta.db_table)

    def incr(self, key: str, window_seconds: int, now: float) -> tuple[int, float]:
        table = self._table()
        ends = now + window_seconds
        sql = (
            f"INSERT INTO {table} (subject, hits, resets_at) VALUES (%s, 1, %s) "  # noqa: S608
            f"ON CONFLICT (subject) DO UPDATE SET "
            f"hits = CASE WHEN {table}.resets_at <= %s THEN 1 ELSE {table}.hits + 1 END, "
            f"resets_at = CASE WHEN {table}.resets_at <= %s THEN %s "
            f"ELSE {table}.resets_at END "
            f"RETURNING hits, resets_at"
        )
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [key, ends, now, now, ends])
            hits, resets_at = cursor.fetchone()
            if hits == 1:
                # A new window: a good moment to forget windows that ended long ago.
                cursor.execute(
                    f"DELETE FROM {table} WHERE resets_at < %s",  # noqa: S608
                    [now - window_seconds],
                )
        return int(hits), float(resets_at)

    def peek(self, key: str, now: float) -> tuple[int, float]:
        from kiemchung.core.models import RateCounter

        row = RateCounter.objects.filter(subject=key, resets_at__gt=now).first()
        return (row.hits, row.resets_at) if row else (0, now)

    def decr(self, key: str) -> None:
        from django.db.models import F

        from kiemchung.core.models import RateCounter

        RateCounter.objects.filter(subject=key, hits__gt=0).update(hits=F("hits") - 1)

    def delete(self, key: str) -> None:
        from kiemchung.core.models import RateCounter

        RateCounter.objects.filter(subject=key).delete()


@dataclass
class RedisStore:
    """Counters in Redis: ``SET NX EX`` then ``INCR``, in one MULTI/EXEC transaction."""

    client: Any

    def incr(self, key: str, window_seconds: int, now: float) -> tuple[int, float]:
        pipe = self.client.pipeline(transaction=True)
        pipe.set(key, 0, ex=window_seconds, nx=True)
        pipe.incr(key)
        pipe.pttl(key)
        _created, hits, ttl_ms = pipe.execute()
        return int(hits), now + max(int(ttl_ms), 0) / 1000

    def peek(self, key: str, now: float) -> tuple[int, float]:
        pipe = self.client.pipeline(transaction=True)
        pipe.get(key)
        pipe.pttl(key)
        hits, ttl_ms = pipe.execute()
        return (int(hits), now + int(ttl_ms) / 1000) if hits is not None else (0, now)

    def decr(self, key: str) -> None:
        # Only an existing counter, so a window that just ended is not re-created.
        script = "if redis.call('GET', KEYS[1]) and tonumber(redis.call('GET', KEYS[1])) > 0 "
        script += "then return redis.call('DECR', KEYS[1]) else return 0 end"
        self.client.eval(script, 1, key)

    def delete(self, key: str) -> None:
        self.client.delete(key)


@cache
def _redis_store(url: str) -> RedisStore:
    import redis

    return RedisStore(redis.Redis.from_url(url))


def counter_store() -> CounterStore:
    """Redis when configured, the database otherwise."""
    if settings.REDIS_URL:
        return _redis_store(settings.REDIS_URL)
    return DatabaseStore()


@dataclass(frozen=True)
class RateLimit:
    name: str
    limit: int
    window_seconds: int

    def key(self, subject: str) -> str:
        digest = hmac.new(
            settings.SECRET_KEY.encode(), f"{self.name}|{subject}".encode(), hashlib.sha256
        ).hexdigest()[:32]
        return f"{settings.REDIS_PREFIX}:rl:{self.name}:{digest}"

    def acquire(self, subject: str) -> bool:
        """Reserve one slot; False (and nothing to do) when the subject has none left."""
        hits, _ends = counter_store().incr(self.key(subject), self.window_seconds, time.time())
        return hits <= self.limit

    def release(self, subject: str) -> None:
        """Give back a slot that ``acquire`` reserved and that should not count."""
        counter_store().decr(self.key(subject))

    def count(self, subject: str) -> int:
        return counter_store().peek(self.key(subject), time.time())[0]

    def exceeded(self, subject: str) -> bool:
        return self.count(subject) >= self.limit

    def reset(self, subject: str) -> None:
        counter_store().delete(self.key(subject))

    def retry_minutes(self, subject: str) -> int:
        """Minutes until the subject may try again (at least one)."""
        now = time.time()
        _hits, ends = counter_store().peek(self.key(subject), now)
        return max(1, math.ceil((ends - now) / 60))
