"""Cases in the Django admin, to look at only.

Every change to a case, its evidence, its comments and the audit history goes through
``kiemchung.cases.services``, which checks the workflow and the four-eyes rule and writes
the history. The admin adds, edits and deletes none of them.
"""

from __future__ import annotations

from django.contrib import admin

from kiemchung.cases.models import AuditEvent, Case, Comment, Evidence
from kiemchung.core.admin import ViewOnlyAdmin


class EvidenceInline(ViewOnlyAdmin, admin.TabularInline[Evidence, Case]):
    model = Evidence
    extra = 0
    fields = ("kind", "title", "url", "original_name", "content_type", "size", "added_by")
    readonly_fields = ("original_name", "content_type", "size")
    raw_id_fields = ("added_by",)


@admin.register(Case)
class CaseAdmin(ViewOnlyAdmin, admin.ModelAdmin[Case]):
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
class EvidenceAdmin(ViewOnlyAdmin, admin.ModelAdmin[Evidence]):
    list_display = ("__str__", "case", "kind", "added_by", "created_at")
    list_filter = ("kind",)
    search_fields = ("title", "url", "note", "original_name")
    raw_id_fields = ("case", "document", "added_by")
    readonly_fields = ("original_name", "content_type", "size")


@admin.register(Comment)
class CommentAdmin(ViewOnlyAdmin, admin.ModelAdmin[Comment]):
    list_display = ("__str__", "case", "author", "created_at")
    search_fields = ("text",)
    raw_id_fields = ("case", "author")


@admin.register(AuditEvent)
class AuditEventAdmin(ViewOnlyAdmin, admin.ModelAdmin[AuditEvent]):
    list_display = ("created_at", "actor_name", "action", "object_type", "object_id", "case")
    list_filter = ("action", "object_type")
    search_fields = ("actor_name", "action", "object_id")
    date_hierarchy = "created_at"
    readonly_fields = [field.name for field in AuditEvent._meta.fields]
