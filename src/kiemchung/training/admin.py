from django.contrib import admin

from kiemchung.training.models import (
    Material,
    OutreachActivity,
    OutsideGroup,
    Participant,
    TrainingSession,
)


class ParticipantInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Participant
    extra = 0
    raw_id_fields = ("user",)
    readonly_fields = ("reminded_at",)


class OutsideGroupInline(admin.TabularInline):  # type: ignore[type-arg]
    model = OutsideGroup
    extra = 0


class MaterialInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Material
    extra = 0
    fields = ("title", "original_name", "content_type", "size", "uploaded_at")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request: object, obj: object = None) -> bool:
        return False  # uploads go through the session page, which checks the file


@admin.register(TrainingSession)
class TrainingSessionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("topic", "unit", "starts_at", "trainer", "audience")
    list_filter = ("audience", "online")
    search_fields = ("topic", "trainer", "place")
    date_hierarchy = "starts_at"
    inlines = (ParticipantInline, OutsideGroupInline, MaterialInline)
    readonly_fields = ("created_by", "created_at", "updated_at")


@admin.register(OutreachActivity)
class OutreachActivityAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("title", "unit", "day", "channel", "reach")
    list_filter = ("channel",)
    search_fields = ("title", "place")
    date_hierarchy = "day"
    readonly_fields = ("created_by", "created_at")
