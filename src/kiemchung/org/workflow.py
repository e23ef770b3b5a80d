"""A workflow table: which status may follow which, and the permission each step needs.

Cases and guides each declare their ``Transition`` rows; ``Workflow`` answers the two
questions their services and pages ask (is this step allowed, which steps follow).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.functional import Promise

from kiemchung.org.permissions import Action


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    action: Action
    label: Promise


class Workflow:
    def __init__(
        self, transitions: Iterable[Transition], error: type[ValueError], noun: str
    ) -> None:
        self.transitions = tuple(transitions)
        self._by_pair = {(t.source, t.target): t for t in self.transitions}
        self._error = error
        self._noun = noun

    def transition(self, source: str, target: str) -> Transition:
        """The step from ``source`` to ``target``; the workflow's error when there is none."""
        found = self._by_pair.get((source, target))
        if found is None:
            raise self._error(f"{self._noun} cannot go from {source} to {target}")
        return found

    def transitions_from(self, source: str) -> list[Transition]:
        return [t for t in self.transitions if t.source == source]
