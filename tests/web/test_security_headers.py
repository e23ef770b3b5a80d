"""Every page says where scripts may come from and refuses to be framed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

import kiemchung

pytestmark = pytest.mark.django_db


def test_pages_forbid_inline_and_foreign_scripts(client: Client) -> None:
    response = client.get("/login/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("url", ["/login/", "/kiem-chung/", "/gui-tin/"])
def test_the_base_pages_have_no_inline_event_handlers(client: Client, url: str) -> None:
    page = client.get(url).content.decode()
    assert "onchange=" not in page
    assert "onclick=" not in page


INLINE_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
SCRIPT_TAG = re.compile(r"<script\b[^>]*>", re.IGNORECASE)


def test_no_template_has_a_script_the_policy_would_block() -> None:
    """Inline handlers and inline scripts do not run under ``script-src 'self'``."""
    templates = [
        path
        for path in Path(kiemchung.__file__).parent.rglob("templates/**/*.html")
        if path.is_file()
    ]
    assert templates
    for path in templates:
        text = path.read_text(encoding="utf-8")
        assert not INLINE_HANDLER.search(text), path
        for tag in SCRIPT_TAG.findall(text):
            assert " src=" in tag or "application/ld+json" in tag, (path, tag)


def test_the_session_cookie_is_http_only_and_same_site(client: Client) -> None:
    from django.conf import settings

    assert settings.SESSION_COOKIE_HTTPONLY
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"
    assert settings.CSRF_COOKIE_HTTPONLY


def test_the_deployment_check_is_clean_with_production_settings(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "KIEMCHUNG_DATA_DIR": str(tmp_path),
        "KIEMCHUNG_HTTPS": "yes",
        "KIEMCHUNG_ALLOWED_HOSTS": "kiemchung.tinh.example",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "kiemchung.settings",
    }
    env.pop("KIEMCHUNG_DEBUG", None)
    result = subprocess.run(
        [sys.executable, "-m", "kiemchung.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_deployment_check_warns_about_plain_http(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "KIEMCHUNG_DATA_DIR": str(tmp_path),
        "KIEMCHUNG_HTTPS": "no",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "kiemchung.settings",
    }
    result = subprocess.run(
        [sys.executable, "-m", "kiemchung.cli", "check", "--deploy"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "security.W008" in result.stderr + result.stdout


def test_no_template_has_an_inline_event_handler() -> None:
    import re

    import kiemchung

    root = Path(kiemchung.__file__).parent
    handler = re.compile(r"\son[a-z]+=\"", re.IGNORECASE)
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("templates/**/*.html")
        if handler.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
