"""Template helpers shared by every page."""

from __future__ import annotations

from urllib.parse import urlsplit

from django import template
from django.utils import formats

from kiemchung.org.names import display_name
from kiemchung.text.shorten import shorten as shorten_text

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


@register.filter
def percent(score: object) -> str:
    """A score between 0 and 1 as the one form every page shows: a whole percent ("73%")."""
    if score is None or score == "":
        return "—"
    try:
        value = float(str(score))
    except ValueError:
        return "—"
    return f"{formats.number_format(round(100 * value), use_l10n=True)}%"


@register.filter
def shorten(text: object, limit: int) -> str:
    """Text cut on a word boundary to at most ``limit`` characters, ending with "…"."""
    return shorten_text(str(text or ""), int(limit))
