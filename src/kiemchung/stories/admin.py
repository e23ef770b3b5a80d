from django.contrib import admin

from kiemchung.stories.models import Alert, Story, StoryBucket


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin[Story]):
    list_display = ("title", "first_seen", "last_seen", "doc_count")
    search_fields = ("title",)
    date_hierarchy = "last_seen"
    raw_id_fields = ("representative",)
    show_full_result_count = False


@admin.register(StoryBucket)
class StoryBucketAdmin(admin.ModelAdmin[StoryBucket]):
    list_display = ("story", "hour", "count")
    raw_id_fields = ("story",)
    date_hierarchy = "hour"


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin[Alert]):
    list_display = ("story", "kind", "status", "window_start", "window_end", "count", "ratio")
    list_filter = ("status", "kind")
    list_editable = ("status",)
    raw_id_fields = ("story",)
