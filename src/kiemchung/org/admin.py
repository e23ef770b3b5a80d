"""Units, agencies and memberships in the admin; a role given or taken here is audited
like one given on the desk. Tasks are shown only: they change on the desk."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.forms import BaseInlineFormSet, ModelForm
from django.http import HttpRequest

from kiemchung.cases.audit import audit
from kiemchung.core.admin import ViewOnlyAdmin
from kiemchung.org.models import MemberProfile, Membership, OrgUnit, PartnerAgency, Task


def audit_membership(user: Any, membership: Membership, action: str) -> None:
    """The same history entry as ``kiemchung.org.services`` writes for the desk."""
    current = {"role": membership.role, "user": membership.user, "unit": membership.unit}
    if action == "membership.removed":
        changes: dict[str, list[Any]] = {k: [v, None] for k, v in current.items()}
    else:
        changes = {k: [None, v] for k, v in current.items()}
    audit(user, None, action, changes, obj=membership)


def audit_change(user: Any, form: ModelForm[Membership]) -> None:
    """A membership edited in the admin: the fields that changed, before and after."""
    changes = {
        field: [form.initial.get(field), form.cleaned_data.get(field)]
        for field in form.changed_data
    }
    if changes:
        audit(user, None, "membership.changed", changes, obj=form.instance)


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

    def save_formset(
        self,
        request: HttpRequest,
        form: Any,
        formset: BaseInlineFormSet[Any, Any, Any],
        change: bool,
    ) -> None:
        if formset.model is not Membership:
            super().save_formset(request, form, formset, change)
            return
        formset.save(commit=False)
        edited = {membership.pk for membership, _fields in formset.changed_objects}
        for membership in formset.deleted_objects:
            audit_membership(request.user, membership, "membership.removed")
            membership.delete()
        for membership in formset.new_objects:
            membership.save()
            audit_membership(request.user, membership, "membership.added")
        for membership, _fields in formset.changed_objects:
            membership.save()
        for changed in formset.forms:
            if changed.instance.pk in edited:
                audit_change(request.user, changed)

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

    def save_model(
        self, request: HttpRequest, obj: Membership, form: ModelForm[Membership], change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        if change:
            audit_change(request.user, form)
        else:
            audit_membership(request.user, obj, "membership.added")

    def delete_model(self, request: HttpRequest, obj: Membership) -> None:
        audit_membership(request.user, obj, "membership.removed")
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Membership]) -> None:
        for membership in queryset.select_related("user"):
            audit_membership(request.user, membership, "membership.removed")
        super().delete_queryset(request, queryset)


@admin.register(Task)
class TaskAdmin(ViewOnlyAdmin, admin.ModelAdmin[Task]):
    """Tasks are created and changed on the desk, audited in their case's history."""

    list_display = ("title", "agency", "status", "due_date", "owner")
    list_filter = ("status", "agency")
    search_fields = ("title",)
    raw_id_fields = ("case",)
    readonly_fields = ("last_reminded_on", "created_by")


@admin.register(MemberProfile)
class MemberProfileAdmin(admin.ModelAdmin[MemberProfile]):
    """Position and phone of a member (the member pages keep them; superusers see them)."""

    list_display = ("user", "position", "phone", "updated_at")
    search_fields = ("user__first_name", "user__last_name", "user__email", "position", "phone")
    raw_id_fields = ("user",)
