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


def shared_client() -> SafeHTTPClient:
    """One client per process and policy, so per-host politeness holds across sources."""
    return _client_for(policy_from_settings())


@lru_cache(maxsize=4)
def _client_for(policy: FetchPolicy) -> SafeHTTPClient:
    return SafeHTTPClient(policy)
