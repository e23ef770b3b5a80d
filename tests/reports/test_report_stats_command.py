from __future__ import annotations

import json

import pytest

from kiemchung.testing.commands import run_command
from kiemchung.testing.reports import KNOWN_Q3, build_world

pytestmark = pytest.mark.django_db


def test_it_prints_the_quarters_figures_as_one_json_object() -> None:
    world = build_world()
    code, out, _ = run_command(
        "report", "stats", "--period", "2024-Q3", "--unit", str(world.province.pk), "--json"
    )
    assert code == 0
    data = json.loads(out)
    assert data["period"]["start"] == "2024-07-01"
    assert data["period"]["end"] == "2024-09-30"
    assert data["unit"] == {"id": world.province.pk, "name": "Huyện Mường Lát"}
    assert {key: data[key] for key in KNOWN_Q3} == KNOWN_Q3
    assert data["empty"] is False


def test_an_empty_period_prints_zeros() -> None:
    code, out, _ = run_command("report", "stats", "--period", "2001-01-01..2001-01-31", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["empty"] is True
    assert all(data[key] == 0 for key in KNOWN_Q3)


def test_it_refuses_a_malformed_period_with_exit_code_2() -> None:
    code, out, err = run_command("report", "stats", "--period", "2024-Q7", "--json")
    assert code == 2
    assert out == ""
    assert "2024-Q3, 2024-H1, 2024-9M" in err


def test_it_refuses_an_unknown_unit() -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no organisation unit"):
        run_command("report", "stats", "--period", "2024", "--unit", "999999")
