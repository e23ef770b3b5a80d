"""Coordination with partner agencies: tasks, their changes, and reminders by email."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kiemchung.cases.audit import audit
from kiemchung.core.uploads import UploadRejected, check_upload
from kiemchung.org.models import (
    Membership,
    OrgUnit,
    PartnerAgency,
    Role,
    Task,
    TaskReport,
    TaskReportFile,
    TaskStatus,
)
from kiemchung.org.names import display_name
from kiemchung.org.permissions import Action, can, liaison_agency_ids, may_grant, units_where

log = logging.getLogger(__name__)


def visible_tasks(user: Any) -> QuerySet[Task]:
    """Tasks of the units the user works in, and those of the agencies they speak for."""
    units = units_where(user, Action.VIEW_TASKS)
    agencies = liaison_agency_ids(user)
    return (
        Task.objects.filter(Q(agency__unit__in=units) | Q(agency_id__in=agencies))
        .select_related("agency", "owner", "case")
        .distinct()
    )


def may_update(user: Any, task: Task) -> bool:
    if task.agency_id in liaison_agency_ids(user):
        return True
    return can(user, Action.UPDATE_TASK, task.agency.unit)


def _audit(user: Any, task: Task, action: str, changes: dict[str, list[Any]]) -> None:
    audit(user, task.case, action, changes, obj=task)


@transaction.atomic
def create_task(
    user: Any,
    *,
    agency: PartnerAgency,
    title: str,
    due_date: date,
    description: str = "",
    owner: Any = None,
    case: Any = None,
) -> Task:
    if not can(user, Action.MANAGE_TASKS, agency.unit):
        raise PermissionDenied(Action.MANAGE_TASKS.value)
    task = Task.objects.create(
        agency=agency,
        title=title,
        description=description,
        due_date=due_date,
        owner=owner,
        case=case,
        created_by=user,
    )
    _audit(
        user,
        task,
        "task.created",
        {"agency": [None, agency.name], "due_date": [None, due_date.isoformat()]},
    )
    return task


@transaction.atomic
def update_task(
    user: Any, task: Task, *, status: str | None = None, due_date: date | None = None
) -> Task:
    if not may_update(user, task):
        raise PermissionDenied(Action.UPDATE_TASK.value)
    changes: dict[str, list[Any]] = {}
    if status is not None and status != task.status:
        if status not in TaskStatus.values:
            raise ValueError(f"unknown task status {status!r}")
        changes["status"] = [task.status, status]
        task.status = status
    if due_date is not None and due_date != task.due_date:
        if not can(user, Action.MANAGE_TASKS, task.agency.unit):
            raise PermissionDenied(Action.MANAGE_TASKS.value)
        changes["due_date"] = [task.due_date.isoformat(), due_date.isoformat()]
        task.due_date = due_date
        task.last_reminded_on = None
    if changes:
        task.save()
        _audit(user, task, "task.updated", changes)
    return task


def reminder_recipients(task: Task) -> list[str]:
    addresses = [task.agency.email] if task.agency.email else []
    if task.owner is not None and task.owner.email:
        addresses.append(task.owner.email)
    addresses.extend(
        m.user.email for m in task.agency.liaisons.select_related("user") if m.user.email
    )
    return sorted(set(addresses))


def due_for_reminder(today: date | None = None) -> QuerySet[Task]:
    """Unfinished tasks due within the reminder window (or overdue) not reminded today."""
    today = today or timezone.localdate()
    horizon = today + timedelta(days=settings.TASK_REMINDER_DAYS)
    return (
        Task.objects.unfinished()
        .filter(due_date__lte=horizon)
        .exclude(last_reminded_on=today)
        .select_related("agency", "owner", "case")
    )


def send_reminders(today: date | None = None) -> int:
    """Email each due or overdue task's owner, agency and liaisons once a day."""
    today = today or timezone.localdate()
    sent = 0
    for task in due_for_reminder(today):
        recipients = reminder_recipients(task)
        if recipients:
            with translation.override(settings.LANGUAGE_CODE):
                subject, body = _reminder_text(task, today)
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
            sent += 1
        # Claim the day even without recipients, so the task is not re-read every tick.
        Task.objects.filter(pk=task.pk).update(last_reminded_on=today)
    if sent:
        log.info("sent %d task reminders", sent)
    return sent


def _reminder_text(task: Task, today: date) -> tuple[str, str]:
    from django.utils.formats import date_format

    due = date_format(task.due_date, "DATE_FORMAT")
    if task.due_date < today:
        subject = _("Overdue task: %(title)s") % {"title": task.title}
        lead = _("This task was due %(due)s and is not finished.") % {"due": due}
    else:
        subject = _("Task due %(due)s: %(title)s") % {"title": task.title, "due": due}
        lead = _("This task is due %(due)s.") % {"due": due}
    link = settings.PUBLIC_BASE_URL.rstrip("/") + reverse("org:task", args=[task.pk])
    body = "\n\n".join(
        part
        for part in (
            lead,
            f"{task.title}\n{task.description}".strip(),
            _("Agency: %(agency)s") % {"agency": task.agency.name},
            _("Open the task: %(link)s") % {"link": link},
        )
        if part
    )
    return subject, body


