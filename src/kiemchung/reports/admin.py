from __future__ import annotations

from django.contrib import admin

from kiemchung.reports.models import ReportSettings


@admin.register(ReportSettings)
class ReportSettingsAdmin(admin.ModelAdmin[ReportSettings]):
    list_display = ("unit", "layout", "issuing_body", "abbreviation", "place", "signer_name")
    list_select_related = ("unit",)
    autocomplete_fields = ("unit",)
