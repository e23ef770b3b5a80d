"""Structured logs: one line per request and per task, JSON on request, least data."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings

from kiemchung.ops import scheduler
from kiemchung.ops.logs import JsonFormatter
from kiemchung.publishing.tasks import process_tip_task

pytestmark = pytest.mark.django_db

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def events(caplog: pytest.LogCaptureFixture, logger: str) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == logger]


def test_each_request_logs_one_line_without_query_string_or_address(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="kiemchung.request"):
        client.get("/kiem-chung/?q=so-dien-thoai-0900000000", REMOTE_ADDR="203.0.113.9")
    (record,) = events(caplog, "kiemchung.request")
    event = record.event  # type: ignore[attr-defined]
    assert event["method"] == "GET"
    assert event["path"] == "/kiem-chung/"
    assert event["status"] == 200
    assert event["duration_ms"] >= 0
    assert event["user_id"] is None
    line = JsonFormatter().format(record)
    assert json.loads(line)["path"] == "/kiem-chung/"
    assert "0900000000" not in line
    assert "203.0.113.9" not in line


def test_a_logged_in_request_names_the_user_by_id_only(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    user = User.objects.create_user("nguyen.van.a", password="mat-khau-rat-dai-123")
    client.force_login(user)
    with caplog.at_level(logging.INFO, logger="kiemchung.request"):
        client.get("/")
    (record,) = events(caplog, "kiemchung.request")
    line = JsonFormatter().format(record)
    assert json.loads(line)["user_id"] == user.pk
    assert "nguyen.van.a" not in line


@override_settings(TASKS=IMMEDIATE)
def test_each_task_logs_one_line_with_its_name_duration_and_outcome(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.INFO, logger="kiemchung.tasks"):
        process_tip_task.enqueue(0)
    (record,) = events(caplog, "kiemchung.tasks")
    entry = json.loads(JsonFormatter().format(record))
    assert entry["task"] == "kiemchung.publishing.tasks.process_tip_task"
    assert entry["kind"] == "queued"
    assert entry["outcome"] == "successful"
    assert entry["duration_ms"] >= 0


def test_each_periodic_job_logs_its_outcome(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(scheduler, "PERIODIC", [("found_three", lambda: 3), ("broken", broken)])
    with caplog.at_level(logging.INFO, logger="kiemchung.tasks"):
        scheduler.tick()
    found, failed = (record.event for record in events(caplog, "kiemchung.tasks"))  # type: ignore[attr-defined]
    assert found["task"] == "found_three"
    assert found["outcome"] == "successful"
    assert found["result"] == 3
    assert failed["task"] == "broken"
    assert failed["outcome"] == "failed"


def test_the_json_formatter_writes_one_object_per_line_with_the_exception() -> None:
    try:
        raise ValueError("xấu")
    except ValueError:
        record = logging.getLogger("kiemchung.test").makeRecord(
            "kiemchung.test", logging.ERROR, __file__, 1, "hỏng %s", ("rồi",), sys.exc_info()
        )
    line = JsonFormatter().format(record)
    assert "\n" not in line.strip().replace("\\n", "")
    entry = json.loads(line)
    assert entry["message"] == "hỏng rồi"
    assert entry["level"] == "ERROR"
    assert "ValueError" in entry["exception"]


@pytest.mark.slow
def test_kiemchung_log_format_json_turns_every_line_into_json(tmp_path: object) -> None:
    code = (
        "import django, logging; django.setup(); "
        "logging.getLogger('kiemchung.request').info('GET / 200', extra={'event': {'status': 200}})"
    )
    env = dict(os.environ, KIEMCHUNG_LOG_FORMAT="json", DJANGO_SETTINGS_MODULE="kiemchung.settings")
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    entry = json.loads(done.stderr.strip().splitlines()[-1])
    assert entry["logger"] == "kiemchung.request"
    assert entry["status"] == 200
