"""The guide workflow, the only place that says which status may follow which.

draft → in review → published. A reviewer may send a guide back to draft, or withdraw
a published one (it leaves the public site) so that it can be corrected and reviewed
again. Services call ``transition``.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kiemchung.guides.models import GuideStatus
from kiemchung.org.permissions import Action
from kiemchung.org.workflow import Transition as Transition
from kiemchung.org.workflow import Workflow

S = GuideStatus


TRANSITIONS: tuple[Transition, ...] = (
    Transition(S.DRAFT, S.IN_REVIEW, Action.WRITE_GUIDE, _("Send for review")),
    Transition(S.IN_REVIEW, S.DRAFT, Action.REVIEW_GUIDE, _("Send back to draft")),
    Transition(S.IN_REVIEW, S.PUBLISHED, Action.REVIEW_GUIDE, _("Approve and publish")),
    Transition(S.PUBLISHED, S.DRAFT, Action.REVIEW_GUIDE, _("Withdraw from the public site")),
)


class GuideTransitionError(ValueError):
    """A status change the workflow does not allow, or whose conditions are not met."""


_WORKFLOW = Workflow(TRANSITIONS, GuideTransitionError, "a guide")
transition = _WORKFLOW.transition
transitions_from = _WORKFLOW.transitions_from
