"""The scheduler: idempotent periodic handlers, run from the worker (pretix-style).

The handlers are registered in ``kiemchung.core.periodic``; the ones below are the
pipeline's own, which call into several apps."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from django.db import close_old_connections

from kiemchung.core.periodic import DRAINABLE, PERIODIC, periodic

log = logging.getLogger(__name__)
task_log = logging.getLogger("kiemchung.tasks")

MAX_DRAIN_ROUNDS = 100_000


def tick(drain: bool = False) -> dict[str, object]:
    """Run every periodic handler once (``drain``: the drainable ones until their queue
    is empty); one failing handler never stops the others."""
    results: dict[str, object] = {}
    for name, handler in PERIODIC:
        started = time.perf_counter()
        outcome = "successful"
        try:
            results[name] = _drain(handler) if drain and name in DRAINABLE else handler()
        except Exception:
            log.exception("periodic job %s failed", name)
            results[name] = outcome = "failed"
        finally:
            close_old_connections()
        _log_job(name, outcome, results[name], (time.perf_counter() - started) * 1000)
    return results


def _log_job(name: str, outcome: str, result: object, duration_ms: float) -> None:
    """One line per periodic job; at DEBUG when it found nothing to do (every 30 s)."""
    idle = outcome == "successful" and not result
    level = logging.DEBUG if idle else logging.ERROR if outcome == "failed" else logging.INFO
    event = {"task": name, "kind": "periodic", "duration_ms": round(duration_ms, 1)}
    event |= {"outcome": outcome, "result": result if isinstance(result, int | str) else None}
    task_log.log(
        level, "periodic %s %s %.1f ms", name, outcome, duration_ms, extra={"event": event}
    )


def _drain(handler: Callable[[], object]) -> int:
    total = 0
    for _ in range(MAX_DRAIN_ROUNDS):
        done = handler()
        if not isinstance(done, int) or done <= 0:
            break
        total += done
    return total


def run_forever(interval: float, stop: threading.Event) -> None:
    while not stop.is_set():
        tick()
        stop.wait(interval)


def start_thread(interval: float) -> threading.Event:
    stop = threading.Event()
    thread = threading.Thread(
        target=run_forever, args=(interval, stop), daemon=True, name="scheduler"
    )
    thread.start()
    return stop


@periodic("poll_sources")
def _poll_sources() -> int:
    from kiemchung.sources.tasks import enqueue_due_sources

    return enqueue_due_sources()


@periodic("extract_claims", drain=True)
def _extract_claims() -> int:
    from kiemchung.claims.extraction import extract_pending

    return extract_pending()


@periodic("embed_knowledge_base")
def _embed_knowledge_base() -> int:
    from kiemchung.claims.matching_service import embed_knowledge_base

    return embed_knowledge_base()


@periodic("match_claims", drain=True)
def _match_claims() -> int:
    from kiemchung.claims.matching_service import match_pending

    return match_pending()


@periodic("score_stories", drain=True)
def _score_stories() -> int:
    from kiemchung.claims.triage_service import score_stories

    return score_stories()


@periodic("send_task_reminders")
def _send_task_reminders() -> int:
    from kiemchung.org.services import send_reminders

    return send_reminders()
