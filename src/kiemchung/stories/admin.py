from django.contrib import admin

from kiemchung.core.admin import ViewOnlyAdmin
from kiemchung.stories.models import Alert, Story, StoryBucket


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin[Story]):
    list_display = ("title", "first_seen", "last_seen", "doc_count")
    # Date filters, not date hierarchies: a hierarchy lists the distinct months of every
    # row, which SQLite computes row by row (bench pages).
    list_filter = (("last_seen", admin.DateFieldListFilter),)
    search_fields = ("title",)
    raw_id_fields = ("representative",)
    show_full_result_count = False


@admin.register(StoryBucket)
class StoryBucketAdmin(admin.ModelAdmin[StoryBucket]):
    list_display = ("story", "hour", "count")
    list_filter = (("hour", admin.DateFieldListFilter),)
    raw_id_fields = ("story",)


@admin.register(Alert)
class AlertAdmin(ViewOnlyAdmin, admin.ModelAdmin[Alert]):
    """Alerts come from spike detection; people handle them on the story page, audited."""

    list_display = ("story", "kind", "status", "window_start", "window_end", "count", "ratio")
    list_filter = ("status", "kind")
    raw_id_fields = ("story",)
