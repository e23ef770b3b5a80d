"""Template helpers of the training pages."""

from __future__ import annotations

from django import template
from django.utils import formats, numberformat

register = template.Library()


@register.filter
def people(value: int | None) -> str:
    """A count of people in the page's language: 2500 → "2.500" in Vietnamese; "—" for none."""
    if value is None:
        return "—"
    return numberformat.format(
        value,
        formats.get_format("DECIMAL_SEPARATOR"),
        grouping=3,
        thousand_sep=formats.get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )
