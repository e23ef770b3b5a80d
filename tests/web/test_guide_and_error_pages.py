"""The user guide is reachable from every page; the error pages and the
administration's job section are in Vietnamese; the admin has the site's icon."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client, RequestFactory
from django.utils import timezone, translation
from django.views.defaults import server_error
from django_tasks_db.models import DBTaskResult

from kiemchung.org.models import Role
from kiemchung.testing.org import make_unit_tree, make_user

pytestmark = pytest.mark.django_db
VI = {"HTTP_ACCEPT_LANGUAGE": "vi"}


def test_the_guide_is_in_vietnamese_with_a_section_for_every_role(client: Client) -> None:
    page = client.get("/huong-dan/", **VI).content.decode()
    assert "<h1>Hướng dẫn sử dụng</h1>" in page
    for anchor in (
        "truong-ban",
        "pho-truong-ban",
        "thu-ky",
        "thanh-vien",
        "nguoi-duyet",
        "dau-moi",
        "chi-xem",
    ):
        assert f'id="{anchor}"' in page


def test_the_guide_is_in_english_for_an_english_reader(client: Client) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get("/huong-dan/").content.decode()
    assert "<h1>User guide</h1>" in page
    assert "Partner-agency liaisons" in page


@pytest.mark.parametrize("path", ["/", "/cases/", "/search/", "/org/tasks/", "/admin/"])
def test_desk_pages_link_to_the_guide(client: Client, path: str) -> None:
    client.force_login(User.objects.create_superuser("canbo", "c@kiemchung.invalid", "x"))
    assert 'href="/huong-dan/"' in client.get(path, **VI).content.decode()


@pytest.mark.parametrize("path", ["/kiem-chung/", "/kiem-chung/tim-kiem/", "/gui-tin/", "/login/"])
def test_public_pages_link_to_the_guide(client: Client, path: str) -> None:
    assert 'href="/huong-dan/"' in client.get(path, **VI).content.decode()


def test_a_liaison_finds_the_guide_on_the_task_pages(client: Client) -> None:
    tree = make_unit_tree()
    client.force_login(make_user(Role.LIAISON, tree.commune))
    assert 'href="/huong-dan/"' in client.get("/org/tasks/", **VI).content.decode()


def test_the_not_found_page_is_in_vietnamese(client: Client) -> None:
    answer = client.get("/khong-co-trang-nay/", **VI)
    assert answer.status_code == 404
    page = answer.content.decode()
    assert "Không tìm thấy trang" in page
    assert 'href="/huong-dan/"' in page


def test_the_server_error_page_is_in_vietnamese_without_context_processors() -> None:
    request = RequestFactory().get("/")
    with translation.override("vi"):
        answer = server_error(request)
    assert answer.status_code == 500
    page = answer.content.decode()
    assert "Đã xảy ra lỗi" in page
    assert "Server Error" not in page


def test_the_admin_job_section_is_in_vietnamese(client: Client) -> None:
    client.force_login(User.objects.create_superuser("quantri", "q@kiemchung.invalid", "x"))
    index = client.get("/admin/", **VI).content.decode()
    assert "Tác vụ nền" in index
    assert "Tasks Database Backend" not in index
    DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="kiemchung.sources.tasks.poll_sources",
        backend_name="default",
        run_after=timezone.now(),
        exception_class_path="",
        traceback="",
    )
    listing = client.get("/admin/django_tasks_database/dbtaskresult/", **VI).content.decode()
    assert "xếp hàng lúc" in listing.lower()
    assert "Enqueued at" not in listing


def test_the_admin_uses_the_sites_own_icon(client: Client) -> None:
    client.force_login(User.objects.create_superuser("quantri", "q@kiemchung.invalid", "x"))
    page = client.get("/admin/", **VI).content.decode()
    assert 'rel="icon" href="/static/web/favicon.svg"' in page


def test_favicon_ico_leads_to_the_sites_icon(client: Client) -> None:
    answer = client.get("/favicon.ico")
    assert answer.status_code == 301
    assert answer["Location"] == "/static/web/favicon.svg"
