"""Guides in the Django admin, to look at only: they change through the staff pages,
which check the workflow and four eyes and write the history."""

from __future__ import annotations

from django.contrib import admin

from kiemchung.core.admin import ViewOnlyAdmin
from kiemchung.guides.models import Guide


@admin.register(Guide)
class GuideAdmin(ViewOnlyAdmin, admin.ModelAdmin[Guide]):
    list_display = ("title", "status", "topic", "unit", "published_at")
    list_filter = ("status", "topic")
    search_fields = ("title", "summary")
