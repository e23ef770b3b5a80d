"""Keyed pseudonyms for private accounts (principles.md: claims, not people)."""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings

PREFIX = "acct_"


def pseudonym(handle: str, key: str | None = None) -> str:
    """Return a stable pseudonym for ``handle`` keyed by the installation's secret.

    The handle is casefolded and stripped of a leading "@" first, so "@Ten" and "ten" are
    the same account. The raw handle cannot be recovered without the key.
    """
    secret = (key if key is not None else settings.PSEUDONYM_KEY).encode("utf-8")
    canonical = handle.strip().lstrip("@").casefold().encode("utf-8")
    digest = hmac.new(secret, canonical, hashlib.sha256).hexdigest()
    return PREFIX + digest[:20]
