"""The registry of periodic jobs: any app registers an idempotent handler here.

The foundation only keeps the list; ``kiemchung.ops.scheduler`` runs it from the worker.
"""

from __future__ import annotations

from collections.abc import Callable

PERIODIC: list[tuple[str, Callable[[], object]]] = []
DRAINABLE: set[str] = set()


def periodic(
    name: str, drain: bool = False
) -> Callable[[Callable[[], object]], Callable[[], object]]:
    """Register an idempotent handler that the scheduler runs at every tick.

    ``drain``: the handler does a bounded chunk of queued work and returns how much it
    did; a draining tick (``kiemchung worker --batch``) calls it again until nothing is
    left. Each chunk commits as it goes."""

    def decorate(func: Callable[[], object]) -> Callable[[], object]:
        PERIODIC.append((name, func))
        if drain:
            DRAINABLE.add(name)
        return func

    return decorate
