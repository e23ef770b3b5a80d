"""Member pages: the directory, a person's page, new accounts, list import and export,
the set-password page, and the collaborators' own page."""

from __future__ import annotations

import io
from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kiemchung.core.params import parse_id
from kiemchung.org import member_import, members
from kiemchung.org.access import desk_required
from kiemchung.org.forms import (
    ACCOUNT_ROLES,
    AccountForm,
    ImportForm,
    RoleForm,
)
from kiemchung.org.models import Membership, OrgUnit, Role
from kiemchung.org.names import display_name
from kiemchung.org.permissions import (
    Action,
    can,
    can_anywhere,
    may_grant,
    may_manage_account,
    sees_member_contacts,
    units_where,
)
from kiemchung.org.services import MembershipRefused


def _site_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


def grantable(user: Any, units: Any) -> list[tuple[str, Any]]:
    """The roles of the member pages that ``user`` may give in at least one of ``units``."""
    return [
        (code, label)
        for code, label in ACCOUNT_ROLES
        if any(may_grant(user, code, unit) for unit in units)
    ]


def _managed_units(request: HttpRequest) -> Any:
    units = units_where(request.user, Action.MANAGE_MEMBERS)
    if not units.exists():
        raise PermissionDenied(Action.MANAGE_MEMBERS.value)
    return units


# --- the directory and a person's page ---------------------------------------------------


@desk_required
def directory(request: HttpRequest) -> HttpResponse:
    unit = None
    unit_id = parse_id(request.GET.get("unit"))
    if unit_id is not None:
        unit = members.directory_units(request.user).filter(pk=unit_id).first()
        if unit is None:
            raise Http404
    role = request.GET.get("role", "")
    role = role if role in Role.values else ""
    query = request.GET.get("q", "").strip()[:100]
    context = {
        "rows": members.directory(request.user, unit, role, query),
        "unit": unit,
        "role": role,
        "query": query,
        "roles": Role.choices,
        "units": members.directory_units(request.user).order_by("path"),
        "may_manage": can_anywhere(request.user, Action.MANAGE_MEMBERS),
        "may_export": can_anywhere(request.user, Action.SEE_MEMBER_CONTACTS),
    }
    return render(request, "org/members.html", context)


@desk_required
def person(request: HttpRequest, person_id: int) -> HttpResponse:
    found = members.visible_person(request.user, person_id)
    if found is None:
        raise Http404
    held = Membership.objects.filter(user=found).select_related("unit", "agency")
    held = held.order_by("unit__path")
    roles = [
        (m, may_grant(request.user, m.role, m.unit), grantable(request.user, [m.unit]))
        for m in held
    ]
    context = {
        "person": found,
        "profile": getattr(found, "member_profile", None),
        "roles": roles,
        "contacts": sees_member_contacts(request.user, found),
        "may_manage": may_manage_account(request.user, found),
        "is_self": found.pk == request.user.pk,
    }
    return render(request, "org/person.html", context)


def _managed_person(request: HttpRequest, person_id: int) -> Any:
    found = members.visible_person(request.user, person_id)
    if found is None:
        raise Http404
    if not may_manage_account(request.user, found):
        raise PermissionDenied(Action.MANAGE_MEMBERS.value)
    return found


@require_POST
@login_required
def send_link(request: HttpRequest, person_id: int) -> HttpResponse:
    found = _managed_person(request, person_id)
    try:
        members.send_set_password_link(request.user, found, _site_url(request))
        messages.success(
            request,
            _("A link to choose a password was emailed to %(name)s.")
            % {"name": display_name(found)},
        )
    except MembershipRefused as exc:
        messages.error(request, str(exc))
    return redirect("org:person", found.pk)


@require_POST
@login_required
def set_active(request: HttpRequest, person_id: int) -> HttpResponse:
    found = _managed_person(request, person_id)
    active = request.POST.get("active") == "1"
    try:
        members.set_active(request.user, found, active)
        done = _("The account is active again.") if active else _("The account is deactivated.")
        messages.success(request, done)
    except MembershipRefused as exc:
        messages.error(request, str(exc))
    return redirect("org:person", found.pk)


@require_POST
@login_required
def change_role(request: HttpRequest, membership_id: int) -> HttpResponse:
    membership = _visible_membership(request, membership_id)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a role from the list."))
        return redirect("org:person", membership.user_id)
    try:
        members.change_role(request.user, membership, form.cleaned_data["role"])
        messages.success(request, _("The role was changed."))
    except MembershipRefused as exc:
        messages.error(request, str(exc))
    return redirect("org:person", membership.user_id)


def _visible_membership(request: HttpRequest, membership_id: int) -> Membership:
    membership = get_object_or_404(
        Membership.objects.select_related("unit", "user"), pk=membership_id
    )
    if not members.directory_units(request.user).filter(pk=membership.unit_id).exists():
        raise Http404
    return membership


# --- new accounts, import, export ----------------------------------------------------------


@login_required
def account_new(request: HttpRequest) -> HttpResponse:
    units = _managed_units(request)
    initial = {"unit": parse_id(request.GET.get("unit")), "role": Role.MEMBER}
    form = AccountForm(
        request.POST or None, units=units, roles=grantable(request.user, units), initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            created = members.create_account(request.user, form.row())
        except MembershipRefused as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, _("The account of %(name)s was created.") % {"name": display_name(created)}
            )
            if form.cleaned_data["send_link"]:
                members.send_set_password_link(request.user, created, _site_url(request))
                messages.success(request, _("A link to choose a password was emailed."))
            return redirect("org:person", created.pk)
    return render(request, "org/account_form.html", {"form": form})


@login_required
def members_import(request: HttpRequest) -> HttpResponse:
    units = _managed_units(request)
    form = ImportForm(request.POST or None, request.FILES or None, units=units)
    report = None
    refused = ""
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = member_import.import_members(
                request.user, upload.name, upload, form.cleaned_data["unit"]
            )
        except member_import.FileRefused as exc:
            refused = str(exc)
    context = {"form": form, "report": report, "refused": refused}
    return render(request, "org/members_import.html", context, status=400 if refused else 200)


@login_required
def members_export(request: HttpRequest) -> HttpResponse:
    if not can_anywhere(request.user, Action.SEE_MEMBER_CONTACTS):
        raise PermissionDenied(Action.SEE_MEMBER_CONTACTS.value)
    unit = None
    unit_id = parse_id(request.GET.get("unit"))
    if unit_id is not None:
        unit = get_object_or_404(OrgUnit, pk=unit_id)
        if not can(request.user, Action.SEE_MEMBER_CONTACTS, unit):
            raise PermissionDenied(Action.SEE_MEMBER_CONTACTS.value)
    response = HttpResponse(
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    name = f"thanh-vien-{timezone.localdate().isoformat()}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    buffer = io.BytesIO()
    member_import.export_members(request.user, unit, buffer)
    response.write(buffer.getvalue())
    return response


# --- choosing a password from the emailed link -------------------------------------------


class SetPasswordView(auth_views.PasswordResetConfirmView):
    template_name = "org/set_password.html"
    success_url = reverse_lazy("org:set_password_done")


class SetPasswordDoneView(auth_views.PasswordResetCompleteView):
    template_name = "org/set_password_done.html"
