"""No desk or public URL answers 500 to a strange id or value: 400, 404 or a form error.

``"²".isdigit()`` is true and ``int("²")`` fails; a 20-digit number overflows the
database's integer. Every URL of the web apps is tried with such values in every
parameter name the pages use, by GET and by POST, as a superuser and as a commune head.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from kiemchung.cases import services
from kiemchung.guides.services import create_guide
from kiemchung.org.models import Membership, PartnerAgency, Role, Task
from kiemchung.publishing.models import Tip
from kiemchung.stories.models import Alert
from kiemchung.testing.cases import make_case, make_story
from kiemchung.testing.guides import TEXT
from kiemchung.testing.org import make_unit_tree, make_user

pytestmark = pytest.mark.django_db

BAD_VALUES = ["²", "-1", "0", "99999999999999999999", "abc", "", "1.5", "١٢"]
PARAM_NAMES = [
    "unit", "case", "agency", "owner", "assignee", "duplicate_of", "story_id", "claim_id",
    "tip_id", "document", "status", "state", "target", "page", "role", "username", "url",
    "source", "since", "until", "theme", "q", "due_date", "verdict", "t", "next",
]  # fmt: skip
APPS = ("cases", "org", "web", "publishing", "guides")
SKIPPED = {"web:health"}


def app_patterns() -> list[tuple[str, str]]:
    """(name, route) of every named URL of the web apps."""
    found = []
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and entry.app_name in APPS:
            prefix = str(entry.pattern)
            for pattern in entry.url_patterns:
                if isinstance(pattern, URLPattern) and pattern.name:
                    name = f"{entry.app_name}:{pattern.name}"
                    if name not in SKIPPED:
                        found.append((name, prefix + str(pattern.pattern)))
    return found


def fill(route: str, ids: dict[str, int]) -> list[str]:
    """The route with real ids, and with an overflowing one."""
    urls = []
    for value in ("real", "99999999999999999999"):
        path = route
        while "<int:" in path:
            start = path.index("<int:")
            end = path.index(">", start)
            name = path[start + 5 : end]
            path = path[:start] + (str(ids[name]) if value == "real" else value) + path[end + 1 :]
        urls.append("/" + path)
        if path == route:
            break
    return urls


@pytest.fixture
def world() -> dict[str, Any]:
    tree = make_unit_tree()
    verifier = make_user(Role.VERIFIER, tree.commune)
    story = make_story()
    case = make_case(tree.commune, verifier, story=story)
    services.add_evidence_note(verifier, case, "Ghi chú")
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
    agency = PartnerAgency.objects.create(name="Công an xã", unit=tree.commune)
    task = Task.objects.create(
        agency=agency, title="Xác minh", due_date=timezone.localdate() + timedelta(days=2)
    )
    tip = Tip.objects.create(text="Tin nhắn trúng thưởng")
    guide = create_guide(verifier, tree.commune, TEXT)
    ids = {
        "case_id": case.pk,
        "story_id": story.pk,
        "document_id": 1,
        "alert_id": alert.pk,
        "task_id": task.pk,
        "tip_id": tip.pk,
        "evidence_id": case.evidence.get().pk,
        "unit_id": tree.commune.pk,
        "membership_id": Membership.objects.get(user=verifier).pk,
        "person_id": verifier.pk,
        "guide_id": guide.pk,
        "file_id": 1,  # a task report file: none exists, so the real id is a 404 too
    }
    head = make_user(Role.HEAD, tree.commune)
    admin = User.objects.create_superuser("quantri", "q@kiemchung.invalid", "mat-khau-dai-12")
    return {"ids": ids, "people": [admin, head]}


@pytest.mark.slow
@override_settings(EMBEDDER="none")
def test_no_url_answers_500_to_strange_ids_and_values(world: dict[str, Any]) -> None:
    problems = []
    patterns = app_patterns()
    assert len(patterns) > 25, "the URL list is stale"
    for person in world["people"]:
        client = Client(raise_request_exception=False)
        client.force_login(person)
        for _name, route in patterns:
            for url in fill(route, world["ids"]):
                for value in BAD_VALUES:
                    params = dict.fromkeys(PARAM_NAMES, value)
                    for method in (client.get, client.post):
                        status = method(url, params).status_code
                        if status >= 500:
                            problems.append(f"{method.__name__.upper()} {url} {value!r}: {status}")
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/cases/", {"unit": "²"}),
        ("/org/tasks/new/", {"case": "²"}),
    ],
)
def test_a_superscript_digit_in_a_query_is_no_id(
    client: Client, url: str, params: dict[str, str]
) -> None:
    client.force_login(User.objects.create_superuser("qt", "", "mat-khau-dai-12"))
    make_unit_tree()
    assert client.get(url, params).status_code == 200


def test_a_superscript_digit_as_the_opening_unit_is_no_unit(client: Client) -> None:
    tree = make_unit_tree()
    client.force_login(make_user(Role.VERIFIER, tree.commune))
    response = client.post("/cases/open/", {"story_id": make_story().pk, "unit": "²"})
    assert response.status_code == 302


def test_an_unknown_alert_status_is_a_message_not_a_500(client: Client) -> None:
    tree = make_unit_tree()
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
    client.force_login(make_user(Role.VERIFIER, tree.commune))
    response = client.post(f"/alerts/{alert.pk}/status", {"status": "dismissed"}, follow=True)
    assert response.status_code == 200
    alert.refresh_from_db()
    assert alert.status == "open"
