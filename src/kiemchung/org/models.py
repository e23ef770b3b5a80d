"""Organisation units (a tree of any depth), their members and roles, partner agencies,
and the coordination tasks handed to those agencies.

Administrative levels are data, not code: a unit has a free-text ``level`` ("Tỉnh",
"Xã", "Phòng", …) because Vietnam's levels changed in 2025 and may change again.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OrgUnit(models.Model):
    name = models.CharField(_("name"), max_length=300)
    level = models.CharField(
        _("level"), max_length=100, blank=True, help_text=_("For example: province, commune.")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent unit"),
    )
    # Materialised path of primary keys, "/1/4/9/": a unit and its descendants are the
    # rows whose path starts with the unit's path (one indexed query at any depth).
    path = models.CharField(max_length=1000, editable=False, db_index=True, default="")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisation unit")
        verbose_name_plural = _("organisation units")
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    @transaction.atomic
    def save(self, *args: object, **kwargs: object) -> None:
        old_path = self.path
        if old_path and self.parent is not None and self.parent.path.startswith(old_path):
            raise ValueError("an organisation unit cannot be its own ancestor")
        super().save(*args, **kwargs)  # type: ignore[arg-type]
        new_path = (self.parent.path if self.parent else "/") + f"{self.pk}/"
        if new_path != old_path:
            OrgUnit.objects.filter(pk=self.pk).update(path=new_path)
            if old_path:
                self._move_descendants(old_path, new_path)
            self.path = new_path

    def _move_descendants(self, old_path: str, new_path: str) -> None:
        for unit in OrgUnit.objects.filter(path__startswith=old_path).exclude(pk=self.pk):
            OrgUnit.objects.filter(pk=unit.pk).update(path=new_path + unit.path[len(old_path) :])

    def subtree(self) -> models.QuerySet[OrgUnit]:
        return OrgUnit.objects.filter(path__startswith=self.path)

    def ancestor_ids(self) -> list[int]:
        return [int(part) for part in self.path.strip("/").split("/") if part]

    @property
    def depth(self) -> int:
        return max(len(self.ancestor_ids()) - 1, 0)


class Role(models.TextChoices):
    HEAD = "head", _("Head")
    DEPUTY = "deputy", _("Deputy head")
    MEMBER = "member", _("Member")
    SECRETARIAT = "secretariat", _("Secretariat")
    VERIFIER = "verifier", _("Verifier")
    REVIEWER = "reviewer", _("Reviewer")
    LIAISON = "liaison", _("Partner-agency liaison")
    READONLY = "readonly", _("Read-only")
    # People outside the committee's staff who pass on what they see: they send tips and
    # receive the published fact-checks from their own page, and see nothing of the desk.
    COLLABORATOR = "collaborator", _("Collaborator")


class MemberProfile(models.Model):
    """What the member directory adds to an account: position and phone.

    The full name is the account's ``first_name`` (a Vietnamese name is written whole,
    family name first, so it is not split); the email is the account's. Contact details
    are shown only as ``kiemchung.org.permissions.sees_member_contacts`` allows.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="member_profile",
        verbose_name=_("user"),
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")

    def __str__(self) -> str:
        return f"profile of {self.user_id}"


class PartnerAgency(models.Model):
    name = models.CharField(_("name"), max_length=300)
    sector = models.CharField(
        _("sector"), max_length=100, blank=True, help_text=_("For example: police, health.")
    )
    unit = models.ForeignKey(
        OrgUnit,
        on_delete=models.PROTECT,
        related_name="agencies",
        verbose_name=_("works with unit"),
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("partner agency")
        verbose_name_plural = _("partner agencies")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    unit = models.ForeignKey(
        OrgUnit, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("unit")
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    agency = models.ForeignKey(
        PartnerAgency,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="liaisons",
        verbose_name=_("partner agency"),
        help_text=_("For liaisons: the agency they speak for."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="membership_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.unit}"


class TaskStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_TASK_STATUSES = (TaskStatus.OPEN, TaskStatus.IN_PROGRESS)


class TaskQuerySet(models.QuerySet["Task"]):
    def unfinished(self) -> TaskQuerySet:
        return self.filter(status__in=OPEN_TASK_STATUSES)

    def overdue(self) -> TaskQuerySet:
        return self.unfinished().filter(due_date__lt=timezone.localdate())


class Task(models.Model):
    """Follow-up work handed to a partner agency, usually from a case."""

    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("case"),
    )
    agency = models.ForeignKey(
        PartnerAgency, on_delete=models.PROTECT, related_name="tasks", verbose_name=_("agency")
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_tasks",
        verbose_name=_("owner"),
    )
    due_date = models.DateField(_("due date"), db_index=True)
    status = models.CharField(
        _("status"), max_length=16, choices=TaskStatus.choices, default=TaskStatus.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    last_reminded_on = models.DateField(_("last reminder"), null=True, blank=True)

    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["due_date", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_overdue(self) -> bool:
        return self.status in OPEN_TASK_STATUSES and self.due_date < timezone.localdate()


class TaskReport(models.Model):
    """A liaison's (or the desk's) report back on a task: what was done, with files."""

    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, related_name="reports", verbose_name=_("task")
    )
    note = models.TextField(_("result"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("reported by"),
    )
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)

    class Meta:
        verbose_name = _("task report")
        verbose_name_plural = _("task reports")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.task} — {self.created_at:%Y-%m-%d}"


def report_file_upload_to(instance: Any, filename: str) -> str:
    # Stored like case evidence: a random name with the allow-listed suffix, never the
    # uploader's name, outside any public URL.
    from kiemchung.core.uploads import suffix_of

    return f"task-reports/{instance.report.task_id}/{secrets.token_hex(16)}{suffix_of(filename)}"


class TaskReportFile(models.Model):
    report = models.ForeignKey(
        TaskReport, on_delete=models.CASCADE, related_name="files", verbose_name=_("report")
    )
    file = models.FileField(_("file"), upload_to=report_file_upload_to, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("file type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"), default=0)

    class Meta:
        verbose_name = _("report file")
        verbose_name_plural = _("report files")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name
