"""Rate limits reserve a slot before the work, atomically, in a store every process shares."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from django.test import override_settings

from kiemchung.core import ratelimit
from kiemchung.core.models import RateCounter
from kiemchung.core.ratelimit import RateLimit

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["database", "redis"])
def store(request: pytest.FixtureRequest) -> Iterator[str]:
    if request.param == "database":
        with override_settings(REDIS_URL=""):
            yield "database"
        return
    url = os.environ.get("KIEMCHUNG_TEST_REDIS_URL")
    if not url:
        pytest.skip("set KIEMCHUNG_TEST_REDIS_URL (e.g. redis://127.0.0.1:6379/15)")
    with override_settings(REDIS_URL=url, REDIS_PREFIX=f"kiemchung-test-{uuid.uuid4().hex[:8]}"):
        yield "redis"


def test_it_grants_exactly_the_limit_then_refuses(store: str) -> None:
    limit = RateLimit("t", 3, 60)
    assert [limit.acquire("a") for _ in range(5)] == [True, True, True, False, False]
    assert limit.acquire("b")


def test_a_released_slot_can_be_taken_again(store: str) -> None:
    limit = RateLimit("t", 2, 60)
    assert limit.acquire("a") and limit.acquire("a")
    limit.release("a")
    assert limit.acquire("a")
    assert not limit.acquire("a")


def test_a_reset_gives_the_subject_a_fresh_window(store: str) -> None:
    limit = RateLimit("t", 1, 60)
    assert limit.acquire("a")
    assert limit.exceeded("a")
    limit.reset("a")
    assert limit.count("a") == 0
    assert limit.acquire("a")


def test_the_count_starts_again_when_the_window_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    limit = RateLimit("t", 1, 60)
    now = [1_000_000.0]
    monkeypatch.setattr(ratelimit.time, "time", lambda: now[0])
    assert limit.acquire("a")
    assert not limit.acquire("a")
    assert limit.retry_minutes("a") == 1
    now[0] += 61
    assert limit.acquire("a")


def test_without_redis_the_counters_are_in_the_database_under_an_hmac() -> None:
    with override_settings(REDIS_URL=""):
        RateLimit("login-address", 5, 60).acquire("203.0.113.9")
    row = RateCounter.objects.get()
    assert "203.0.113.9" not in row.subject
    assert row.hits == 1
