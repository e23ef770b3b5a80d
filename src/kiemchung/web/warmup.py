"""Warm the web process before it serves: no request pays for loading a model.

Loading is lazy everywhere (so management commands start fast), which made the first
search after a start take 4 to 9 seconds: the URL configuration imports scikit-learn
(about 4 s on a busy two-core machine), the sentence embedder loads and embeds its first
text, the fact-check index is built from the database, the triage model is read from
disk. ``kiemchung.wsgi`` calls ``warm_up()`` once, before the server (``runserver`` or
gunicorn) accepts a connection. Each step is in ``WARMERS``; one that fails (a database
not migrated yet, a model missing) is logged and skipped: the request that needs it then
loads it as before.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from django.conf import settings

log = logging.getLogger(__name__)


def _url_patterns() -> None:
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018  (imports every view and what it needs)


def _embedder() -> None:
    from kiemchung.matching.embedders import get_embedder

    embedder = get_embedder(settings.EMBEDDER)
    if embedder is not None:
        embedder.embed(["kiểm chứng"])


def _factcheck_index() -> None:
    from kiemchung.claims.matching_service import factcheck_index

    factcheck_index(embed_on_build=0)


def _triage_model() -> None:
    from kiemchung.claims.triage_service import latest_model

    latest_model()


WARMERS: dict[str, Callable[[], None]] = {
    "url patterns": _url_patterns,
    "embedder": _embedder,
    "fact-check index": _factcheck_index,
    "triage model": _triage_model,
}


def warm_up() -> dict[str, float]:
    """Run every warmer; the seconds each took (failed ones are left out)."""
    took: dict[str, float] = {}
    for name, warmer in WARMERS.items():
        start = time.perf_counter()
        try:
            warmer()
        except Exception:  # a cold process still works: it loads on first use
            log.warning("warm-up step %r failed; it will load on first use", name, exc_info=True)
            continue
        took[name] = round(time.perf_counter() - start, 3)
    log.info("web process warmed up: %s", took)
    return took
