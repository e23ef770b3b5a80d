"""What waits for whom on the desk: cases for a reviewer, cases by story for the queue."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet

from kiemchung.cases.models import Case, CaseState
from kiemchung.org.permissions import Action, units_where, visible_units


def awaiting_my_review(user: Any, limit: int = 15) -> list[Case]:
    """Cases in review in the units where the user reviews, oldest due first, except
    those whose verdict they wrote (a verdict is approved by someone else)."""
    cases: QuerySet[Case] = (
        Case.objects.filter(
            state=CaseState.IN_REVIEW, unit__in=units_where(user, Action.REVIEW_CASE)
        )
        .exclude(verdict_by_id=user.pk)
        .exclude(audit__action="case.verdict", audit__actor_id=user.pk)
        .select_related("unit", "verdict_by")
        .distinct()
        .order_by("due_date", "created_at")
    )
    return list(cases[:limit])


def cases_by_story(user: Any, story_ids: Iterable[int]) -> dict[int, list[Case]]:
    """The cases the user can see on each of these stories, open ones first."""
    found: dict[int, list[Case]] = {}
    cases = Case.objects.filter(story_id__in=list(story_ids), unit__in=visible_units(user))
    for case in cases.order_by("created_at"):
        found.setdefault(int(case.story_id or 0), []).append(case)
    for story_cases in found.values():
        story_cases.sort(key=lambda case: not case.is_open)
    return found
