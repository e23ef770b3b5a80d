"""Coordination pages: tasks for partner agencies, and the organisation at a glance."""

from __future__ import annotations

from typing import cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kiemchung.cases.history import entries
from kiemchung.cases.models import AuditEvent, Case
from kiemchung.cases.services import visible_cases
from kiemchung.core.params import parse_id
from kiemchung.core.uploads import ALLOWED
from kiemchung.org import services
from kiemchung.org.access import desk_required
from kiemchung.org.forms import MemberForm, TaskForm, TaskReportForm, TaskUpdateForm
from kiemchung.org.models import (
    OPEN_TASK_STATUSES,
    Membership,
    OrgUnit,
    PartnerAgency,
    Role,
    Task,
    TaskStatus,
)
from kiemchung.org.names import display_name
from kiemchung.org.permissions import (
    Action,
    can,
    can_anywhere,
    may_grant,
    sees_tasks,
    units_where,
    visible_units,
)

DOWNLOAD_TYPES = frozenset(content_type for content_type, _magic in ALLOWED.values())


@login_required
def task_list(request: HttpRequest) -> HttpResponse:
    if not sees_tasks(request.user):
        raise PermissionDenied
    tasks = services.visible_tasks(request.user)
    status = request.GET.get("status", "open")
    if status == "open":
        tasks = tasks.filter(status__in=OPEN_TASK_STATUSES)
    elif status == "overdue":
        tasks = tasks.filter(status__in=OPEN_TASK_STATUSES, due_date__lt=timezone.localdate())
    elif status in TaskStatus.values:
        tasks = tasks.filter(status=status)
    page = Paginator(tasks.order_by("due_date", "pk"), 50).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "status": status,
        "statuses": TaskStatus.choices,
        "today": timezone.localdate(),
        "can_create": can_anywhere(request.user, Action.MANAGE_TASKS),
    }
    return render(request, "org/task_list.html", context)


@login_required
def task_detail(request: HttpRequest, task_id: int) -> HttpResponse:
    task = services.visible_tasks(request.user).filter(pk=task_id).first()
    if task is None:
        raise Http404
    may_update = services.may_update(request.user, task)
    form = TaskUpdateForm.for_task(task)
    if request.method == "POST":
        if not may_update:
            raise PermissionDenied
        form = TaskUpdateForm(request.POST)
        if form.is_valid():
            services.update_task(
                request.user,
                task,
                status=form.cleaned_data["status"],
                due_date=form.cleaned_data.get("due_date")
                if can(request.user, Action.MANAGE_TASKS, task.agency.unit)
                else None,
            )
            messages.success(request, _("The task was updated."))
            return redirect("org:task", task.pk)
    history = entries(AuditEvent.objects.filter(object_type="task", object_id=str(task.pk)))
    context = {
        "task": task,
        "form": form,
        "report_form": TaskReportForm(),
        "case_visible": _may_see_case(request, task),
        "reports": task.reports.select_related("author").prefetch_related("files"),
        "may_update": may_update,
        "may_reschedule": can(request.user, Action.MANAGE_TASKS, task.agency.unit),
        "history": history,
        "today": timezone.localdate(),
        "upload_max_mb": settings.UPLOAD_MAX_MB,
    }
    return render(request, "org/task_detail.html", context)


def _may_see_case(request: HttpRequest, task: Task) -> bool:
    """Whether the task's case may be opened by this person (a liaison may not)."""
    if task.case_id is None:
        return False
    user = cast(User, request.user)
    return visible_cases(user).filter(pk=task.case_id).exists()


@require_POST
@login_required
def task_report(request: HttpRequest, task_id: int) -> HttpResponse:
    """The liaison reports back: what was done, with files."""
    task = services.visible_tasks(request.user).filter(pk=task_id).first()
    if task is None:
        raise Http404
    if not services.may_update(request.user, task):
        raise PermissionDenied
    form = TaskReportForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect("org:task", task.pk)
    try:
        services.report_back(
            request.user, task, form.cleaned_data["note"], form.cleaned_data["attachments"]
        )
        messages.success(request, _("Your report was added to the task."))
    except services.ReportRefused as exc:
        messages.error(request, str(exc))
    return redirect("org:task", task.pk)


