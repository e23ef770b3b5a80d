"""The figures of a period review, for a unit and every unit below it.

What is counted where (the data decides, see the README's "Period reports"):

- Monitoring, claims and citizens' tips are not tied to a unit in the data model: a
  source, a document, a story, a spike alert, a claim or a tip belongs to the whole
  installation. They are counted installation-wide, whichever unit the report is for.
- Cases belong to a unit; partner agencies (and so their tasks) work with a unit;
  members hold roles in a unit. These are counted for the unit and every unit below it,
  and the table by sub-unit splits them by the unit's direct sub-units.
- A document counts in the period of its own time (``published_at``: when it was posted),
  never its import time; a story by its first sighting, an alert by the end of its
  window, a claim by its document's time (or its story's first sighting), a case by its
  opening or publication, a tip by its arrival, a task by its creation.

Every figure is an aggregate query; nothing loops over rows in Python except the few
published cases (for the median time to publication) and the still-open cases.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from kiemchung.cases.models import CLOSED_STATES, OPEN_STATES, Case, CaseState
from kiemchung.claims.models import Claim, MatchDecision
from kiemchung.org.models import Membership, OrgUnit, Task, TaskStatus
from kiemchung.publishing.models import Tip
from kiemchung.reports.periods import Period
from kiemchung.sources.models import Document
from kiemchung.stories.models import Alert, Story, Theme
from kiemchung.training.stats import counts_by_unit, outreach_counts, training_counts

TOP_SOURCES = 10
OPEN_AGE_BUCKETS: tuple[tuple[str, int], ...] = (("0-7", 7), ("8-30", 30), ("31+", 10**6))


@dataclass
class Monitoring:
    documents: int = 0
    sources: int = 0
    stories: int = 0
    alerts: int = 0
    by_platform: dict[str, int] = field(default_factory=dict)
    by_source: list[tuple[str, int]] = field(default_factory=list)
    themes: dict[str, int] = field(default_factory=dict)  # documents per story theme
    weekly: list[tuple[str, int]] = field(default_factory=list)  # (ISO Monday, documents)
    weekly_by_theme: dict[str, list[int]] = field(default_factory=dict)


@dataclass
class Claims:
    claims: int = 0
    matched: int = 0  # confirmed matches with an earlier fact-check
    already_checked: int = 0  # stories of the period already covered by a fact-check


@dataclass
class Cases:
    opened: int = 0
    published: int = 0
    closed: int = 0
    closed_by_reason: dict[str, int] = field(default_factory=dict)
    verdicts: dict[str, int] = field(default_factory=dict)
    median_days_to_publication: float | None = None
    still_open: int = 0
    open_by_age: dict[str, int] = field(default_factory=dict)
    median_open_age_days: float | None = None


@dataclass
class Tips:
    received: int = 0
    matched_at_once: int = 0
    turned_into_cases: int = 0


@dataclass
class AgencyRow:
    agency: str
    tasks: int
    done: int
    done_on_time: int
    overdue: int


@dataclass
class Coordination:
    tasks: int = 0
    done: int = 0
    done_on_time: int = 0
    overdue: int = 0
    by_agency: list[AgencyRow] = field(default_factory=list)


@dataclass
class Organisation:
    members: int = 0
    by_role: dict[str, int] = field(default_factory=dict)
    trainings: int = 0
    trainees: int = 0
    trainees_by_audience: dict[str, int] = field(default_factory=dict)


@dataclass
class Outreach:
    """The outreach log's entries: what was published where and how."""

    activities: int = 0
    reach: int = 0
    by_channel: dict[str, int] = field(default_factory=dict)


@dataclass
class SubUnitRow:
    unit_id: int
    name: str
    cases_opened: int = 0
    cases_published: int = 0
    cases_closed: int = 0
    cases_open: int = 0
    tasks: int = 0
    tasks_done: int = 0
    tasks_overdue: int = 0
    members: int = 0
    trainings: int = 0
    trainees: int = 0
    outreach: int = 0


@dataclass
class Change:
    current: float
    previous: float
    previous_change: float
    previous_percent: float | None
    last_year: float
    last_year_change: float
    last_year_percent: float | None


@dataclass
class Figures:
    period: Period
    unit_id: int | None
    unit_name: str
    monitoring: Monitoring
    claims: Claims
    cases: Cases
    tips: Tips
    coordination: Coordination
    organisation: Organisation
    sub_units: list[SubUnitRow]
    outreach: Outreach = field(default_factory=Outreach)
    comparison: dict[str, Change] = field(default_factory=dict)
    previous_period: Period | None = None
    last_year_period: Period | None = None

    def headline(self) -> dict[str, int]:
        """The flat figures compared across periods and printed by ``report stats``."""
        return headline_of(self)

    def is_empty(self) -> bool:
        return not any(self.headline().values())

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["period"] = period_json(self.period)
        data["previous_period"] = period_json(self.previous_period)
        data["last_year_period"] = period_json(self.last_year_period)
        data["unit"] = {"id": self.unit_id, "name": self.unit_name}
        return data


