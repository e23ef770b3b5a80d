"""The case desk pages. Thin: read the form, call a service, redirect with a message.

A case outside the user's visible units is a 404 (its existence is not disclosed); an
action the user's role does not allow in a visible case is a 403 (``PermissionDenied``
raised by the services).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kiemchung.cases import forms as case_forms
from kiemchung.cases import services
from kiemchung.cases.history import history
from kiemchung.cases.matches import matching_factchecks
from kiemchung.cases.models import OPEN_STATES, Case, CaseState, Evidence, EvidenceKind
from kiemchung.cases.printing import case_document
from kiemchung.cases.services import CaseAlreadyOpen, ServiceError
from kiemchung.cases.workflow import NEEDS_FACTCHECK, TransitionError
from kiemchung.claims.models import Claim, FactCheck
from kiemchung.core.params import parse_id
from kiemchung.core.uploads import ALLOWED, suffix_of
from kiemchung.org.models import OrgUnit
from kiemchung.org.permissions import (
    Action,
    can,
    can_anywhere,
    may_download_evidence,
    units_where,
    visible_units,
)
from kiemchung.publishing.models import Tip
from kiemchung.publishing.sharing_views import pdf_response, print_page
from kiemchung.sources.models import Document
from kiemchung.sources.search import search_backend
from kiemchung.stories.models import Story

PAGE_SIZE = 25
SEARCH_RESULTS = 20
DOWNLOAD_TYPES = frozenset(content_type for content_type, _magic in ALLOWED.values())
USER_ERRORS = (ServiceError, TransitionError)


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


def _visible_case(user: User, case_id: int) -> Case:
    return get_object_or_404(services.visible_cases(user).select_related("unit"), pk=case_id)


def _clean(form: forms.Form) -> dict[str, Any]:
    """The form's data, or a ``ServiceError`` that says what is wrong with it."""
    if not form.is_valid():
        problems = [f"{error}" for errors in form.errors.values() for error in errors]
        raise ServiceError(" ".join(problems))
    return form.cleaned_data


# --- the list -----------------------------------------------------------------------


