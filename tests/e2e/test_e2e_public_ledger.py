"""The public impact ledger in Chromium, on a desktop and a phone: the sums it shows are
the verified savings a year of the world's initiatives, worked out here one by one."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import screenshot
from udbhabon.initiatives.models import RUNNING_STAGES, Initiative
from udbhabon.initiatives.queries import full_year_saving
from udbhabon.portal.tests.ledger_data import made

BN = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")


def shown(page: Page, box: str, figure: str) -> int:
    text = page.locator(f"{box} [data-figure={figure}]").inner_text()
    return int("".join(ch for ch in text.translate(BN) if ch.isdigit()))


def expected(path: str = "") -> tuple[int, int, int]:
    """What the ledger should say: every running, verified initiative's year, summed."""
    hours = taka = visits = 0
    for item in Initiative.objects.filter(office__path__startswith=path):
        if item.stage in RUNNING_STAGES and item.verification == "verified" and item.has_tcv:
            saved = full_year_saving(item)
            hours, taka, visits = hours + saved.hours, taka + saved.taka, visits + saved.visits
    return hours, taka, visits


@pytest.fixture
def figures(world):
    origin = made("dc-jashore", "ই-নামজারি", recipients=1500)
    made("dc-khulna", "ই-নামজারি", source=origin, hours_after=12)
    made("dc-satkhira", "ই-নামজারি", source=origin, verification="unverified")
    made("dc-dhaka", "অনলাইন শুনানি", taka_before=2500, recipients=420)
    made("dc-dhaka", "পাইলট", stage="pilot")


def test_e2e_public_ledger(page: Page, phone: Page, figures):
    for view, name in ((page, "desktop"), (phone, "phone")):
        view.goto(view.base_url + "/portal/ledger/")  # type: ignore[attr-defined]
        got = tuple(shown(view, "#total", f) for f in ("hours", "taka", "visits"))
        assert got == expected() and got[0] > 0
        assert shown(view, "#total", "initiatives") == 3
        assert "ই-নামজারি" in view.locator("#replicated").inner_text()
        screenshot(view, f"public-ledger-{name}")
        overflow = view.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"the ledger scrolls sideways on the {name}"
    # Down the tree: Khulna division's row, then its page.
    page.click("#offices-below a[href$='/div-khulna/']")
    khulna = Initiative.objects.get(office__code="dc-jashore").office.parent.path
    got = tuple(shown(page, "#total", f) for f in ("hours", "taka", "visits"))
    assert got == expected(khulna)
    screenshot(page, "public-ledger-division")
