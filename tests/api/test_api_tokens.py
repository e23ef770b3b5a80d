"""API tokens: made on a page or by command, shown once, stored hashed, scoped, revocable,
rate-limited; the OpenAPI document is valid and its documentation page is all local."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings
from openapi_spec_validator import validate

from kiemchung.api.models import ApiToken
from kiemchung.api.tokens import create_token, find_token
from kiemchung.testing.api import ApiClient, bearer
from kiemchung.testing.commands import run_command
from kiemchung.testing.org import PASSWORD

pytestmark = pytest.mark.django_db


def test_the_openapi_document_is_valid_openapi_3(client: Client) -> None:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    validate(document)
    assert document["openapi"].startswith("3.")
    assert {"/api/v1/documents", "/api/v1/public/factchecks", "/api/v1/match"} <= set(
        document["paths"]
    )


def test_the_documentation_page_loads_nothing_from_another_site(client: Client) -> None:
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    page = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources
    assert all(source.startswith("/") for source in sources), sources
    assert "<script>" not in page  # the policy allows no inline script
    assert "script-src 'self'" in response["Content-Security-Policy"]
    for source in sources:
        assert client.get(source).status_code == 200, source  # served by us


def test_the_command_prints_the_token_once_alone_on_its_last_line(verifier: User) -> None:
    code, out, _ = run_command(
        "api", "token", "create", verifier.username, "--scope", "read,ingest"
    )
    assert code == 0
    secret = out.strip().splitlines()[-1]
    assert re.fullmatch(r"kc_[\w-]{40,}", secret)
    token = ApiToken.objects.get(user=verifier)
    assert token.scopes == ["read", "ingest"]
    assert token.digest == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in json.dumps(list(ApiToken.objects.values()), default=str)


def test_the_command_refuses_an_unknown_scope(verifier: User) -> None:
    with pytest.raises(Exception, match="unknown scope"):
        run_command("api", "token", "create", verifier.username, "--scope", "read,admin")
    assert not ApiToken.objects.exists()


def test_a_person_creates_a_token_on_the_page_sees_it_once_and_revokes_it(
    verifier: User,
) -> None:
    browser = Client()
    browser.login(username=verifier.username, password=PASSWORD)
    response = browser.post("/api/tokens/", {"name": "Cổng tỉnh", "scopes": ["read"]})
    assert response.status_code == 200
    secret = re.search(r'id="new-token">([^<]+)<', response.content.decode()).group(1)
    assert find_token(secret) is not None
    assert secret not in browser.get("/api/tokens/").content.decode()
    token = ApiToken.objects.get(user=verifier)
    browser.post(f"/api/tokens/{token.pk}/revoke/")
    assert ApiClient(secret).get("/stories").status_code == 401


def test_nobody_revokes_someone_elses_token(verifier: User, neighbour: User) -> None:
    token = create_token(verifier, "x", ["read"]).token
    browser = Client()
    browser.login(username=neighbour.username, password=PASSWORD)
    assert browser.post(f"/api/tokens/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert token.is_active


@pytest.mark.parametrize("header", ["", "Bearer", "Bearer kc_wrong", "Token kc_x"])
def test_it_answers_401_as_problem_json_without_a_valid_token(header: str, verifier: User) -> None:
    headers = {"Authorization": header} if header else {}
    response = Client().get("/api/v1/stories", headers=headers)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 401
    assert "Bearer" in problem["detail"] and "Cần" in problem["detail"]


def test_a_token_of_a_deactivated_user_no_longer_works(verifier: User) -> None:
    secret = bearer(verifier)
    verifier.is_active = False
    verifier.save()
    assert ApiClient(secret).get("/stories").status_code == 401


def test_a_token_is_refused_outside_its_scopes(verifier: User) -> None:
    response = ApiClient(bearer(verifier, "tips")).get("/stories")
    assert response.status_code == 403
    assert "read" in response.json()["detail"]


@override_settings(API_RATE_PER_MINUTE=3)
def test_a_token_over_its_rate_gets_429_with_retry_after(verifier: User) -> None:
    api = ApiClient(bearer(verifier))
    codes = [api.get("/stories").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    response = api.get("/stories")
    assert response["Content-Type"] == "application/problem+json"
    assert int(response["Retry-After"]) >= 1
    assert ApiClient(bearer(verifier)).get("/stories").status_code == 200  # per token


def test_the_api_answers_in_vietnamese_by_default(anonymous: Any) -> None:
    detail = anonymous.get("/cases").json()["detail"]
    assert "Authorization: Bearer" in detail and "token" in detail.lower()
