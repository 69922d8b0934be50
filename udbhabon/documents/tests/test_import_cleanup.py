"""A failed upload keeps no file beyond a set time (issue 14, point 7)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from udbhabon.documents import services
from udbhabon.documents.models import ImportJob
from udbhabon.offices.models import Office, User

pytestmark = pytest.mark.django_db
JUNK = b"PK\x03\x04 this is no document at all"


def failed_upload(data: bytes = JUNK) -> ImportJob:
    job = services.import_upload(
        office=Office.objects.get(code="dc-thakurgaon"),
        actor=User.objects.get(username="thakurgaon.io"),
        name="broken.docx",
        data=data,
    )
    job = services.import_read(job_id=job.pk)
    assert job.status == ImportJob.Status.FAILED
    return job


def age(job: ImportJob, hours: int) -> None:
    ImportJob.objects.filter(pk=job.pk).update(
        created_at=timezone.now() - dt.timedelta(hours=hours)
    )


def test_the_file_of_an_old_failed_upload_goes_and_the_row_says_why(
    login, settings, django_capture_on_commit_callbacks
):
    settings.UDBHABON_FAILED_UPLOAD_HOURS = 24
    old, recent = failed_upload(), failed_upload(JUNK + b"2")
    age(old, 25)
    name = old.file.name
    assert default_storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.import_cleanup() == 1
    old.refresh_from_db()
    assert not old.file and not default_storage.exists(name)
    assert old.history.first().history_change_reason == "file removed: not readable"
    recent.refresh_from_db()
    assert recent.file and default_storage.exists(recent.file.name)
    assert services.import_cleanup() == 0  # nothing left to remove
    client = login("thakurgaon.io")
    assert client.get(reverse("documents:import_source", args=[old.pk])).status_code == 404
    html = client.get(reverse("documents:import_detail", args=[old.pk])).content.decode()
    assert "সরিয়ে ফেলা হয়েছে" in html


def test_an_old_upload_that_was_read_keeps_its_file(settings):
    settings.UDBHABON_FAILED_UPLOAD_HOURS = 1
    from pathlib import Path

    seed = Path(__file__).resolve().parents[3] / "data" / "seeds" / "001_3627afb098a031ac.txt"
    job = services.import_upload(
        office=Office.objects.get(code="dc-thakurgaon"),
        actor=User.objects.get(username="thakurgaon.io"),
        name=seed.name,
        data=seed.read_bytes(),
    )
    job = services.import_read(job_id=job.pk)
    age(job, 48)
    assert services.import_cleanup() == 0
    job.refresh_from_db()
    assert job.file


def test_a_file_that_failed_may_be_uploaded_again():
    failed_upload()
    again = services.import_upload(
        office=Office.objects.get(code="dc-thakurgaon"),
        actor=User.objects.get(username="thakurgaon.io"),
        name="broken.docx",
        data=JUNK,
    )
    assert ImportJob.objects.filter(sha256=again.sha256).count() == 2


def test_the_daily_job_removes_them(settings, django_capture_on_commit_callbacks):
    from udbhabon.monitoring.tasks import daily

    settings.UDBHABON_FAILED_UPLOAD_HOURS = 24
    age(failed_upload(), 30)
    with django_capture_on_commit_callbacks(execute=True):
        result = daily.call(as_of="2017-09-01")
    assert result["uploads_removed"] == 1