def period_json(period: Period | None) -> dict[str, str] | None:
    if period is None:
        return None
    return {
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "label": period.label,
        "code": period.code,
    }


def headline_of(figures: Figures) -> dict[str, int]:
    m, c, k, t, o = (
        figures.monitoring,
        figures.cases,
        figures.coordination,
        figures.tips,
        figures.organisation,
    )
    return {
        "documents": m.documents,
        "sources": m.sources,
        "stories": m.stories,
        "alerts": m.alerts,
        "claims": figures.claims.claims,
        "claims_matched": figures.claims.matched,
        "cases_opened": c.opened,
        "cases_published": c.published,
        "cases_closed": c.closed,
        "tips": t.received,
        "tasks": k.tasks,
        "tasks_done": k.done,
        "tasks_overdue": k.overdue,
        "trainings": o.trainings,
        "trainees": o.trainees,
        "outreach": figures.outreach.activities,
    }


# --- the scope ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """A unit and everything below it; ``None`` is the whole installation."""

    unit: OrgUnit | None

    def q(self, lookup: str) -> Q:
        """A filter on ``<lookup>__path`` (``lookup`` leads to an OrgUnit)."""
        if self.unit is None:
            return Q()
        return Q(**{f"{lookup}__path__startswith": self.unit.path})


def _window(period: Period) -> tuple[datetime, datetime]:
    return period.bounds()


def _reference_day(period: Period) -> date:
    """The day 'still open' and 'overdue' are judged on: the period's end, or today."""
    return min(period.end, timezone.localdate())


# --- monitoring -------------------------------------------------------------------------


def monitoring(period: Period, detail: bool = True) -> Monitoring:
    low, high = _window(period)
    docs = Document.objects.filter(published_at__gte=low, published_at__lt=high)
    result = Monitoring(
        documents=docs.count(),
        sources=docs.values("source_id").distinct().order_by().count(),
        stories=Story.objects.filter(first_seen__gte=low, first_seen__lt=high).count(),
        alerts=Alert.objects.filter(window_end__gte=low, window_end__lt=high).count(),
    )
    if not detail or not result.documents:
        return result
    result.by_platform = _grouped(docs, "platform", lambda key: key or "web")
    by_source = docs.values("source__name").annotate(n=Count("id")).order_by("-n", "source__name")
    result.by_source = [(row["source__name"], row["n"]) for row in by_source[:TOP_SOURCES]]
    result.weekly, result.weekly_by_theme = _weekly(docs, period)
    totals = {theme: sum(series) for theme, series in result.weekly_by_theme.items()}
    result.themes = dict(sorted(totals.items(), key=lambda item: (-item[1], item[0])))
    return result


