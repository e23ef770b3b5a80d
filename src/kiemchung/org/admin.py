from django.contrib import admin

from kiemchung.core.admin import ViewOnlyAdmin
from kiemchung.org.models import Membership, OrgUnit, PartnerAgency, Task


class MembershipInline(admin.TabularInline[Membership, OrgUnit]):
    model = Membership
    extra = 1
    autocomplete_fields = ("user",)


@admin.register(OrgUnit)
class OrgUnitAdmin(admin.ModelAdmin[OrgUnit]):
    list_display = ("indented_name", "level", "parent")
    search_fields = ("name",)
    list_filter = ("level",)
    inlines = (MembershipInline,)
    autocomplete_fields = ("parent",)

    @admin.display(description="name", ordering="path")
    def indented_name(self, unit: OrgUnit) -> str:
        return "— " * unit.depth + unit.name


@admin.register(PartnerAgency)
class PartnerAgencyAdmin(admin.ModelAdmin[PartnerAgency]):
    list_display = ("name", "sector", "unit", "email", "is_active")
    list_filter = ("sector", "is_active")
    search_fields = ("name",)
    autocomplete_fields = ("unit",)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin[Membership]):
    list_display = ("user", "role", "unit", "agency")
    list_filter = ("role",)
    search_fields = ("user__username", "unit__name")
    autocomplete_fields = ("user", "unit", "agency")


@admin.register(Task)
class TaskAdmin(ViewOnlyAdmin, admin.ModelAdmin[Task]):
    """Tasks are created and changed on the desk, audited in their case's history."""

    list_display = ("title", "agency", "status", "due_date", "owner")
    list_filter = ("status", "agency")
    search_fields = ("title",)
    raw_id_fields = ("case",)
    readonly_fields = ("last_reminded_on", "created_by")
