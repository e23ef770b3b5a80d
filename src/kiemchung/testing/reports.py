"""A small world with known figures for the period reports (quarter III of 2024).

Every figure of ``KNOWN_Q3`` follows from the rows made here; the comments say why.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth.models import User

from kiemchung.cases.models import Case, CaseState
from kiemchung.claims.models import Claim, FactCheck, MatchDecision, Verdict
from kiemchung.org.models import Membership, OrgUnit, PartnerAgency, Role, Task, TaskStatus
from kiemchung.publishing.models import Tip
from kiemchung.sources.models import Document, Source
from kiemchung.stories.models import Alert, Story
from kiemchung.testing.org import make_user

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def at(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=ZONE)


@dataclass
class World:
    province: OrgUnit
    commune: OrgUnit  # Xã An Phú
    sibling: OrgUnit  # Xã Bình Minh
    elsewhere: OrgUnit  # another province: never in the province's figures
    head: User
    secretariat: User
    verifier: User
    other_commune_head: User


_serial = iter(range(1, 10**6))


def _document(
    source: Source, moment: datetime, story: Story | None = None, **fields: Any
) -> Document:
    number = next(_serial)
    return Document.objects.create(
        source=source,
        identity=hashlib.sha256(f"doc-{number}".encode()).hexdigest(),
        content_hash=f"{number:032d}",
        text=f"Bài đăng số {number} về tin đồn trên mạng.",
        language="vi",
        published_at=moment,
        story=story,
        signature=b"",
        **fields,
    )


def _case(unit: OrgUnit, by: User, opened: datetime, **fields: Any) -> Case:
    updated = fields.pop("updated_at", opened)
    case = Case.objects.create(
        unit=unit, created_by=by, title="Hồ sơ", claim_text="Nội dung.", **fields
    )
    Case.objects.filter(pk=case.pk).update(created_at=opened, updated_at=updated)
    case.refresh_from_db()
    return case


def _task(
    agency: PartnerAgency, created: datetime, due: date, status: str, updated: datetime
) -> Task:
    task = Task.objects.create(agency=agency, title="Nhiệm vụ", due_date=due, status=status)
    Task.objects.filter(pk=task.pk).update(created_at=created, updated_at=updated)
    return task


def _tip(moment: datetime, **fields: Any) -> Tip:
    tip = Tip.objects.create(text="Tin nhắn lạ", **fields)
    Tip.objects.filter(pk=tip.pk).update(created_at=moment)
    return tip


def build_world() -> World:
    province = OrgUnit.objects.create(name="Huyện Mường Lát", level="Huyện")
    commune = OrgUnit.objects.create(name="Xã An Phú", level="Xã", parent=province)
    sibling = OrgUnit.objects.create(name="Xã Bình Minh", level="Xã", parent=province)
    elsewhere = OrgUnit.objects.create(name="Huyện Quan Sơn", level="Huyện")
    head = make_user(Role.HEAD, province, "truong-ban", first_name="An", last_name="Nguyễn Văn")
    secretariat = make_user(Role.SECRETARIAT, province, "thu-ky")
    verifier = make_user(Role.VERIFIER, commune, "xac-minh")
    make_user(Role.MEMBER, sibling, "thanh-vien")
    other_head = make_user(Role.HEAD, elsewhere, "truong-ban-khac")
    Membership.objects.update(created_at=at(2024, 1, 2))

    paper = Source.objects.create(name="Báo Hòa Lâm", kind="feed")
    zalo = Source.objects.create(name="Nhóm Zalo Mường Lát", kind="jsonl")
    factcheck = FactCheck.objects.create(
        url="https://kiemchung.example/1",
        claim_reviewed="Đập sắp vỡ",
        verdict=Verdict.FALSE,
        publisher="Ban Chỉ đạo",
    )
    scam = Story.objects.create(
        title="Tin nhắn giả mạo ngân hàng",
        first_seen=at(2024, 7, 1, 0, 0),
        last_seen=at(2024, 7, 3),
        doc_count=3,
        theme="scam",
    )
    health = Story.objects.create(
        title="Tin đồn vắc xin",
        first_seen=at(2024, 8, 10),
        last_seen=at(2024, 8, 10),
        doc_count=1,
        theme="health",
        already_checked=factcheck,
    )
    # Quarter III: five documents (three of the paper, two on Zalo; the last one at
    # 23:30 on 30 September still counts). Imported in the quarter but posted in June:
    # counts in quarter II. Posted ten minutes into October: quarter IV.
    first = _document(paper, at(2024, 7, 1, 0, 0), scam)
    _document(paper, at(2024, 7, 2), scam)
    _document(zalo, at(2024, 7, 3), scam, platform="zalo")
    _document(paper, at(2024, 8, 10), health)
    _document(zalo, at(2024, 9, 30, 23, 30), platform="zalo")
    june = _document(paper, at(2024, 6, 15), fetched_at=at(2024, 7, 5))
    _document(paper, at(2024, 4, 2))
    _document(paper, at(2024, 10, 1, 0, 10))
    for month in (7, 8, 8, 9):  # quarter III of 2023: four documents
        _document(paper, at(2023, month, 5))
    Alert.objects.create(
        story=scam,
        window_start=at(2024, 7, 1),
        window_end=at(2024, 7, 1, 6),
        count=3,
        story_baseline=0.1,
        stream_baseline=0.2,
        ratio=15.0,
    )
    # Claims: one matched (its document in III), one of a story first seen in III, one
    # marked not factual (left out), one of June's document (quarter II).
    Claim.objects.create(
        story=scam,
        document=first,
        text="Ngân hàng khóa tài khoản",
        key="k1",
        matched=factcheck,
        match_decision=MatchDecision.CONFIRMED,
    )
    Claim.objects.create(story=health, text="Vắc xin gây bệnh", key="k2")
    Claim.objects.create(story=scam, document=first, text="Ý kiến", key="k3", is_factual=False)
    Claim.objects.create(document=june, text="Giá xăng tăng", key="k4")

    # Tips: three in III (one matched a fact-check at once, one became a case).
    _tip(at(2024, 7, 4), factcheck=factcheck)
    turned = _tip(at(2024, 9, 1))
    _tip(at(2024, 9, 2))
    _tip(at(2024, 10, 2))

    # Cases of the province's tree: three opened in III (two in An Phú, one in Bình
    # Minh), one opened in June and still open; one elsewhere.
    _case(
        commune,
        verifier,
        at(2024, 7, 2),
        story=scam,
        state=CaseState.PUBLISHED,
        verdict=Verdict.FALSE,
        published_at=at(2024, 7, 3, 0, 0),
        updated_at=at(2024, 7, 3),
    )
    _case(commune, verifier, at(2024, 8, 1), state=CaseState.DUPLICATE, updated_at=at(2024, 8, 2))
    _case(sibling, head, at(2024, 9, 20), tip=turned, state=CaseState.VERIFYING)
    _case(province, head, at(2024, 6, 1), state=CaseState.NEW)
    _case(elsewhere, other_head, at(2024, 8, 15), state=CaseState.NEW)

    police = PartnerAgency.objects.create(name="Công an xã An Phú", unit=commune)
    health_centre = PartnerAgency.objects.create(name="Trạm Y tế Bình Minh", unit=sibling)
    _task(police, at(2024, 7, 10), date(2024, 8, 10), TaskStatus.DONE, at(2024, 8, 1))
    _task(police, at(2024, 7, 20), date(2024, 8, 31), TaskStatus.DONE, at(2024, 9, 5))
    _task(health_centre, at(2024, 8, 20), date(2024, 9, 15), TaskStatus.OPEN, at(2024, 8, 20))
    _task(
        health_centre, at(2024, 9, 10), date(2024, 10, 15), TaskStatus.IN_PROGRESS, at(2024, 9, 10)
    )
    _task(police, at(2024, 5, 10), date(2024, 5, 20), TaskStatus.DONE, at(2024, 5, 15))
    return World(province, commune, sibling, elsewhere, head, secretariat, verifier, other_head)


# The province's figures for 2024-Q3 (``report stats --period 2024-Q3 --unit <province>``).
KNOWN_Q3: dict[str, int] = {
    "documents": 5,
    "sources": 2,
    "stories": 2,
    "alerts": 1,
    "claims": 2,
    "claims_matched": 1,
    "cases_opened": 3,
    "cases_published": 1,
    "cases_closed": 1,
    "tips": 3,
    "tasks": 4,
    "tasks_done": 2,
    "tasks_overdue": 1,
    "trainings": 0,
    "trainees": 0,
    "outreach": 0,
}
