"""The public pages (no login) and the staff's list of tips."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_POST

from kiemchung.cases.models import Case
from kiemchung.claims.claimreview import (
    NUMERIC_RATINGS,
    parse_datetime,
    to_claimreview,
)
from kiemchung.claims.knowledge import factcheck_data, other_languages
from kiemchung.claims.models import FactCheck
from kiemchung.core.ratelimit import RateLimit
from kiemchung.org.names import display_name
from kiemchung.org.permissions import Action, can_anywhere, sees_tip_contacts
from kiemchung.publishing import ratelimit
from kiemchung.publishing.forms import TipForm
from kiemchung.publishing.intake import receive_tip
from kiemchung.publishing.links import evidence_links
from kiemchung.publishing.models import Tip, TipStatus
from kiemchung.publishing.printing import factcheck_document
from kiemchung.publishing.search import MAX_QUERY_CHARS, search_factchecks
from kiemchung.publishing.services import (
    dismiss_tip,
    public_link,
    public_title,
    published_factchecks,
)
from kiemchung.publishing.share import factcheck_share
from kiemchung.publishing.sharing_views import (
    card_response,
    pdf_response,
    print_page,
    qr_response,
)

PER_PAGE = 20
TIPS_PER_PAGE = 50
THANKS_SALT = "kiemchung.publishing.thanks"
THANKS_MAX_AGE = 60 * 60
PDF_WINDOW_SECONDS = 60 * 60
# Characters that must not appear raw inside <script>: the same as Django's json_script.
SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def factcheck_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(published_factchecks(), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "publishing/list.html", {"page": page})


def published_case(case_id: int) -> tuple[Case, FactCheck]:
    """A case published as our fact-check, with it; else 404."""
    case = get_object_or_404(
        Case.objects.select_related("factcheck", "verdict_by", "reviewed_by", "created_by"),
        pk=case_id,
        factcheck__is_local=True,
    )
    factcheck = case.factcheck
    if factcheck is None:  # narrowed for mypy: the query asked for one
        raise Http404
    return case, factcheck


def factcheck_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    from kiemchung.guides.services import guides_for

    case, factcheck = published_case(case_id)
    context = {
        "case": case,
        "factcheck": factcheck,
        "title": public_title(factcheck),
        "rating": NUMERIC_RATINGS.get(factcheck.verdict),
        "evidence": evidence_links(factcheck.evidence),
        "author": display_name(case.verdict_by or case.created_by),
        "reviewer": display_name(case.reviewed_by),
        "updated": parse_datetime(str((factcheck.extra or {}).get("dateModified") or "")),
        "claimreview": claimreview_script(factcheck),
        "share": factcheck_share(case.pk, factcheck),
        "guides": guides_for(factcheck),
    }
    return render(request, "publishing/detail.html", context)


def factcheck_card(request: HttpRequest, case_id: int) -> HttpResponse:
    case, factcheck = published_case(case_id)
    return card_response(request, factcheck_share(case.pk, factcheck))


def factcheck_qr(request: HttpRequest, case_id: int) -> HttpResponse:
    case, factcheck = published_case(case_id)
    return qr_response(factcheck_share(case.pk, factcheck))


def factcheck_print(request: HttpRequest, case_id: int) -> HttpResponse:
    case, factcheck = published_case(case_id)
    document = factcheck_document(case, factcheck)
    pdf_url = reverse("publishing:pdf", args=[case.pk])
    return print_page(request, document, pdf_url, reverse("publishing:detail", args=[case.pk]))


def factcheck_pdf(request: HttpRequest, case_id: int) -> HttpResponse:
    """The printed fact-check as a PDF: anyone may download it, but LibreOffice runs
    for one address at most ``KIEMCHUNG_PDF_RATE_PER_HOUR`` times an hour."""
    case, factcheck = published_case(case_id)
    back = reverse("publishing:detail", args=[case.pk])
    limit = RateLimit("public-pdf", settings.PDF_RATE_PER_HOUR, PDF_WINDOW_SECONDS)
    return pdf_response(request, factcheck_document(case, factcheck), back, limit=limit)


def claimreview_script(factcheck: FactCheck) -> SafeString:
    """The ClaimReview JSON-LD, safe inside ``<script type="application/ld+json">``."""
    document = to_claimreview(
        factcheck_data(factcheck), settings.PUBLISHER_NAME, factcheck.publisher_url
    )
    text = json.dumps(document, ensure_ascii=False, indent=1).translate(SCRIPT_ESCAPES)
    return mark_safe(text)  # noqa: S308  (every <, > and & is escaped above)


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:MAX_QUERY_CHARS]
    hits = search_factchecks(query) if query else []
    context = {"query": query, "hits": hits, "other_languages": other_languages()}
    return render(request, "publishing/search.html", context)


# --- tips ------------------------------------------------------------------------------


def client_address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR") or "unknown")


def tip_form(request: HttpRequest) -> HttpResponse:
    days = settings.TIP_CONTACT_DAYS
    if request.method != "POST":
        return render(request, "publishing/tip_form.html", {"form": TipForm(contact_days=days)})
    address = client_address(request)
    if not ratelimit.take_slot(address):
        ratelimit.give_back(address)
        context = {"form": TipForm(request.POST, contact_days=days), "limited": True}
        return render(request, "publishing/tip_form.html", context, status=429)
    form = TipForm(request.POST, contact_days=days)
    if form.is_robot:
        return redirect("publishing:thanks")
    if not form.is_valid():
        ratelimit.give_back(address)
        return render(request, "publishing/tip_form.html", {"form": form}, status=400)
    data = form.cleaned_data
    tip = receive_tip(data["text"], data["url"], data["contact"])
    token = signing.dumps(tip.pk, salt=THANKS_SALT)
    return redirect(f"{reverse('publishing:thanks')}?t={token}")


def tip_thanks(request: HttpRequest) -> HttpResponse:
    tip = _thanked_tip(request.GET.get("t", ""))
    factcheck = tip.factcheck if tip is not None else None
    link = public_link(factcheck) if factcheck is not None else ""
    context = {
        "factcheck": factcheck,
        "confirmed": tip is not None and tip.status == TipStatus.ALREADY_CHECKED,
        "link": link,
        "external": bool(link) and not link.startswith("/"),
        "contact_days": settings.TIP_CONTACT_DAYS,
    }
    return render(request, "publishing/tip_thanks.html", context)


def _thanked_tip(token: str) -> Tip | None:
    """The tip a thank-you link names: signed, and only for an hour."""
    if not token:
        return None
    try:
        tip_id = signing.loads(token, salt=THANKS_SALT, max_age=THANKS_MAX_AGE)
    except signing.BadSignature:
        return None
    return Tip.objects.select_related("factcheck__case").filter(pk=tip_id).first()


# --- staff -----------------------------------------------------------------------------


def require_anywhere(user: Any, action: Action) -> None:
    """Tips belong to no unit: the action must be allowed to the user in some unit."""
    if not can_anywhere(user, action):
        raise PermissionDenied(action.value)


@login_required
def tip_list(request: HttpRequest) -> HttpResponse:
    require_anywhere(request.user, Action.VIEW_DESK)
    status = request.GET.get("status", "")
    tips = Tip.objects.select_related("factcheck__case", "story", "collaborator_unit").order_by(
        "-created_at"
    )
    if status in TipStatus.values:
        tips = tips.filter(status=status)
    show_contacts = sees_tip_contacts(request.user)
    if show_contacts:
        tips = tips.select_related("contact")
    context = {
        "page": Paginator(tips, TIPS_PER_PAGE).get_page(request.GET.get("page")),
        "status": status,
        "statuses": TipStatus.choices,
        "show_contacts": show_contacts,
        "may_act": can_anywhere(request.user, Action.OPEN_CASE),
    }
    return render(request, "publishing/tips.html", context)


@login_required
@require_POST
def tip_dismiss(request: HttpRequest, tip_id: int) -> HttpResponse:
    require_anywhere(request.user, Action.OPEN_CASE)
    tip = get_object_or_404(Tip, pk=tip_id)
    if tip.status != TipStatus.DISMISSED:
        dismiss_tip(tip, request.user)
    return redirect("publishing:tips")
