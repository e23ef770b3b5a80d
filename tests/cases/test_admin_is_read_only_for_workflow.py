"""The admin shows cases, tasks, alerts and our fact-checks, and changes none of them:
every change goes through the audited services."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from kiemchung.cases.models import AuditEvent, CaseState
from kiemchung.claims.models import FactCheck, Verdict
from kiemchung.org.models import PartnerAgency, Role, Task, TaskStatus
from kiemchung.stories.models import Alert, AlertStatus
from kiemchung.testing.cases import make_case_in_review, make_story
from kiemchung.testing.org import make_unit_tree, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client: Client) -> Client:
    client.force_login(User.objects.create_superuser("quantri", "q@kiemchung.invalid", "x"))
    return client


def test_a_superuser_cannot_rewrite_a_cases_verdict_or_state_in_the_admin(
    admin_client: Client,
) -> None:
    tree = make_unit_tree()
    author = make_user(Role.VERIFIER, tree.commune)
    case = make_case_in_review(tree.commune, author)
    history = AuditEvent.objects.filter(case=case).count()
    page = admin_client.get(f"/admin/cases/case/{case.pk}/change/")
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    response = admin_client.post(
        f"/admin/cases/case/{case.pk}/change/",
        {
            "unit": tree.commune.pk,
            "title": case.title,
            "claim_text": case.claim_text,
            "state": CaseState.IN_REVIEW,
            "verdict": Verdict.TRUE,
            "rationale": "Sửa trong trang quản trị.",
            "verdict_by": make_user(None, None, "nguoi-khac").pk,
            "created_by": author.pk,
        },
    )
    assert response.status_code == 403
    case.refresh_from_db()
    assert (case.verdict, case.verdict_by) == (Verdict.FALSE, author)
    assert AuditEvent.objects.filter(case=case).count() == history


@pytest.mark.parametrize("model", ["case", "evidence", "comment", "auditevent"])
def test_no_case_record_can_be_added_in_the_admin(admin_client: Client, model: str) -> None:
    assert admin_client.get(f"/admin/cases/{model}/add/").status_code == 403


def test_a_tasks_status_cannot_be_changed_in_the_admin(admin_client: Client) -> None:
    tree = make_unit_tree()
    agency = PartnerAgency.objects.create(name="Công an xã", unit=tree.commune)
    task = Task.objects.create(
        agency=agency, title="Xác minh", due_date=timezone.localdate() + timedelta(days=2)
    )
    assert admin_client.get(f"/admin/org/task/{task.pk}/change/").status_code == 200
    response = admin_client.post(
        f"/admin/org/task/{task.pk}/change/",
        {"agency": agency.pk, "title": "Xác minh", "due_date": "2030-01-01", "status": "done"},
    )
    assert response.status_code == 403
    task.refresh_from_db()
    assert task.status == TaskStatus.OPEN
    assert admin_client.get("/admin/org/task/add/").status_code == 403


def test_an_alerts_status_is_not_editable_from_the_admin_list(admin_client: Client) -> None:
    story = make_story()
    now = timezone.now()
    alert = Alert.objects.create(
        story=story,
        window_start=now - timedelta(hours=6),
        window_end=now,
        count=9,
        story_baseline=1.0,
        stream_baseline=1.0,
        ratio=4.0,
    )
    page = admin_client.get("/admin/stories/alert/").content.decode()
    assert "form-0-status" not in page
    response = admin_client.post(
        f"/admin/stories/alert/{alert.pk}/change/", {"status": AlertStatus.CLOSED}
    )
    assert response.status_code == 403
    alert.refresh_from_db()
    assert alert.status == AlertStatus.OPEN


def test_our_published_fact_checks_are_read_only_but_imported_ones_may_be_corrected(
    admin_client: Client,
) -> None:
    ours = FactCheck.objects.create(
        url="/kiem-chung/1/", claim_reviewed="Tin đồn vỡ đập", verdict=Verdict.FALSE, is_local=True
    )
    imported = FactCheck.objects.create(
        url="https://other.example/fc/1", claim_reviewed="Tin khác", verdict=Verdict.FALSE
    )
    page = admin_client.get(f"/admin/claims/factcheck/{ours.pk}/change/").content.decode()
    assert 'name="_save"' not in page
    assert admin_client.get(f"/admin/claims/factcheck/{ours.pk}/delete/").status_code == 403
    page = admin_client.get(f"/admin/claims/factcheck/{imported.pk}/change/").content.decode()
    assert 'name="_save"' in page
