"""The client for our own outgoing POSTs (webhooks, chat replies): the SSRF-safe client,
one attempt per call (callers retry in their own way), no redirects, small answers."""

from __future__ import annotations

import dataclasses
from functools import lru_cache

from kiemchung.sources.fetching import policy_from_settings
from kiemchung.sources.http import FetchPolicy, SafeHTTPClient

RESPONSE_BYTES = 64 * 1024


@lru_cache(maxsize=4)
def _client(policy: FetchPolicy) -> SafeHTTPClient:
    return SafeHTTPClient(policy)


def outbound_client() -> SafeHTTPClient:
    policy = dataclasses.replace(
        policy_from_settings(), retries=0, max_redirects=0, max_bytes=RESPONSE_BYTES
    )
    return _client(policy)
