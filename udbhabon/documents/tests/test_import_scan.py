"""A scanned paper through the import: read in the background page by page, each
doubtful field shown beside the image of its cell, nothing saved before confirmation.

Tesseract is not run here: the page's recognition is replaced by a recognised
page built by hand (test_reader_ocr._page), so the flow is tested, fast.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from udbhabon.documents import services
from udbhabon.documents.models import ImportJob
from udbhabon.documents.reader import ocr
from udbhabon.documents.tests.test_reader_ocr import _page, _scan_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def recognised(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    from PIL import Image

    calls: list[int] = []

    def recognise(pdf, number, tmp):
        calls.append(number)
        page = _page()
        page.number = number
        return Image.new("L", (page.width, page.height), 200), page

    monkeypatch.setattr(ocr, "available", lambda: True)
    monkeypatch.setattr(ocr, "_read_page", recognise)
    return calls


def test_a_scan_is_read_and_reviewed_beside_its_images_and_nothing_is_saved(
    login, recognised, django_capture_on_commit_callbacks
):
    from udbhabon.plans.models import ActionPlan

    client = login("thakurgaon.io")
    data = _scan_pdf(2)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("documents:import_upload"),
            {"file": _upload("scan.pdf", data)},
        )
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert job.status == ImportJob.Status.READ, job.error_message
    assert recognised == [1, 2]
    assert job.progress == 100
    section = job.result["sections"][0]
    assert section["kind"] == "action_plan" and len(section["items"]) >= 2
    flagged = [f for f in job.trace["ocr"]["fields"] if f["low"]]
    assert {(f["item"], f["field"]) for f in flagged} >= {(1, "activity")}
    html = client.get(reverse("documents:import_detail", args=[job.pk])).content.decode()
    image_url = reverse("documents:import_cell_image", args=[job.pk, 0, 1, "activity"])
    assert "cell--doubtful" in html and image_url in html
    assert "সন্দেহজনক পাঠ (৪১% নিশ্চিত)" in html
    image = client.get(image_url)
    assert image.status_code == 200 and image["Content-Type"] == "image/png"
    assert image.content.startswith(b"\x89PNG")
    # A field read with confidence has its image too (shown only when doubtful).
    sure = reverse("documents:import_cell_image", args=[job.pk, 0, 0, "responsible"])
    assert client.get(sure).status_code == 200
    assert (
        client.get(reverse("documents:import_cell_image", args=[job.pk, 0, 9, "x"])).status_code
        == 404
    )
    # Correcting it in place keeps the image beside the text being typed.
    cell = reverse("documents:import_cell", args=[job.pk, 0, 1, "activity"])
    form = client.get(cell, headers={"HX-Request": "true"}).content.decode()
    assert image_url in form and 'name="value"' in form
    corrected = client.post(cell, {"value": "সেবা সহজীকরণ কর্মশালা"})
    assert corrected.status_code == 302
    assert not ActionPlan.objects.exists(), "saved before the officer confirmed"
    # Reading it again (a retry) takes the cache, not the recogniser.
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.FAILED)
    services.import_read(job_id=job.pk)
    assert recognised == [1, 2]
    assert ImportJob.objects.get(pk=job.pk).status == ImportJob.Status.READ


def test_progress_is_reported_page_by_page(recognised, monkeypatch):
    from conftest import post_of

    post = post_of("thakurgaon.io")
    actor = post.holdings.get(ended_on__isnull=True).user
    job = services.import_upload(
        office=post.office, actor=actor, name="scan.pdf", data=_scan_pdf(3)
    )
    seen: list[int] = []
    original = ocr._read_page

    def recognise(pdf, number, tmp):
        seen.append(ImportJob.objects.get(pk=job.pk).progress)
        return original(pdf, number, tmp)

    monkeypatch.setattr(ocr, "_read_page", recognise)
    services.import_read(job_id=job.pk)
    assert seen == [30, 51, 73]  # 30% when reading starts, then after each page
    assert ImportJob.objects.get(pk=job.pk).progress == 100


def _upload(name: str, data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="application/pdf")
