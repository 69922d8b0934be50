"""Issue 16, item 9, in a real browser, in Bengali: papers a clerk would file as they are.

Natore's member secretary (natore.io) writes the minutes of the May 2019 meeting with
its attendance, downloads the draft — named and marked খসড়া, with the attendance annex
(পরিশিষ্ট “ক”) — the chair (natore.adc) signs and sends, and the signed minutes are
downloaded as PDF and DOCX: both carry the annex, no stock sentence the record lacks,
the PDF its page numbers in Bengali digits, and both read back (documents.reader)
as the record.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_in
from tests.e2e.test_e2e_minutes_followup import ITEMS, TITLE, create_meeting, item_box, wait_until
from udbhabon.documents.reader import read_document
from udbhabon.documents.writers import contract_document
from udbhabon.meetings.document import meeting_as_document
from udbhabon.meetings.models import AgendaItem, Meeting

# Sentences the minutes used to print on their own (issue 16, item 1): never unless typed.
STOCK = ("বিগত সভার কার্যবিবরণী", "নিম্নরূপ সিদ্ধান্তসমূহ গৃহীত হয়")
BN_PAGE = re.compile(r"পৃষ্ঠা [০-৯]+ / [০-৯]+")


def download(page: Page, fmt: str, tmp: Path) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.click("a.button >> text=DOCX" if fmt == "docx" else "a.button >> text=PDF")
    path = tmp / info.value.suggested_filename
    info.value.save_as(path)
    return info.value.suggested_filename, path.read_bytes()


def pdf_text(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")


def docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler's pdftotext")
def test_e2e_papers_as_filed(page: Page, tmp_path: Path):
    sign_in(page, "natore.io")
    create_meeting(page, "2019-05-28", TITLE)
    meeting = Meeting.objects.get(office__code="dc-natore", date="2019-05-28")

    page.click("text=উপস্থিতি")
    page.check("input[name=present] >> nth=0")
    page.check("input[name=present] >> nth=1")
    page.fill("#id_guests", "জনাব মোঃ রফিকুল ইসলাম, উপ-পরিচালক, জেলা সমাজসেবা কার্যালয়, নাটোর")
    page.click("text=উপস্থিতি সংরক্ষণ করুন")
    expect(page.locator(".message")).to_contain_text("উপস্থিতি সংরক্ষিত হয়েছে")

    page.click("text=কার্যবিবরণী লিখুন")
    for n, seed in enumerate(ITEMS[:2]):
        box = item_box(page, n)
        box.locator("textarea[name$='-discussion']").fill(seed["discussion"])
        box.locator("textarea[name$='-decision']").fill(seed["decision"])
        box.locator("input[name$='-implementer_text']").fill(seed["implementer"])
    wait_until(
        page,
        lambda: AgendaItem.objects.filter(meeting=meeting).exclude(decision="").count() == 2,
    )

    # The draft: named and marked as such, the annex already in it.
    page.goto(f"{page.base_url}/meetings/{meeting.pk}/")  # type: ignore[attr-defined]
    name, draft = download(page, "pdf", tmp_path)
    assert name.startswith("minutes-draft-")
    text = pdf_text(draft)
    assert "খসড়া" in text and "পরিশিষ্ট “ক”" in text
    assert "রফিকুল" in text  # the guest in the annex (the cell may wrap)

    # The chair signs and sends.
    sign_in(page, "natore.adc")
    page.goto(f"{page.base_url}/meetings/{meeting.pk}/")  # type: ignore[attr-defined]
    page.click("text=স্বাক্ষর ও প্রেরণ")
    page.fill("#id_date", "2019-05-28")
    page.click("form.form button.button >> text=স্বাক্ষর ও প্রেরণ")
    expect(page.locator(".message")).to_contain_text("স্বাক্ষর করে পাঠানো হয়েছে")
    meeting.refresh_from_db()
    assert meeting.is_sent

    page.goto(f"{page.base_url}/meetings/{meeting.pk}/")  # type: ignore[attr-defined]
    pdf_name, pdf = download(page, "pdf", tmp_path)
    docx_name, docx_data = download(page, "docx", tmp_path)
    assert pdf_name.startswith("minutes-dc-natore-") and docx_name.endswith(".docx")
    record = contract_document(meeting_as_document(meeting))["sections"]
    for text in (pdf_text(pdf), docx_text(docx_data)):
        assert "খসড়া" not in text
        assert "পরিশিষ্ট “ক”" in text and "স্বাক্ষর" in text  # the annex, signature column
        assert "রফিকুল" in text  # the guest in the annex (the cell may wrap)
        assert not [sentence for sentence in STOCK if sentence in text]
    pages = BN_PAGE.findall(pdf_text(pdf))
    assert pages and pages[0] == "পৃষ্ঠা ১ / " + pages[0].rsplit(" ", 1)[1]
    # read back, the papers are the record
    for name, data in ((pdf_name, pdf), (docx_name, docx_data)):
        back = read_document(data, name)["sections"]
        assert back == record, (name, differing(back, record))


def differing(back: list[dict], record: list[dict]) -> list[tuple[str, object, object]]:
    """The fields whose values differ, with both values (an assertion's message)."""
    out = []
    for got, want in zip(back, record, strict=False):
        for key in want:
            if got.get(key) != want.get(key):
                out.append((key, got.get(key), want.get(key)))
    return out
