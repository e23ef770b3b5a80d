"""Upgrades: `kiemchung migrate` takes a previous release's database, data and all, forward.

``data/release-<version>.sqlite3`` was made by that release's code with
``make_release_database.py``. The test migrates a copy with today's migrations (whatever
they are) in a separate process, then checks the data and the main pages on it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
RELEASES = sorted((HERE / "data").glob("release-*.sqlite3"))

CHECKS = """
import json, django
django.setup()
from django.contrib.auth.models import User
from django.test import Client
from kiemchung.cases.models import AuditEvent, Case
from kiemchung.claims.models import Claim, FactCheck
from kiemchung.org.models import Membership, OrgUnit
from kiemchung.publishing.models import Tip
from kiemchung.sources.models import Document
from kiemchung.sources.search import search_backend
from kiemchung.stories.models import Story

case = Case.objects.get()
head = Membership.objects.filter(role="head").first().user
client = Client()
client.force_login(head)
pages = ["/", "/cases/", f"/cases/{case.pk}/", f"/stories/{case.story_id}/", "/org/",
         "/org/tasks/", "/search/?q=đập", "/tips/"]
public = Client()
public_pages = ["/kiem-chung/", f"/kiem-chung/{case.pk}/", "/kiem-chung/feed.atom",
                "/kiem-chung/tim-kiem/?q=đập"]
print(json.dumps({
    "counts": {
        "units": OrgUnit.objects.count(), "users": User.objects.count(),
        "documents": Document.objects.count(), "stories": Story.objects.count(),
        "claims": Claim.objects.count(), "tips": Tip.objects.count(),
        "factchecks": FactCheck.objects.count(),
    },
    "case": [case.state, case.verdict, case.reviewed_by_id != case.verdict_by_id],
    "audit": list(AuditEvent.objects.order_by("pk").values_list("action", flat=True)),
    "search": len(search_backend().search("đập thủy điện")),
    "pages": {url: client.get(url).status_code for url in pages},
    "public": {url: public.get(url).status_code for url in public_pages},
}))
"""


def run(args: list[str], env: dict[str, str], cwd: Path) -> str:
    done = subprocess.run(  # noqa: S603
        args, env=env, cwd=cwd, capture_output=True, text=True, check=False, timeout=600
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


@pytest.mark.slow
@pytest.mark.parametrize("release", RELEASES, ids=[path.stem for path in RELEASES])
def test_migrate_brings_a_previous_release_database_forward_with_its_data(
    release: Path, tmp_path: Path
) -> None:
    database = tmp_path / "kiemchung.sqlite3"
    shutil.copy(release, database)
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"sqlite:///{database}",
        KIEMCHUNG_DATA_DIR=str(tmp_path / "data"),
        DJANGO_SETTINGS_MODULE="kiemchung.settings",
        KIEMCHUNG_EMBEDDER="none",
        KIEMCHUNG_ALLOWED_HOSTS="testserver",
    )
    kiemchung = [sys.executable, "-m", "kiemchung.cli"]
    run([*kiemchung, "migrate", "--noinput"], env, tmp_path)
    run([*kiemchung, "migrate", "--check"], env, tmp_path)  # nothing left to apply

    found = json.loads(run([sys.executable, "-c", CHECKS], env, tmp_path).splitlines()[-1])

    assert found["counts"] == {
        "units": 3,
        "users": 8,
        "documents": 3,
        "stories": 4,
        "claims": 2,
        "tips": 1,
        "factchecks": 1,
    }
    assert found["case"] == ["published", "false", True]
    assert found["audit"][0] == "case.open"
    assert len(found["audit"]) == 10
    assert found["search"] >= 1
    assert set(found["pages"].values()) == {200}, found["pages"]
    assert set(found["public"].values()) == {200}, found["public"]


def test_there_is_a_database_of_the_previous_release() -> None:
    assert HERE / "data" / "release-0.1.0.sqlite3" in RELEASES
    assert all(path.stat().st_size < 400_000 for path in RELEASES)
