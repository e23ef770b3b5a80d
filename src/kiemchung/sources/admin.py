from django.contrib import admin

from kiemchung.sources.models import Document, IngestRun, Source


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin[Source]):
    list_display = (
        "name",
        "kind",
        "location",
        "is_active",
        "next_poll_at",
        "failures",
        "last_rejected",
        "last_error",
    )
    list_filter = ("kind", "is_active")
    search_fields = ("name", "location")
    readonly_fields = (
        "last_polled_at",
        "last_success_at",
        "failures",
        "last_rejected",
        "last_error",
        "etag",
        "last_modified",
    )


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin[Document]):
    list_display = ("__str__", "source", "account", "published_at", "language", "story")
    # A date filter, not a date hierarchy: the hierarchy lists the distinct months of
    # every document, half a second at 100,000 documents on SQLite (bench pages).
    list_filter = (
        ("published_at", admin.DateFieldListFilter),
        "language",
        "account_kind",
        "platform",
        "source",
    )
    search_fields = ("title", "url")
    raw_id_fields = ("story",)
    list_select_related = ("source", "story")
    exclude = ("signature",)
    readonly_fields = ("identity", "content_hash")
    show_full_result_count = False


@admin.register(IngestRun)
class IngestRunAdmin(admin.ModelAdmin[IngestRun]):
    list_display = ("source", "origin", "started_at", "received", "added", "duplicates", "rejected")
    list_filter = ("source",)
    readonly_fields = [f.name for f in IngestRun._meta.fields]
