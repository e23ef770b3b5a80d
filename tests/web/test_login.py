"""Logging in: our own page, in Vietnamese, with a limit on failed attempts."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-dai-12"


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    cache.clear()


@pytest.fixture
def user() -> User:
    return User.objects.create_user("canbo", "canbo@kiemchung.invalid", PASSWORD)


def _login(client: Client, password: str, username: str = "canbo", **extra: str) -> str:
    response = client.post("/login/", {"username": username, "password": password}, **extra)
    return str(response.status_code) + " " + response.content.decode()


def test_the_login_page_is_in_vietnamese_with_labelled_fields(client: Client) -> None:
    page = client.get("/login/").content.decode()
    assert "Đăng nhập" in page
    assert '<label for="id_username">' in page
    assert '<label for="id_password">' in page


def test_a_right_password_logs_in_and_lands_on_the_dashboard(client: Client, user: User) -> None:
    response = client.post("/login/", {"username": "canbo", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"


@override_settings(LOGIN_FAILURES_PER_USER=3)
def test_a_user_name_is_locked_after_repeated_failures_even_with_the_right_password(
    client: Client, user: User
) -> None:
    for _ in range(3):
        assert _login(client, "sai-mat-khau").startswith("200")
    page = _login(client, PASSWORD)
    assert page.startswith("200")
    assert "Đăng nhập sai quá nhiều lần" in page
    assert "_auth_user_id" not in client.session


@override_settings(LOGIN_FAILURES_PER_USER=3)
def test_a_success_before_the_limit_clears_the_failures(client: Client, user: User) -> None:
    for _ in range(2):
        _login(client, "sai-mat-khau")
    assert _login(client, PASSWORD).startswith("302")
    client.logout()
    for _ in range(2):
        _login(client, "sai-mat-khau")
    assert _login(client, PASSWORD).startswith("302")


@override_settings(LOGIN_FAILURES_PER_ADDRESS=4, LOGIN_FAILURES_PER_USER=100)
def test_one_address_trying_many_user_names_is_locked(client: Client, user: User) -> None:
    for number in range(4):
        _login(client, "x", username=f"khach{number}", REMOTE_ADDR="203.0.113.9")
    assert "Đăng nhập sai quá nhiều lần" in _login(client, PASSWORD, REMOTE_ADDR="203.0.113.9")
    assert _login(client, PASSWORD, REMOTE_ADDR="198.51.100.7").startswith("302")


@override_settings(LOGIN_FAILURES_PER_USER=2)
def test_the_admin_login_page_has_the_same_limit(client: Client) -> None:
    User.objects.create_superuser("quantri", "q@kiemchung.invalid", PASSWORD)
    for _ in range(2):
        client.post("/admin/login/", {"username": "quantri", "password": "sai"})
    page = client.post("/admin/login/", {"username": "quantri", "password": PASSWORD})
    assert page.status_code == 200
    assert "Đăng nhập sai quá nhiều lần" in page.content.decode()


def test_logging_out_needs_a_post_and_ends_the_session(client: Client, user: User) -> None:
    client.force_login(user)
    assert client.get("/logout/").status_code == 405
    response = client.post("/logout/")
    assert response.status_code == 302
    assert client.get("/").status_code == 302


def test_the_login_form_is_protected_against_cross_site_posts(user: User) -> None:
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/login/", {"username": "canbo", "password": PASSWORD})
    assert response.status_code == 403
