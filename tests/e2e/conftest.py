"""Browser tests: a real Chromium (Debian's package) driven by Playwright.

Playwright drives /usr/bin/chromium directly (no `playwright install`), against
pytest-django's live server. Screenshots go to test-artifacts/screenshots/.

Every browser context any test opens watches for Content-Security-Policy violations
(the console's "Refused to …" and the page's securitypolicyviolation events); a test
during which one is reported fails (docs/SECURITY.md).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, sync_playwright

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


# Added to every page before its own scripts (Playwright's injection is not subject to
# the page's policy): each violation is written to the console, where we collect it.
CSP_WATCH = """
document.addEventListener("securitypolicyviolation", function (e) {
  var where = e.target && e.target.tagName ? " on <" + e.target.tagName.toLowerCase()
    + (e.target.id ? "#" + e.target.id : "") + ">" + " " + e.target.outerHTML.slice(0, 200) : "";
  console.error("CSP violation: " + e.effectiveDirective + " blocked " + (e.blockedURI || "inline")
    + where + " at " + (e.sourceFile || document.location.pathname) + ":" + e.lineNumber);
});
"""
CSP_VIOLATIONS: list[str] = []


def _collect_csp(message: ConsoleMessage) -> None:
    text = message.text
    if text.startswith("CSP violation") or "Content Security Policy" in text:
        CSP_VIOLATIONS.append(f"{message.page.url if message.page else ''}: {text}")


def watch_csp(context: BrowserContext) -> BrowserContext:
    context.add_init_script(CSP_WATCH)
    context.on("console", _collect_csp)
    return context


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        new_context = browser.new_context

        def watched_context(*args, **kwargs) -> BrowserContext:
            return watch_csp(new_context(*args, **kwargs))

        browser.new_context = watched_context  # type: ignore[method-assign]
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def csp_violations() -> Iterator[list[str]]:
    """The CSP violations reported during this test; any left at its end fail it."""
    CSP_VIOLATIONS.clear()
    yield CSP_VIOLATIONS
    found, CSP_VIOLATIONS[:] = list(CSP_VIOLATIONS), []
    assert not found, "Content-Security-Policy violations:\n" + "\n".join(found)


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