@login_required
@require_GET
def case_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not can_anywhere(user, Action.VIEW_DESK):
        raise PermissionDenied(Action.VIEW_DESK.value)
    units = list(visible_units(user).order_by("path"))
    cases = services.visible_cases(user).select_related("unit", "assignee", "story")
    state = request.GET.get("state", "open")
    if state == "open":
        cases = cases.filter(state__in=OPEN_STATES)
    elif state in CaseState.values:
        cases = cases.filter(state=state)
    else:
        state = "all"
    assignee = request.GET.get("assignee", "")
    if assignee == "mine":
        cases = cases.filter(assignee=user)
    elif assignee == "none":
        cases = cases.filter(assignee__isnull=True)
    unit_id = parse_id(request.GET.get("unit"))
    if unit_id is not None and any(unit.pk == unit_id for unit in units):
        cases = cases.filter(unit_id=unit_id)
    page = Paginator(cases.order_by("-updated_at", "-pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "units": units,
        "state": state,
        "assignee": assignee,
        "unit_id": unit_id,
        "states": CaseState.choices,
        "query": query.urlencode(),
        "can_open": can_anywhere(user, Action.OPEN_CASE),
    }
    return render(request, "cases/list.html", context)


# --- the case page ------------------------------------------------------------------


@login_required
@require_GET
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    user = _user(request)
    case = get_object_or_404(
        services.visible_cases(user).select_related(
            "unit",
            "story",
            "claim",
            "tip",
            "assignee",
            "created_by",
            "verdict_by",
            "reviewed_by",
            "duplicate_of",
            "factcheck",
            "answered_by",
        ),
        pk=case_id,
    )
    return render(request, "cases/detail.html", _detail_context(request, user, case))


def _detail_context(request: HttpRequest, user: User, case: Case) -> dict[str, Any]:
    can_work = can(user, Action.WORK_CASE, case.unit) and case.is_open
    transitions = services.allowed_transitions(user, case)
    is_author = user.pk in services.verdict_authors(case)
    four_eyes = is_author and any(t.target == CaseState.PUBLISHED for t in transitions)
    if four_eyes:
        transitions = [t for t in transitions if t.target != CaseState.PUBLISHED]
    can_close_checked = any(t.target in NEEDS_FACTCHECK for t in transitions)
    transitions = [t for t in transitions if t.target not in NEEDS_FACTCHECK]
    can_assign = can(user, Action.ASSIGN_CASE, case.unit) and case.is_open
    context: dict[str, Any] = {
        "case": case,
        "evidence": case.evidence.select_related("added_by", "document"),
        "comments": case.comments.select_related("author"),
        "history": history(case),
        "transitions": transitions,
        "four_eyes": four_eyes,
        "needs_duplicate": any(t.target == CaseState.DUPLICATE for t in transitions),
        "can_work": can_work,
        "can_comment": can(user, Action.COMMENT_CASE, case.unit),
        "can_download": may_download_evidence(user, case),
        "tasks": case.tasks.select_related("agency"),
        "can_escalate": can(user, Action.MANAGE_TASKS, case.unit),
        "can_assign": can_assign,
        "can_take": case.is_open
        and case.assignee_id is None
        and can(user, Action.WORK_CASE, case.unit),
        "can_edit_verdict": can_work and case.state in (CaseState.NEW, CaseState.VERIFYING),
        "can_edit_claim": can_work and case.state in services.CLAIM_EDIT_STATES,
        "claim_form": case_forms.ClaimForm(
            auto_id="claim-%s",
            initial={"claim_text": case.claim_text, "public_title": case.public_title},
        ),
        "factcheck_matches": matching_factchecks(case) if case.is_open else [],
        "can_close_checked": can_close_checked,
        "state_form": case_forms.StateForm(),
        "verdict_form": case_forms.VerdictForm(
            auto_id="verdict-%s",
            initial={"verdict": case.verdict, "rationale": case.rationale, "summary": case.summary},
        ),
        "link_form": case_forms.LinkEvidenceForm(auto_id="link-%s"),
        "note_form": case_forms.NoteEvidenceForm(auto_id="note-%s"),
        "file_form": case_forms.FileEvidenceForm(auto_id="file-%s"),
        "comment_form": case_forms.CommentForm(auto_id="comment-%s"),
        "upload_max_mb": services.upload_limit_bytes() // (1024 * 1024),
    }
    if can_assign:
        context["assign_form"] = case_forms.AssignForm(
            auto_id="assign-%s",
            initial={"assignee": case.assignee_id},
            assignable=services.assignable_users(case),
        )
    if can_work:
        context |= _document_search(request, case)
    return context


def _document_search(request: HttpRequest, case: Case) -> dict[str, Any]:
    query = request.GET.get("q", "").strip()[:200]
    found: list[Document] = []
    if query:
        ids = search_backend().search(query, limit=SEARCH_RESULTS)
        by_id = Document.objects.select_related("source").in_bulk(ids)
        found = [by_id[pk] for pk in ids if pk in by_id]
    cited = set(case.evidence.filter(document__isnull=False).values_list("document_id", flat=True))
    return {"search_query": query, "search_results": found, "cited_ids": cited}


@login_required
@require_GET
def case_print(request: HttpRequest, case_id: int) -> HttpResponse:
    """The case record to print: anyone who may see the case."""
    case = _printable_case(_user(request), case_id)
    pdf_url = reverse("cases:pdf", args=[case.pk])
    return print_page(
        request, case_document(case), pdf_url, reverse("cases:detail", args=[case.pk])
    )


@login_required
@require_GET
def case_pdf(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _printable_case(_user(request), case_id)
    return pdf_response(request, case_document(case), reverse("cases:detail", args=[case.pk]))


def _printable_case(user: User, case_id: int) -> Case:
    related = ("unit", "created_by", "assignee", "verdict_by", "reviewed_by")
    return get_object_or_404(services.visible_cases(user).select_related(*related), pk=case_id)


# --- actions on a case --------------------------------------------------------------

Handler = Callable[[HttpRequest, User, Case], str]


def case_action(anchor: str) -> Callable[[Handler], Callable[[HttpRequest, int], HttpResponse]]:
    """A POST endpoint on a visible case: run ``handler``, report, go back to the page."""

    def decorate(handler: Handler) -> Callable[[HttpRequest, int], HttpResponse]:
        @wraps(handler)
        def view(request: HttpRequest, case_id: int) -> HttpResponse:
            user = _user(request)
            case = _visible_case(user, case_id)
            try:
                messages.success(request, handler(request, user, case))
            except USER_ERRORS as exc:
                messages.error(request, str(exc))
            return redirect(reverse("cases:detail", args=[case.pk]) + f"#{anchor}")

        return login_required(require_POST(view))

    return decorate


@case_action("assignment")
def assign(request: HttpRequest, user: User, case: Case) -> str:
    form = case_forms.AssignForm(request.POST, assignable=services.assignable_users(case))
    services.assign(user, case, _clean(form)["assignee"])
    return _("Assignment saved.")


@case_action("assignment")
def take(request: HttpRequest, user: User, case: Case) -> str:
    services.assign(user, case, user)
    return _("The case is yours.")


@case_action("state")
def change_state(request: HttpRequest, user: User, case: Case) -> str:
    data = _clean(case_forms.StateForm(request.POST))
    duplicate_of = None
    if data["duplicate_of"]:
        duplicate_of = services.visible_cases(user).filter(pk=data["duplicate_of"]).first()
        if duplicate_of is None:
            raise ServiceError(_("Case #%(id)s was not found.") % {"id": data["duplicate_of"]})
    case = services.change_state(
        user, case, data["target"], duplicate_of=duplicate_of, note=data["note"]
    )
    return _("The case is now “%(state)s”.") % {"state": case.get_state_display()}


@case_action("claim")
def claim(request: HttpRequest, user: User, case: Case) -> str:
    data = _clean(case_forms.ClaimForm(request.POST))
    services.edit_claim(user, case, data["claim_text"], data["public_title"])
    return _("Claim saved.")


@case_action("matches")
def already_checked(request: HttpRequest, user: User, case: Case) -> str:
    data = _clean(case_forms.AlreadyCheckedForm(request.POST))
    factcheck = FactCheck.objects.filter(pk=data["factcheck"]).first()
    if factcheck is None:
        raise ServiceError(_("This fact-check was not found."))
    services.change_state(
        user, case, CaseState.ALREADY_CHECKED, factcheck=factcheck, note=data["note"]
    )
    return _("Closed as already checked: the existing fact-check is the published answer.")


@case_action("verdict")
def verdict(request: HttpRequest, user: User, case: Case) -> str:
    data = _clean(case_forms.VerdictForm(request.POST))
    services.set_verdict(user, case, data["verdict"], data["rationale"], data["summary"])
    return _("Verdict saved.")


@case_action("evidence")
def evidence_link(request: HttpRequest, user: User, case: Case) -> str:
    data = _clean(case_forms.LinkEvidenceForm(request.POST))
    services.add_evidence_link(user, case, data["url"], data["title"], data["note"])
    return _("Link added to the evidence.")


@case_action("evidence")
def evidence_note(request: HttpRequest, user: User, case: Case) -> str:
    data = _clean(case_forms.NoteEvidenceForm(request.POST))
    services.add_evidence_note(user, case, data["text"], data["title"])
    return _("Note added to the evidence.")


@case_action("evidence")
def evidence_file(request: HttpRequest, user: User, case: Case) -> str:
    data = _clean(case_forms.FileEvidenceForm(request.POST, request.FILES))
    services.add_evidence_file(user, case, data["file"], data["title"])
    return _("File added to the evidence.")


@case_action("evidence")
def evidence_document(request: HttpRequest, user: User, case: Case) -> str:
    data = _clean(case_forms.CiteDocumentForm(request.POST))
    services.add_evidence_document(user, case, data["document"])
    return _("Document cited as evidence.")


@case_action("comments")
def comment(request: HttpRequest, user: User, case: Case) -> str:
    data = _clean(case_forms.CommentForm(request.POST))
    services.add_comment(user, case, data["text"])
    return _("Comment added.")


# --- opening ------------------------------------------------------------------------


@login_required
@require_POST
def open_case(request: HttpRequest) -> HttpResponse:
    """Open a case from a story, a claim or a tip, in the chosen (or first) unit."""
    user = _user(request)
    unit = _opening_unit(user, parse_id(request.POST.get("unit")))
    form = case_forms.OpenCaseForm(request.POST)
    try:
        data = _clean(form)
        case = _open(user, unit, data)
    except CaseAlreadyOpen as exc:
        messages.info(request, str(exc))
        return redirect("cases:detail", exc.case.pk)
    except USER_ERRORS as exc:
        messages.error(request, str(exc))
        return redirect(_back(request))
    messages.success(request, _("Case opened."))
    return redirect("cases:detail", case.pk)


def _opening_unit(user: User, unit_id: int | None) -> OrgUnit:
    units = units_where(user, Action.OPEN_CASE).order_by("path")
    unit = units.filter(pk=unit_id).first() if unit_id is not None else units.first()
    if unit is None:
        raise PermissionDenied(Action.OPEN_CASE.value)
    return unit


def _open(user: User, unit: OrgUnit, data: dict[str, Any]) -> Case:
    if data["story_id"]:
        return services.open_from_story(user, get_object_or_404(Story, pk=data["story_id"]), unit)
    if data["claim_id"]:
        return services.open_from_claim(user, get_object_or_404(Claim, pk=data["claim_id"]), unit)
    return services.open_from_tip(user, get_object_or_404(Tip, pk=data["tip_id"]), unit)


def _back(request: HttpRequest) -> str:
    target = request.POST.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("cases:list")


# --- evidence files -----------------------------------------------------------------


@login_required
@require_GET
def evidence_download(request: HttpRequest, evidence_id: int) -> FileResponse:
    """An evidence file, only as a download, never rendered by the browser."""
    visible = Evidence.objects.filter(
        case__in=services.visible_cases(_user(request)), kind=EvidenceKind.FILE
    )
    evidence = get_object_or_404(
        visible.exclude(file="").select_related("case__unit"), pk=evidence_id
    )
    if not may_download_evidence(_user(request), evidence.case):
        raise PermissionDenied(Action.DOWNLOAD_EVIDENCE.value)
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404("the file is missing") from None
    content_type = evidence.content_type
    if content_type not in DOWNLOAD_TYPES:
        content_type = "application/octet-stream"
    response = FileResponse(
        handle, as_attachment=True, filename=_download_name(evidence), content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


def _download_name(evidence: Evidence) -> str:
    """The uploader's name for the file, always with the stored (allow-listed) suffix."""
    suffix = suffix_of(evidence.file.name or "")
    name = evidence.original_name or f"evidence-{evidence.pk}{suffix}"
    return name if suffix_of(name) == suffix else name + suffix
