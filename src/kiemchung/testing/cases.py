"""Test cases at any point of the workflow, built through the services like real ones."""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Sequence
from struct import pack

from django.contrib.auth.models import User
from django.utils import timezone

from kiemchung.cases import services
from kiemchung.cases.models import Case, CaseState
from kiemchung.claims.models import Claim, Verdict
from kiemchung.org.models import OrgUnit
from kiemchung.stories.models import Story


def make_story(
    title: str = "Tin đồn đập thủy điện Sông Lam sắp vỡ",
    claims: Sequence[tuple[str, float]] = (
        ("Đập thủy điện Sông Lam sắp vỡ trong đêm nay.", 0.9),
        ("Chính quyền đã ra lệnh sơ tán toàn bộ vùng hạ du.", 0.7),
    ),
) -> Story:
    now = timezone.now()
    story = Story.objects.create(title=title, first_seen=now, last_seen=now, doc_count=1)
    for text, score in claims:
        key = hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()
        Claim.objects.create(story=story, text=text, key=key, checkworthiness=score)
    return story


def make_case(
    unit: OrgUnit,
    by: User,
    title: str = "Tin đồn vỡ đập",
    claim_text: str = "Đập thủy điện Sông Lam sắp vỡ.",
    *,
    story: Story | None = None,
    claim: Claim | None = None,
) -> Case:
    """A new case opened by ``by`` (who must be allowed to open cases in ``unit``)."""
    return services.open_case(
        by, unit, title=title, claim_text=claim_text, story=story, claim=claim
    )


def make_verified_case(unit: OrgUnit, author: User, verdict: str = Verdict.FALSE) -> Case:
    """A case in verifying, with a verdict by ``author`` and one piece of evidence."""
    case = make_case(unit, author)
    services.set_verdict(
        author, case, verdict, "Ban quản lý đập xác nhận mực nước an toàn.", "Tin đồn sai."
    )
    services.add_evidence_link(author, case, "https://baohoalam.example/dap-an-toan")
    return case


def make_case_in_review(unit: OrgUnit, author: User, verdict: str = Verdict.FALSE) -> Case:
    case = make_verified_case(unit, author, verdict)
    return services.change_state(author, case, CaseState.IN_REVIEW)


def png_bytes(width: int = 1, height: int = 1) -> bytes:
    """A small valid PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return pack(">I", len(data)) + kind + data + pack(">I", zlib.crc32(kind + data))

    header = pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
