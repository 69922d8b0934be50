"""Browser tests: a real Chromium (Debian's package) driven by Playwright.

Playwright drives /usr/bin/chromium directly (no `playwright install`), against
pytest-django's live server. Screenshots go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from conftest import ensure_world
from udbhabon.offices.demo import DEMO_PASSWORD

CHROMIUM = os.environ.get("UDBHABON_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"

# Playwright's sync API runs an event loop in this thread; Django's ORM calls
# made by the test itself (fixtures) are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def world(transactional_db):
    """The tree and personas, put back after an earlier browser test's flush."""
    return ensure_world()


@pytest.fixture
def page(browser: Browser, live_server, world) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="bn-BD")
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.base_url = live_server.url  # type: ignore[attr-defined]
    yield page
    context.close()


@pytest.fixture
def phone(browser: Browser, live_server, world) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="bn-BD")
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.base_url = live_server.url  # type: ignore[attr-defined]
    yield page
    context.close()


def sign_in(page: Page, username: str, password: str = DEMO_PASSWORD) -> None:
    page.goto(page.base_url + "/login/")  # type: ignore[attr-defined]
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("form.form button[type=submit]")
    page.wait_for_url(page.base_url + "/")  # type: ignore[attr-defined]


def screenshot(page: Page, name: str, *, full_page: bool = True) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
