"""A unit's report header, and the reports themselves."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kiemchung.reports.layouts import LAYOUT_CHOICES


class ReportSettings(models.Model):
    """How a unit's reports are headed and signed. One per unit; without one, a unit's
    reports use defaults made from its own name (see ``header.header_for``)."""

    unit = models.OneToOneField(
        "org.OrgUnit",
        on_delete=models.CASCADE,
        related_name="report_settings",
        verbose_name=_("unit"),
    )
    layout = models.CharField(_("layout"), max_length=16, choices=LAYOUT_CHOICES, default="state")
    parent_body = models.CharField(
        _("parent body"),
        max_length=200,
        blank=True,
        help_text=_("Upper left, above the issuing body. For example: UBND HUYỆN MƯỜNG LÁT."),
    )
    issuing_body = models.CharField(
        _("issuing body"),
        max_length=200,
        help_text=_("For example: BAN CHỈ ĐẠO 35."),
    )
    abbreviation = models.CharField(
        _("abbreviation"), max_length=30, default="BCĐ", help_text=_("In the number: 12/BC-BCĐ.")
    )
    place = models.CharField(
        _("place"), max_length=100, blank=True, help_text=_("Before the date: Mường Lát.")
    )
    signing_for = models.CharField(
        _("signing on behalf of"),
        max_length=200,
        default="BAN CHỈ ĐẠO",
        help_text=_("After TM. or T/M in the signature block."),
    )
    signer_title = models.CharField(_("signer's title"), max_length=100, default="TRƯỞNG BAN")
    signer_name = models.CharField(_("signer's name"), max_length=100, blank=True)
    recipients = models.TextField(
        _("recipients"),
        default="Lưu: VT.",
        help_text=_("One per line, without the leading dash."),
    )
    deadline_day = models.PositiveSmallIntegerField(
        _("report due on day"),
        null=True,
        blank=True,
        help_text=_(
            "The day of a period's last month by which its report is due (for example 15); "
            "empty: no reminders."
        ),
    )

    last_reminded_on = models.DateField(_("last reminder"), null=True, blank=True)

    class Meta:
        verbose_name = _("report settings")
        verbose_name_plural = _("report settings")

    def __str__(self) -> str:
        return f"{self.unit}: {self.issuing_body}"


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for approval")
    APPROVED = "approved", _("Approved")
    ISSUED = "issued", _("Issued")


def report_upload_to(instance: Report, filename: str) -> str:
    return f"reports/{instance.unit_id}/{instance.pk}/{filename}"


class Report(models.Model):
    """A period review of a unit: drafted, submitted, approved, issued. Once issued its
    figures, texts, header and files are kept as they were (``services.issue``)."""

    unit = models.ForeignKey(
        "org.OrgUnit", on_delete=models.PROTECT, related_name="reports", verbose_name=_("unit")
    )
    period_code = models.CharField(_("period"), max_length=30)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    title = models.CharField(_("title"), max_length=300)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ReportStatus.choices,
        default=ReportStatus.DRAFT,
        db_index=True,
    )
    texts = models.JSONField(_("section texts"), default=dict, blank=True)
    figures = models.JSONField(
        _("figures"), default=dict, blank=True, help_text=_("As issued (frozen).")
    )
    header = models.JSONField(_("header"), default=dict, blank=True)
    number = models.CharField(_("number"), max_length=30, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    docx = models.FileField(_("Word file"), upload_to=report_upload_to, blank=True)
    pdf = models.FileField(_("PDF file"), upload_to=report_upload_to, blank=True)
    xlsx = models.FileField(_("workbook"), upload_to=report_upload_to, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("drafted by"),
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("period report")
        verbose_name_plural = _("period reports")
        ordering = ["-period_end", "-pk"]
        indexes = [models.Index(fields=["unit", "status", "period_end"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_frozen(self) -> bool:
        return self.status == ReportStatus.ISSUED
