"""The case workflow: which state may follow which, and what each change requires.

new → verifying → in review → published, or closed as out of scope, duplicate,
unverifiable or already checked (answered by an existing fact-check). A reviewer may
send a case back from review to verifying. Published and closed cases are final; a
closed case may be reopened into verifying by a reviewer.
This table is the only place that says so: services call ``check_transition``.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kiemchung.cases.models import CLOSED_STATES, CaseState
from kiemchung.org.permissions import Action
from kiemchung.org.workflow import Transition as Transition
from kiemchung.org.workflow import Workflow

S = CaseState


TRANSITIONS: tuple[Transition, ...] = (
    Transition(S.NEW, S.VERIFYING, Action.WORK_CASE, _("Start verifying")),
    Transition(S.VERIFYING, S.IN_REVIEW, Action.WORK_CASE, _("Send for review")),
    Transition(S.IN_REVIEW, S.VERIFYING, Action.REVIEW_CASE, _("Send back to verifying")),
    Transition(S.IN_REVIEW, S.PUBLISHED, Action.REVIEW_CASE, _("Approve and publish")),
    *(
        Transition(source, target, Action.CLOSE_CASE, label)
        for source in (S.NEW, S.VERIFYING, S.IN_REVIEW)
        for target, label in (
            (S.OUT_OF_SCOPE, _("Close: out of scope")),
            (S.DUPLICATE, _("Close: duplicate")),
            (S.UNVERIFIABLE, _("Close: unverifiable")),
            (S.ALREADY_CHECKED, _("Close as already checked")),
        )
    ),
    *(Transition(source, S.VERIFYING, Action.REVIEW_CASE, _("Reopen")) for source in CLOSED_STATES),
)

# Targets that need more than a click: the case page asks for them in their own form.
NEEDS_FACTCHECK = frozenset({S.ALREADY_CHECKED})


class TransitionError(ValueError):
    """A state change the workflow does not allow, or whose conditions are not met."""


_WORKFLOW = Workflow(TRANSITIONS, TransitionError, "a case")
transition = _WORKFLOW.transition
transitions_from = _WORKFLOW.transitions_from
