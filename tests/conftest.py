"""Shared fixtures. The data folder and index are set by ``kiemchung.testing.env``."""

from __future__ import annotations

import pytest

# The browser fixtures (``browser``, ``page``) for tests/browser.
pytest_plugins = ["kiemchung.testing.browser"]


def pytest_configure(config: pytest.Config) -> None:
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
