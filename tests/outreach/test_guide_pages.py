"""The guide pages: staff write and review them; readers see only published ones."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from kiemchung.claims.models import FactCheck
from kiemchung.guides.models import Guide, GuideStatus
from kiemchung.guides.services import GuideText, create_guide
from kiemchung.org.models import Role
from kiemchung.org.names import display_name
from kiemchung.publishing.models import Tip, TipContact
from kiemchung.testing.guides import TEXT
from kiemchung.testing.org import UnitTree, make_user

pytestmark = pytest.mark.django_db


def logged_in(client: Client, user: User) -> Client:
    client.force_login(user)
    return client


def test_readers_see_a_published_guide_with_its_headings_list_and_people(
    client: Client, published: Guide, writer: User, reviewer: User
) -> None:
    page = client.get(f"/cam-nang/{published.slug}/").content.decode()
    assert TEXT.title in page
    assert "<h2>Dấu hiệu nhận biết</h2>" in page
    assert "<li>Đòi mã OTP</li>" in page
    assert display_name(writer) in page and display_name(reviewer) in page  # by name
    assert "vietbai" not in page  # never a login name
    listing = client.get("/cam-nang/").content.decode()
    assert f'href="/cam-nang/{published.slug}/"' in listing


def test_a_draft_or_a_guide_in_review_is_not_public(
    client: Client, draft: Guide, writer: User
) -> None:
    assert client.get(f"/cam-nang/{draft.slug}/").status_code == 404
    draft.status = GuideStatus.IN_REVIEW
    draft.save()
    assert client.get(f"/cam-nang/{draft.slug}/").status_code == 404
    assert TEXT.title not in client.get("/cam-nang/").content.decode()


def test_the_guide_text_is_escaped_never_markup(
    client: Client, tree: UnitTree, writer: User, reviewer: User
) -> None:
    text = GuideText(
        "Thử <script>", "Tóm tắt", "<img src=x onerror=alert(1)>\n- <b>đậm</b>", "other"
    )
    guide = create_guide(writer, tree.commune, text)
    Guide.objects.filter(pk=guide.pk).update(
        status=GuideStatus.PUBLISHED, published_at="2025-01-01T00:00Z"
    )
    page = client.get(f"/cam-nang/{guide.slug}/").content.decode()
    assert "<img src=x" not in page and "<b>đậm</b>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_the_list_filters_by_topic(client: Client, published: Guide) -> None:
    assert published.title in client.get("/cam-nang/?chu-de=scams").content.decode()
    assert published.title not in client.get("/cam-nang/?chu-de=health").content.decode()


def test_a_related_fact_check_page_links_to_the_guide(
    client: Client, published: Guide, factcheck: FactCheck
) -> None:
    page = client.get(f"/kiem-chung/{factcheck.case.pk}/").content.decode()
    assert f'href="/cam-nang/{published.slug}/"' in page
    guide_page = client.get(f"/cam-nang/{published.slug}/").content.decode()
    assert f'href="/kiem-chung/{factcheck.case.pk}/"' in guide_page


def test_no_contact_detail_appears_on_public_pages(
    client: Client, published: Guide, factcheck: FactCheck, writer: User
) -> None:
    tip = Tip.objects.create(text="tin", factcheck=factcheck)
    TipContact.objects.create(tip=tip, contact="0912 345 678", purge_after="2099-01-01T00:00Z")
    pages = [
        f"/cam-nang/{published.slug}/",
        "/cam-nang/",
        f"/kiem-chung/{factcheck.case.pk}/",
        f"/kiem-chung/{factcheck.case.pk}/ban-in/",
    ]
    for path in pages:
        page = client.get(path).content.decode()
        assert "0912 345 678" not in page, path
        assert writer.email not in page, path
        assert "@kiemchung.invalid" not in page, path


def test_a_verifier_writes_a_guide_through_the_form(
    client: Client, tree: UnitTree, writer: User, factcheck: FactCheck
) -> None:
    logged_in(client, writer)
    assert client.get("/guides/").status_code == 200
    form = {
        "unit": tree.commune.pk,
        "title": "Cảnh giác với thông báo giả của Điện lực",
        "topic": "fake_notices",
        "summary": "Điện lực không cắt điện qua tin nhắn.",
        "body": "Đoạn một.\n\n- Dấu hiệu một",
        "related_factchecks": [factcheck.pk],
    }
    response = client.post("/guides/new/", form)
    guide = Guide.objects.get(title=form["title"])
    assert response.status_code == 302 and response["Location"] == f"/guides/{guide.pk}/"
    assert list(guide.related_factchecks.all()) == [factcheck]
    assert guide.author == writer
    page = client.get(f"/guides/{guide.pk}/").content.decode()
    assert "Gửi duyệt" in page or "Send for review" in page


def test_the_staff_page_submits_then_a_reviewer_publishes(
    client: Client, draft: Guide, writer: User, reviewer: User
) -> None:
    logged_in(client, writer)
    client.post(f"/guides/{draft.pk}/status/", {"status": "in_review"})
    page = client.get(f"/guides/{draft.pk}/").content.decode()
    assert 'value="published"' not in page
    logged_in(client, reviewer)
    assert 'value="published"' in client.get(f"/guides/{draft.pk}/").content.decode()
    client.post(f"/guides/{draft.pk}/status/", {"status": "published"})
    assert Guide.objects.get(pk=draft.pk).status == GuideStatus.PUBLISHED


def test_an_author_who_reviews_sees_the_four_eyes_note(client: Client, tree: UnitTree) -> None:
    author = make_user(Role.REVIEWER, tree.province)
    guide = create_guide(author, tree.commune, TEXT)
    guide.status = GuideStatus.IN_REVIEW
    guide.save()
    logged_in(client, author)
    page = client.get(f"/guides/{guide.pk}/").content.decode()
    assert 'value="published"' not in page
    client.post(f"/guides/{guide.pk}/status/", {"status": "published"})
    assert Guide.objects.get(pk=guide.pk).status == GuideStatus.IN_REVIEW


@pytest.mark.parametrize(
    ("role", "may_write"),
    [
        (Role.HEAD, True),
        (Role.DEPUTY, True),
        (Role.REVIEWER, True),
        (Role.VERIFIER, True),
        (Role.MEMBER, False),
        (Role.SECRETARIAT, False),
        (Role.READONLY, False),
    ],
)
def test_the_new_guide_page_is_for_roles_that_write_guides(
    client: Client, tree: UnitTree, role: str, may_write: bool
) -> None:
    logged_in(client, make_user(role, tree.commune))
    assert client.get("/guides/").status_code == 200
    assert client.get("/guides/new/").status_code == (200 if may_write else 403)


def test_staff_of_another_commune_do_not_see_the_draft(
    client: Client, tree: UnitTree, draft: Guide
) -> None:
    logged_in(client, make_user(Role.HEAD, tree.sibling))
    assert client.get(f"/guides/{draft.pk}/").status_code == 404
    assert draft.title not in client.get("/guides/").content.decode()


def test_anonymous_visitors_are_sent_to_the_login_page(client: Client, draft: Guide) -> None:
    for path in ("/guides/", "/guides/new/", f"/guides/{draft.pk}/"):
        response = client.get(path)
        assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_published_guide_cannot_be_edited_from_its_page(
    client: Client, published: Guide, writer: User
) -> None:
    logged_in(client, writer)
    page = client.get(f"/guides/{published.pk}/").content.decode()
    assert 'name="body"' not in page
    client.post(
        f"/guides/{published.pk}/", {"title": "Đổi", "summary": "x", "body": "y", "topic": "other"}
    )
    assert Guide.objects.get(pk=published.pk).title == TEXT.title
