"""A unit's report header, and the reports themselves."""

from __future__ import annotations

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

    class Meta:
        verbose_name = _("report settings")
        verbose_name_plural = _("report settings")

    def __str__(self) -> str:
        return f"{self.unit}: {self.issuing_body}"
