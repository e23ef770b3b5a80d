"""The case desk pages: the list and its filters, the case page, opening, citing, escaping."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from kiemchung.cases import services
from kiemchung.cases.forms import LinkEvidenceForm
from kiemchung.cases.models import Case, CaseState, Evidence
from kiemchung.claims.models import Verdict
from kiemchung.org.models import Role
from kiemchung.publishing.models import Tip, TipStatus
from kiemchung.sources.models import Document
from kiemchung.sources.services import ingest_path
from kiemchung.testing.cases import make_case, make_story
from kiemchung.testing.factories import STORIES, write_jsonl
from kiemchung.testing.org import UnitTree, make_unit_tree, make_user

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.fixture
def tree() -> UnitTree:
    return make_unit_tree()


@pytest.fixture
def member(tree: UnitTree) -> User:
    return make_user(Role.MEMBER, tree.commune, "thanh-vien")


@pytest.fixture
def member_client(client: Client, member: User) -> Client:
    client.force_login(member)
    client.cookies["django_language"] = "en"
    return client


def page_of(client: Client, case: Case) -> str:
    response = client.get(f"/cases/{case.pk}/")
    assert response.status_code == 200
    return response.content.decode()


# --- escaping -----------------------------------------------------------------------


def test_user_text_is_escaped_everywhere_on_the_case_page(
    member_client: Client, member: User, tree: UnitTree
) -> None:
    case = make_case(tree.commune, member, f"Tiêu đề {SCRIPT}", f"Khẳng định {SCRIPT}")
    member_client.post(
        f"/cases/{case.pk}/evidence/link/",
        {"url": "https://a.example/bai", "title": f"Nguồn {SCRIPT}", "note": f"Ghi {SCRIPT}"},
    )
    member_client.post(f"/cases/{case.pk}/evidence/note/", {"text": f"Ghi chú {SCRIPT}"})
    member_client.post(f"/cases/{case.pk}/comment/", {"text": f"Bình luận {SCRIPT}"})
    member_client.post(
        f"/cases/{case.pk}/verdict/",
        {"verdict": Verdict.FALSE, "rationale": f"Lý do {SCRIPT}", "summary": SCRIPT},
    )
    assert case.evidence.count() == 2
    assert case.comments.count() == 1
    page = page_of(member_client, case)
    assert SCRIPT not in page
    # title (twice), claim, link title, link note, note, comment, rationale, summary, history
    assert page.count(ESCAPED) >= 9
    listing = member_client.get("/cases/").content.decode()
    assert SCRIPT not in listing
    assert ESCAPED in listing


def test_a_tip_s_text_is_escaped(member_client: Client, tree: UnitTree) -> None:
    tip = Tip.objects.create(text=f"Tin báo {SCRIPT}", url="https://x.example/a")
    head = make_user(Role.HEAD, tree.commune)
    case = services.open_from_tip(head, tip, tree.commune)
    page = page_of(member_client, case)
    assert SCRIPT not in page
    assert ESCAPED in page


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<b>x</b>", "ftp://a.b/c"]
)
def test_the_link_form_accepts_only_http_and_https(url: str) -> None:
    assert not LinkEvidenceForm({"url": url}).is_valid()


def test_the_link_form_accepts_a_web_address() -> None:
    assert LinkEvidenceForm({"url": "https://baohoalam.example/a?b=1"}).is_valid()


def test_a_javascript_link_is_refused_with_a_message(
    member_client: Client, member: User, tree: UnitTree
) -> None:
    case = make_case(tree.commune, member)
    response = member_client.post(
        f"/cases/{case.pk}/evidence/link/", {"url": "javascript:alert(1)"}, follow=True
    )
    assert not Evidence.objects.exists()
    page = response.content.decode()
    assert 'class="message error"' in page
    assert 'href="javascript:' not in page


# --- the list -----------------------------------------------------------------------


def test_the_list_filters_by_state_assignee_and_unit(
    member_client: Client, member: User, tree: UnitTree
) -> None:
    head = make_user(Role.HEAD, tree.province)
    mine = make_case(tree.commune, member, "Của tôi", "Khẳng định một.")
    services.assign(member, mine, member)
    free = make_case(tree.commune, member, "Chưa ai nhận", "Khẳng định hai.")
    closed = make_case(tree.commune, head, "Đã đóng", "Khẳng định ba.")
    services.change_state(head, closed, CaseState.UNVERIFIABLE)
    province = make_case(tree.province, head, "Của tỉnh", "Khẳng định bốn.")

    def shown(client: Client, query: str) -> set[int]:
        page = client.get(f"/cases/{query}").content.decode()
        return {c.pk for c in (mine, free, closed, province) if f'id="case-{c.pk}"' in page}

    assert shown(member_client, "") == {mine.pk, free.pk}
    assert shown(member_client, "?state=all") == {mine.pk, free.pk, closed.pk}
    assert shown(member_client, "?state=unverifiable") == {closed.pk}
    assert shown(member_client, "?assignee=mine") == {mine.pk}
    assert shown(member_client, "?assignee=none") == {free.pk}
    head_client = Client()
    head_client.force_login(head)
    assert shown(head_client, "?state=all") == {mine.pk, free.pk, closed.pk, province.pk}
    assert shown(head_client, f"?state=all&unit={tree.province.pk}") == {province.pk}
    assert shown(head_client, f"?state=all&unit={tree.sibling.pk}") == set()


def test_the_list_is_paginated_and_keeps_its_filters(
    member_client: Client, member: User, tree: UnitTree
) -> None:
    for number in range(30):
        make_case(tree.commune, member, f"Hồ sơ {number}", f"Khẳng định số {number}.")
    first = member_client.get("/cases/?assignee=none").content.decode()
    assert first.count('<tr id="case-') == 25
    assert "assignee=none&amp;page=2" in first
    second = member_client.get("/cases/?assignee=none&page=2").content.decode()
    assert second.count('<tr id="case-') == 5


def test_the_list_takes_few_queries(
    member_client: Client, member: User, tree: UnitTree, django_assert_max_num_queries: object
) -> None:
    for number in range(10):
        case = make_case(tree.commune, member, f"Hồ sơ {number}", f"Khẳng định {number}.")
        services.assign(member, case, member)
    with django_assert_max_num_queries(8):  # type: ignore[operator]
        assert member_client.get("/cases/").status_code == 200


# --- opening ------------------------------------------------------------------------


def test_the_story_page_offers_to_open_a_case_to_those_who_may(
    client: Client, member: User, tree: UnitTree
) -> None:
    story = make_story()
    claim = story.claims.first()
    assert claim is not None
    client.force_login(member)
    page = client.get(f"/stories/{story.pk}/").content.decode()
    assert 'id="open-case-story"' in page
    assert f'id="open-case-claim-{claim.pk}"' in page
    assert 'action="/cases/open/"' in page
    client.force_login(make_user(Role.READONLY, tree.commune))
    page = client.get(f"/stories/{story.pk}/").content.decode()
    assert "open-case" not in page


def test_opening_from_the_story_page_leads_to_the_new_case(
    member_client: Client, member: User, tree: UnitTree
) -> None:
    story = make_story()
    response = member_client.post("/cases/open/", {"story_id": story.pk}, follow=True)
    case = Case.objects.get()
    assert response.redirect_chain[-1][0] == f"/cases/{case.pk}/"
    assert (case.unit, case.story, case.created_by) == (tree.commune, story, member)
    assert "Case opened." in response.content.decode()
    assert f'href="/stories/{story.pk}/"' in response.content.decode()
    story_page = member_client.get(f"/stories/{story.pk}/").content.decode()
    assert f'href="/cases/{case.pk}/"' in story_page


def test_opening_twice_leads_to_the_case_already_open(
    member_client: Client, member: User, tree: UnitTree
) -> None:
    story = make_story()
    claim = story.claims.order_by("-checkworthiness").first()
    assert claim is not None
    member_client.post("/cases/open/", {"story_id": story.pk})
    response = member_client.post("/cases/open/", {"claim_id": claim.pk}, follow=True)
    case = Case.objects.get()
    assert response.redirect_chain[-1][0] == f"/cases/{case.pk}/"
    assert "An open case already covers this" in response.content.decode()


def test_opening_from_a_tip_marks_the_tip(member_client: Client, tree: UnitTree) -> None:
    tip = Tip.objects.create(text="Tin nhắn lạ xưng là công an xã.")
    member_client.post("/cases/open/", {"tip_id": tip.pk})
    tip.refresh_from_db()
    assert tip.status == TipStatus.CASE_OPENED
    assert Case.objects.get().tip == tip


def test_a_user_of_several_units_chooses_where_to_open(client: Client, tree: UnitTree) -> None:
    user = make_user(Role.MEMBER, tree.commune)
    make_user(Role.MEMBER, tree.sibling, "other")  # keeps the serial apart
    from kiemchung.org.models import Membership

    Membership.objects.create(user=user, unit=tree.sibling, role=Role.MEMBER)
    client.force_login(user)
    page = client.get(f"/stories/{make_story('Một câu chuyện').pk}/").content.decode()
    assert 'for="open-case-unit"' in page
    assert f'<option value="{tree.sibling.pk}">' in page
    client.post("/cases/open/", {"story_id": make_story().pk, "unit": tree.sibling.pk})
    assert Case.objects.get().unit == tree.sibling
    response = client.post("/cases/open/", {"story_id": make_story().pk, "unit": tree.province.pk})
    assert response.status_code == 403


def test_opening_needs_one_source(member_client: Client) -> None:
    response = member_client.post("/cases/open/", {}, follow=True)
    assert "Open a case from one story, claim or tip." in response.content.decode()
    assert not Case.objects.exists()


def test_opening_from_a_missing_story_is_a_404(member_client: Client) -> None:
    assert member_client.post("/cases/open/", {"story_id": 999}).status_code == 404


# --- working a case -----------------------------------------------------------------


def test_a_member_takes_a_case_from_the_queue(
    member_client: Client, member: User, tree: UnitTree
) -> None:
    case = make_case(tree.commune, make_user(Role.SECRETARIAT, tree.commune))
    assert 'id="take"' in page_of(member_client, case)
    member_client.post(f"/cases/{case.pk}/take/")
    case.refresh_from_db()
    assert case.assignee == member
    assert 'id="take"' not in page_of(member_client, case)


def test_the_secretariat_assigns_from_the_page(client: Client, tree: UnitTree) -> None:
    secretariat = make_user(Role.SECRETARIAT, tree.commune)
    verifier = make_user(Role.VERIFIER, tree.commune)
    case = make_case(tree.commune, secretariat)
    client.force_login(secretariat)
    page = page_of(client, case)
    assert 'for="assign-assignee"' in page
    assert f'<option value="{verifier.pk}">' in page
    client.post(f"/cases/{case.pk}/assign/", {"assignee": verifier.pk})
    case.refresh_from_db()
    assert case.assignee == verifier


def test_documents_found_by_search_can_be_cited(
    member_client: Client, member: User, tree: UnitTree, tmp_path: Path
) -> None:
    rows = [{"text": STORIES["dam_rumour"], "title": "Đập an toàn", "url": "https://a.example/1"}]
    ingest_path(write_jsonl(tmp_path / "s.jsonl", rows))
    document = Document.objects.get()
    case = make_case(tree.commune, member)
    page = member_client.get(f"/cases/{case.pk}/?q=thủy điện Sông Lam").content.decode()
    assert 'for="document-search"' in page
    assert f'name="document" value="{document.pk}"' in page
    member_client.post(f"/cases/{case.pk}/evidence/document/", {"document": document.pk})
    evidence = Evidence.objects.get()
    assert (evidence.kind, evidence.document, evidence.url) == (
        "document",
        document,
        "https://a.example/1",
    )
    page = member_client.get(f"/cases/{case.pk}/?q=thủy điện Sông Lam").content.decode()
    assert f'name="document" value="{document.pk}"' not in page  # already cited


def test_a_duplicate_is_closed_against_a_case_number(
    client: Client, tree: UnitTree, member: User
) -> None:
    verifier = make_user(Role.VERIFIER, tree.commune)
    original = make_case(tree.commune, member, "Gốc", "Khẳng định gốc.")
    case = make_case(tree.commune, member)
    client.force_login(verifier)
    assert 'for="state-duplicate"' in page_of(client, case)
    client.post(f"/cases/{case.pk}/state/", {"target": "duplicate", "duplicate_of": 99999})
    case.refresh_from_db()
    assert case.state == CaseState.NEW
    client.post(f"/cases/{case.pk}/state/", {"target": "duplicate", "duplicate_of": original.pk})
    case.refresh_from_db()
    assert (case.state, case.duplicate_of) == (CaseState.DUPLICATE, original)


def test_the_history_shows_who_changed_what_from_what_to_what(
    member_client: Client, member: User, tree: UnitTree
) -> None:
    case = make_case(tree.commune, member)
    services.set_verdict(member, case, Verdict.FALSE, "Lý do.", "")
    page = page_of(member_client, case)
    history = page.split('id="history"', 1)[1]
    assert "wrote the verdict" in history
    assert "thanh-vien" in history
    assert "<del>New</del> → <ins>Verifying</ins>" in history
    assert "<ins>False</ins>" in history
    assert "<del>—</del>" not in history  # a first value is shown alone, not "— → value"


def test_the_history_writes_dates_as_the_page_does_not_as_iso_strings(
    member_client: Client, member: User, tree: UnitTree
) -> None:
    from django.utils import formats, timezone

    from kiemchung.testing.cases import make_case_in_review

    case = make_case_in_review(tree.commune, member)
    services.change_state(make_user(Role.REVIEWER, tree.commune), case, CaseState.PUBLISHED)
    assert case.published_at is not None
    history = page_of(member_client, case).split('id="history"', 1)[1]
    shown = formats.date_format(timezone.localtime(case.published_at), "SHORT_DATETIME_FORMAT")
    assert f"<ins>{shown}</ins>" in history
    assert case.published_at.isoformat() not in history


def test_a_published_case_shows_its_fact_check_and_offers_no_more_forms(
    member_client: Client, member: User, tree: UnitTree
) -> None:
    from kiemchung.testing.cases import make_case_in_review

    case = make_case_in_review(tree.commune, member)
    services.change_state(make_user(Role.REVIEWER, tree.commune), case, CaseState.PUBLISHED)
    page = page_of(member_client, case)
    assert "Published fact-check:" in page
    # This site's own public page, whatever KIEMCHUNG_PUBLIC_BASE_URL says.
    assert f'href="/kiem-chung/{case.pk}/"' in page
    assert "evidence/link/" not in page
    assert "/verdict/" not in page
    assert 'name="target"' not in page


def test_the_menu_leads_to_the_desk_only_those_who_see_it(client: Client, tree: UnitTree) -> None:
    client.force_login(make_user(Role.READONLY, tree.commune))
    assert 'href="/cases/"' in client.get("/").content.decode()
    client.force_login(make_user(Role.LIAISON, tree.commune))
    assert 'href="/cases/"' not in client.get("/").content.decode()


def test_a_reader_sees_the_case_but_no_form_to_change_it(client: Client, tree: UnitTree) -> None:
    case = make_case(tree.commune, make_user(Role.MEMBER, tree.commune))
    client.force_login(make_user(Role.READONLY, tree.commune))
    page = page_of(client, case)
    main = page.split("<main>", 1)[1]
    assert 'method="post"' not in main
    assert "Tin đồn vỡ đập" in main


def test_the_story_page_shows_open_cases_only_to_those_who_see_them(
    client: Client, member: User, tree: UnitTree
) -> None:
    story = make_story()
    case = services.open_from_story(member, story, tree.commune)
    client.force_login(make_user(Role.READONLY, tree.commune))
    assert f'href="/cases/{case.pk}/"' in client.get(f"/stories/{story.pk}/").content.decode()
    client.force_login(make_user(Role.HEAD, tree.sibling))
    assert f'href="/cases/{case.pk}/"' not in client.get(f"/stories/{story.pk}/").content.decode()
