"""``POST /match`` and ``POST /tips``: the services behind `kiemchung match` and the tip form."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status

from kiemchung.api.auth import TokenAuth
from kiemchung.api.problems import forbidden, invalid
from kiemchung.api.schemas import MatchIn, MatchOut, TipIn, TipOut
from kiemchung.claims.matching_service import match_payload
from kiemchung.claims.models import FactCheck
from kiemchung.org.permissions import Action, can_anywhere
from kiemchung.publishing.intake import receive_tip
from kiemchung.publishing.models import Tip
from kiemchung.publishing.services import public_link

router = Router()


@router.post(
    "/match",
    response=MatchOut,
    auth=TokenAuth("read"),
    tags=["matching"],
    summary="Fact-checks a text repeats (as `kiemchung match`)",
)
def post_match(request: HttpRequest, payload: MatchIn) -> dict[str, Any]:
    if payload.claims and not can_anywhere(request.user, Action.VIEW_DESK):
        raise forbidden()  # earlier claims are the desk's, not public
    return match_payload(payload.text, payload.top, include_claims=payload.claims)


@router.post(
    "/tips",
    response={201: TipOut},
    auth=TokenAuth("tips"),
    tags=["tips"],
    summary="Send a citizen's tip (as the public tip form)",
)
def post_tip(request: HttpRequest, payload: TipIn) -> Status[dict[str, Any]]:
    try:
        tip = receive_tip(payload.text, payload.url, payload.contact)
    except ValueError:
        detail = _("A tip needs a text or a link.")
        raise invalid([{"field": "text", "message": detail}]) from None
    return Status(201, tip_out(tip))


def tip_out(tip: Tip) -> dict[str, Any]:
    factcheck = tip.factcheck
    found = None
    if factcheck is not None:
        found = {
            "title": factcheck.claim_reviewed,
            "verdict": factcheck.verdict,
            "url": absolute_link(factcheck),
        }
    return {"id": tip.pk, "status": tip.status, "factcheck": found}


def absolute_link(factcheck: FactCheck) -> str:
    """Where a reader goes for the fact-check, as a full address."""
    link = public_link(factcheck)
    return settings.PUBLIC_BASE_URL + link if link.startswith("/") else link
