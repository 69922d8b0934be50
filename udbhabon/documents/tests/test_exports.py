"""Download buttons: small papers at once, large ones through the background worker."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from django.urls import reverse
from pypdf import PdfReader

from conftest import post_of
from udbhabon.documents import exports
from udbhabon.documents.contract import ATTACHMENT_NAME
from udbhabon.documents.models import ExportJob
from udbhabon.documents.services import letter_issue
from udbhabon.offices.models import Office

pytestmark = pytest.mark.django_db
EXPECTED = Path(__file__).resolve().parents[3] / "data" / "seeds" / "expected"


def seed_document(name: str) -> dict:
    """A test builder: a seed's expected reading, as an app's builder would return."""
    return json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture
def letter():
    return letter_issue(
        office=Office.objects.get(code="dc-thakurgaon"),
        kind="plan",
        subject="ঠাকুরগাঁও জেলা ইনোভেশন টিমের ২০১৭-১৮ অর্থবছরের বার্ষিক কর্মপরিকল্পনা।",
        date=dt.date(2017, 8, 23),
        actor=None,
        signatory_post=post_of("thakurgaon.io"),
        distribution=["বিভাগীয় কমিশনার, রংপুর বিভাগ, রংপুর।"],
    )


def test_a_letter_downloads_as_pdf_with_its_data_attached(login, letter):
    response = login("thakurgaon.io").get(
        reverse("documents:letter_download", args=[letter.pk, "pdf"])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    data = json.loads(reader.attachments[ATTACHMENT_NAME][0])
    assert data["sections"][0]["letter"]["memo_number"] == letter.memo_number
    assert data["sections"][0]["letter"]["bangla_date"] == {
        "day": 8,
        "month": "ভাদ্র",
        "year": 1424,
    }


def test_a_letter_downloads_as_docx(login, letter):
    response = login("thakurgaon.io").get(
        reverse("documents:letter_download", args=[letter.pk, "docx"])
    )
    assert response.status_code == 200
    assert response.content[:2] == b"PK"  # a zip: the Word format


def test_an_unknown_format_is_not_found(login, letter):
    client = login("thakurgaon.io")
    assert client.get(f"/documents/letters/{letter.pk}/odt/").status_code == 404
    assert client.get(f"/documents/letters/{letter.pk}/xlsx/").status_code == 404


def test_a_large_paper_is_written_in_the_background(
    rf, monkeypatch, django_capture_on_commit_callbacks, login
):
    monkeypatch.setattr(exports, "INLINE_ITEMS", 10)
    monkeypatch.setitem(exports.BUILDERS, "test.seed_document", seed_document)
    request = rf.get("/")
    request.user = post_of("khulnadiv.io").holdings.get(ended_on__isnull=True).user
    with django_capture_on_commit_callbacks(execute=True):
        response = exports.download(
            request,
            office=Office.objects.get(code="div-khulna"),
            builder="test.seed_document",
            args={"name": "004_93ad764a4d482cea"},
            fmt="xlsx",
            filename="plan-khulna-2016",
        )
    job = ExportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("documents:export_status", args=[job.pk])
    assert job.status == ExportJob.Status.DONE  # the worker ran (immediate backend)
    client = login("khulnadiv.io")
    page = client.get(response["Location"])
    assert reverse("documents:export_file", args=[job.pk]) in page.content.decode()
    file = client.get(reverse("documents:export_file", args=[job.pk]))
    assert file.status_code == 200 and b"".join(file.streaming_content)[:2] == b"PK"
    # Someone else's export is not theirs to fetch.
    assert login("dhaka.io").get(reverse("documents:export_file", args=[job.pk])).status_code == 404
