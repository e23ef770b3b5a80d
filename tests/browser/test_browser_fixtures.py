"""Without Chromium, browser tests skip with a message, and fail under CI."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiemchung.testing.browser import require_chromium, screenshots_folder


def test_a_missing_chromium_skips_browser_tests_on_a_developer_machine(tmp_path: Path) -> None:
    with pytest.raises(pytest.skip.Exception, match="chromium-driver"):
        require_chromium(tmp_path / "chromium", ci="")


def test_a_missing_chromium_fails_browser_tests_under_ci(tmp_path: Path) -> None:
    with pytest.raises(pytest.fail.Exception, match="is missing"):
        require_chromium(tmp_path / "chromium", ci="true")


def test_screenshots_go_where_the_environment_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIEMCHUNG_SCREENSHOTS", str(tmp_path / "shots"))
    assert screenshots_folder() == tmp_path / "shots"
    monkeypatch.delenv("KIEMCHUNG_SCREENSHOTS")
    assert screenshots_folder().name == "screenshots"
