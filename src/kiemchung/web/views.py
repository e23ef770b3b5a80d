from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render

from kiemchung.claims.queue import priority_queue
from kiemchung.sources.models import Document
from kiemchung.stories import queries
from kiemchung.stories.models import Story


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    context = {
        "alerts": queries.open_alerts(),
        "growing": queries.fastest_growing(),
        "newest": queries.newest_stories(),
        "queue": priority_queue(limit=15),
        "story_count": Story.objects.count(),
        "document_count": Document.objects.count(),
        "data_now": queries.data_now(),
    }
    return render(request, "web/dashboard.html", context)


@login_required
def story_detail(request: HttpRequest, story_id: int) -> HttpResponse:
    story = get_object_or_404(Story, pk=story_id)
    documents = story.documents.select_related("source").order_by("published_at")
    sources = story.documents.values("source__name").annotate(n=Count("id")).order_by("-n")
    context = {
        "story": story,
        "documents": documents[:200],
        "sources": sources,
        "alerts": story.alerts.all(),
        "claims": story.claims.select_related("matched").order_by("-checkworthiness"),
    }
    return render(request, "web/story.html", context)


def health(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})
