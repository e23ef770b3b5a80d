"""The outlook: a forecaster that is checked against the naive forecast."""

from __future__ import annotations

import json
from datetime import date, timedelta

import numpy as np
import pytest

from kiemchung.reports.figures import compute
from kiemchung.reports.outlook import choose, holt, mean_absolute_errors, naive, outlook_for, ses
from kiemchung.reports.periods import parse_period
from kiemchung.sources.models import Source
from kiemchung.stories.models import Story
from kiemchung.testing.commands import run_command
from kiemchung.testing.reports import at


def test_holt_follows_a_steady_rise_and_naive_does_not() -> None:
    rising = np.arange(10, 40, 1.0)
    assert holt(rising, 4).forecast == pytest.approx([40, 41, 42, 43], abs=1.5)
    assert list(naive(rising, 2).forecast) == [39, 39]
    assert mean_absolute_errors([rising], 4)["holt"] < mean_absolute_errors([rising], 4)["naive"]


def test_smoothing_beats_naive_on_a_noisy_flat_series() -> None:
    rng = np.random.default_rng(3)
    noisy = [rng.poisson(20, 30).astype(float) for _ in range(5)]
    errors = mean_absolute_errors(noisy, 6)
    assert errors["ses"] < errors["naive"]
    assert choose(noisy, 6) in ("ses", "holt")


def test_forecasts_are_never_negative_and_carry_an_uncertainty() -> None:
    falling = np.array([30, 25, 20, 15, 10, 5, 2, 1], float)
    fit = holt(falling, 6)
    assert (fit.forecast >= 0).all()
    assert fit.sigma > 0
    assert ses(np.full(8, 4.0), 3).sigma == 0


def weekly_documents(weeks: dict[str, list[int]], first_monday: date) -> None:
    source = Source.objects.create(name="Trang tin", kind="feed")
    from kiemchung.testing.reports import _document

    for theme, counts in weeks.items():
        story = Story.objects.create(
            title=theme, first_seen=at(2024, 1, 1), last_seen=at(2024, 1, 1), theme=theme
        )
        for week, count in enumerate(counts):
            day = first_monday + timedelta(weeks=week, days=2)
            for _ in range(count):
                _document(source, at(day.year, day.month, day.day), story)


@pytest.mark.django_db
def test_the_outlook_names_the_fastest_rising_theme_with_an_interval() -> None:
    weekly_documents(
        {"scam": [2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26], "health": [5] * 13},
        date(2024, 7, 1),
    )
    figures = compute(parse_period("2024-Q3"), None)
    outlook, rising = outlook_for(figures)
    by_theme = {item.theme: item for item in outlook}
    assert rising[0].theme == "scam"
    assert by_theme["scam"].expected > 26
    assert by_theme["scam"].low <= by_theme["scam"].expected <= by_theme["scam"].high
    assert by_theme["health"].expected == pytest.approx(5, abs=0.5)
    assert "health" not in {item.theme for item in rising}


@pytest.mark.django_db
def test_too_few_weeks_give_no_outlook() -> None:
    figures = compute(parse_period("2024-07-01..2024-07-20"), None)
    assert outlook_for(figures) == ([], [])


@pytest.mark.django_db
def test_the_backtest_command_prints_the_errors_of_the_model_and_of_naive() -> None:
    weekly_documents(
        {"scam": list(range(2, 32, 2)), "health": [6, 4, 5, 7, 5, 6] * 3}, date(2024, 1, 1)
    )
    code, out, _ = run_command("report", "forecast", "--backtest", "--weeks", "4")
    data = json.loads(out)
    assert code == 0
    assert set(data) >= {"mae_model", "mae_naive", "series", "model", "used"}
    assert data["series"] == 3  # the total and two themes
    assert data["mae_model"] < data["mae_naive"]


@pytest.mark.django_db
def test_the_backtest_of_an_empty_database_says_there_is_nothing_to_test() -> None:
    code, out, _ = run_command("report", "forecast", "--backtest")
    data = json.loads(out)
    assert (code, data["series"], data["mae_model"]) == (0, 0, None)
