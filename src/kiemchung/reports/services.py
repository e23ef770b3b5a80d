"""The period report as work: a draft, its texts, submission, approval and issue.

Every change is checked against ``kiemchung.org.permissions`` and written to the audit
history with the one audit writer. An issued report is frozen: its figures, texts,
header and its three files are stored as issued and never rebuilt from the data.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kiemchung.cases.audit import audit
from kiemchung.core.events import REPORT_ISSUED, emit
from kiemchung.org.models import Membership, OrgUnit, Role
from kiemchung.org.permissions import Action, can, memberships, require, units_where
from kiemchung.reports.documents import ReportContent, content_for, render
from kiemchung.reports.figures import stats_json
from kiemchung.reports.models import Report, ReportSettings, ReportStatus
from kiemchung.reports.narrative import TEXT_SECTIONS, summary_line
from kiemchung.reports.periods import Period, parse_period, quarter_period

log = logging.getLogger(__name__)


class ReportRefused(ValueError):
    """A change the workflow refuses, with a message for the person asking."""


# (from, to) → the action it needs. The workflow is this table.
TRANSITIONS: dict[tuple[str, str], Action] = {
    (ReportStatus.DRAFT, ReportStatus.SUBMITTED): Action.DRAFT_REPORT,
    (ReportStatus.SUBMITTED, ReportStatus.DRAFT): Action.APPROVE_REPORT,
    (ReportStatus.SUBMITTED, ReportStatus.APPROVED): Action.APPROVE_REPORT,
    (ReportStatus.APPROVED, ReportStatus.DRAFT): Action.APPROVE_REPORT,
}


def visible_reports(user: Any) -> QuerySet[Report]:
    """A unit's own reports at every stage, for its members; the issued reports of the
    units below (the roll-up), for the units above. Nothing of a neighbour."""
    units = units_where(user, Action.VIEW_REPORTS)
    reports = Report.objects.filter(unit__in=units).select_related("unit")
    if getattr(user, "is_superuser", False) and user.is_active:
        return reports
    own = {m.unit_id for m in memberships(user)}
    return reports.filter(Q(unit_id__in=own) | Q(status=ReportStatus.ISSUED))


def period_of(report: Report) -> Period:
    return parse_period(report.period_code)


def content_of(report: Report) -> ReportContent:
    """The live content of a report not yet issued: today's figures, its own texts."""
    content = content_for(period_of(report), report.unit)
    texts = {**content.texts, **{k: v for k, v in report.texts.items() if v is not None}}
    return replace(content, texts=texts, number=report.number, issued_on=report.issued_on)


@transaction.atomic
def create_draft(user: Any, unit: OrgUnit, period: Period) -> Report:
    require(user, Action.DRAFT_REPORT, unit)
    content = content_for(period, unit)
    report = Report.objects.create(
        unit=unit,
        period_code=period.code,
        period_start=period.start,
        period_end=period.end,
        title=summary_line(content.figures),
        texts=content.texts,
        created_by=user,
    )
    audit(user, None, "report.create", {"period": [None, period.code]}, obj=report)
    return report


def _editable(user: Any, report: Report) -> None:
    require(user, Action.DRAFT_REPORT, report.unit)
    if report.status != ReportStatus.DRAFT:
        raise ReportRefused(_("Only a draft can be edited."))


@transaction.atomic
def edit_text(user: Any, report: Report, section: str, text: str) -> Report:
    if section not in {s.key for s in TEXT_SECTIONS}:
        raise ReportRefused(_("No such section."))
    report = Report.objects.select_for_update().get(pk=report.pk)
    _editable(user, report)
    before = report.texts.get(section, "")
    if before == text:
        return report
    report.texts = {**report.texts, section: text}
    report.save(update_fields=["texts", "updated_at"])
    audit(user, None, "report.text", {section: [before, text]}, obj=report)
    return report


@transaction.atomic
def change_status(user: Any, report: Report, status: str) -> Report:
    report = Report.objects.select_for_update().get(pk=report.pk)
    action = TRANSITIONS.get((report.status, status))
    if action is None:
        raise ReportRefused(_("This step is not possible now."))
    require(user, action, report.unit)
    before = report.status
    report.status = status
    fields = ["status", "updated_at"]
    if status == ReportStatus.APPROVED:
        report.approved_by = user
        fields.append("approved_by")
    report.save(update_fields=fields)
    audit(user, None, "report.status", {"status": [before, status]}, obj=report)
    return report


def issue(user: Any, report: Report, number: str, issued_on: date) -> Report:
    """Give an approved report its number and date, and freeze it: figures, texts,
    header and the three files as they are now."""
    require(user, Action.ISSUE_REPORT, report.unit)
    if report.status != ReportStatus.APPROVED:
        raise ReportRefused(_("Only an approved report can be issued."))
    number = number.strip()
    if not number:
        raise ReportRefused(_("An issued report needs its number."))
    content = replace(content_of(report), number=number, issued_on=issued_on)
    files = {kind: render(content, kind) for kind in ("docx", "pdf", "xlsx")}
    with transaction.atomic():
        locked = Report.objects.select_for_update().get(pk=report.pk)
        if locked.status != ReportStatus.APPROVED:
            raise ReportRefused(_("Only an approved report can be issued."))
        locked.status = ReportStatus.ISSUED
        locked.number = number
        locked.issued_on = issued_on
        locked.texts = content.texts
        locked.figures = stats_json(content.figures)
        locked.header = content.header.as_json()
        stem = f"bao-cao-{locked.period_code}-{locked.pk}"
        for kind, data in files.items():
            getattr(locked, kind).save(f"{stem}.{kind}", ContentFile(data), save=False)
        locked.save()
        audit(
            user,
            None,
            "report.issue",
            {
                "status": [ReportStatus.APPROVED, ReportStatus.ISSUED],
                "number": ["", number],
                "issued_on": [None, issued_on],
            },
            obj=locked,
        )
        _announce_issue(locked)
    return locked


