"""``POST /documents``: a batch of the social-media export schema, as `kiemchung ingest`."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Status

from kiemchung.api.auth import TokenAuth
from kiemchung.api.idempotency import once
from kiemchung.api.problems import ApiProblem
from kiemchung.api.routes.desk import require_desk
from kiemchung.api.schemas import DocumentBatch, IngestOut
from kiemchung.sources.services import ingest_mappings

router = Router(tags=["documents"], auth=TokenAuth("ingest"))


@router.post("/documents", response={200: IngestOut}, summary="Send a batch of documents")
def post_documents(
    request: HttpRequest, payload: DocumentBatch, response: HttpResponse
) -> Status[dict[str, Any]]:
    """Idempotent: a record already stored counts as a duplicate; a request repeated with
    the same ``Idempotency-Key`` gets the first answer again. Records that do not fit the
    schema are listed in ``rejections`` (by position); the others are stored."""
    user = require_desk(request)
    if len(payload.records) > settings.API_MAX_BATCH:
        detail = _("At most %(n)s records per request.") % {"n": settings.API_MAX_BATCH}
        raise ApiProblem(422, detail, errors=[{"field": "records", "message": detail}])
    source = payload.source.strip() or f"api:{user.get_username()}"

    def run() -> tuple[int, dict[str, Any]]:
        report = ingest_mappings(payload.records, source, f"api:{user.get_username()}")
        body = report.as_dict()
        body.pop("origin", None)
        return 200, body

    answer, replayed = once(request, run)
    if replayed:
        response["Idempotent-Replayed"] = "true"
    return Status(*answer)
