"""The API's typed shapes: they are the OpenAPI document's schemas."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ninja import Field, Schema


class ListParams(Schema):
    """Newest first; ``before`` is the ``next_before`` of the previous page."""

    limit: int = Field(50, ge=1, le=200, description="Items per page (1–200).")
    before: int | None = Field(None, ge=1, description="Only items with a smaller id.")
    since: datetime | None = Field(None, description="Only items at or after this time.")
    until: datetime | None = Field(None, description="Only items before this time.")


class PageInfo(Schema):
    next_before: int | None = Field(None, description="Pass as `before` for the next page.")


class StoryOut(Schema):
    id: int
    title: str
    first_seen: datetime
    last_seen: datetime
    undated: bool = Field(
        description="No document has a publication date: first and last seen are import times."
    )
    doc_count: int
    theme: str
    triage_score: float | None
    already_checked_id: int | None


class StoryPage(PageInfo):
    items: list[StoryOut]


class DocumentOut(Schema):
    id: int
    url: str
    title: str
    source: str
    platform: str
    published_at: datetime


class AlertOut(Schema):
    id: int
    story_id: int
    story_title: str
    kind: str
    status: str
    window_start: datetime
    window_end: datetime
    count: int
    ratio: float
    created_at: datetime


class AlertPage(PageInfo):
    items: list[AlertOut]


class StoryDetail(StoryOut):
    documents: list[DocumentOut]
    alerts: list[AlertOut]


class CaseOut(Schema):
    id: int
    unit_id: int
    unit: str
    title: str
    claim_text: str
    state: str
    verdict: str
    summary: str
    story_id: int | None
    claim_id: int | None
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None


class CasePage(PageInfo):
    items: list[CaseOut]


class EvidenceOut(Schema):
    id: int
    kind: str
    title: str
    url: str


class CaseDetail(CaseOut):
    rationale: str
    evidence: list[EvidenceOut]


class FactCheckPage(PageInfo):
    items: list[dict[str, Any]] = Field(description="schema.org ClaimReview objects.")


class PublicFactChecks(Schema):
    query: str
    items: list[dict[str, Any]] = Field(description="schema.org ClaimReview objects.")


class DocumentBatch(Schema):
    source: str = Field(
        "", max_length=200, description="Source name (default: `api:` and your user name)."
    )
    records: list[Any] = Field(
        min_length=1,
        description=(
            "Records of the social-media export schema (the JSON-lines format of "
            "`kiemchung ingest`): text (required), url, title, posted_at, platform, "
            "account, account_kind, likes, comments, shares."
        ),
        examples=[[{"text": "Nội dung bài đăng", "url": "https://example.vn/p/1"}]],
    )


class RejectionOut(Schema):
    line: int = Field(description="The record's position in the batch, from 1.")
    reason: str


class IngestOut(Schema):
    received: int
    added: int
    duplicates: int
    rejected: int
    new_stories: int
    rejections: list[RejectionOut]


class MatchIn(Schema):
    text: str = Field(min_length=1, max_length=5000)
    top: int = Field(5, ge=1, le=50)
    claims: bool = Field(False, description="Include earlier claims (desk roles only).")


class MatchResultOut(Schema):
    kind: str
    id: int
    url: str
    claim: str
    verdict: str | None
    score: float
    decision: str
    reasons: list[str]
    rating: str = Field("", description="An imported fact-check's own rating, as written.")
    findings: list[str] = Field(
        default_factory=list,
        description='Each reason with what it found ("number:300→3000", "entity:y tế→giáo dục").',
    )
    explanations: list[str] = Field(
        default_factory=list,
        description="The findings in words, in the request's language.",
    )


class MatchIndexOut(Schema):
    fact_checks: int
    embedded: int
    missing: int = Field(description="Fact-checks without a stored embedding (words only).")
    embedder: str


class MatchOut(Schema):
    query: str
    results: list[MatchResultOut]
    index: MatchIndexOut


class TipIn(Schema):
    text: str = Field("", max_length=5000)
    url: str = Field("", max_length=2000)
    contact: str = Field("", max_length=200, description="Optional; purged on schedule.")


class TipFactCheck(Schema):
    title: str
    verdict: str
    url: str


class TipOut(Schema):
    id: int
    status: str
    factcheck: TipFactCheck | None


class ReportStatsParams(Schema):
    period: str = Field(
        max_length=30,
        description="2024-Q3, 2024-H1, 2024-9M (January to September), 2024, or "
        "2024-01-01..2024-09-30.",
    )
    unit: int | None = Field(
        None, ge=1, description="Organisation unit id (default: your top unit with reports)."
    )


class PeriodOut(Schema):
    start: date
    end: date  # inclusive
    label: str
    code: str


class UnitRef(Schema):
    id: int
    name: str


class ReportStatsOut(Schema):
    """The object `kiemchung report stats --json` prints, figures of the unit and below."""

    period: PeriodOut
    unit: UnitRef | None
    documents: int = Field(description="Documents posted in the period (installation-wide).")
    sources: int
    stories: int
    alerts: int
    claims: int
    claims_matched: int
    claims_already_checked: int
    cases_opened: int
    cases_published: int
    cases_closed: int
    cases_still_open: int
    tips: int
    tips_matched_at_once: int
    tips_turned_into_cases: int
    tasks: int
    tasks_done: int
    tasks_done_on_time: int
    tasks_overdue: int
    trainings: int = Field(description="Training sessions held in the period.")
    trainees: int = Field(
        description="Trainees: members marked present plus outside people counted."
    )
    outreach: int = Field(description="Entries of the outreach log in the period.")
    outreach_reach: int = Field(description="People reached, where an entry estimates it.")
    members: int
    empty: bool = Field(description="True when every figure is zero.")
    detail: dict[str, Any] = Field(
        description="Every table: monitoring by platform and source, cases by verdict and "
        "reason, tasks by agency, members by role, sub-units, comparisons."
    )
    previous_period: PeriodOut | None
    last_year_period: PeriodOut | None
