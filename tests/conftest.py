"""Shared fixtures. The data folder and index are set by ``kiemchung.testing.env``."""

from __future__ import annotations

import pytest

# The browser fixtures (``browser``, ``page``) for tests/browser.
pytest_plugins = ["kiemchung.testing.browser"]


def pytest_configure(config: pytest.Config) -> None:
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# Property-based tests (tests/sources/test_fuzz_*.py): a fixed, modest "ci" profile by
# default, so every run tries the same examples quickly; HYPOTHESIS_PROFILE=dev explores.
def _hypothesis_profiles() -> None:
    import os

    from hypothesis import HealthCheck, settings

    quiet = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
    settings.register_profile(
        "ci", derandomize=True, max_examples=60, deadline=None, suppress_health_check=quiet
    )
    settings.register_profile("dev", max_examples=500, deadline=None, suppress_health_check=quiet)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


_hypothesis_profiles()
