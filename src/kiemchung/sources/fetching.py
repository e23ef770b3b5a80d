"""Fetching public sources through the safe HTTP client, configured from settings."""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings

from kiemchung.sources.http import FetchPolicy, SafeHTTPClient


def policy_from_settings() -> FetchPolicy:
    return FetchPolicy(
        connect_timeout=settings.FETCH_CONNECT_TIMEOUT,
        read_timeout=settings.FETCH_READ_TIMEOUT,
        max_bytes=settings.FETCH_MAX_BYTES,
        max_redirects=settings.FETCH_MAX_REDIRECTS,
        retries=settings.FETCH_RETRIES,
        host_interval=settings.FETCH_HOST_INTERVAL,
        user_agent=settings.FETCH_USER_AGENT,
        allow=tuple(settings.FETCH_ALLOW),
    )


@lru_cache(maxsize=1)
def shared_client() -> SafeHTTPClient:
    """One client per process, so per-host politeness holds across sources."""
    return SafeHTTPClient(policy_from_settings())
