"""The guide workflow, the only place that says which status may follow which.

draft → in review → published. A reviewer may send a guide back to draft, or withdraw
a published one (it leaves the public site) so that it can be corrected and reviewed
again. Services call ``transition``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kiemchung.guides.models import GuideStatus
from kiemchung.org.permissions import Action

S = GuideStatus


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    action: Action
    label: Promise


TRANSITIONS: tuple[Transition, ...] = (
    Transition(S.DRAFT, S.IN_REVIEW, Action.WRITE_GUIDE, _("Send for review")),
    Transition(S.IN_REVIEW, S.DRAFT, Action.REVIEW_GUIDE, _("Send back to draft")),
    Transition(S.IN_REVIEW, S.PUBLISHED, Action.REVIEW_GUIDE, _("Approve and publish")),
    Transition(S.PUBLISHED, S.DRAFT, Action.REVIEW_GUIDE, _("Withdraw from the public site")),
)

_BY_PAIR = {(t.source, t.target): t for t in TRANSITIONS}


class GuideTransitionError(ValueError):
    """A status change the workflow does not allow, or whose conditions are not met."""


def transition(source: str, target: str) -> Transition:
    found = _BY_PAIR.get((source, target))
    if found is None:
        raise GuideTransitionError(f"a guide cannot go from {source} to {target}")
    return found


def transitions_from(source: str) -> list[Transition]:
    return [t for t in TRANSITIONS if t.source == source]
