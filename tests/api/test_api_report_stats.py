"""``GET /api/v1/reports/stats``: the figures `kiemchung report stats --json` prints, for
the units whose reports the token's user may see, and no other."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from openapi_spec_validator import validate

from kiemchung.org.models import Role
from kiemchung.testing.api import ApiClient, bearer
from kiemchung.testing.commands import run_command
from kiemchung.testing.org import make_user
from kiemchung.testing.reports import KNOWN_Q3, World, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> World:
    return build_world()


def reports_client(user: User) -> ApiClient:
    return ApiClient(bearer(user, "reports"))


def command_stats(*arguments: str) -> Any:
    code, out, _ = run_command("report", "stats", "--json", *arguments)
    assert code == 0
    return json.loads(out)


def test_it_answers_401_without_a_token(world: World) -> None:
    response = ApiClient().get("/reports/stats", {"period": "2024-Q3"})
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_it_answers_403_to_a_token_without_the_reports_scope(world: World) -> None:
    api = ApiClient(bearer(world.head, "read,ingest,tips"))
    response = api.get("/reports/stats", {"period": "2024-Q3"})
    assert response.status_code == 403
    assert "reports" in response.json()["detail"]


@pytest.mark.parametrize("other", ["sibling", "elsewhere", "province"])
def test_it_answers_403_for_a_unit_whose_reports_the_user_may_not_see(
    world: World, other: str
) -> None:
    api = reports_client(world.verifier)  # a verifier of Xã An Phú
    unit = getattr(world, other)
    response = api.get("/reports/stats", {"period": "2024-Q3", "unit": unit.pk})
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "Vai trò và đơn vị của bạn không cho phép việc này."


def test_an_unknown_unit_is_refused_like_a_hidden_one(world: World) -> None:
    response = reports_client(world.verifier).get(
        "/reports/stats", {"period": "2024-Q3", "unit": 999999}
    )
    assert response.status_code == 403


def test_a_person_without_a_role_gets_403(world: World) -> None:
    nobody = make_user(None, None, "khong-vai-tro")
    assert reports_client(nobody).get("/reports/stats", {"period": "2024"}).status_code == 403


@pytest.mark.parametrize("period", ["2024-Q7", "quý 3", "2024-09-30..2024-01-01", ""])
def test_a_bad_period_is_a_422_naming_the_field_in_vietnamese(world: World, period: str) -> None:
    response = reports_client(world.head).get("/reports/stats", {"period": period})
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert [error["field"] for error in problem["errors"]] == ["period"]
    assert problem["detail"] == "Yêu cầu không hợp lệ (trường: period)."


def test_the_period_is_required(world: World) -> None:
    response = reports_client(world.head).get("/reports/stats")
    assert response.status_code == 422
    assert "period" in [error["field"] for error in response.json()["errors"]]


def test_the_figures_are_those_of_the_stats_command(world: World) -> None:
    unit = str(world.province.pk)
    response = reports_client(world.head).get("/reports/stats", {"period": "2024-Q3", "unit": unit})
    assert response.status_code == 200
    answer = response.json()
    assert answer == command_stats("--period", "2024-Q3", "--unit", unit)
    assert {key: answer[key] for key in KNOWN_Q3} == KNOWN_Q3
    assert answer["unit"] == {"id": world.province.pk, "name": "Huyện Mường Lát"}


def test_a_district_sees_the_figures_of_a_commune_below(world: World) -> None:
    unit = str(world.commune.pk)
    answer = reports_client(world.head).get("/reports/stats", {"period": "2024", "unit": unit})
    assert answer.status_code == 200
    assert answer.json() == command_stats("--period", "2024", "--unit", unit)


def test_without_a_unit_it_gives_the_users_top_unit_as_the_reports_page(world: World) -> None:
    readonly = make_user(Role.READONLY, world.commune, "chi-xem")
    for user, unit in ((world.head, world.province), (readonly, world.commune)):
        answer = reports_client(user).get("/reports/stats", {"period": "2024-Q3"}).json()
        assert answer["unit"] == {"id": unit.pk, "name": unit.name}


def test_an_empty_period_gives_zeros(world: World) -> None:
    answer = reports_client(world.head).get("/reports/stats", {"period": "2001"}).json()
    assert answer["empty"] is True
    assert all(answer[key] == 0 for key in KNOWN_Q3)


def test_the_endpoint_and_its_typed_answer_are_in_the_openapi_document(db: Any) -> None:
    document = Client().get("/api/v1/openapi.json").json()
    validate(document)
    operation = document["paths"]["/api/v1/reports/stats"]["get"]
    assert {p["name"] for p in operation["parameters"]} == {"period", "unit"}
    schema = document["components"]["schemas"]["ReportStatsOut"]
    assert {"period", "unit", "documents", "cases_opened", "trainees", "detail"} <= set(
        schema["properties"]
    )
