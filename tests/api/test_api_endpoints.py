"""Every endpoint: 401 without a token, 403 outside its scope or the user's roles, 422
with the field at fault, and its success; the API shows no more than the desk would."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from kiemchung.cases.models import Case
from kiemchung.claims.models import FactCheck, Verdict
from kiemchung.org.models import Role
from kiemchung.publishing.models import Tip, TipContact
from kiemchung.sources.models import Document
from kiemchung.stories.models import Alert, Story
from kiemchung.testing.api import ApiClient, bearer
from kiemchung.testing.cases import make_case, make_story
from kiemchung.testing.factories import STORIES, random_rows
from kiemchung.testing.org import UnitTree, make_user

pytestmark = pytest.mark.django_db

RUMOUR = "Từ 0h đêm nay giá xăng RON95 tăng gấp đôi lên 45.000 đồng mỗi lít"

# (method, path, body) of every endpoint that needs a token, with the scope it needs.
ENDPOINTS = [
    ("get", "/stories", None, "read"),
    ("get", "/stories/1", None, "read"),
    ("get", "/alerts", None, "read"),
    ("get", "/cases", None, "read"),
    ("get", "/cases/1", None, "read"),
    ("get", "/factchecks", None, "read"),
    ("post", "/match", {"text": RUMOUR}, "read"),
    ("post", "/documents", {"records": [{"text": "Một bài đăng"}]}, "ingest"),
    ("post", "/tips", {"text": RUMOUR}, "tips"),
    ("get", "/reports/stats?period=2024-Q3", None, "reports"),
]


def call(api: ApiClient, method: str, path: str, body: Any) -> Any:
    return api.get(path) if method == "get" else api.post(path, body)


@pytest.fixture
def petrol_check(db: Any) -> FactCheck:
    return FactCheck.objects.create(
        url="https://factcheck.example/xang",
        claim_reviewed=RUMOUR,
        verdict=Verdict.FALSE,
        publisher="Báo Kiểm Chứng",
        published_at=timezone.now(),
    )


@pytest.mark.parametrize(("method", "path", "body", "scope"), ENDPOINTS)
def test_every_endpoint_answers_401_without_a_token(
    anonymous: ApiClient, method: str, path: str, body: Any, scope: str
) -> None:
    response = call(anonymous, method, path, body)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(("method", "path", "body", "scope"), ENDPOINTS)
def test_every_endpoint_answers_403_outside_the_tokens_scope(
    verifier: User, method: str, path: str, body: Any, scope: str
) -> None:
    others = ",".join(s for s in ("read", "ingest", "tips", "reports") if s != scope)
    response = call(ApiClient(bearer(verifier, others)), method, path, body)
    assert response.status_code == 403
    assert response.json()["status"] == 403


@pytest.mark.parametrize(
    "path", ["/stories", "/stories/1", "/alerts", "/cases", "/cases/1", "/documents"]
)
def test_desk_endpoints_answer_403_to_a_person_without_a_desk_role(nobody: User, path: str) -> None:
    api = ApiClient(bearer(nobody, "read,ingest"))
    response = (
        api.post(path, {"records": [{"text": "x"}]}) if path == "/documents" else api.get(path)
    )
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("method", "path", "body", "field"),
    [
        ("get", "/stories?limit=0", None, "limit"),
        ("get", "/stories/abc", None, "story_id"),
        ("get", "/alerts?since=yesterday", None, "since"),
        ("get", "/cases?before=-1", None, "before"),
        ("get", "/cases/x", None, "case_id"),
        ("get", "/factchecks?limit=500", None, "limit"),
        ("post", "/match", {"text": ""}, "text"),
        ("post", "/documents", {"records": []}, "records"),
        ("post", "/tips", {"text": "", "url": ""}, "text"),
    ],
)
def test_every_endpoint_answers_422_naming_the_field_at_fault(
    as_verifier: ApiClient, method: str, path: str, body: Any, field: str
) -> None:
    response = call(as_verifier, method, path, body)
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert field in [error["field"] for error in problem["errors"]]
    assert field in problem["detail"]


def test_stories_are_listed_newest_first_in_pages_with_a_stable_cursor(
    as_verifier: ApiClient,
) -> None:
    stories = [make_story(title=f"Chuyện {n}") for n in range(5)]
    first = as_verifier.get("/stories", {"limit": 2}).json()
    assert [s["id"] for s in first["items"]] == [stories[4].pk, stories[3].pk]
    make_story(title="Chuyện mới")  # arrives between two pages: nothing shifts
    second = as_verifier.get("/stories", {"limit": 2, "before": first["next_before"]}).json()
    assert [s["id"] for s in second["items"]] == [stories[2].pk, stories[1].pk]
    last = as_verifier.get("/stories", {"limit": 2, "before": second["next_before"]}).json()
    assert [s["id"] for s in last["items"]] == [stories[0].pk]
    assert last["next_before"] is None


def test_stories_are_filtered_by_time(as_verifier: ApiClient) -> None:
    old, new = make_story(title="Cũ"), make_story(title="Mới")
    Story.objects.filter(pk=old.pk).update(last_seen=timezone.now() - timedelta(days=10))
    since = (timezone.now() - timedelta(days=1)).isoformat()
    items = as_verifier.get("/stories", {"since": since}).json()["items"]
    assert [s["id"] for s in items] == [new.pk]
    until = as_verifier.get("/stories", {"until": since}).json()["items"]
    assert [s["id"] for s in until] == [old.pk]


def test_a_story_comes_with_its_documents_and_alerts(as_verifier: ApiClient) -> None:
    as_verifier.post("/documents", {"records": [{"text": STORIES["dam_rumour"]}]})
    story = Story.objects.get()
    now = timezone.now()
    Alert.objects.create(
        story=story,
        window_start=now,
        window_end=now,
        count=9,
        story_baseline=1,
        stream_baseline=1,
        ratio=9.0,
    )
    detail = as_verifier.get(f"/stories/{story.pk}").json()
    assert detail["title"] == story.title
    assert detail["undated"] is True  # posted without a time: first_seen is the import time
    assert [d["source"] for d in detail["documents"]] == ["api:kiem-chung-vien"]
    assert detail["alerts"][0]["count"] == 9
    assert as_verifier.get("/alerts").json()["items"][0]["story_title"] == story.title
    assert as_verifier.get(f"/stories/{story.pk + 99}").status_code == 404


def test_documents_are_ingested_once_with_per_record_errors(as_verifier: ApiClient) -> None:
    rows = random_rows(3)
    batch = {"records": [*rows, {"url": "https://x.example/no-text"}, "not an object"]}
    report = as_verifier.post("/documents", batch).json()
    assert report["received"] == 5
    assert report["added"] == 3
    assert [r["line"] for r in report["rejections"]] == [4, 5]
    assert "text" in report["rejections"][0]["reason"]
    again = as_verifier.post("/documents", {"records": rows}).json()
    assert again["added"] == 0 and again["duplicates"] == 3
    assert Document.objects.count() == 3


def test_an_idempotency_key_repeats_the_first_answer(as_verifier: ApiClient) -> None:
    batch = {"records": random_rows(2)}
    first = as_verifier.post("/documents", batch, **{"Idempotency-Key": "lo-1"})
    second = as_verifier.post("/documents", batch, **{"Idempotency-Key": "lo-1"})
    assert first.json() == second.json()
    assert second.json()["added"] == 2  # the first answer, not "2 duplicates"
    assert second["Idempotent-Replayed"] == "true"
    other = as_verifier.post(
        "/documents", {"records": random_rows(1, seed=9)}, **{"Idempotency-Key": "lo-1"}
    )
    assert other.status_code == 422
    assert other.json()["errors"][0]["field"] == "Idempotency-Key"


def test_a_batch_larger_than_the_limit_is_refused(as_verifier: ApiClient, settings: Any) -> None:
    settings.API_MAX_BATCH = 2
    response = as_verifier.post("/documents", {"records": random_rows(3)})
    assert response.status_code == 422
    assert not Document.objects.exists()


def test_match_gives_what_the_match_command_gives(
    as_verifier: ApiClient, petrol_check: FactCheck
) -> None:
    import json

    from kiemchung.testing.commands import run_command

    text = "Giá xăng RON95 tăng gấp đôi lên 45.000 đồng mỗi lít từ 0h đêm nay"
    answer = as_verifier.post("/match", {"text": text, "top": 5}).json()
    _, out, _ = run_command("match", text, "--top", "5")
    assert answer == json.loads(out)
    assert answer["results"][0]["id"] == petrol_check.pk


def test_matching_earlier_claims_needs_a_desk_role(nobody: User, petrol_check: FactCheck) -> None:
    api = ApiClient(bearer(nobody, "read"))
    assert api.post("/match", {"text": RUMOUR}).status_code == 200
    assert api.post("/match", {"text": RUMOUR, "claims": True}).status_code == 403


def test_factchecks_are_claimreview_objects(
    as_verifier: ApiClient, petrol_check: FactCheck
) -> None:
    items = as_verifier.get("/factchecks").json()["items"]
    assert items[0]["@type"] == "ClaimReview"
    assert items[0]["claimReviewed"] == RUMOUR


def test_the_public_search_needs_no_token_and_allows_any_origin_for_get(
    petrol_check: FactCheck,
) -> None:
    response = Client().get("/api/v1/public/factchecks", {"q": "xang ron95 tang gap doi"})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.json()["items"][0]["claimReviewed"] == RUMOUR
    assert Client().post("/api/v1/public/factchecks").status_code == 405
    assert "Access-Control-Allow-Origin" not in Client().get("/api/v1/openapi.json")


def test_the_public_search_answers_422_to_an_overlong_query(db: Any) -> None:
    response = Client().get("/api/v1/public/factchecks", {"q": "x" * 600})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "q"
    assert response["Access-Control-Allow-Origin"] == "*"  # a portal's page can read why


def test_the_public_search_is_rate_limited_per_address(db: Any, settings: Any) -> None:
    settings.API_RATE_PER_MINUTE = 2
    codes = [Client().get("/api/v1/public/factchecks").status_code for _ in range(3)]
    assert codes == [200, 200, 429]


def test_a_tip_is_received_like_the_public_forms_and_matched_at_once(
    as_verifier: ApiClient, petrol_check: FactCheck
) -> None:
    response = as_verifier.post("/tips", {"text": RUMOUR, "contact": "0912 345 678"})
    assert response.status_code == 201
    body = response.json()
    assert body["factcheck"]["verdict"] == Verdict.FALSE
    tip = Tip.objects.get(pk=body["id"])
    assert TipContact.objects.get(tip=tip).contact == "0912 345 678"


def test_cases_show_only_what_the_desk_shows_the_same_person(
    tree: UnitTree, verifier: User, neighbour: User
) -> None:
    mine = make_case(tree.commune, verifier, title="Ca của xã An Phú")
    theirs = make_case(tree.sibling, neighbour, title="Ca của xã Bình Minh")
    api = ApiClient(bearer(verifier))
    assert [c["id"] for c in api.get("/cases").json()["items"]] == [mine.pk]
    assert api.get(f"/cases/{mine.pk}").json()["title"] == "Ca của xã An Phú"
    assert api.get(f"/cases/{theirs.pk}").status_code == 404
    desk = Client()
    desk.force_login(verifier)
    assert desk.get(f"/cases/{theirs.pk}/").status_code == 404  # the desk hides it too


def test_a_provincial_head_sees_the_cases_of_every_commune_below(
    tree: UnitTree, verifier: User, neighbour: User
) -> None:
    make_case(tree.commune, verifier)
    make_case(tree.sibling, neighbour)
    head = make_user(Role.HEAD, tree.province, "truong-ban")
    assert len(ApiClient(bearer(head)).get("/cases").json()["items"]) == Case.objects.count()
