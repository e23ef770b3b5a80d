"""Test helpers for the REST API: a token for a user, a client that sends it."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.test import Client

from kiemchung.api.tokens import create_token


def bearer(user: User, scopes: str = "read,ingest,tips") -> str:
    return create_token(user, "test", scopes.split(",")).secret


class ApiClient:
    """``get``/``post`` JSON under /api/v1 with a token (or none)."""

    def __init__(self, token: str | None = None) -> None:
        self.client = Client()
        self.token = token

    def _headers(self, extra: dict[str, str]) -> dict[str, str]:
        headers = dict(extra)
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    def get(self, path: str, params: dict[str, Any] | None = None, **headers: str) -> Any:
        return self.client.get(f"/api/v1{path}", params or {}, headers=self._headers(headers))

    def post(self, path: str, body: Any, **headers: str) -> Any:
        return self.client.post(
            f"/api/v1{path}", body, content_type="application/json", headers=self._headers(headers)
        )
