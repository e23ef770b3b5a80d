"""The reports page: figures and charts of any period, drafts, approval and issue."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kiemchung.org.access import desk_required
from kiemchung.org.models import OrgUnit
from kiemchung.org.permissions import Action, can, units_where
from kiemchung.reports import services
from kiemchung.reports.documents import CONTENT_TYPES, content_for
from kiemchung.reports.figures import Figures, stats_json
from kiemchung.reports.forms import IssueForm, PeriodForm
from kiemchung.reports.models import Report, ReportStatus
from kiemchung.reports.narrative import TEXT_SECTIONS, theme_label
from kiemchung.reports.outlook import outlook_for
from kiemchung.reports.periods import quarter_period
from kiemchung.reports.tables import HEADLINE_LABELS, headline, sub_units
from kiemchung.reports.wording import number


def _units(request: HttpRequest) -> list[OrgUnit]:
    return list(units_where(request.user, Action.VIEW_REPORTS).order_by("path"))


def _current_quarter_code() -> str:
    today = timezone.localdate()
    return quarter_period(today.year, (today.month - 1) // 3 + 1).code


@desk_required
def index(request: HttpRequest) -> HttpResponse:
    units = _units(request)
    if not units:
        raise PermissionDenied
    choices = [(unit.pk, "— " * unit.depth + unit.name) for unit in units]
    initial = {"unit": units[0].pk, "period": _current_quarter_code()}
    form = PeriodForm(request.GET or initial, units=choices)
    context: dict[str, Any] = {
        "form": form,
        "reports": services.visible_reports(request.user).select_related("unit")[:50],
    }
    if form.is_valid():
        unit = next(u for u in units if u.pk == form.cleaned_data["unit"])
        period = form.cleaned_data["period"]
        content = content_for(period, unit)
        context.update(
            unit=unit,
            period=period,
            figures=content.figures,
            headline=headline(content.figures),
            sub_units=sub_units(content.figures),
            charts=[(c.title, base64.b64encode(c.png).decode()) for c in content.charts],
            outlook=_outlook(content.texts),
            forecasts=_forecasts(content.figures),
            may_draft=can(request.user, Action.DRAFT_REPORT, unit),
        )
    return render(request, "reports/index.html", context)


def _forecasts(figures: Figures) -> list[dict[str, Any]]:
    outlook, rising = outlook_for(figures)
    names = {item.theme for item in rising}
    return [
        {
            "theme": theme_label(item.theme),
            "expected": number(item.expected, 1),
            "low": number(item.low, 1),
            "high": number(item.high, 1),
            "trend": ("+" if item.trend_percent > 0 else "") + number(item.trend_percent, 1),
            "rising": item.theme in names,
        }
        for item in outlook
    ]


def _outlook(texts: dict[str, str]) -> str:
    lines = texts.get("tasks", "").splitlines()
    found = next((line for line in lines if "Dự báo" in line), "")
    return re.sub(r"^\d+\.\s*", "", found)


@desk_required
@require_POST
def new(request: HttpRequest) -> HttpResponse:
    units = _units(request)
    choices = [(unit.pk, unit.name) for unit in units]
    form = PeriodForm(request.POST, units=choices)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for e in form.errors.values()))
        return redirect("reports:index")
    unit = next(u for u in units if u.pk == form.cleaned_data["unit"])
    report = services.create_draft(request.user, unit, form.cleaned_data["period"])
    messages.success(request, _("Draft created."))
    return redirect("reports:detail", report.pk)


def _visible(request: HttpRequest, report_id: int) -> Report:
    report = services.visible_reports(request.user).filter(pk=report_id).first()
    if report is None:
        raise Http404
    return report


@desk_required
def detail(request: HttpRequest, report_id: int) -> HttpResponse:
    report = _visible(request, report_id)
    user = request.user
    editable = report.status == ReportStatus.DRAFT and can(user, Action.DRAFT_REPORT, report.unit)
    figures = report.figures if report.is_frozen else None
    if figures is None:
        figures = stats_json(services.content_of(report).figures)
    context = {
        "report": report,
        "editable": editable,
        "sections": [
            (section.key, section.heading, report.texts.get(section.key, ""))
            for section in TEXT_SECTIONS
        ],
        "figures": [(label, figures.get(key, 0)) for key, label in HEADLINE_LABELS.items()],
        "may_submit": report.status == ReportStatus.DRAFT
        and can(user, Action.DRAFT_REPORT, report.unit),
        "may_approve": report.status == ReportStatus.SUBMITTED
        and can(user, Action.APPROVE_REPORT, report.unit),
        "may_issue": report.status == ReportStatus.APPROVED
        and can(user, Action.ISSUE_REPORT, report.unit),
        "issue_form": IssueForm(initial={"issued_on": timezone.localdate()}),
        "sub_reports": services.sub_unit_reports(user, report) if editable else [],
        "history": services.history(report),
        "formats": ("docx", "pdf", "xlsx"),
    }
    return render(request, "reports/detail.html", context)


Handler = Callable[[HttpRequest, Report], None]


def report_action(handler: Handler) -> Callable[[HttpRequest, int], HttpResponse]:
    """A POST on a report: refusals become messages, the page is shown again."""

    @desk_required
    @require_POST
    @wraps(handler)
    def view(request: HttpRequest, report_id: int) -> HttpResponse:
        report = _visible(request, report_id)
        try:
            handler(request, report)
        except services.ReportRefused as exc:
            messages.error(request, str(exc))
        return redirect("reports:detail", report.pk)

    return view


@report_action
def texts(request: HttpRequest, report: Report) -> None:
    for section in TEXT_SECTIONS:
        if section.key in request.POST:
            text = request.POST[section.key].replace("\r\n", "\n").strip()
            report = services.edit_text(request.user, report, section.key, text)
    messages.success(request, _("The texts are saved."))


@report_action
def status(request: HttpRequest, report: Report) -> None:
    services.change_status(request.user, report, request.POST.get("status", ""))
    messages.success(request, _("Done."))


@report_action
def issue(request: HttpRequest, report: Report) -> None:
    form = IssueForm(request.POST)
    if not form.is_valid():
        raise services.ReportRefused(_("Give the report its number and date."))
    services.issue(
        request.user, report, form.cleaned_data["number"], form.cleaned_data["issued_on"]
    )
    messages.success(request, _("The report is issued."))


@report_action
def quote(request: HttpRequest, report: Report) -> None:
    source = get_object_or_404(Report, pk=request.POST.get("source") or 0)
    services.quote(request.user, report, source, request.POST.get("section", ""))
    messages.success(request, _("The text is quoted in the draft."))


@desk_required
def download(request: HttpRequest, report_id: int, kind: str) -> HttpResponse:
    if kind not in CONTENT_TYPES:
        raise Http404
    report = _visible(request, report_id)
    try:
        data = services.file_of(report, kind)
    except RuntimeError as exc:
        messages.error(request, str(exc))
        return redirect("reports:detail", report.pk)
    response = HttpResponse(data, content_type=CONTENT_TYPES[kind])
    name = f"bao-cao-{report.period_code}-{report.pk}.{kind}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
