"""Template helpers for pages outside the case desk (the story page's "open a case")."""

from __future__ import annotations

from typing import Any

from django import template

from kiemchung.cases.models import Case
from kiemchung.org.models import OrgUnit
from kiemchung.org.permissions import (
    Action,
    can,
    can_anywhere,
    memberships,
    units_where,
    visible_units,
)
from kiemchung.org.templatetags.kiemchung import http_only

register = template.Library()


@register.filter
def can_open_cases(user: Any) -> bool:
    """True when the user may open a case in at least one unit."""
    return can_anywhere(user, Action.OPEN_CASE)


@register.filter
def case_opening_units(user: Any) -> list[OrgUnit]:
    """Units to offer when opening a case: the user's own units where they may open one
    (not every unit below them), highest first; for a superuser, the top-level units."""
    own = {m.unit.pk: m.unit for m in memberships(user) if can(user, Action.OPEN_CASE, m.unit)}
    if not own and can_anywhere(user, Action.OPEN_CASE):
        return list(units_where(user, Action.OPEN_CASE).filter(parent=None).order_by("path"))
    return sorted(own.values(), key=lambda unit: unit.path)


@register.filter
def open_cases_of(story: Any, user: Any) -> list[Case]:
    """The open cases on a story that the user can see, oldest first."""
    if story is None or not can_anywhere(user, Action.VIEW_DESK):
        return []
    cases = Case.objects.open().filter(story=story, unit__in=visible_units(user))
    return list(cases.select_related("unit").order_by("created_at")[:10])


@register.filter
def site_or_http(url: object) -> str:
    """A path on this site ("/kiem-chung/5/") or an http(s) URL; anything else is "#"."""
    text = str(url or "").strip()
    if text.startswith("/") and not text.startswith(("//", "/\\")):
        return text
    return http_only(text)
