"""Stories, alerts and cases: what the desk shows the token's user, and nothing more."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema

from kiemchung.api.auth import TokenAuth
from kiemchung.api.pagination import page
from kiemchung.api.problems import forbidden, not_found
from kiemchung.api.schemas import (
    AlertOut,
    AlertPage,
    CaseDetail,
    CaseOut,
    CasePage,
    DocumentOut,
    ListParams,
    StoryDetail,
    StoryOut,
    StoryPage,
)
from kiemchung.cases.models import Case
from kiemchung.cases.services import visible_cases
from kiemchung.org.permissions import Action, can_anywhere
from kiemchung.stories.models import Alert, Story

router = Router(tags=["desk"], auth=TokenAuth("read"))
STORY_DOCUMENTS = 50


def require_desk(request: HttpRequest) -> Any:
    """The desk's own door (``org.access.desk_required``): a role that sees the desk."""
    user = request.user
    if not can_anywhere(user, Action.VIEW_DESK):
        raise forbidden()
    return user


@router.get("/stories", response=StoryPage, summary="Stories, newest first")
def list_stories(request: HttpRequest, params: Query[ListParams]) -> dict[str, Any]:
    require_desk(request)
    rows, cursor = page(Story.objects.all(), params, "last_seen")
    return {"items": [story_out(story) for story in rows], "next_before": cursor}


@router.get("/stories/{story_id}", response=StoryDetail, summary="A story, its documents")
def get_story(request: HttpRequest, story_id: int) -> dict[str, Any]:
    require_desk(request)
    story = Story.objects.filter(pk=story_id).first()
    if story is None:
        raise not_found()
    documents = story.documents.select_related("source").order_by("published_at")
    return {
        **story_out(story),
        "documents": [document_out(doc) for doc in documents[:STORY_DOCUMENTS]],
        "alerts": [alert_out(alert) for alert in story.alerts.select_related("story")],
    }


@router.get("/alerts", response=AlertPage, summary="Spike alerts, newest first")
def list_alerts(request: HttpRequest, params: Query[ListParams]) -> dict[str, Any]:
    require_desk(request)
    rows, cursor = page(Alert.objects.select_related("story"), params, "created_at")
    return {"items": [alert_out(alert) for alert in rows], "next_before": cursor}


@router.get("/cases", response=CasePage, summary="Cases of your units")
def list_cases(request: HttpRequest, params: Query[ListParams]) -> dict[str, Any]:
    user = require_desk(request)
    rows, cursor = page(visible_cases(user).select_related("unit"), params, "updated_at")
    return {"items": [case_out(case) for case in rows], "next_before": cursor}


@router.get("/cases/{case_id}", response=CaseDetail, summary="A case of your units")
def get_case(request: HttpRequest, case_id: int) -> dict[str, Any]:
    user = require_desk(request)
    case = visible_cases(user).select_related("unit").filter(pk=case_id).first()
    if case is None:  # as on the desk: a case outside your units does not exist for you
        raise not_found()
    evidence = [
        {"id": item.pk, "kind": item.kind, "title": item.title, "url": item.url}
        for item in case.evidence.order_by("pk")
    ]
    return {**case_out(case), "rationale": case.rationale, "evidence": evidence}


def story_out(story: Story) -> dict[str, Any]:
    return _fields(story, StoryOut)


def document_out(document: Any) -> dict[str, Any]:
    return {**_fields(document, DocumentOut, "source"), "source": document.source.name}


def alert_out(alert: Alert) -> dict[str, Any]:
    return {**_fields(alert, AlertOut, "story_title"), "story_title": alert.story.title}


def case_out(case: Case) -> dict[str, Any]:
    return {**_fields(case, CaseOut, "unit"), "unit": case.unit.name}


def _fields(obj: Any, schema: type[Schema], *skip: str) -> dict[str, Any]:
    """The model attributes a schema names (the schema then checks their types)."""
    return {name: getattr(obj, name) for name in schema.model_fields if name not in skip}