def _announce_issue(report: Report) -> None:
    """``report.issued`` for the unit's webhooks (and the units above): what is on the
    report's first page, no one's name."""
    data = {
        "report_id": report.pk,
        "unit": report.unit.name,
        "period": report.period_code,
        "period_start": report.period_start.isoformat(),
        "period_end": report.period_end.isoformat(),
        "number": report.number,
        "issued_on": report.issued_on.isoformat() if report.issued_on else None,
        "title": report.title,
    }
    emit(REPORT_ISSUED, unit_id=report.unit_id, data=data)


def file_of(report: Report, kind: str) -> bytes:
    """A download: the stored file of an issued report, or a fresh one of a draft."""
    if report.is_frozen:
        stored = getattr(report, kind)
        with stored.open("rb") as handle:
            data: bytes = handle.read()
        return data
    return render(content_of(report), kind)


def history(report: Report) -> QuerySet[Any]:
    from kiemchung.cases.models import AuditEvent

    return AuditEvent.objects.filter(object_type="report", object_id=str(report.pk))


# --- the roll-up ----------------------------------------------------------------------------


def sub_unit_reports(user: Any, report: Report) -> QuerySet[Report]:
    """Issued reports of the units below, for a period within this report's period."""
    return (
        visible_reports(user)
        .filter(
            status=ReportStatus.ISSUED,
            unit__path__startswith=report.unit.path,
            period_start__gte=report.period_start,
            period_end__lte=report.period_end,
        )
        .exclude(unit=report.unit)
        .order_by("unit__path", "period_end")
    )


def quote(user: Any, report: Report, source: Report, section: str) -> Report:
    """Add a sub-unit's issued text of ``section`` to this draft's, attributed."""
    if not sub_unit_reports(user, report).filter(pk=source.pk).exists():
        raise PermissionDenied("report.quote")
    quoted = (source.texts or {}).get(section, "").strip()
    if not quoted:
        raise ReportRefused(_("That report has no text in this section."))
    lead = f"{source.unit.name} ({source.number}, {source.issued_on:%d/%m/%Y}): "
    current = report.texts.get(section, "")
    return edit_text(user, report, section, f"{current}\n{lead}{quoted}".strip())


# --- deadlines and reminders ---------------------------------------------------------------

REMINDED_ROLES = (Role.HEAD, Role.DEPUTY, Role.SECRETARIAT)


def due_date(day: int, period: Period) -> date:
    """The deadline of a quarter's report: ``day`` of the quarter's last month."""
    last = period.end
    return last.replace(day=min(day, last.day))


def reports_due(today: date | None = None) -> list[tuple[ReportSettings, Period, date]]:
    """Units whose current quarter's report is due within the reminder window (or late)
    and not yet issued, not reminded today."""
    today = today or timezone.localdate()
    quarter = quarter_period(today.year, (today.month - 1) // 3 + 1)
    found = []
    horizon = today + timedelta(days=settings.TASK_REMINDER_DAYS)
    candidates = ReportSettings.objects.filter(deadline_day__isnull=False).select_related("unit")
    for unit_settings in candidates.exclude(last_reminded_on=today):
        due = due_date(unit_settings.deadline_day or 1, quarter)
        if due > horizon:
            continue
        issued = Report.objects.filter(
            unit=unit_settings.unit, status=ReportStatus.ISSUED, period_end__gte=quarter.start
        )
        if not issued.exists():
            found.append((unit_settings, quarter, due))
    return found


def send_report_reminders(today: date | None = None) -> int:
    """Email the heads, deputies and secretariat of each unit whose report is due, once
    a day, the same way as the tasks' reminders."""
    today = today or timezone.localdate()
    sent = 0
    for unit_settings, period, due in reports_due(today):
        recipients = sorted(
            {
                m.user.email
                for m in Membership.objects.filter(
                    unit=unit_settings.unit, role__in=REMINDED_ROLES
                ).select_related("user")
                if m.user.email
            }
        )
        if recipients:
            with translation.override(settings.LANGUAGE_CODE):
                subject, body = _reminder_text(unit_settings.unit, period, due, today)
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
            sent += 1
        ReportSettings.objects.filter(pk=unit_settings.pk).update(last_reminded_on=today)
    if sent:
        log.info("sent %d report reminders", sent)
    return sent


def _reminder_text(unit: OrgUnit, period: Period, due: date, today: date) -> tuple[str, str]:
    from django.urls import reverse
    from django.utils.formats import date_format

    values = {"unit": unit.name, "period": period.label, "due": date_format(due, "DATE_FORMAT")}
    if due < today:
        subject = _("Overdue report: %(unit)s, %(period)s") % values
        lead = _("The report of %(period)s was due %(due)s and is not issued.") % values
    else:
        subject = _("Report due %(due)s: %(unit)s, %(period)s") % values
        lead = _("The report of %(period)s is due %(due)s.") % values
    link = settings.PUBLIC_BASE_URL.rstrip("/") + reverse("reports:index")
    return subject, f"{lead}\n\n{_('Open the reports page: %(link)s') % {'link': link}}"


def may(user: Any, action: Action, report: Report) -> bool:
    return can(user, action, report.unit)
