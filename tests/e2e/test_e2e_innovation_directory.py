"""Issue 20's directory in a real browser (a step the replication journey can take over):
Jashore's innovation officer opens the innovation directory from the initiatives page,
makes this fiscal year's PDF, follows its progress page and downloads it; its text reads
back with the cover, the contents and the launched initiative with its adopter.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.e2e.conftest import screenshot, sign_in
from udbhabon.directory.tests.conftest import adopt
from udbhabon.initiatives.tests.conftest import (
    approved_idea,
    initiative_of,
    launched,
    with_figures,
)

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs pdftotext")


def test_e2e_innovation_directory(page: Page, world, tmp_path: Path):
    initiative = with_figures(initiative_of(approved_idea()))
    launched(initiative, on=timezone.localdate() - dt.timedelta(days=3))
    adopt(initiative, "dc-khulna")

    sign_in(page, "jashore.io")
    page.goto(page.base_url + "/initiatives/")  # type: ignore[attr-defined]
    page.get_by_role("link", name="ইনোভেশন ডিরেক্টরি").click()
    expect(page.locator("h1")).to_have_text("ইনোভেশন ডিরেক্টরি")
    expect(page.locator("main")).to_contain_text("বাস্তবায়িত উদ্যোগ: ১")
    page.select_option("#id_fmt", "pdf")
    page.get_by_role("button", name="ডিরেক্টরি তৈরি করুন").click()
    expect(page.locator("h1")).to_have_text("আপনার ফাইল তৈরি হচ্ছে", timeout=60_000)
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("link", name="ফাইলটি ডাউনলোড করুন").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.name.startswith("innovation-directory-dc-jashore-") and path.suffix == ".pdf"
    text = " ".join(
        subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
        )
        .stdout.decode("utf-8")
        .split()
    )
    for words in (
        "ইনোভেশন ডিরেক্টরি",
        "সূচিপত্র",
        "৩. বাস্তবায়িত উদ্যোগ",
        "খতিয়ানের নকল ডাকযোগে",
        "জেলা প্রশাসকের কার্যালয়, খুলনা",
    ):
        assert words in text, words
    screenshot(page, "innovation-directory-ready")
