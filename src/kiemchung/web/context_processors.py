"""What the navigation may show to the person looking at the page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from kiemchung.org.permissions import Action, can_anywhere, sees_tasks


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_desk": False, "nav_tasks": False}
    return {
        "nav_desk": can_anywhere(user, Action.VIEW_DESK),
        "nav_tasks": sees_tasks(user),
    }