def _grouped(queryset: QuerySet[Any], key: str, name: Callable[[Any], str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in queryset.values(key).annotate(n=Count("id")).order_by():
        label = name(row[key])
        counts[label] = counts.get(label, 0) + int(row["n"])
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def week_starts(period: Period) -> list[date]:
    first = period.start - timedelta(days=period.start.weekday())
    weeks = []
    while first <= period.end:
        weeks.append(first)
        first += timedelta(days=7)
    return weeks


def _weekly(
    docs: QuerySet[Document], period: Period
) -> tuple[list[tuple[str, int]], dict[str, list[int]]]:
    """Documents per week (Monday to Sunday, local time) in total and per theme.

    One query: a conditional count per week, grouped by theme. The week boundaries are
    local midnights computed here, so the database only compares indexed times (no
    time-zone conversion per row, which SQLite would do in Python)."""
    weeks = week_starts(period)
    zone = timezone.get_current_timezone()
    edges = [datetime.combine(week, time.min, tzinfo=zone) for week in weeks]
    edges.append(edges[-1] + timedelta(days=7))
    counts = {
        f"w{number}": Count("id", filter=Q(published_at__gte=low, published_at__lt=high))
        for number, (low, high) in enumerate(itertools.pairwise(edges))
    }
    themes: dict[str, list[int]] = {}
    rows: Any = docs.values("story__theme").annotate(**counts).order_by()
    for row in rows:
        theme = row["story__theme"] or Theme.OTHER.value
        series = themes.setdefault(theme, [0] * len(weeks))
        for number in range(len(weeks)):
            series[number] += row[f"w{number}"]
    total = [sum(series[number] for series in themes.values()) for number in range(len(weeks))]
    labels = [week.isoformat() for week in weeks]
    return list(zip(labels, total, strict=True)), themes


# --- claims, cases, tips, tasks, members ------------------------------------------------


def claims(period: Period) -> Claims:
    low, high = _window(period)
    in_period = Q(document__published_at__gte=low, document__published_at__lt=high) | Q(
        document=None, story__first_seen__gte=low, story__first_seen__lt=high
    )
    found = Claim.objects.filter(in_period).exclude(is_factual=False)
    counts = found.aggregate(
        claims=Count("id"), matched=Count("id", filter=Q(match_decision=MatchDecision.CONFIRMED))
    )
    checked = Story.objects.filter(
        first_seen__gte=low, first_seen__lt=high, already_checked__isnull=False
    ).count()
    return Claims(claims=counts["claims"], matched=counts["matched"], already_checked=checked)


def cases(period: Period, scope: Scope, detail: bool = True) -> Cases:
    low, high = _window(period)
    mine = Case.objects.filter(scope.q("unit"))
    opened = Q(created_at__gte=low, created_at__lt=high)
    published = Q(published_at__gte=low, published_at__lt=high, state=CaseState.PUBLISHED)
    # A closed case has no closing time of its own: its last change is its closing.
    closed = Q(state__in=CLOSED_STATES, updated_at__gte=low, updated_at__lt=high)
    counts = mine.aggregate(
        opened=Count("id", filter=opened),
        published=Count("id", filter=published),
        closed=Count("id", filter=closed),
    )
    result = Cases(**counts)
    if not detail:
        return result
    result.closed_by_reason = _grouped(mine.filter(closed), "state", str)
    result.verdicts = _grouped(mine.filter(published), "verdict", lambda v: v or "none")
    result.median_days_to_publication = _median_days_to_publication(mine.filter(published))
    _open_cases(result, mine, period, high)
    return result


def _median_days_to_publication(published: QuerySet[Case]) -> float | None:
    """From the first sighting (the story's first document, else the tip's arrival, else
    the case's opening) to publication, in days."""
    rows = published.values_list(
        "published_at", "story__first_seen", "tip__created_at", "created_at"
    )
    spans = [
        (done - (seen or tipped or opened)).total_seconds() / 86400
        for done, seen, tipped, opened in rows
        if done is not None
    ]
    return round(statistics.median(spans), 1) if spans else None


def _open_cases(result: Cases, mine: QuerySet[Case], period: Period, high: datetime) -> None:
    """Cases opened by the period's end that are still open, and their age on the
    period's last day (or today, for a period not over yet)."""
    day = _reference_day(period)
    opened = mine.filter(state__in=OPEN_STATES, created_at__lt=high).values_list(
        "created_at", flat=True
    )
    ages = [max((day - timezone.localtime(moment).date()).days, 0) for moment in opened]
    result.still_open = len(ages)
    buckets = dict.fromkeys((name for name, _ in OPEN_AGE_BUCKETS), 0)
    for age in ages:
        name = next(name for name, limit in OPEN_AGE_BUCKETS if age <= limit)
        buckets[name] += 1
    result.open_by_age = buckets
    result.median_open_age_days = float(statistics.median(ages)) if ages else None


def tips(period: Period) -> Tips:
    low, high = _window(period)
    received = Tip.objects.filter(created_at__gte=low, created_at__lt=high)
    counts = received.aggregate(
        received=Count("id"),
        matched_at_once=Count("id", filter=Q(factcheck__isnull=False)),
        turned_into_cases=Count("id", filter=Q(cases__isnull=False), distinct=True),
    )
    return Tips(**counts)


def _task_conditions(period: Period) -> dict[str, Q | None]:
    day = _reference_day(period)
    done = Q(status=TaskStatus.DONE)
    unfinished = Q(status__in=(TaskStatus.OPEN, TaskStatus.IN_PROGRESS))
    return {
        "tasks": None,
        "done": done,
        # A task has no completion date of its own: its last change is its completion.
        "done_on_time": done & Q(updated_at__date__lte=F("due_date")),
        "overdue": unfinished & Q(due_date__lt=day),
    }


def _tasks_in(period: Period, scope: Scope) -> QuerySet[Task]:
    low, high = _window(period)
    return Task.objects.filter(scope.q("agency__unit"), created_at__gte=low, created_at__lt=high)


def coordination(period: Period, scope: Scope, detail: bool = True) -> Coordination:
    conditions = _task_conditions(period)
    tasks = _tasks_in(period, scope)
    counts = tasks.aggregate(
        **{name: Count("id", filter=cond) for name, cond in conditions.items()}
    )
    result = Coordination(**counts)
    if not detail or not result.tasks:
        return result
    annotations = {name: Count("id", filter=cond) for name, cond in conditions.items()}
    rows: Any = tasks.values("agency__name").annotate(**annotations).order_by()
    result.by_agency = [
        AgencyRow(
            agency=row["agency__name"],
            tasks=row["tasks"],
            done=row["done"],
            done_on_time=row["done_on_time"],
            overdue=row["overdue"],
        )
        for row in sorted(rows, key=lambda row: (-row["tasks"], row["agency__name"]))
    ]
    return result


def organisation(period: Period, scope: Scope) -> Organisation:
    _low, high = _window(period)
    members = Membership.objects.filter(scope.q("unit"), created_at__lt=high)
    by_role = _grouped(members, "role", str)
    people = members.values("user_id").distinct().order_by().count()
    counts = training_counts(*_window(period), scope.unit)
    return Organisation(
        members=people,
        by_role=by_role,
        trainings=counts.sessions,
        trainees=counts.trainees,
        trainees_by_audience=counts.by_audience,
    )


def training_figures(period: Period, scope: Scope) -> tuple[int, int]:
    """(training sessions held, trainees) in the period: members marked present plus the
    outside people counted (see ``kiemchung.training.stats``)."""
    counts = training_counts(*_window(period), scope.unit)
    return counts.sessions, counts.trainees


def outreach(period: Period, scope: Scope) -> Outreach:
    counts = outreach_counts(*_window(period), scope.unit)
    return Outreach(activities=counts.activities, reach=counts.reach, by_channel=counts.by_channel)


# --- by sub-unit ------------------------------------------------------------------------


def sub_units(period: Period, unit: OrgUnit | None) -> list[SubUnitRow]:
    """One row per direct sub-unit (or per top unit, for the whole installation), each
    counting its own subtree. Grouped by unit in the database, folded here."""
    children = list(
        OrgUnit.objects.filter(parent=unit) if unit else OrgUnit.objects.filter(parent=None)
    )
    if not children:
        return []
    rows = {child.pk: SubUnitRow(unit_id=child.pk, name=child.name) for child in children}
    owner = _owner_of(children, unit)
    _fold_cases(period, unit, rows, owner)
    _fold_tasks(period, unit, rows, owner)
    members = Membership.objects.filter(Scope(unit).q("unit"), created_at__lt=period.bounds()[1])
    for row in members.values("unit_id").annotate(n=Count("user_id", distinct=True)).order_by():
        target = owner.get(row["unit_id"])
        if target is not None:
            rows[target].members += row["n"]
    _fold_training(period, unit, rows, owner)
    return list(rows.values())


def _fold_training(
    period: Period, unit: OrgUnit | None, rows: dict[int, SubUnitRow], owner: dict[int, int]
) -> None:
    counts = counts_by_unit(*_window(period), unit)
    for name, by_unit in (
        ("trainings", counts.sessions),
        ("trainees", counts.trainees),
        ("outreach", counts.outreach),
    ):
        for unit_id, n in by_unit.items():
            target = owner.get(unit_id)
            if target is not None:
                row = rows[target]
                setattr(row, name, getattr(row, name) + n)


def _owner_of(children: list[OrgUnit], unit: OrgUnit | None) -> dict[int, int]:
    """Every unit below ``unit`` mapped to the direct sub-unit it belongs to."""
    owner: dict[int, int] = {}
    for child in children:
        for pk in child.subtree().values_list("pk", flat=True):
            owner[pk] = child.pk
    return owner


def _fold_cases(
    period: Period, unit: OrgUnit | None, rows: dict[int, SubUnitRow], owner: dict[int, int]
) -> None:
    low, high = _window(period)
    grouped = (
        Case.objects.filter(Scope(unit).q("unit"))
        .values("unit_id")
        .annotate(
            opened=Count("id", filter=Q(created_at__gte=low, created_at__lt=high)),
            published=Count(
                "id",
                filter=Q(published_at__gte=low, published_at__lt=high, state=CaseState.PUBLISHED),
            ),
            closed=Count(
                "id", filter=Q(state__in=CLOSED_STATES, updated_at__gte=low, updated_at__lt=high)
            ),
            still_open=Count("id", filter=Q(state__in=OPEN_STATES, created_at__lt=high)),
        )
        .order_by()
    )
    for row in grouped:
        target = owner.get(row["unit_id"])
        if target is None:
            continue
        sub = rows[target]
        sub.cases_opened += row["opened"]
        sub.cases_published += row["published"]
        sub.cases_closed += row["closed"]
        sub.cases_open += row["still_open"]


def _fold_tasks(
    period: Period, unit: OrgUnit | None, rows: dict[int, SubUnitRow], owner: dict[int, int]
) -> None:
    conditions = _task_conditions(period)
    grouped = (
        _tasks_in(period, Scope(unit))
        .values("agency__unit_id")
        .annotate(
            tasks=Count("id"),
            done=Count("id", filter=conditions["done"]),
            overdue=Count("id", filter=conditions["overdue"]),
        )
        .order_by()
    )
    for row in grouped:
        target = owner.get(row["agency__unit_id"])
        if target is None:
            continue
        sub = rows[target]
        sub.tasks += row["tasks"]
        sub.tasks_done += row["done"]
        sub.tasks_overdue += row["overdue"]


# --- all together -----------------------------------------------------------------------


def _headline_only(period: Period, scope: Scope) -> dict[str, int]:
    """The flat figures of a comparison period, without the detail tables."""
    figures = Figures(
        period=period,
        unit_id=None,
        unit_name="",
        monitoring=monitoring(period, detail=False),
        claims=claims(period),
        cases=cases(period, scope, detail=False),
        tips=tips(period),
        coordination=coordination(period, scope, detail=False),
        organisation=_trainings_only(period, scope),
        sub_units=[],
        outreach=outreach(period, scope),
    )
    return headline_of(figures)


def _trainings_only(period: Period, scope: Scope) -> Organisation:
    trainings, trainees = training_figures(period, scope)
    return Organisation(trainings=trainings, trainees=trainees)


def percent_change(current: float, before: float) -> float | None:
    """The change in percent, one decimal; ``None`` when there is nothing to compare to."""
    if not before:
        return None
    return round((current - before) * 100 / before, 1)


def compare(
    current: dict[str, int], previous: dict[str, int], last_year: dict[str, int]
) -> dict[str, Change]:
    return {
        key: Change(
            current=value,
            previous=previous[key],
            previous_change=value - previous[key],
            previous_percent=percent_change(value, previous[key]),
            last_year=last_year[key],
            last_year_change=value - last_year[key],
            last_year_percent=percent_change(value, last_year[key]),
        )
        for key, value in current.items()
    }


def compute(period: Period, unit: OrgUnit | None = None, *, comparisons: bool = True) -> Figures:
    """Every figure of ``period`` for ``unit`` (``None``: the whole installation)."""
    scope = Scope(unit)
    figures = Figures(
        period=period,
        unit_id=unit.pk if unit else None,
        unit_name=unit.name if unit else "",
        monitoring=monitoring(period),
        claims=claims(period),
        cases=cases(period, scope),
        tips=tips(period),
        coordination=coordination(period, scope),
        organisation=organisation(period, scope),
        sub_units=sub_units(period, unit),
        outreach=outreach(period, scope),
    )
    if comparisons:
        figures.previous_period = period.previous()
        figures.last_year_period = period.same_last_year()
        figures.comparison = compare(
            figures.headline(),
            _headline_only(figures.previous_period, scope),
            _headline_only(figures.last_year_period, scope),
        )
    return figures


def stats_json(figures: Figures) -> dict[str, Any]:
    """The object ``kiemchung report stats --json`` prints: the flat figures first, then
    every detail."""
    data: dict[str, Any] = {
        "period": period_json(figures.period),
        "unit": {"id": figures.unit_id, "name": figures.unit_name} if figures.unit_id else None,
    }
    data.update(figures.headline())
    data["claims_already_checked"] = figures.claims.already_checked
    data["tips_matched_at_once"] = figures.tips.matched_at_once
    data["tips_turned_into_cases"] = figures.tips.turned_into_cases
    data["tasks_done_on_time"] = figures.coordination.done_on_time
    data["cases_still_open"] = figures.cases.still_open
    data["members"] = figures.organisation.members
    data["outreach_reach"] = figures.outreach.reach
    data["empty"] = figures.is_empty()
    detail = figures.as_json()
    for key in ("period", "unit", "previous_period", "last_year_period"):
        detail.pop(key, None)
    data["detail"] = detail
    data["previous_period"] = period_json(figures.previous_period)
    data["last_year_period"] = period_json(figures.last_year_period)
    return data


def period_stats(period: Period, unit: OrgUnit | None = None) -> dict[str, Any]:
    """The figures of ``period`` for ``unit`` as one JSON-ready object: what
    ``kiemchung report stats --json`` prints and ``GET /api/v1/reports/stats`` answers."""
    return stats_json(compute(period, unit))
