"""The outlook: next period's expected documents per theme, and the themes rising fastest.

Forecasters (a registry; each maps a weekly series and a horizon to forecasts):

- ``naive``: next weeks = the last week. The baseline every forecaster must beat.
- ``ses``: simple exponential smoothing (level only).
- ``holt``: Holt's linear method with a damped trend (phi = 0.9): the level and a trend
  that fades, so a few busy weeks are not extrapolated for ever.

Smoothing weights are chosen per series by the smallest one-step-ahead squared error on
a small grid (numpy, a few milliseconds). Which forecaster the outlook uses is decided by
back-testing on the series themselves (``choose``): the one with the smallest mean
absolute error on the held-out last weeks, ``naive`` included, so the outlook is never
worse than the naive forecast on the data it has. The uncertainty is an 80% interval from
the one-step errors, widening with the square root of the horizon.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import numpy as np

from kiemchung.reports.figures import Figures, week_starts
from kiemchung.reports.narrative import ThemeOutlook
from kiemchung.reports.periods import Period, range_period

Z80 = 1.2816
GRID = (0.1, 0.2, 0.3, 0.5, 0.7, 0.9)
PHI = 0.9
MIN_WEEKS = 6
RISING = 3

Series = np.ndarray[Any, np.dtype[np.float64]]


@dataclass(frozen=True)
class Fit:
    forecast: Series  # the next ``horizon`` weeks
    sigma: float  # standard deviation of one-step errors


def _holt_pass(y: Series, alpha: float, beta: float, phi: float) -> tuple[float, float, float]:
    """(level, trend, sum of squared one-step errors)."""
    level, trend, sse = float(y[0]), 0.0, 0.0
    for value in y[1:]:
        predicted = level + phi * trend
        error = float(value) - predicted
        sse += error * error
        new_level = predicted + alpha * error
        trend = beta * (new_level - level) + (1 - beta) * phi * trend
        level = new_level
    return level, trend, sse


def _fit_holt(y: Series, horizon: int, betas: tuple[float, ...], phi: float) -> Fit:
    best = min(
        ((alpha, beta, *_holt_pass(y, alpha, beta, phi)) for alpha in GRID for beta in betas),
        key=lambda found: found[4],
    )
    _alpha, _beta, level, trend, sse = best
    damp = np.cumsum(phi ** np.arange(1, horizon + 1))
    forecast = np.maximum(level + damp * trend, 0.0)
    sigma = math.sqrt(sse / max(len(y) - 1, 1))
    return Fit(forecast, sigma)


def holt(y: Series, horizon: int) -> Fit:
    return _fit_holt(y, horizon, GRID, PHI)


def ses(y: Series, horizon: int) -> Fit:
    return _fit_holt(y, horizon, (0.0,), 0.0)


def naive(y: Series, horizon: int) -> Fit:
    errors = np.diff(y)
    sigma = float(np.sqrt(np.mean(errors**2))) if len(errors) else 0.0
    return Fit(np.full(horizon, float(y[-1])), sigma)


FORECASTERS: dict[str, Callable[[Series, int], Fit]] = {"naive": naive, "ses": ses, "holt": holt}


def mean_absolute_errors(series: list[Series], weeks: int) -> dict[str, float]:
    """Each forecaster's MAE when it forecasts the last ``weeks`` of each series from
    the weeks before them (series too short to hold out are left out)."""
    usable = [y for y in series if len(y) >= weeks + MIN_WEEKS]
    errors: dict[str, float] = {}
    for name, forecaster in FORECASTERS.items():
        gaps = [np.abs(forecaster(y[:-weeks], weeks).forecast - y[-weeks:]).mean() for y in usable]
        errors[name] = round(float(np.mean(gaps)), 3) if gaps else math.nan
    return errors


def choose(series: list[Series], weeks: int = 4) -> str:
    errors = {k: v for k, v in mean_absolute_errors(series, weeks).items() if not math.isnan(v)}
    return min(errors, key=lambda name: (errors[name], name != "naive")) if errors else "naive"


# --- the outlook of a report ----------------------------------------------------------------


def outlook_for(figures: Figures) -> tuple[list[ThemeOutlook], list[ThemeOutlook]]:
    """Per theme: the expected documents per week of the next period and an 80%
    interval; and the themes whose trend rises fastest."""
    weekly = {
        theme: np.asarray(_full_weeks(counts, figures.period), float)
        for theme, counts in figures.monitoring.weekly_by_theme.items()
    }
    series = {theme: y for theme, y in weekly.items() if len(y) >= MIN_WEEKS and y.sum() > 0}
    if not series:
        return [], []
    name = choose(list(series.values()))
    horizon = max(len(week_starts(figures.period.next())), 1)
    outlook = []
    for theme, y in series.items():
        fit = FORECASTERS[name](y, horizon)
        expected = float(fit.forecast.mean())
        spread = Z80 * fit.sigma * math.sqrt((horizon + 1) / 2)
        level = max(float(y[-4:].mean()), 1.0)
        # Rising is judged by Holt's trend whichever forecaster gives the level.
        trend = _trend(holt(y, 2))
        outlook.append(
            ThemeOutlook(
                theme=theme,
                expected=round(expected, 1),
                low=round(max(expected - spread, 0.0), 1),
                high=round(expected + spread, 1),
                trend_percent=round(trend * 100 / level, 1),
            )
        )
    outlook.sort(key=lambda item: -item.expected)
    rising = sorted(
        (item for item in outlook if item.trend_percent > 0), key=lambda item: -item.trend_percent
    )[:RISING]
    return outlook, rising


def _trend(fit: Fit) -> float:
    """The fitted trend per week (the damped forecast's second step minus its first is
    phi squared times the trend)."""
    if len(fit.forecast) < 2:
        return 0.0
    return float(fit.forecast[1] - fit.forecast[0]) / PHI**2


def _full_weeks(counts: list[int], period: Period) -> list[int]:
    """The weeks wholly inside the period: a part-week at either end would read as a
    fall in volume."""
    start = 0 if period.start.weekday() == 0 else 1
    end = len(counts) if period.end.weekday() == 6 else len(counts) - 1
    return counts[start:end]


# --- the back-test of ``kiemchung report forecast --backtest`` ------------------------------


def database_series() -> list[Series]:
    """The weekly series of all the documents in the database: the total and each theme."""
    from django.db.models import Max, Min

    from kiemchung.reports.figures import monitoring
    from kiemchung.sources.models import Document

    span = Document.objects.aggregate(first=Min("published_at"), last=Max("published_at"))
    if span["first"] is None:
        return []
    from django.utils import timezone

    first = timezone.localtime(span["first"]).date()
    last = timezone.localtime(span["last"]).date()
    last = last - timedelta(days=(last.weekday() + 1) % 7)  # the last full week's Sunday
    if last <= first:
        return []
    found = monitoring(range_period(first, last))
    total = np.asarray([n for _, n in found.weekly], float)
    themes = [np.asarray(counts, float) for counts in found.weekly_by_theme.values()]
    return [total, *themes]


def backtest(weeks: int) -> dict[str, Any]:
    series = database_series()
    errors = mean_absolute_errors(series, weeks)
    usable = sum(1 for y in series if len(y) >= weeks + MIN_WEEKS)
    model = min(
        (name for name in errors if name != "naive" and not math.isnan(errors[name])),
        key=lambda name: errors[name],
        default="holt",
    )
    mae_model = errors.get(model, math.nan)
    mae_naive = errors.get("naive", math.nan)
    return {
        "model": model,
        "mae_model": None if math.isnan(mae_model) else mae_model,
        "mae_naive": None if math.isnan(mae_naive) else mae_naive,
        "beats_naive": bool(mae_model < mae_naive) if usable else None,
        "used": choose(series, weeks) if usable else "naive",
        "maes": {k: (None if math.isnan(v) else v) for k, v in errors.items()},
        "series": usable,
        "weeks": weeks,
    }
