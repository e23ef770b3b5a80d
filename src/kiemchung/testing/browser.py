"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Loaded as a pytest plugin by ``tests/conftest.py``. Playwright is only the driver: the
browser is the system's ``/usr/bin/chromium`` (Debian packages ``chromium`` and
``chromium-driver``; ``make browser-deps`` installs them), never a browser Playwright
downloads itself. Without it, browser tests are skipped with a message, and fail under
CI (``CI=true``), where they must run.

Fixtures: ``browser`` (one headless Chromium per test session) and ``page`` (a fresh
browser context on the live server, Vietnamese locale). ``screenshot(page, name)``
saves a full-page PNG into ``$KIEMCHUNG_SCREENSHOTS`` (default: ``screenshots/`` at the
repository root, git-ignored).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MISSING = (
    "{path} is missing: browser tests need Debian's Chromium "
    "(`make browser-deps`, or `apt-get install -y chromium chromium-driver` as root)"
)
PAGE_TIMEOUT_MS = 15_000
REPO_ROOT = Path(__file__).resolve().parents[3]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test that uses the browser, and run those tests last.

    While the session's browser lives, Playwright's event loop runs in the main thread
    (see ``browser``); running the browser tests last keeps the rest of the suite free
    of it.
    """
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
    items[:] = sorted(items, key=lambda item: item.get_closest_marker("browser") is not None)


def require_chromium(path: Path = CHROMIUM, ci: str | None = None) -> None:
    """Skip the test when Chromium is absent; fail it under CI, where it must run."""
    if path.is_file() and os.access(path, os.X_OK):
        return
    message = MISSING.format(path=path)
    ci = os.environ.get("CI", "") if ci is None else ci
    if ci.strip().lower() in ("true", "1", "yes"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def screenshots_folder() -> Path:
    configured = os.environ.get("KIEMCHUNG_SCREENSHOTS", "").strip()
    if configured:
        return Path(configured).expanduser()
    root = REPO_ROOT if (REPO_ROOT / "pyproject.toml").is_file() else Path.cwd()
    return root / "screenshots"


def screenshot(page: Page, name: str) -> Path:
    """Save a full-page PNG of ``page`` as ``NAME.png`` in the screenshots folder."""
    folder = screenshots_folder()
    folder.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-.") or "page"
    path = folder / f"{safe}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    require_chromium()
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop in this thread; Django then refuses ORM
    # calls from it (SynchronousOnlyOperation). The tests' ORM calls are synchronous
    # and safe, so allow them while the browser lives.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    driver = sync_playwright().start()
    try:
        launched = driver.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()
    finally:
        driver.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(
    browser: Browser, live_server: Any, transactional_db: None, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Page]:
    """A fresh page (own cookies) whose relative URLs go to the live server."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    context = browser.new_context(
        base_url=str(live_server.url), locale="vi-VN", viewport={"width": 1280, "height": 800}
    )
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    opened = context.new_page()
    try:
        yield opened
    finally:
        context.close()
