"""Phone-first layout: every page the menu leads to, at two phone sizes.

The header folds its menu behind one button (at most 15% of the screen), the
page never scrolls sideways (wide tables scroll inside their own box), and
every button and form control is at least 44 px tall.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from tests.e2e.conftest import screenshot, sign_in

SIZES = [(360, 740), (390, 844)]

# What the browser measures on a page: the header's height, how far the page
# is wider than the screen, and the visible controls shorter than 44 px.
MEASURE = """() => {
  const header = document.querySelector('header.top');
  const small = [];
  for (const el of document.querySelectorAll(
      'main button, main select, main textarea, main .button, main input, '
      + 'header button, header select')) {
    if (['checkbox', 'radio', 'hidden', 'file'].includes(el.type)) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.height < 43.5) small.push(el.outerHTML.slice(0, 80) + ' ' + r.height);
  }
  // What sticks out of the screen, outside a table's own scrolling box.
  const wide = [];
  const clipped = (el) => {
    for (let p = el.parentElement || el.parentNode; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== 'visible') return true;
    }
    return false;
  };
  for (const el of document.querySelectorAll('body *')) {
    if (clipped(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.right > window.innerWidth + 1) {
      wide.push(el.tagName + '.' + el.className + ' ' + Math.round(r.right));
    }
  }
  // Text can stick out of a narrower element (a long word, a nowrap cell).
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent.trim() || clipped(n)) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    const r = range.getBoundingClientRect();
    if (r.right > window.innerWidth + 1) {
      wide.push('"' + n.textContent.trim().slice(0, 40) + '" ' + Math.round(r.right));
    }
  }
  return {
    header: header.getBoundingClientRect().height,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    small: small,
    wide: wide.slice(0, 5),
  };
}"""


def _check(page: Page, url: str, height: int) -> list[str]:
    page.goto(url)
    m = page.evaluate(MEASURE)
    problems = []
    if m["header"] > 0.15 * height:
        problems.append(f"{url}: header {m['header']} px of {height}")
    if m["overflow"] > 0:
        screenshot(page, "phone-overflow", full_page=True)
        problems.append(f"{url}: page scrolls sideways by {m['overflow']} px: {m['wide']}")
    problems += [f"{url}: control under 44 px: {s}" for s in m["small"]]
    return problems


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_e2e_every_menu_page_fits_a_phone(browser: Browser, live_server, world, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="bn-BD")
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.base_url = live_server.url  # type: ignore[attr-defined]
    try:
        # Signed out: the public portal and the sign-in page.
        problems = _check(page, live_server.url + "/portal/", height)
        problems += _check(page, live_server.url + "/login/", height)
        sign_in(page, "dhaka.io")
        toggle = page.locator(".menu-toggle")
        assert toggle.is_visible()
        assert not page.locator("#topmenu").is_visible()
        toggle.click()
        assert page.locator("#topmenu .topnav").is_visible()
        assert toggle.get_attribute("aria-expanded") == "true"
        links = page.eval_on_selector_all("#topmenu .topnav a", "els => els.map(e => e.href)")
        assert len(links) >= 4, links
        for url in dict.fromkeys(links):
            problems += _check(page, url, height)
        screenshot(page, f"phone-{width}x{height}", full_page=False)
        assert not problems, "\n".join(problems)
    finally:
        context.close()


def test_e2e_the_menu_stays_open_on_a_wide_screen(page: Page):
    sign_in(page, "dhaka.io")
    assert not page.locator(".menu-toggle").is_visible()
    assert page.locator("#topmenu .topnav").is_visible()
