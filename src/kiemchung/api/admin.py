from django.contrib import admin

from kiemchung.api.models import ApiToken, WebhookDelivery, WebhookSubscription


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin[ApiToken]):
    list_display = ("prefix", "name", "user", "scopes", "created_at", "last_used_at", "revoked_at")
    list_filter = ("revoked_at",)
    search_fields = ("name", "prefix", "user__username")
    readonly_fields = ("prefix", "digest", "created_at", "last_used_at")


@admin.register(WebhookSubscription)
class WebhookSubscriptionAdmin(admin.ModelAdmin[WebhookSubscription]):
    list_display = ("url", "unit", "events", "is_active", "consecutive_failures", "disabled_at")
    list_filter = ("is_active",)
    readonly_fields = ("secret", "created_at", "created_by")


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin[WebhookDelivery]):
    list_display = ("event", "subscription", "status", "attempts", "last_status_code")
    list_filter = ("status",)
    readonly_fields = [f.name for f in WebhookDelivery._meta.fields] + ["log"]
