"""Template helpers for pages outside the case desk (the story page's "open a case")."""

from __future__ import annotations

from typing import Any

from django import template

from kiemchung.org.permissions import Action, can_anywhere
from kiemchung.web.templatetags.kiemchung import http_only

register = template.Library()


@register.filter
def can_see_cases(user: Any) -> bool:
    """True when the user sees the case desk of at least one unit."""
    return can_anywhere(user, Action.VIEW_DESK)


@register.filter
def can_open_cases(user: Any) -> bool:
    """True when the user may open a case in at least one unit."""
    return can_anywhere(user, Action.OPEN_CASE)


@register.filter
def site_or_http(url: object) -> str:
    """A path on this site ("/kiem-chung/5/") or an http(s) URL; anything else is "#"."""
    text = str(url or "").strip()
    if text.startswith("/") and not text.startswith(("//", "/\\")):
        return text
    return http_only(text)
