from django.contrib import admin
from django.http import HttpRequest

from kiemchung.claims.models import Claim, ClaimMatch, FactCheck


@admin.register(FactCheck)
class FactCheckAdmin(admin.ModelAdmin[FactCheck]):
    """Imported fact-checks may be corrected here; our own published ones may not: they
    are changed by their case, through the audited workflow."""

    list_display = (
        "claim_reviewed",
        "verdict",
        "original_rating",
        "publisher",
        "published_at",
        "is_local",
    )
    list_filter = ("verdict", "is_local", "language", "publisher")
    search_fields = ("claim_reviewed", "summary", "url")
    date_hierarchy = "published_at"

    def has_change_permission(self, request: HttpRequest, obj: FactCheck | None = None) -> bool:
        return (obj is None or not obj.is_local) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: FactCheck | None = None) -> bool:
        return (obj is None or not obj.is_local) and super().has_delete_permission(request, obj)


class ClaimMatchInline(admin.TabularInline[ClaimMatch, Claim]):
    model = ClaimMatch
    extra = 0
    raw_id_fields = ("factcheck",)
    readonly_fields = ("score", "decision", "reasons", "findings")


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin[Claim]):
    list_display = ("text", "story", "checkworthiness", "is_factual", "match_decision", "matched")
    # "Not a factual claim" labels teach the check-worthiness scorer (``triage retrain``).
    list_editable = ("is_factual",)
    list_filter = ("is_factual", "match_decision", "language")
    list_select_related = ("story", "matched")
    search_fields = ("text",)
    raw_id_fields = ("story", "document", "matched")
    readonly_fields = ("key", "checkworthiness", "reasons", "match_score", "match_decision")
    inlines = [ClaimMatchInline]
    show_full_result_count = False


@admin.register(ClaimMatch)
class ClaimMatchAdmin(admin.ModelAdmin[ClaimMatch]):
    list_display = ("claim", "factcheck", "score", "decision")
    list_select_related = ("claim", "factcheck")
    list_filter = ("decision",)
    raw_id_fields = ("claim", "factcheck")
