"""Template helpers shared by every page."""

from __future__ import annotations

from urllib.parse import urlsplit

from django import template

from kiemchung.org.names import display_name

register = template.Library()


@register.filter
def http_only(url: object) -> str:
    """A link target only when it is an http(s) URL: never javascript:, data: and friends."""
    text = str(url or "").strip()
    if urlsplit(text).scheme.lower() in ("http", "https"):
        return text
    return "#"


@register.filter
def person(user: object) -> str:
    """A person as the interface shows them: full name, else login name."""
    return display_name(user)
