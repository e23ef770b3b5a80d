"""Cases in the Django admin. The audit history is read-only: nobody adds, edits or deletes."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from kiemchung.cases.models import AuditEvent, Case, Comment, Evidence


class EvidenceInline(admin.TabularInline[Evidence, Case]):
    model = Evidence
    extra = 0
    fields = ("kind", "title", "url", "original_name", "content_type", "size", "added_by")
    readonly_fields = ("original_name", "content_type", "size")
    raw_id_fields = ("added_by",)


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin[Case]):
    list_display = ("__str__", "unit", "state", "verdict", "assignee", "updated_at")
    list_filter = ("state", "verdict", "unit")
    search_fields = ("title", "claim_text")
    date_hierarchy = "created_at"
    list_select_related = ("unit", "assignee")
    raw_id_fields = (
        "story",
        "claim",
        "tip",
        "assignee",
        "created_by",
        "verdict_by",
        "reviewed_by",
        "duplicate_of",
        "factcheck",
    )
    inlines = [EvidenceInline]


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin[Evidence]):
    list_display = ("__str__", "case", "kind", "added_by", "created_at")
    list_filter = ("kind",)
    search_fields = ("title", "url", "note", "original_name")
    raw_id_fields = ("case", "document", "added_by")
    readonly_fields = ("original_name", "content_type", "size")


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin[Comment]):
    list_display = ("__str__", "case", "author", "created_at")
    search_fields = ("text",)
    raw_id_fields = ("case", "author")


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin[AuditEvent]):
    list_display = ("created_at", "actor_name", "action", "object_type", "object_id", "case")
    list_filter = ("action", "object_type")
    search_fields = ("actor_name", "action", "object_id")
    date_hierarchy = "created_at"
    readonly_fields = [field.name for field in AuditEvent._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
