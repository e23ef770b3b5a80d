"""/healthz: the database, the worker's heartbeat and the queue; 503 when one is down."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.db import OperationalError
from django.test import Client, override_settings
from django.utils import timezone

from kiemchung.ops import health
from kiemchung.ops.heartbeat import beat
from kiemchung.ops.management.commands.worker import AnnouncingWorker
from kiemchung.ops.models import WorkerHeartbeat
from kiemchung.publishing.tasks import process_tip_task

pytestmark = pytest.mark.django_db

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def healthz(client: Client) -> tuple[int, dict[str, Any]]:
    response = client.get("/healthz")
    assert response["Content-Type"] == "application/json"
    return response.status_code, response.json()


def test_it_answers_200_with_each_check_when_all_are_up(client: Client) -> None:
    beat("office-pc-1")
    process_tip_task.enqueue(0)
    status, body = healthz(client)
    assert status == 200
    assert body["status"] == "ok"
    assert body["database"]["status"] == "up"
    assert body["worker"]["status"] == "up"
    assert body["worker"]["age_s"] <= 5
    assert body["queue"] == {"status": "up", "pending": 1}


def test_it_answers_503_when_no_worker_ever_beat(client: Client) -> None:
    status, body = healthz(client)
    assert status == 503
    assert body["status"] == "down"
    assert body["worker"]["error"] == "no worker heartbeat yet"
    assert body["database"]["status"] == "up"


@override_settings(HEALTH_WORKER_STALE=300)
def test_it_answers_503_when_the_worker_heartbeat_is_stale(client: Client) -> None:
    beat("office-pc-1", now=timezone.now() - timedelta(seconds=301))
    status, body = healthz(client)
    assert status == 503
    assert body["worker"]["error"] == "the worker heartbeat is stale"
    assert body["worker"]["stale_after_s"] == 300


def test_the_newest_of_several_workers_counts(client: Client) -> None:
    beat("old-machine", now=timezone.now() - timedelta(days=1))
    beat("new-machine")
    assert healthz(client)[0] == 200


class _Unreachable:
    vendor = "sqlite"

    def cursor(self) -> Any:
        raise OperationalError("connection refused")


def test_it_answers_503_when_the_database_is_unreachable(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    beat("office-pc-1")
    monkeypatch.setattr(health, "connection", _Unreachable())
    status, body = healthz(client)
    assert status == 503
    assert body["database"] == {"status": "down", "error": "the database is unreachable"}
    assert body["worker"]["status"] == "down"
    assert body["queue"]["status"] == "down"


@override_settings(TASKS=IMMEDIATE)
def test_without_a_task_queue_no_worker_is_needed(client: Client) -> None:
    status, body = healthz(client)
    assert status == 200
    assert body["worker"] == {"status": "up", "required": False}


@pytest.mark.django_db(transaction=True)
def test_the_worker_loop_writes_its_heartbeat() -> None:
    worker = AnnouncingWorker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker-1",
        excluded_queue_names=[],
    )
    worker.run()
    row = WorkerHeartbeat.objects.get(worker_id="test-worker-1")
    assert timezone.now() - row.beat_at < timedelta(seconds=30)


def test_a_heartbeat_is_one_row_per_worker_and_old_ones_are_forgotten() -> None:
    beat("gone", now=timezone.now() - timedelta(days=8))
    beat("office-pc-1")
    beat("office-pc-1")
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["office-pc-1"]
