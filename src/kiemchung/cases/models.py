"""Verification cases: a claim checked with evidence, a verdict and a second reviewer.

The allowed state changes live in ``kiemchung.cases.workflow``; every change goes through
``kiemchung.cases.services`` and leaves an ``AuditEvent`` that nobody can edit or delete.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kiemchung.claims.models import CASE_VERDICTS
from kiemchung.text.shorten import shorten


class CaseState(models.TextChoices):
    NEW = "new", _("New")
    VERIFYING = "verifying", _("Verifying")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    OUT_OF_SCOPE = "out_of_scope", _("Closed: out of scope")
    DUPLICATE = "duplicate", _("Closed: duplicate")
    UNVERIFIABLE = "unverifiable", _("Closed: unverifiable")
    ALREADY_CHECKED = "already_checked", _("Closed: already checked")


CLOSED_STATES = (
    CaseState.OUT_OF_SCOPE,
    CaseState.DUPLICATE,
    CaseState.UNVERIFIABLE,
    CaseState.ALREADY_CHECKED,
)
FINAL_STATES = (CaseState.PUBLISHED, *CLOSED_STATES)
OPEN_STATES = (CaseState.NEW, CaseState.VERIFYING, CaseState.IN_REVIEW)


def default_due_date() -> date:
    """A new case is due ``CASE_DUE_DAYS`` days after it is opened (a setting)."""
    return timezone.localdate() + timedelta(days=int(settings.CASE_DUE_DAYS))


class CaseQuerySet(models.QuerySet["Case"]):
    def open(self) -> CaseQuerySet:
        return self.filter(state__in=OPEN_STATES)

    def overdue(self) -> CaseQuerySet:
        return self.open().filter(due_date__lt=timezone.localdate())


class Case(models.Model):
    unit = models.ForeignKey(
        "org.OrgUnit", on_delete=models.PROTECT, related_name="cases", verbose_name=_("unit")
    )
    title = models.CharField(_("title"), max_length=300)
    claim_text = models.TextField(_("claim to check"))
    public_title = models.CharField(
        _("public title"),
        max_length=300,
        blank=True,
        help_text=_("The title readers see on the public page, written by staff."),
    )
    story = models.ForeignKey(
        "stories.Story",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("story"),
    )
    claim = models.ForeignKey(
        "claims.Claim",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("claim"),
    )
    tip = models.ForeignKey(
        "publishing.Tip",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("tip"),
    )
    state = models.CharField(
        _("state"), max_length=16, choices=CaseState.choices, default=CaseState.NEW, db_index=True
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_cases",
        verbose_name=_("assigned to"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("opened by"),
    )
    verdict = models.CharField(_("verdict"), max_length=16, choices=CASE_VERDICTS, blank=True)
    rationale = models.TextField(
        _("rationale"), blank=True, help_text=_("Why the evidence supports the verdict.")
    )
    summary = models.TextField(
        _("public summary"), blank=True, help_text=_("The short correction readers see first.")
    )
    verdict_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verdict written by"),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="duplicates",
        verbose_name=_("duplicate of"),
    )
    factcheck = models.OneToOneField(
        "claims.FactCheck",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="case",
        verbose_name=_("published fact-check"),
    )
    answered_by = models.ForeignKey(
        "claims.FactCheck",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="answered_cases",
        verbose_name=_("already checked in"),
        help_text=_("The existing fact-check that answers the claim, when closed as checked."),
    )
    created_at = models.DateTimeField(_("opened"), auto_now_add=True, db_index=True)
    # The case list is ordered by it.
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    due_date = models.DateField(_("due date"), default=default_due_date, null=True, db_index=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["unit", "state"])]

    def __str__(self) -> str:
        return f"#{self.pk} {self.title}"

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_date is not None and self.due_date < timezone.localdate()

    @property
    def age_days(self) -> int:
        """Whole days since the case was opened."""
        return (timezone.localdate() - timezone.localdate(self.created_at)).days


class EvidenceKind(models.TextChoices):
    LINK = "link", _("Link")
    FILE = "file", _("File")
    NOTE = "note", _("Note")
    DOCUMENT = "document", _("Ingested document")


def evidence_upload_to(instance: Any, filename: str) -> str:
    # The stored name never comes from the uploader: it is random, with a safe suffix.
    from kiemchung.core.uploads import stored_name

    return stored_name(instance.case_id, filename)


class Evidence(models.Model):
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("case")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=EvidenceKind.choices)
    title = models.CharField(_("title"), max_length=300, blank=True)
    url = models.URLField(_("link"), max_length=2000, blank=True)
    file = models.FileField(_("file"), upload_to=evidence_upload_to, blank=True, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    content_type = models.CharField(_("file type"), max_length=100, blank=True)
    size = models.PositiveIntegerField(_("size (bytes)"), default=0)
    note = models.TextField(_("note"), blank=True)
    document = models.ForeignKey(
        "sources.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cited document"),
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.title or self.url or self.original_name or shorten(self.note, 80)


class Comment(models.Model):
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="comments", verbose_name=_("case")
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return shorten(self.text, 80)


class AuditError(Exception):
    """Raised on any attempt to change or delete an audit event."""


class AuditQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise AuditError("audit events cannot be changed")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AuditError("audit events cannot be deleted")


class AuditEvent(models.Model):
    """Who did what, when, with the values before and after. Insert-only.

    The model and its queryset refuse updates and deletes, and a database trigger
    (migration 0003) refuses any UPDATE, so not even raw SQL can rewrite an event.
    """

    case = models.ForeignKey(
        Case,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="audit",
        verbose_name=_("case"),
    )
    object_type = models.CharField(_("object type"), max_length=50)
    object_id = models.CharField(_("object id"), max_length=50)
    action = models.CharField(_("action"), max_length=50)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    actor_name = models.CharField(_("by (name)"), max_length=150, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit history")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AuditError("audit events cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AuditError("audit events cannot be deleted")
