"""The REST API at ``/api/v1/``: one NinjaAPI, its routers, and errors as problem+json."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from kiemchung.api.problems import (
    ApiProblem,
    field_of,
    forbidden,
    invalid,
    not_found,
    problem_response,
    unauthorized,
)
from kiemchung.api.routes import desk, documents, factchecks, matching, reports

api = NinjaAPI(
    title="Kiểm chứng API",
    version="1",
    description=(
        "Stories, alerts, cases, fact-checks and report figures of a kiemchung desk, for "
        "partners and scripts. Send `Authorization: Bearer TOKEN`; a token acts with its "
        "user's roles and units and only within its scopes (read, ingest, tips, reports). "
        "Errors are `application/problem+json` with a Vietnamese `detail`."
    ),
    urls_namespace="api",
    docs_url="/docs",
)
api.add_router("", desk.router)
api.add_router("", documents.router)
api.add_router("", factchecks.router)
api.add_router("", matching.router)
api.add_router("", reports.router)


PUBLIC_PREFIX = "/api/v1/public/"


def answer(request: HttpRequest, problem: ApiProblem) -> HttpResponse:
    """The problem as a response; the public endpoints' errors stay readable by any page."""
    response = problem_response(problem)
    if request.path.startswith(PUBLIC_PREFIX) and request.method == "GET":
        response["Access-Control-Allow-Origin"] = "*"
    return response


@api.exception_handler(ApiProblem)
def on_problem(request: HttpRequest, exc: ApiProblem) -> HttpResponse:
    return answer(request, exc)


@api.exception_handler(AuthenticationError)
def on_authentication(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return answer(request, unauthorized())


@api.exception_handler(ValidationError)
def on_validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = [
        {"field": field_of(error.get("loc", ())), "message": str(error.get("msg", ""))}
        for error in exc.errors
    ]
    return answer(request, invalid(errors))


@api.exception_handler(PermissionDenied)
def on_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return answer(request, forbidden())


@api.exception_handler(Http404)
def on_missing(request: HttpRequest, exc: Http404) -> HttpResponse:
    return answer(request, not_found())
