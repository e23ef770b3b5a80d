"""Training pages: the sessions, one session with its participants and materials, the
month calendar. Who may do what comes from ``kiemchung.org.permissions``."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kiemchung.core.params import parse_id
from kiemchung.core.uploads import suffix_of
from kiemchung.org.models import OrgUnit
from kiemchung.org.permissions import Action, can_anywhere, may_download_material
from kiemchung.training import services
from kiemchung.training.calendar import month_of, parse_month
from kiemchung.training.forms import GroupFormSet, MaterialForm, SessionForm, group_rows
from kiemchung.training.models import Material, TrainingSession
from kiemchung.training.services import AttendanceRow, TrainingRefused

DOWNLOAD_TYPES = frozenset(kind for kind, _magic in services.MATERIAL_TYPES.values())


def _may_see_training(user: Any) -> bool:
    if can_anywhere(user, Action.VIEW_TRAINING):
        return True
    return bool(services.visible_sessions(user).exists())


def _session(request: HttpRequest, session_id: int) -> TrainingSession:
    """A session the user sees; any other is a 404, as if it did not exist."""
    found = services.visible_sessions(request.user).filter(pk=session_id).first()
    if found is None:
        raise Http404
    return found


def _managed(request: HttpRequest, session_id: int) -> TrainingSession:
    session = _session(request, session_id)
    if not services.may_manage(request.user, session):
        raise PermissionDenied(Action.MANAGE_TRAINING.value)
    return session


@login_required
def session_list(request: HttpRequest) -> HttpResponse:
    if not _may_see_training(request.user):
        raise PermissionDenied(Action.VIEW_TRAINING.value)
    now = timezone.now()
    sessions = services.visible_sessions(request.user)
    when = request.GET.get("when", "upcoming")
    if when == "past":
        sessions = sessions.filter(starts_at__lt=now).order_by("-starts_at", "-pk")
    else:
        sessions = sessions.filter(starts_at__gte=now).order_by("starts_at", "pk")
    page = Paginator(sessions, 30).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "when": "past" if when == "past" else "upcoming",
        "can_create": can_anywhere(request.user, Action.MANAGE_TRAINING),
        "can_log_outreach": can_anywhere(request.user, Action.VIEW_TRAINING),
    }
    return render(request, "training/list.html", context)


def _chosen_unit(request: HttpRequest, units: Any, default: OrgUnit | None) -> OrgUnit:
    unit_id = parse_id(request.POST.get("unit") or request.GET.get("unit"))
    unit = units.filter(pk=unit_id).first() if unit_id else default
    if unit is None:
        unit = units.order_by("path").first()
    if unit is None:
        raise PermissionDenied(Action.MANAGE_TRAINING.value)
    return unit


def _forms(
    request: HttpRequest, unit: OrgUnit, units: Any, session: TrainingSession | None
) -> tuple[SessionForm, Any]:
    members = services.choosable_members(unit)
    if request.method == "POST" and "choose_unit" not in request.POST:
        form = SessionForm(request.POST, units=units, members=members)
        return form, GroupFormSet(request.POST, prefix="groups")
    initial: dict[str, Any] = {"unit": unit}
    groups: list[dict[str, Any]] = []
    if session is not None:
        initial |= {name: getattr(session, name) for name in services.SESSION_FIELDS}
        initial["starts_at"] = timezone.localtime(session.starts_at)
        initial["members"] = list(session.participants.values_list("user_id", flat=True))
        rows: Any = session.groups.values(
            "audience", "description", "count", "score_before", "score_after"
        )
        groups = [dict(row) for row in rows]
    form = SessionForm(initial=initial, units=units, members=members)
    return form, GroupFormSet(initial=groups, prefix="groups")


def _save(
    request: HttpRequest, form: SessionForm, groups: Any, session: TrainingSession | None
) -> TrainingSession | None:
    if request.method != "POST" or "choose_unit" in request.POST:
        return None
    if not (form.is_valid() and groups.is_valid()):
        return None
    data = dict(form.cleaned_data)
    unit = data.pop("unit")
    members = list(data.pop("members"))
    try:
        if session is None:
            return services.create_session(
                request.user, unit, members=members, groups=group_rows(groups), **data
            )
        return services.update_session(
            request.user, session, members=members, groups=group_rows(groups), **data
        )
    except TrainingRefused as exc:
        form.add_error("members", str(exc))
        return None


@login_required
def session_new(request: HttpRequest) -> HttpResponse:
    units = services.managed_units(request.user)
    unit = _chosen_unit(request, units, None)
    form, groups = _forms(request, unit, units, None)
    saved = _save(request, form, groups, None)
    if saved is not None:
        messages.success(request, _("The training session was recorded."))
        return redirect("training:detail", saved.pk)
    context = {"form": form, "groups": groups, "unit": unit, "session": None}
    return render(request, "training/form.html", context)


@login_required
def session_edit(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _managed(request, session_id)
    units = OrgUnit.objects.filter(pk=session.unit_id)
    form, groups = _forms(request, session.unit, units, session)
    saved = _save(request, form, groups, session)
    if saved is not None:
        messages.success(request, _("The training session was updated."))
        return redirect("training:detail", saved.pk)
    context = {"form": form, "groups": groups, "unit": session.unit, "session": session}
    return render(request, "training/form.html", context)


@login_required
def session_detail(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _session(request, session_id)
    participants = session.participants.select_related("user").order_by(
        "user__first_name", "user__last_name", "user__username"
    )
    groups = list(session.groups.all())
    attended = sum(1 for p in participants if p.attended)
    context = {
        "session": session,
        "participants": participants,
        "groups": groups,
        "materials": session.materials.all(),
        "attended": attended,
        "outside": sum(g.count for g in groups),
        "may_manage": services.may_manage(request.user, session),
        "material_form": MaterialForm(),
        "max_mb": services.material_limit_bytes() // (1024 * 1024),
    }
    return render(request, "training/detail.html", context)


def _score(raw: str | None) -> int | None:
    try:
        value = int(raw or "")
    except ValueError:
        return None
    return value if 0 <= value <= 100 else None


@require_POST
@login_required
def attendance(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _managed(request, session_id)
    present = set(request.POST.getlist("attended"))
    rows = [
        AttendanceRow(
            participant_id=p.pk,
            attended=str(p.pk) in present,
            score_before=_score(request.POST.get(f"before-{p.pk}")),
            score_after=_score(request.POST.get(f"after-{p.pk}")),
        )
        for p in session.participants.all()
    ]
    count = services.record_attendance(request.user, session, rows)
    messages.success(request, _("Attendance saved: %(count)d present.") % {"count": count})
    return redirect("training:detail", session.pk)


@require_POST
@login_required
def material_add(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _managed(request, session_id)
    form = MaterialForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file to upload."))
        return redirect("training:detail", session.pk)
    try:
        services.add_material(
            request.user, session, form.cleaned_data["file"], form.cleaned_data["title"]
        )
        messages.success(request, _("The material was added."))
    except TrainingRefused as exc:
        messages.error(request, str(exc))
    return redirect("training:detail", session.pk)


@login_required
@require_GET
def material_download(request: HttpRequest, material_id: int) -> FileResponse:
    """A material, only as a download, never rendered by the browser."""
    material = get_object_or_404(
        Material.objects.filter(session__in=services.visible_sessions(request.user)).select_related(
            "session__unit"
        ),
        pk=material_id,
    )
    if not may_download_material(request.user, material.session):
        raise PermissionDenied(Action.VIEW_TRAINING.value)
    try:
        handle = material.file.open("rb")
    except FileNotFoundError:
        raise Http404("the file is missing") from None
    content_type = material.content_type
    if content_type not in DOWNLOAD_TYPES:
        content_type = "application/octet-stream"
    suffix = suffix_of(material.file.name or "")
    name = material.original_name
    name = name if suffix_of(name) == suffix else name + suffix
    response = FileResponse(handle, as_attachment=True, filename=name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@login_required
def session_delete(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _managed(request, session_id)
    services.delete_session(request.user, session)
    messages.success(request, _("The training session was deleted."))
    return redirect("training:list")


@login_required
def month_calendar(request: HttpRequest) -> HttpResponse:
    if not _may_see_training(request.user):
        raise PermissionDenied(Action.VIEW_TRAINING.value)
    today = timezone.localdate()
    first = parse_month(request.GET.get("month"), today)
    month = month_of(services.visible_sessions(request.user), first, today)
    context = {"month": month, "can_create": can_anywhere(request.user, Action.MANAGE_TRAINING)}
    return render(request, "training/calendar.html", context)
