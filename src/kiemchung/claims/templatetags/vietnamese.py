"""Dates and verdicts the way Vietnamese readers write them, for every page of the site.

``{{ moment|vn_date }}`` gives "ngày 30 tháng 9 năm 2024" when the page is in Vietnamese
and the English locale's date ("Sept. 30, 2024") when it is in English. Times are shown
in the installation's time zone.

``{{ factcheck.verdict|verdict_label }}`` gives the label we publish for a verdict: the
same Vietnamese words as the ClaimReview markup, or the English name in English.
"""

from __future__ import annotations

from datetime import date, datetime

from django import template
from django.utils import formats, timezone, translation

from kiemchung.claims.claimreview import VERDICT_LABELS_VI
from kiemchung.claims.models import Verdict

register = template.Library()


def _is_vietnamese() -> bool:
    return (translation.get_language() or "").split("-")[0] == "vi"


@register.filter
def vn_date(value: date | datetime | None) -> str:
    if not value:
        return ""
    day = value
    if isinstance(value, datetime):
        day = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    if _is_vietnamese():
        return f"ngày {day.day} tháng {day.month} năm {day.year}"
    return formats.date_format(day, "DATE_FORMAT")


@register.filter
def verdict_label(verdict: str) -> str:
    if _is_vietnamese():
        return VERDICT_LABELS_VI.get(verdict, "")
    try:
        return str(Verdict(verdict).label)
    except ValueError:
        return ""
