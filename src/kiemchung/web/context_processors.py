"""What the navigation may show to the person looking at the page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from kiemchung.org.permissions import Action, can_anywhere, sees_tasks


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_desk": False, "nav_tasks": False, "nav_collaborator": False}
    desk = can_anywhere(user, Action.VIEW_DESK)
    return {
        "nav_desk": desk,
        "nav_tasks": sees_tasks(user),
        "nav_collaborator": not desk and can_anywhere(user, Action.COLLABORATE),
    }
