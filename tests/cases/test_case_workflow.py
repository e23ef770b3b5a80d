"""The case services: the workflow table, its conditions, four eyes, and what publishing does."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.utils import translation

from kiemchung.cases import services
from kiemchung.cases.models import AuditEvent, Case, CaseState, Comment
from kiemchung.cases.services import CaseAlreadyOpen, ServiceError
from kiemchung.cases.workflow import TRANSITIONS, TransitionError
from kiemchung.claims.models import Claim, FactCheck, Verdict
from kiemchung.org.models import Role
from kiemchung.publishing.models import Tip, TipStatus
from kiemchung.testing.cases import (
    make_case,
    make_case_in_review,
    make_story,
    make_verified_case,
)
from kiemchung.testing.org import UnitTree, make_team, make_unit_tree, make_user

pytestmark = pytest.mark.django_db
S = CaseState


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    with translation.override("en"):
        yield


@pytest.fixture
def tree() -> UnitTree:
    return make_unit_tree()


@pytest.fixture
def team(tree: UnitTree) -> dict[str, User]:
    return make_team(tree.commune)


@pytest.fixture
def head(team: dict[str, User]) -> User:
    return team[Role.HEAD]


def case_in_state(tree: UnitTree, team: dict[str, User], state: str) -> Case:
    """A case that reached ``state`` through the services (author: the member)."""
    author, reviewer = team[Role.MEMBER], team[Role.REVIEWER]
    if state == S.NEW:
        return make_case(tree.commune, author)
    if state == S.VERIFYING:
        return make_verified_case(tree.commune, author)
    case = make_case_in_review(tree.commune, author)
    if state == S.IN_REVIEW:
        return case
    if state == S.DUPLICATE:
        other = make_case(tree.commune, author, "Một hồ sơ khác")
        return services.change_state(reviewer, case, state, duplicate_of=other)
    return services.change_state(reviewer, case, state, factcheck=existing_factcheck())


def existing_factcheck() -> FactCheck:
    """An imported fact-check, for closing a case as already checked."""
    found, _created = FactCheck.objects.get_or_create(
        url="https://factcheck.example/dap-song-lam",
        claim_reviewed="Đập thủy điện Sông Lam sắp vỡ",
        defaults={"verdict": Verdict.FALSE, "publisher": "Báo Hòa Lâm"},
    )
    return found


@pytest.mark.parametrize(("source", "target"), [(t.source, t.target) for t in TRANSITIONS], ids=str)
def test_every_allowed_transition_works_for_a_head(
    tree: UnitTree, team: dict[str, User], source: str, target: str
) -> None:
    case = case_in_state(tree, team, source)
    duplicate_of = make_case(tree.commune, team[Role.HEAD], "Hồ sơ gốc")
    done = services.change_state(
        team[Role.HEAD], case, target, duplicate_of=duplicate_of, factcheck=existing_factcheck()
    )
    assert done.state == target
    event = AuditEvent.objects.filter(case=case, action="case.state").last()
    assert event is not None
    assert event.changes["state"] == [source, target]
    assert event.actor == team[Role.HEAD]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (S.NEW, S.IN_REVIEW),
        (S.NEW, S.PUBLISHED),
        (S.VERIFYING, S.PUBLISHED),
        (S.VERIFYING, S.NEW),
        (S.PUBLISHED, S.VERIFYING),
        (S.PUBLISHED, S.OUT_OF_SCOPE),
        (S.OUT_OF_SCOPE, S.PUBLISHED),
    ],
)
def test_a_disallowed_transition_raises_and_writes_nothing(
    tree: UnitTree, team: dict[str, User], source: str, target: str
) -> None:
    case = case_in_state(tree, team, source)
    events = AuditEvent.objects.count()
    with pytest.raises(TransitionError):
        services.change_state(team[Role.HEAD], case, target)
    case.refresh_from_db()
    assert case.state == source
    assert AuditEvent.objects.count() == events


def test_a_transition_needs_the_right_of_its_workflow_step(
    tree: UnitTree, team: dict[str, User]
) -> None:
    case = case_in_state(tree, team, S.IN_REVIEW)
    with pytest.raises(PermissionDenied):
        services.change_state(team[Role.VERIFIER], case, S.PUBLISHED)
    with pytest.raises(PermissionDenied):
        services.change_state(team[Role.MEMBER], case, S.OUT_OF_SCOPE)
    case.refresh_from_db()
    assert case.state == S.IN_REVIEW


def test_sending_for_review_needs_a_verdict_a_rationale_and_evidence(
    tree: UnitTree, head: User
) -> None:
    case = make_case(tree.commune, head)
    services.change_state(head, case, S.VERIFYING)
    with pytest.raises(TransitionError, match="verdict"):
        services.change_state(head, case, S.IN_REVIEW)
    services.set_verdict(head, case, Verdict.FALSE, "Lý do rõ ràng.", "")
    with pytest.raises(TransitionError, match="evidence"):
        services.change_state(head, case, S.IN_REVIEW)
    services.add_evidence_note(head, case, "Đã gọi điện cho ban quản lý đập.")
    with pytest.raises(TransitionError, match="public link"):
        services.change_state(head, case, S.IN_REVIEW)
    services.add_evidence_link(head, case, "https://thuydien.example/thong-cao", "Thông cáo")
    assert services.change_state(head, case, S.IN_REVIEW).state == S.IN_REVIEW


def test_an_unverifiable_verdict_may_rest_on_notes_alone(tree: UnitTree, head: User) -> None:
    case = make_case(tree.commune, head)
    services.set_verdict(head, case, Verdict.UNVERIFIABLE, "Không có nguồn nào xác nhận.", "")
    services.add_evidence_note(head, case, "Đã hỏi ba cơ quan, chưa ai trả lời.")
    assert services.change_state(head, case, S.IN_REVIEW).state == S.IN_REVIEW


def test_the_author_of_the_verdict_cannot_approve_it(tree: UnitTree, team: dict[str, User]) -> None:
    reviewer = team[Role.REVIEWER]
    case = make_case_in_review(tree.commune, reviewer)
    with pytest.raises(TransitionError, match="Four eyes"):
        services.change_state(reviewer, case, S.PUBLISHED)
    case.refresh_from_db()
    assert case.state == S.IN_REVIEW
    assert case.factcheck is None


def test_a_reviewer_who_wrote_an_earlier_verdict_cannot_approve_either(
    tree: UnitTree, team: dict[str, User]
) -> None:
    reviewer, member = team[Role.REVIEWER], team[Role.MEMBER]
    case = make_verified_case(tree.commune, reviewer)
    services.set_verdict(member, case, Verdict.MISLEADING, "Sửa lại kết luận.", "")
    services.change_state(member, case, S.IN_REVIEW)
    with pytest.raises(TransitionError):
        services.change_state(reviewer, case, S.PUBLISHED)


def test_another_reviewer_approves_and_the_fact_check_is_published_and_linked(
    tree: UnitTree, team: dict[str, User]
) -> None:
    story = make_story()
    claim = story.claims.order_by("-checkworthiness").first()
    author, reviewer = team[Role.MEMBER], team[Role.REVIEWER]
    case = services.open_from_story(author, story, tree.commune)
    services.set_verdict(author, case, Verdict.FALSE, "Mực nước an toàn.", "Tin sai sự thật.")
    services.add_evidence_link(author, case, "https://baohoalam.example/dap")
    services.change_state(author, case, S.IN_REVIEW)
    case = services.change_state(reviewer, case, S.PUBLISHED)
    assert case.state == S.PUBLISHED
    assert case.reviewed_by == reviewer
    assert case.verdict_by == author
    assert case.published_at is not None
    factcheck = case.factcheck
    assert isinstance(factcheck, FactCheck)
    assert factcheck.is_local
    assert factcheck.verdict == Verdict.FALSE
    story.refresh_from_db()
    assert story.already_checked == factcheck
    assert claim is not None
    claim.refresh_from_db()
    assert claim.is_factual is True
    actions = set(AuditEvent.objects.filter(case=case).values_list("action", flat=True))
    assert {"case.factcheck", "claim.is_factual", "story.already_checked"} <= actions


def test_publishing_an_out_of_scope_verdict_marks_the_claim_not_factual(
    tree: UnitTree, team: dict[str, User]
) -> None:
    story = make_story()
    author = team[Role.MEMBER]
    case = services.open_from_story(author, story, tree.commune)
    services.set_verdict(author, case, Verdict.OUT_OF_SCOPE, "Đây là ý kiến.", "")
    services.add_evidence_note(author, case, "Bài viết là ý kiến cá nhân.")
    services.change_state(author, case, S.IN_REVIEW)
    services.change_state(team[Role.HEAD], case, S.PUBLISHED)
    assert case.claim is not None
    case.claim.refresh_from_db()
    assert case.claim.is_factual is False


def test_closing_out_of_scope_marks_the_claim_not_factual(
    tree: UnitTree, team: dict[str, User]
) -> None:
    story = make_story()
    case = services.open_from_story(team[Role.MEMBER], story, tree.commune)
    services.change_state(team[Role.VERIFIER], case, S.OUT_OF_SCOPE)
    claim = Claim.objects.get(pk=case.claim_id)
    assert claim.is_factual is False


def test_a_duplicate_needs_the_case_it_duplicates(tree: UnitTree, head: User) -> None:
    case = make_case(tree.commune, head)
    with pytest.raises(TransitionError):
        services.change_state(head, case, S.DUPLICATE)
    with pytest.raises(TransitionError):
        services.change_state(head, case, S.DUPLICATE, duplicate_of=case)
    original = make_case(tree.commune, head, "Hồ sơ gốc", "Một khẳng định khác.")
    case = services.change_state(head, case, S.DUPLICATE, duplicate_of=original)
    assert case.duplicate_of == original


def test_reopening_a_duplicate_forgets_what_it_duplicated(tree: UnitTree, head: User) -> None:
    original = make_case(tree.commune, head, "Hồ sơ gốc")
    case = make_case(tree.commune, head)
    services.change_state(head, case, S.DUPLICATE, duplicate_of=original)
    case = services.change_state(head, case, S.VERIFYING, note="Không phải trùng.")
    assert case.duplicate_of is None
    event = AuditEvent.objects.filter(case=case, action="case.state").last()
    assert event is not None
    assert event.changes["duplicate_of"] == [original.pk, None]
    assert event.changes["note"] == [None, "Không phải trùng."]


def test_a_case_from_a_story_takes_its_most_check_worthy_claim(tree: UnitTree, head: User) -> None:
    story = make_story(claims=[("Khẳng định yếu.", 0.2), ("Khẳng định mạnh nhất.", 0.95)])
    case = services.open_from_story(head, story, tree.commune)
    assert case.claim_text == "Khẳng định mạnh nhất."
    assert case.story == story
    assert case.claim is not None
    assert case.claim.text == "Khẳng định mạnh nhất."
    assert case.title == story.title
    assert case.created_by == head


def test_a_case_from_a_claim_links_the_claim_and_its_story(tree: UnitTree, head: User) -> None:
    story = make_story()
    claim = story.claims.order_by("checkworthiness").first()
    assert claim is not None
    case = services.open_from_claim(head, claim, tree.commune)
    assert (case.claim, case.story, case.claim_text) == (claim, story, claim.text)


def test_a_case_from_a_tip_marks_the_tip(tree: UnitTree, head: User) -> None:
    tip = Tip.objects.create(text="Có tin nhắn giả mạo ngân hàng.", url="https://lua.example/x")
    case = services.open_from_tip(head, tip, tree.commune)
    tip.refresh_from_db()
    assert tip.status == TipStatus.CASE_OPENED
    assert case.tip == tip
    assert case.claim_text == tip.text
    event = AuditEvent.objects.get(action="tip.status")
    assert event.changes == {"status": [TipStatus.NEW, TipStatus.CASE_OPENED]}


def test_opening_a_second_case_for_the_same_claim_points_to_the_first(
    tree: UnitTree, team: dict[str, User]
) -> None:
    story = make_story()
    first = services.open_from_story(team[Role.MEMBER], story, tree.commune)
    assert first.claim is not None
    with pytest.raises(CaseAlreadyOpen) as raised:
        services.open_from_claim(team[Role.HEAD], first.claim, tree.commune)
    assert raised.value.case == first
    assert Case.objects.count() == 1


def test_a_closed_case_does_not_block_a_new_one(tree: UnitTree, head: User) -> None:
    story = make_story()
    first = services.open_from_story(head, story, tree.commune)
    services.change_state(head, first, S.UNVERIFIABLE)
    second = services.open_from_story(head, story, tree.commune)
    assert second.pk != first.pk


def test_a_neighbouring_unit_may_open_its_own_case_on_the_same_story(tree: UnitTree) -> None:
    story = make_story()
    here = make_user(Role.MEMBER, tree.commune)
    there = make_user(Role.MEMBER, tree.sibling)
    first = services.open_from_story(here, story, tree.commune)
    second = services.open_from_story(there, story, tree.sibling)
    assert first.pk != second.pk
    province_head = make_user(Role.HEAD, tree.province)
    with pytest.raises(CaseAlreadyOpen):
        services.open_from_story(province_head, story, tree.province)


def test_opening_needs_the_right_to_open_cases_in_that_unit(tree: UnitTree) -> None:
    readonly = make_user(Role.READONLY, tree.commune)
    neighbour = make_user(Role.HEAD, tree.sibling)
    for user in (readonly, neighbour):
        with pytest.raises(PermissionDenied):
            make_case(tree.commune, user)
    assert not Case.objects.exists()


def test_a_case_needs_a_claim_text(tree: UnitTree, head: User) -> None:
    with pytest.raises(ServiceError):
        services.open_case(head, tree.commune, title="", claim_text="   ")


def test_the_secretariat_assigns_and_a_member_takes_a_free_case(
    tree: UnitTree, team: dict[str, User]
) -> None:
    secretariat, member, verifier = team[Role.SECRETARIAT], team[Role.MEMBER], team[Role.VERIFIER]
    case = make_case(tree.commune, secretariat)
    services.assign(secretariat, case, verifier)
    assert case.assignee == verifier
    with pytest.raises(PermissionDenied):
        services.assign(member, case, member)  # not free any more
    services.assign(secretariat, case, None)
    services.assign(member, case, member)
    assert case.assignee == member
    actions = list(AuditEvent.objects.filter(case=case).values_list("action", "changes"))
    assert ("case.assign", {"assignee": [None, verifier.username]}) in actions
    assert ("case.take", {"assignee": [None, member.username]}) in actions


def test_a_member_cannot_assign_someone_else(tree: UnitTree, team: dict[str, User]) -> None:
    case = make_case(tree.commune, team[Role.MEMBER])
    with pytest.raises(PermissionDenied):
        services.assign(team[Role.MEMBER], case, team[Role.VERIFIER])


def test_cases_go_only_to_people_who_work_cases_there(
    tree: UnitTree, team: dict[str, User]
) -> None:
    case = make_case(tree.commune, team[Role.HEAD])
    for person in (team[Role.READONLY], team[Role.SECRETARIAT], make_user(Role.HEAD, tree.sibling)):
        with pytest.raises(ServiceError):
            services.assign(team[Role.HEAD], case, person)
    assignable = set(services.assignable_users(case))
    assert team[Role.MEMBER] in assignable
    assert team[Role.READONLY] not in assignable


def test_writing_a_verdict_starts_verification_and_names_its_author(
    tree: UnitTree, team: dict[str, User]
) -> None:
    member = team[Role.MEMBER]
    case = make_case(tree.commune, member)
    services.set_verdict(member, case, Verdict.MISLEADING, " Thiếu bối cảnh. ", "Tóm tắt")
    assert case.state == S.VERIFYING
    assert (case.verdict, case.rationale, case.verdict_by) == (
        Verdict.MISLEADING,
        "Thiếu bối cảnh.",
        member,
    )
    event = AuditEvent.objects.get(case=case, action="case.verdict")
    assert event.changes["state"] == [S.NEW, S.VERIFYING]
    assert event.changes["verdict"] == ["", Verdict.MISLEADING]
    assert event.changes["verdict_by"] == [None, member.username]


def test_the_verdict_is_frozen_once_sent_for_review(tree: UnitTree, team: dict[str, User]) -> None:
    case = make_case_in_review(tree.commune, team[Role.MEMBER])
    with pytest.raises(ServiceError):
        services.set_verdict(team[Role.MEMBER], case, Verdict.TRUE, "Đổi ý.", "")


def test_an_unknown_verdict_is_refused(tree: UnitTree, head: User) -> None:
    case = make_case(tree.commune, head)
    with pytest.raises(ServiceError):
        services.set_verdict(head, case, "sort_of", "?", "")


def test_evidence_is_added_only_while_the_case_is_open(tree: UnitTree, head: User) -> None:
    case = make_case(tree.commune, head)
    services.change_state(head, case, S.UNVERIFIABLE)
    with pytest.raises(ServiceError):
        services.add_evidence_note(head, case, "Muộn rồi.")
    assert not case.evidence.exists()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://a.example/x", "data:,x", "/local"])
def test_evidence_links_are_http_only(tree: UnitTree, head: User, url: str) -> None:
    case = make_case(tree.commune, head)
    with pytest.raises(ServiceError):
        services.add_evidence_link(head, case, url)


def test_every_service_writes_an_audit_event_with_before_and_after(
    tree: UnitTree, team: dict[str, User]
) -> None:
    from kiemchung.sources.models import Document, Source

    author, reviewer = team[Role.MEMBER], team[Role.REVIEWER]
    source = Source.objects.create(name="Báo Hòa Lâm", kind="manual")
    document = Document.objects.create(
        source=source,
        signature=b"",
        identity="doc-1",
        content_hash="h",
        url="https://baohoalam.example/1",
        title="Đập an toàn",
        text="Ban quản lý đập khẳng định đập an toàn.",
        language="vi",
        published_at=tree.commune.created_at,
    )
    case = make_case(tree.commune, author)
    services.assign(author, case, author)
    services.set_verdict(author, case, Verdict.FALSE, "Lý do.", "Tóm tắt.")
    link = services.add_evidence_link(author, case, "https://a.example/1", "Nguồn", "Ghi chú")
    note = services.add_evidence_note(author, case, "Đã xác minh qua điện thoại.")
    cited = services.add_evidence_document(author, case, document)
    comment = services.add_comment(author, case, "Nhờ anh chị duyệt.")
    services.change_state(author, case, S.IN_REVIEW)
    services.change_state(reviewer, case, S.PUBLISHED)
    events = {(e.action, e.object_type, e.object_id): e for e in AuditEvent.objects.all()}
    assert events[("case.open", "case", str(case.pk))].changes["state"] == [None, S.NEW]
    assert events[("case.take", "case", str(case.pk))].changes["assignee"] == [
        None,
        author.username,
    ]
    assert events[("evidence.add", "evidence", str(link.pk))].changes["url"] == [
        None,
        "https://a.example/1",
    ]
    assert events[("evidence.add", "evidence", str(note.pk))].changes["kind"] == [None, "note"]
    assert events[("evidence.add", "evidence", str(cited.pk))].changes["document"] == [
        None,
        document.pk,
    ]
    assert events[("comment.add", "comment", str(comment.pk))].changes["text"] == [
        None,
        "Nhờ anh chị duyệt.",
    ]
    published = events[("case.state", "case", str(case.pk))]
    assert published.actor_name == reviewer.username
    assert all(
        isinstance(pair, list) and len(pair) == 2
        for event in events.values()
        for pair in event.changes.values()
    )
    assert Comment.objects.get().author == author


def test_a_failed_change_leaves_no_audit_event(tree: UnitTree, team: dict[str, User]) -> None:
    reviewer = team[Role.REVIEWER]
    case = make_case_in_review(tree.commune, reviewer)
    before = AuditEvent.objects.count()
    with pytest.raises(TransitionError):
        services.change_state(reviewer, case, S.PUBLISHED)
    with pytest.raises(PermissionDenied):
        services.add_comment(make_user(Role.LIAISON, tree.commune), case, "Xin chào")
    assert AuditEvent.objects.count() == before
