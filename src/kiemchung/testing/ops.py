"""A small but complete installation, built through the services like real data.

Used by the backup round-trip tests and by ``tests/ops/make_release_database.py``, which
keeps a copy of it as made by each release for the upgrade test.
"""

from __future__ import annotations

from datetime import timedelta

from django.apps import apps
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone

from kiemchung.cases import services
from kiemchung.cases.models import AuditEvent, Case, CaseState
from kiemchung.claims.models import Verdict
from kiemchung.org.models import OrgUnit, Role
from kiemchung.publishing.models import Tip, TipContact
from kiemchung.sources.records import Record
from kiemchung.sources.search import TABLE
from kiemchung.sources.services import add_manual_document
from kiemchung.stories.models import Story
from kiemchung.testing.cases import make_story, png_bytes
from kiemchung.testing.org import make_team, make_unit_tree

DOCUMENTS = [
    ("Báo Hòa Lâm", "Đập thủy điện Sông Lam sắp vỡ trong đêm nay, người dân cần sơ tán gấp."),
    ("Báo Hòa Lâm", "Ban quản lý đập Sông Lam khẳng định mực nước vẫn ở mức an toàn."),
    ("Trang Xã An Phú", "Từ ngày 1/10 người dân phải tiêm mũi 4 mới được đi chợ."),
]


def build_installation() -> Case:
    """Units, staff, documents, a story with claims, a tip, and a published case."""
    tree = make_unit_tree()
    team = make_team(tree.commune)
    for number, (outlet, text) in enumerate(DOCUMENTS, start=1):
        add_manual_document(outlet, Record(text=text, url=f"https://bao.example/bai-{number}"))
    story = make_story()
    tip = Tip.objects.create(text="Có tin đập Sông Lam sắp vỡ", url="https://mxh.example/p/1")
    TipContact.objects.create(
        tip=tip, contact="0900000000", purge_after=timezone.now() + timedelta(days=30)
    )
    return published_case(tree.commune, team, story)


def published_case(unit: OrgUnit, team: dict[str, User], story: Story) -> Case:
    author, reviewer = team[Role.MEMBER], team[Role.REVIEWER]
    case = services.open_from_story(author, story, unit)
    services.set_verdict(author, case, Verdict.FALSE, "Mực nước an toàn.", "Tin sai sự thật.")
    services.add_evidence_link(author, case, "https://baohoalam.example/dap-an-toan")
    image = SimpleUploadedFile("anh-chup.png", png_bytes(4, 4), content_type="image/png")
    services.add_evidence_file(author, case, image, "Ảnh chụp bài đăng")
    services.add_comment(author, case, "Đã gọi ban quản lý đập.")
    services.change_state(author, case, CaseState.IN_REVIEW)
    return services.change_state(reviewer, case, CaseState.PUBLISHED)


def row_counts() -> dict[str, int]:
    """Rows in every table of the project's apps and in the user table."""
    counts = {}
    for model in apps.get_models():
        config = model._meta.app_config
        if config is None or config.label == "ops":
            continue
        if config.name.startswith("kiemchung.") or model._meta.label == "auth.User":
            counts[model._meta.label] = model._default_manager.count()
    return counts


def audit_history() -> list[dict[str, object]]:
    return [dict(row) for row in AuditEvent.objects.order_by("pk").values()]


def empty_search_index() -> None:
    """The full-text table is not a model: Django's flush between tests leaves it alone."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('delete-all')")  # noqa: S608
        else:
            cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608  (a constant)
