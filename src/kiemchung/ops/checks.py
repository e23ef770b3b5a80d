"""System checks that report malformed settings at start-up."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Warning, register

STORY_INDEX_CHOICES = ("file", "redis")


@register()
def check_environment(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Every malformed environment variable becomes an error with its name."""
    return [
        Error(
            f"{name}: {problem}",
            hint=f"Fix or unset the environment variable {name}; see README, Settings.",
            id="kiemchung.E001",
        )
        for name, problem in settings.SETTINGS_PROBLEMS
    ]


@register()
def check_story_index(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    problems: list[CheckMessage] = []
    if settings.STORY_INDEX not in STORY_INDEX_CHOICES:
        problems.append(
            Error(
                f"KIEMCHUNG_STORY_INDEX must be one of {', '.join(STORY_INDEX_CHOICES)}, "
                f"got {settings.STORY_INDEX!r}",
                id="kiemchung.E002",
            )
        )
    elif settings.STORY_INDEX == "redis" and not settings.REDIS_URL:
        problems.append(
            Error(
                "KIEMCHUNG_STORY_INDEX=redis needs KIEMCHUNG_REDIS_URL",
                hint="Set KIEMCHUNG_REDIS_URL=redis://127.0.0.1:6379/0 or use the file index.",
                id="kiemchung.E003",
            )
        )
    return problems


@register(deploy=True)
def check_debug_off(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    if settings.DEBUG:
        return [Warning("KIEMCHUNG_DEBUG is on in a deployment.", id="kiemchung.W001")]
    return []


@register()
def check_fetch_policy(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    from kiemchung.sources.fetching import policy_from_settings

    try:
        policy_from_settings()
    except ValueError as exc:
        return [
            Error(
                f"KIEMCHUNG_FETCH_ALLOW or a KIEMCHUNG_FETCH_* setting is unusable: {exc}",
                hint="KIEMCHUNG_FETCH_ALLOW takes host names and CIDR networks, comma-separated.",
                id="kiemchung.E004",
            )
        ]
    return []
