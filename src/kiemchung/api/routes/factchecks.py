"""Fact-checks as schema.org ClaimReview: for token holders, and in public for portals."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from kiemchung.api.auth import TokenAuth
from kiemchung.api.pagination import page
from kiemchung.api.problems import ApiProblem
from kiemchung.api.schemas import FactCheckPage, ListParams, PublicFactChecks
from kiemchung.claims.claimreview import to_claimreview
from kiemchung.claims.knowledge import factcheck_data
from kiemchung.claims.models import FactCheck
from kiemchung.core.ratelimit import RateLimit, client_address
from kiemchung.publishing.search import MAX_QUERY_CHARS, search_factchecks
from kiemchung.publishing.services import published_factchecks

router = Router(tags=["fact-checks"])
PUBLIC_LATEST = 20


class PublicQuery(Schema):
    q: str = Field("", max_length=MAX_QUERY_CHARS, description="Words or a claim to look up.")


def claimreview(factcheck: FactCheck) -> dict[str, Any]:
    """The same JSON-LD as the public page carries."""
    return to_claimreview(
        factcheck_data(factcheck), settings.PUBLISHER_NAME, factcheck.publisher_url
    )


@router.get(
    "/factchecks",
    response=FactCheckPage,
    auth=TokenAuth("read"),
    summary="Every fact-check we hold (ours and imported)",
)
def list_factchecks(request: HttpRequest, params: Query[ListParams]) -> dict[str, Any]:
    rows, cursor = page(FactCheck.objects.all(), params, "published_at")
    return {"items": [claimreview(item) for item in rows], "next_before": cursor}


@router.get(
    "/public/factchecks",
    response=PublicFactChecks,
    auth=None,
    summary="Public search of fact-checks (no token; any web page may call it)",
)
def public_factchecks(
    request: HttpRequest, params: Query[PublicQuery], response: HttpResponse
) -> dict[str, Any]:
    response["Access-Control-Allow-Origin"] = "*"
    limit = RateLimit("api-public", settings.API_RATE_PER_MINUTE, 60)
    address = client_address(request)
    if not limit.acquire(address):
        seconds = limit.retry_minutes(address) * 60
        raise ApiProblem(
            429,
            _("Too many requests: try again in %(seconds)s seconds.") % {"seconds": seconds},
            headers={"Retry-After": str(seconds)},
        )
    query = params.q.strip()
    if query:
        found = [hit.factcheck for hit in search_factchecks(query)]
    else:
        found = list(published_factchecks()[:PUBLIC_LATEST])
    return {"query": query, "items": [claimreview(item) for item in found]}
