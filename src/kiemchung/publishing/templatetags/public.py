"""Template helpers of the public pages."""

from __future__ import annotations

from django import template
from django.conf import settings

from kiemchung.claims.models import FactCheck
from kiemchung.publishing.services import public_link, public_title

register = template.Library()


@register.filter(name="public_title")
def public_title_filter(factcheck: FactCheck) -> str:
    """The heading of a fact-check: the staff's public title, else the claim reviewed."""
    return public_title(factcheck)


@register.filter(name="public_link")
def public_link_filter(factcheck: FactCheck) -> str:
    """Where a reader goes for this fact-check (see ``services.public_link``)."""
    return public_link(factcheck)


@register.filter
def is_external(factcheck: FactCheck) -> bool:
    """Whether the reader leaves our site for this fact-check."""
    return not public_link(factcheck).startswith("/")


@register.simple_tag
def publisher_name() -> str:
    """The organisation's public name (``KIEMCHUNG_PUBLISHER_NAME``)."""
    return str(settings.PUBLISHER_NAME)
