"""``GET /reports/stats``: a period's figures, the service behind `kiemchung report stats`."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router

from kiemchung.api.auth import TokenAuth
from kiemchung.api.problems import forbidden, invalid
from kiemchung.api.routes.desk import require_desk
from kiemchung.api.schemas import ReportStatsOut, ReportStatsParams
from kiemchung.org.models import OrgUnit
from kiemchung.org.permissions import Action, units_where
from kiemchung.reports.figures import period_stats
from kiemchung.reports.periods import HELP, Period, PeriodError, parse_period

router = Router(tags=["reports"], auth=TokenAuth("reports"))


@router.get(
    "/reports/stats",
    response=ReportStatsOut,
    summary="A period's figures for a unit and the units below (as `kiemchung report stats`)",
)
def report_stats(request: HttpRequest, params: Query[ReportStatsParams]) -> dict[str, Any]:
    period = _period(params.period)
    unit = _unit(request, params.unit)
    return period_stats(period, unit)


def _period(text: str) -> Period:
    try:
        return parse_period(text)
    except PeriodError:
        message = _("Write the period as %(forms)s.") % {"forms": HELP}
        raise invalid([{"field": "period", "message": message}]) from None


def _unit(request: HttpRequest, unit_id: int | None) -> OrgUnit:
    """The unit asked for, if the user may see its reports; else the user's top unit with
    reports, as the reports page chooses. A unit outside them (or none) is refused alike,
    so the answer does not tell whether it exists."""
    require_desk(request)  # the reports page's door
    units = units_where(request.user, Action.VIEW_REPORTS).order_by("path")
    unit = units.filter(pk=unit_id).first() if unit_id is not None else units.first()
    if unit is None:
        raise forbidden()
    return unit
