from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kiemchung.cases.models import Case
from kiemchung.cases.queues import awaiting_my_review, cases_by_story
from kiemchung.claims.knowledge import other_languages
from kiemchung.claims.matching_service import match_explanations
from kiemchung.claims.models import Claim
from kiemchung.claims.queue import QueueItem, priority_queue
from kiemchung.org.access import desk_required
from kiemchung.org.models import OPEN_TASK_STATUSES, Task
from kiemchung.org.permissions import Action, can_anywhere
from kiemchung.org.services import visible_tasks
from kiemchung.sources.models import Document
from kiemchung.stories import queries
from kiemchung.stories.alerts import ALERT_ACTIONS, set_alert_status
from kiemchung.stories.models import Alert, Story
from kiemchung.training.models import TrainingSession
from kiemchung.training.services import upcoming
from kiemchung.web.charts import dashboard_charts
from kiemchung.web.forms import AlertStatusForm, SearchForm
from kiemchung.web.search import Filters, find_documents, find_factchecks, load_in_order

TASK_HORIZON_DAYS = 3
TRAINING_HORIZON_DAYS = 30
SEARCH_PAGE_SIZE = 30


@desk_required
def dashboard(request: HttpRequest) -> HttpResponse:
    data_now = queries.data_now()
    context = {
        "alerts": queries.open_alerts(),
        "growing": queries.fastest_growing(),
        "newest": queries.newest_stories(),
        "queue": queue_with_cases(request),
        "awaiting_review": awaiting_my_review(request.user),
        "reviews": can_anywhere(request.user, Action.REVIEW_CASE),
        "story_count": Story.objects.count(),
        "document_count": Document.objects.count(),
        "data_now": data_now,
        "charts": dashboard_charts(data_now),
        "my_cases": my_cases(request),
        "tasks": tasks_due(request),
        "trainings": upcoming_trainings(request),
        "today": timezone.localdate(),
    }
    return render(request, "web/dashboard.html", context)


def my_cases(request: HttpRequest) -> list[Case]:
    """Open cases assigned to the user, the first due first."""
    return list(
        Case.objects.open()
        .filter(assignee_id=request.user.pk)
        .select_related("unit")
        .order_by("due_date", "-updated_at")[:10]
    )


def queue_with_cases(request: HttpRequest) -> list[tuple[QueueItem, list[Case]]]:
    """The priority queue, each story with the cases already opened on it."""
    queue = priority_queue(limit=15)
    cases = cases_by_story(request.user, [item.story.pk for item in queue])
    return [(item, cases.get(item.story.pk, [])) for item in queue]


def tasks_due(request: HttpRequest) -> list[Task]:
    """Unfinished tasks the user follows, due within a few days, overdue first."""
    horizon = timezone.localdate() + timedelta(days=TASK_HORIZON_DAYS)
    return list(
        visible_tasks(request.user)
        .filter(status__in=OPEN_TASK_STATUSES, due_date__lte=horizon)
        .order_by("due_date", "pk")[:15]
    )


def upcoming_trainings(request: HttpRequest) -> list[TrainingSession]:
    """Training sessions of the user's units (or theirs to attend) in the next weeks."""
    now = timezone.now()
    return upcoming(request.user, now, now + timedelta(days=TRAINING_HORIZON_DAYS))


def _claims_with_why(story: Story) -> list[tuple[Claim, list[str]]]:
    """The story's claims, each with why its matched fact-check is only suggested."""
    claims = list(story.claims.select_related("matched").order_by("-checkworthiness"))
    why = match_explanations(claims)
    return [(claim, why.get(claim.pk, [])) for claim in claims]


@desk_required
def story_detail(request: HttpRequest, story_id: int) -> HttpResponse:
    story = get_object_or_404(Story, pk=story_id)
    documents = story.documents.select_related("source").order_by("published_at")
    sources = story.documents.values("source__name").annotate(n=Count("id")).order_by("-n")
    context = {
        "story": story,
        "documents": documents[:200],
        "sources": sources,
        "alerts": story.alerts.all(),
        "alert_actions": list(ALERT_ACTIONS.items()),
        "can_handle_alerts": can_anywhere(request.user, Action.WORK_CASE),
        "claims": _claims_with_why(story),
    }
    return render(request, "web/story.html", context)


@desk_required
def document_detail(request: HttpRequest, document_id: int) -> HttpResponse:
    document = get_object_or_404(Document.objects.select_related("source", "story"), pk=document_id)
    copies = (
        Document.objects.filter(story_id=document.story_id)
        .exclude(pk=document.pk)
        .select_related("source")
        .order_by("published_at")[:20]
        if document.story_id
        else Document.objects.none()
    )
    context = {
        "document": document,
        "claims": document.claims.select_related("matched").order_by("-checkworthiness"),
        "copies": copies,
    }
    return render(request, "web/document.html", context)


@desk_required
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    filters = form.filters()
    page, hits = _document_page(filters, request.GET.get("page"))
    context = {
        "form": form,
        "filters": filters,
        "page": page,
        "hits": hits,
        "factchecks": find_factchecks(filters.query) if filters.query else [],
        "other_languages": other_languages() if filters.query else [],
    }
    return render(request, "web/search.html", context)


def _document_page(filters: Filters, number: str | None) -> tuple[Page[Any], list[Document]]:
    documents, ranked_ids = find_documents(filters)
    if ranked_ids is not None:
        ranked: Page[Any] = Paginator(ranked_ids, SEARCH_PAGE_SIZE).get_page(number)
        return ranked, load_in_order([int(pk) for pk in ranked.object_list])
    listed: Page[Any] = Paginator(
        documents.select_related("source", "story"), SEARCH_PAGE_SIZE
    ).get_page(number)
    return listed, list(listed.object_list)


# The user guide, one template per language; other languages read the English one.
GUIDES: dict[str, str] = {"vi": "web/guide/vi.html", "en": "web/guide/en.html"}


def guide(request: HttpRequest) -> HttpResponse:
    """The user guide ("Hướng dẫn sử dụng"), by role, for everyone, logged in or not."""
    language = (get_language() or "vi").split("-")[0]
    body = GUIDES.get(language, GUIDES["en"])
    return render(request, "web/guide.html", {"guide_body": body})


@require_POST
@desk_required
def alert_status(request: HttpRequest, alert_id: int) -> HttpResponse:
    alert = get_object_or_404(Alert, pk=alert_id)
    form = AlertStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a status from the list."))
        return redirect("web:story", alert.story_id)
    set_alert_status(request.user, alert, form.cleaned_data["status"])
    messages.success(
        request, _("The alert is now “%(status)s”.") % {"status": alert.get_status_display()}
    )
    return redirect("web:story", alert.story_id)