# --- members ---------------------------------------------------------------------------


def choosable_agencies(user: Any) -> QuerySet[PartnerAgency]:
    """Agencies a head may name for a liaison: active ones of the units they manage."""
    return PartnerAgency.objects.filter(
        unit__in=units_where(user, Action.MANAGE_ORG), is_active=True
    ).select_related("unit")


class MembershipRefused(ValueError):
    """A membership change the desk refuses, with a message for the person asking."""


@transaction.atomic
def add_member(
    user: Any, unit: OrgUnit, member: Any, role: str, agency: PartnerAgency | None = None
) -> Membership:
    """Give ``member`` a role in ``unit`` (heads, or the secretariat for lesser roles)."""
    if not may_grant(user, role, unit):
        raise PermissionDenied(Action.MANAGE_MEMBERS.value)
    if role not in Role.values:
        raise MembershipRefused(_("Choose a role from the list."))
    if role == Role.LIAISON:
        if agency is None:
            raise MembershipRefused(_("A liaison speaks for a partner agency: choose one."))
        if not choosable_agencies(user).filter(pk=agency.pk).exists():
            raise PermissionDenied(Action.MANAGE_ORG.value)
    membership, created = Membership.objects.get_or_create(
        user=member,
        unit=unit,
        role=role,
        defaults={"agency": agency if role == Role.LIAISON else None},
    )
    if not created:
        raise MembershipRefused(
            _("%(user)s already has this role here.") % {"user": display_name(member)}
        )
    audit(
        user,
        None,
        "membership.added",
        {"role": [None, role], "user": [None, member]},
        obj=membership,
    )
    return membership


@transaction.atomic
def remove_member(user: Any, membership: Membership) -> None:
    """Take a role away (as ``may_grant`` says; never your own head role; audited)."""
    if not may_grant(user, membership.role, membership.unit):
        raise PermissionDenied(Action.MANAGE_MEMBERS.value)
    if membership.user_id == user.pk and membership.role == Role.HEAD:
        raise MembershipRefused(_("You cannot remove your own head role."))
    audit(
        user,
        None,
        "membership.removed",
        {"role": [membership.role, None], "user": [membership.user, None]},
        obj=membership,
    )
    membership.delete()


# --- reporting back ----------------------------------------------------------------------


class ReportRefused(ValueError):
    """A report the desk refuses (no result, a file it does not take), with a message."""


@transaction.atomic
def report_back(
    user: Any, task: Task, note: str, files: Sequence[UploadedFile[bytes]] = ()
) -> TaskReport:
    """The liaison (or anyone who may update the task) says what was done, with files
    stored like case evidence: allow-listed types, the upload size limit, random names,
    downloaded only through a permission check. Audited on the task's case."""
    if not may_update(user, task):
        raise PermissionDenied(Action.UPDATE_TASK.value)
    note = note.strip()
    if not note:
        raise ReportRefused(_("Write what was done."))
    checked = [(upload, _checked_type(upload)) for upload in files]
    report = TaskReport.objects.create(task=task, note=note, author=user)
    for upload, content_type in checked:
        stored = TaskReportFile(
            report=report,
            original_name=_upload_name(upload),
            content_type=content_type,
            size=upload.size or 0,
        )
        stored.file.save(stored.original_name, upload, save=False)
        stored.save()
    names = [_upload_name(upload) for upload, _type in checked]
    _audit(user, task, "task.reported", {"result": [None, note], "files": [None, names]})
    return report


def _upload_name(upload: UploadedFile[bytes]) -> str:
    return (upload.name or "").replace("\\", "/").rsplit("/", 1)[-1].strip()[:255] or "file"


def _checked_type(upload: UploadedFile[bytes]) -> str:
    upload.seek(0)
    head = upload.read(512)
    upload.seek(0)
    limit = int(settings.UPLOAD_MAX_MB) * 1024 * 1024
    try:
        return check_upload(_upload_name(upload), head, upload.size or 0, limit)
    except UploadRejected as exc:
        message = _("The file %(name)s was not accepted: %(reason)s.")
        raise ReportRefused(message % {"name": _upload_name(upload), "reason": exc}) from None


def visible_report_files(user: Any) -> QuerySet[TaskReportFile]:
    """Report files of the tasks the user sees: the only files they may download."""
    return TaskReportFile.objects.filter(report__task__in=visible_tasks(user))
