"""The dashboard follows the cases: the queue marks stories that have one, reviewers see
what waits for them, and cases carry a due date and an age, overdue ones standing out."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone

from kiemchung.cases.models import Case
from kiemchung.org.models import Role
from kiemchung.sources.services import ingest_path
from kiemchung.stories.models import Story
from kiemchung.testing.cases import make_case, make_case_in_review
from kiemchung.testing.factories import STORIES, write_jsonl
from kiemchung.testing.org import UnitTree, make_unit_tree, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree() -> UnitTree:
    return make_unit_tree()


def test_the_queue_marks_a_story_that_already_has_a_case(
    client: Client, tree: UnitTree, tmp_path: Path
) -> None:
    rows = [{"text": t, "title": n, "url": f"https://a.example/{n}"} for n, t in STORIES.items()]
    ingest_path(write_jsonl(tmp_path / "s.jsonl", rows))
    head = make_user(Role.HEAD, tree.commune)
    story = Story.objects.get(documents__url="https://a.example/dam_rumour")
    case = make_case(tree.commune, head, story=story)
    client.force_login(head)
    page = client.get("/").content.decode()
    queue = page[page.index('id="queue-h"') : page.index('id="alerts-h"')]
    assert f'href="/cases/{case.pk}/"' in queue
    assert queue.count("has-case") == 1


def test_a_reviewer_sees_the_cases_waiting_for_their_review(client: Client, tree: UnitTree) -> None:
    author = make_user(Role.MEMBER, tree.commune)
    waiting = make_case_in_review(tree.commune, author)
    reviewer = make_user(Role.REVIEWER, tree.commune)
    client.force_login(reviewer)
    page = client.get("/").content.decode()
    section = page[page.index('id="awaiting-review"') :]
    assert f'href="/cases/{waiting.pk}/"' in section


def test_the_author_of_a_verdict_does_not_see_it_waiting_for_their_review(
    client: Client, tree: UnitTree
) -> None:
    author = make_user(Role.REVIEWER, tree.commune)
    own = make_case_in_review(tree.commune, author)
    client.force_login(author)
    page = client.get("/").content.decode()
    section = page[page.index('id="awaiting-review"') :]
    assert f'href="/cases/{own.pk}/"' not in section


def test_a_new_case_is_due_after_the_configured_days(tree: UnitTree, settings: object) -> None:
    setattr(settings, "CASE_DUE_DAYS", 5)  # noqa: B010
    case = make_case(tree.commune, make_user(Role.HEAD, tree.commune))
    assert case.due_date == timezone.localdate() + timedelta(days=5)
    assert case.age_days == 0


def test_an_overdue_case_stands_out_in_the_list_and_on_the_dashboard(
    client: Client, tree: UnitTree
) -> None:
    member = make_user(Role.MEMBER, tree.commune)
    case = make_case(tree.commune, member)
    Case.objects.filter(pk=case.pk).update(
        assignee=member,
        due_date=timezone.localdate() - timedelta(days=2),
        created_at=timezone.now() - timedelta(days=6),
    )
    client.force_login(member)
    listing = client.get("/cases/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert f'<tr id="case-{case.pk}" class="overdue-item">' in listing
    assert "6 ngày" in listing
    dashboard = client.get("/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    mine = dashboard[dashboard.index('id="mine-h"') :]
    assert 'class="overdue-item"' in mine


def test_a_closed_case_shows_its_age_but_no_due_date(client: Client, tree: UnitTree) -> None:
    head = make_user(Role.HEAD, tree.commune)
    case = make_case(tree.commune, head)
    Case.objects.filter(pk=case.pk).update(state="out_of_scope")
    client.force_login(head)
    page = client.get(f"/cases/{case.pk}/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "mở hôm nay" in page
    assert 'class="due' not in page
