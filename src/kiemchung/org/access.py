"""The desk's door: logged in, and a role that lets the person see the desk."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from kiemchung.org.permissions import Action, can_anywhere, sees_tasks

View = Callable[..., HttpResponse]


def desk_required(view: View) -> View:
    """Staff pages: a liaison goes to their tasks, a collaborator to their page, anyone
    else without a role sees why not."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if can_anywhere(request.user, Action.VIEW_DESK):
            return view(request, *args, **kwargs)
        if sees_tasks(request.user):
            return redirect("org:tasks")
        if can_anywhere(request.user, Action.COLLABORATE):
            return redirect("publishing:collaborator")
        return render(request, "web/no_access.html", status=403)

    return wrapper
