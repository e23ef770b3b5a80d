"""Responses shared by the share kits and print views of fact-checks, guides and cases."""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import render

from kiemchung.publishing.printdoc import PrintDocument, pdf_of
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
    status: int = 200,
) -> HttpResponse:
    context = {
        "document": document,
        "pdf_url": pdf_url,
        "back_url": back_url,
        "pdf_missing": pdf_missing,
    }
    return render(request, "publishing/print.html", context, status=status)


def pdf_response(request: HttpRequest, document: PrintDocument, back_url: str) -> HttpResponse:
    """The PDF as a download; without LibreOffice, the print page saying so (503)."""
    try:
        data = pdf_of(document)
    except RuntimeError:
        logger.exception("print.pdf_failed")
        return print_page(request, document, "", back_url, pdf_missing=True, status=503)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{document.filename}.pdf"'
    return response
