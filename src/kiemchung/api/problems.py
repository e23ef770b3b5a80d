"""Errors as RFC 9457 problem details (``application/problem+json``), ``detail`` translated."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext as _

PROBLEM_JSON = "application/problem+json"


class ApiProblem(Exception):
    """Raised anywhere under the API; becomes a problem+json answer."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        errors: Sequence[Mapping[str, str]] = (),
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = list(errors)
        self.headers = dict(headers or {})


def problem_response(problem: ApiProblem) -> HttpResponse:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": HTTPStatus(problem.status).phrase,
        "status": problem.status,
        "detail": problem.detail,
    }
    if problem.errors:
        body["errors"] = problem.errors
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False),
        status=problem.status,
        content_type=PROBLEM_JSON,
    )
    for name, value in problem.headers.items():
        response[name] = value
    return response


def unauthorized() -> ApiProblem:
    return ApiProblem(
        401,
        _("A valid API token is required: send the header “Authorization: Bearer TOKEN”."),
        headers={"WWW-Authenticate": 'Bearer realm="kiemchung"'},
    )


def forbidden(detail: str | None = None) -> ApiProblem:
    return ApiProblem(403, detail or _("Your roles and units do not allow this."))


def not_found() -> ApiProblem:
    return ApiProblem(404, _("Not found, or not visible to you."))


def invalid(errors: Sequence[Mapping[str, str]]) -> ApiProblem:
    fields = ", ".join(error["field"] for error in errors) or "?"
    return ApiProblem(
        422, _("The request is not valid (field: %(fields)s).") % {"fields": fields}, errors=errors
    )


def field_of(location: Sequence[Any]) -> str:
    """``("body", "payload", "text")`` → ``text``; ``("query", "limit")`` → ``limit``."""
    parts = [str(part) for part in location]
    if parts[:1] == ["body"] and len(parts) > 2:
        parts = parts[2:]
    elif parts:
        parts = parts[1:] or parts
    return ".".join(parts)
