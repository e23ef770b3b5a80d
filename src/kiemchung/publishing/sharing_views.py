"""Responses shared by the share kits and print views of fact-checks, guides and cases."""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import render
from django.utils.translation import gettext as _

from kiemchung.core.ratelimit import RateLimit, client_address
from kiemchung.publishing.printdoc import PrintDocument, cached_pdf, pdf_of
from kiemchung.publishing.share import Shared, qr_svg
from kiemchung.publishing.sharecard import card_png

logger = logging.getLogger(__name__)
CARD_MAX_AGE = 24 * 60 * 60


def card_response(request: HttpRequest, shared: Shared) -> HttpResponse:
    """The share card; a client that has this version gets 304 without a redraw."""
    etag = f'"{shared.card.key()}"'
    if request.headers.get("If-None-Match") == etag:
        return HttpResponseNotModified(headers={"ETag": etag})
    response = HttpResponse(card_png(shared.card), content_type="image/png")
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={CARD_MAX_AGE}"
    return response


def qr_response(shared: Shared) -> HttpResponse:
    response = HttpResponse(qr_svg(shared.url), content_type="image/svg+xml")
    response["Cache-Control"] = f"public, max-age={CARD_MAX_AGE}"
    return response


def print_page(
    request: HttpRequest,
    document: PrintDocument,
    pdf_url: str,
    back_url: str,
    *,
    pdf_missing: bool = False,
    problem: str = "",
    status: int = 200,
) -> HttpResponse:
    context = {
        "document": document,
        "pdf_url": pdf_url,
        "back_url": back_url,
        "pdf_missing": pdf_missing,
        "problem": problem,
    }
    return render(request, "publishing/print.html", context, status=status)


def pdf_response(
    request: HttpRequest,
    document: PrintDocument,
    back_url: str,
    *,
    limit: RateLimit | None = None,
) -> HttpResponse:
    """The PDF as a download; without LibreOffice, the print page saying so (503).

    With a ``limit``, making a PDF (running LibreOffice) takes one of the client
    address's slots; over the limit, the print page says when to try again (429). A PDF
    already made is served to anyone without counting.
    """
    data = cached_pdf(document)
    if data is None and limit is not None and not limit.acquire(client_address(request)):
        return _limited(request, document, back_url, limit)
    try:
        data = data if data is not None else pdf_of(document)
    except RuntimeError:
        logger.exception("print.pdf_failed")
        return print_page(request, document, "", back_url, pdf_missing=True, status=503)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{document.filename}.pdf"'
    return response


def _limited(
    request: HttpRequest, document: PrintDocument, back_url: str, limit: RateLimit
) -> HttpResponse:
    seconds = limit.retry_minutes(client_address(request)) * 60
    problem = _("Too many requests: try again in %(seconds)s seconds.") % {"seconds": seconds}
    response = print_page(request, document, "", back_url, problem=problem, status=429)
    response["Retry-After"] = str(seconds)
    return response
