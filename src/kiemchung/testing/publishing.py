"""Test helpers for the public side: people, a unit and an approved case, by the ORM."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User

from kiemchung.cases.models import Case, Evidence, EvidenceKind
from kiemchung.claims.models import Verdict
from kiemchung.org.models import OrgUnit

CLAIM = "Từ ngày 1/10 người dân phải tiêm vắc xin mũi 4 mới được đi chợ"


def person(username: str, first: str = "", last: str = "") -> User:
    user, _ = User.objects.get_or_create(
        username=username, defaults={"first_name": first, "last_name": last}
    )
    return user


def approved_case(**fields: Any) -> Case:
    """A case with a verdict by one person, approved by another, and one evidence link."""
    author = person("tacgia", "Lan", "Nguyễn Thị")
    reviewer = person("duyet", "Minh", "Trần Văn")
    unit, _ = OrgUnit.objects.get_or_create(name="Tỉnh Hòa Lâm", level="Tỉnh")
    values: dict[str, Any] = {
        "unit": unit,
        "title": "Tin đồn tiêm vắc xin mũi 4",
        "claim_text": CLAIM,
        "created_by": author,
        "verdict": Verdict.FALSE,
        "verdict_by": author,
        "reviewed_by": reviewer,
        "summary": "Không có quy định nào như vậy. Sở Y tế đã bác bỏ thông tin này.",
        "rationale": "Sở Y tế tỉnh xác nhận không ban hành văn bản nào về việc này.",
    }
    values.update(fields)
    case = Case.objects.create(**values)
    add_link(case, "https://soyte.hoalam.example/thong-bao/123", "Thông báo của Sở Y tế")
    return case


def add_link(case: Case, url: str, title: str = "") -> Evidence:
    return Evidence.objects.create(
        case=case, kind=EvidenceKind.LINK, url=url, title=title, added_by=case.created_by
    )
