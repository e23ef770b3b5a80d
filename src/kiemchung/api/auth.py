"""Bearer tokens with scopes. A token acts as its user: the desk's permission rules apply.

Each endpoint names the scope it needs (``TokenAuth("read")``). Checking a token also
counts it against ``KIEMCHUNG_API_RATE_PER_MINUTE`` with the project's rate limiter.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from kiemchung.api.models import ApiToken
from kiemchung.api.problems import ApiProblem
from kiemchung.api.tokens import find_token
from kiemchung.core.ratelimit import RateLimit

WINDOW_SECONDS = 60


def token_limit() -> RateLimit:
    return RateLimit("api-token", settings.API_RATE_PER_MINUTE, WINDOW_SECONDS)


def count_request(token: ApiToken) -> None:
    """Count one request of the token; ApiProblem(429) with Retry-After when over."""
    limit = token_limit()
    subject = str(token.pk)
    if not limit.acquire(subject):
        seconds = limit.retry_minutes(subject) * 60
        raise ApiProblem(
            429,
            _("Too many requests with this token: try again in %(seconds)s seconds.")
            % {"seconds": seconds},
            headers={"Retry-After": str(seconds)},
        )


class TokenAuth(HttpBearer):
    def __init__(self, scope: str) -> None:
        super().__init__()
        self.scope = scope

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = find_token(token)
        if found is None:
            return None  # ninja answers 401
        if not found.has_scope(self.scope):
            raise ApiProblem(
                403,
                _("This token does not have the “%(scope)s” scope.") % {"scope": self.scope},
            )
        count_request(found)
        request.user = found.user
        request.api_token = found  # type: ignore[attr-defined]
        return found.user
