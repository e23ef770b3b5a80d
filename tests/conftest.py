"""Shared fixtures. The data folder and index are set by ``kiemchung.testing.env``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

# The browser fixtures (``browser``, ``page``) for tests/browser.
pytest_plugins = ["kiemchung.testing.browser"]


@pytest.fixture
def lexical_matching() -> Iterator[None]:
    """Matching without the embedder, on a cache cleared before and after (the tip limit's
    and the match indexes' state)."""
    from django.core.cache import cache
    from django.test import override_settings

    cache.clear()
    with override_settings(EMBEDDER="none"):
        yield
    cache.clear()


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