@login_required
def task_file(request: HttpRequest, file_id: int) -> FileResponse:
    """A report file, only as a download, for those who see the task."""
    stored = get_object_or_404(services.visible_report_files(request.user), pk=file_id)
    try:
        handle = stored.file.open("rb")
    except FileNotFoundError:
        raise Http404("the file is missing") from None
    content_type = stored.content_type if stored.content_type in DOWNLOAD_TYPES else None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=stored.original_name,
        content_type=content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def task_new(request: HttpRequest) -> HttpResponse:
    units = units_where(request.user, Action.MANAGE_TASKS)
    if not units.exists():
        raise PermissionDenied
    case = _case_for(request, units)
    form = TaskForm(request.POST or None, units=units, initial=_initial(case))
    if request.method == "POST" and form.is_valid():
        task = services.create_task(request.user, case=case, **form.cleaned_data)
        messages.success(request, _("The task was sent to %(agency)s.") % {"agency": task.agency})
        return redirect("cases:detail", case.pk) if case else redirect("org:task", task.pk)
    return render(request, "org/task_form.html", {"form": form, "case": case})


def _case_for(request: HttpRequest, units: object) -> Case | None:
    case_id = parse_id(request.GET.get("case") or request.POST.get("case"))
    if case_id is None:
        return None
    return get_object_or_404(Case, pk=case_id, unit__in=units)


def _initial(case: Case | None) -> dict[str, object]:
    if case is None:
        return {}
    return {"title": _("Follow up: %(title)s") % {"title": case.title}}


@desk_required
def organisation(request: HttpRequest) -> HttpResponse:
    units = list(visible_units(request.user).order_by("path"))
    members = (
        Membership.objects.filter(unit__in=units)
        .select_related("user", "unit", "agency")
        .order_by("unit__path", "role", "user__first_name", "user__username")
    )
    agencies = PartnerAgency.objects.filter(unit__in=units).select_related("unit")
    by_unit: dict[int, list[Membership]] = {}
    for membership in members:
        by_unit.setdefault(membership.unit_id, []).append(membership)
    base_depth = min((u.depth for u in units), default=0)
    manageable = {u.pk for u in units if can(request.user, Action.MANAGE_MEMBERS, u)}
    rows = [
        (unit, unit.depth - base_depth, by_unit.get(unit.pk, []), unit.pk in manageable)
        for unit in units
    ]
    removable = {m.pk for m in members if may_grant(request.user, m.role, m.unit)}
    context = {
        "rows": rows,
        "agencies": agencies,
        "choosable_agencies": services.choosable_agencies(request.user) if manageable else [],
        "roles": Role.choices,
        "any_manageable": bool(manageable),
        "removable": removable,
    }
    return render(request, "org/organisation.html", context)


@require_POST
@login_required
def member_add(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = get_object_or_404(OrgUnit, pk=unit_id)
    form = MemberForm(request.POST, agencies=services.choosable_agencies(request.user))
    if not form.is_valid():
        if not can(request.user, Action.MANAGE_MEMBERS, unit):
            raise PermissionDenied(Action.MANAGE_MEMBERS.value)
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect("org:organisation")
    data = form.cleaned_data
    member = data["username"]
    try:
        services.add_member(request.user, unit, member, data["role"], data["agency"])
        messages.success(
            request,
            _("%(user)s was added to %(unit)s.") % {"user": display_name(member), "unit": unit},
        )
    except services.MembershipRefused as exc:
        messages.error(request, str(exc))
    return redirect("org:organisation")


@require_POST
@login_required
def member_remove(request: HttpRequest, membership_id: int) -> HttpResponse:
    """Taking a role away asks first: the form comes back with ``confirm``."""
    membership = get_object_or_404(
        Membership.objects.select_related("unit", "user"), pk=membership_id
    )
    back = "person" if request.POST.get("next") == "person" else "organisation"
    if request.POST.get("confirm") != "yes":
        if not may_grant(request.user, membership.role, membership.unit):
            raise PermissionDenied(Action.MANAGE_MEMBERS.value)
        context = {"membership": membership, "back": back}
        return render(request, "org/member_remove_confirm.html", context)
    try:
        services.remove_member(request.user, membership)
        messages.success(request, _("The role was removed."))
    except services.MembershipRefused as exc:
        messages.error(request, str(exc))
    if back == "person":
        return redirect("org:person", membership.user_id)
    return redirect("org:organisation")


@require_POST
@login_required
def remind_now(request: HttpRequest) -> HttpResponse:
    if not can_anywhere(request.user, Action.MANAGE_TASKS):
        raise PermissionDenied
    sent = services.send_reminders()
    messages.success(request, _("%(count)d reminders sent.") % {"count": sent})
    return redirect("org:tasks")
