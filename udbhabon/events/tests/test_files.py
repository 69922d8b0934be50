"""An event's photos and documents: checked by size and content, shown on the event's
page, read by whoever sees the event and no one else, removed with history."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import post_of
from udbhabon.events import services
from udbhabon.events.models import Event, EventFile
from udbhabon.offices import permissions
from udbhabon.offices.models import Office

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 3, 10)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
PDF = b"%PDF-1.4 notice"


def training() -> Event:
    return services.event_create(
        office=Office.objects.get(code="dc-dhaka"),
        kind="training",
        title="ইনোভেশন বিষয়ে প্রশিক্ষণ",
        starts_on=DAY,
        actor=None,
    )


def test_a_photo_and_a_document_are_kept_by_kind():
    event = training()
    photo = services.event_file_add(
        event=event,
        upload=SimpleUploadedFile("day.png", PNG),
        caption="উদ্বোধন",
        actor=None,
        post=post_of("dhaka.io"),
    )
    notice = services.event_file_add(
        event=event, upload=SimpleUploadedFile("notice.pdf", PDF), actor=None
    )
    assert photo.kind == EventFile.Kind.PHOTO and photo.content_type == "image/png"
    assert notice.kind == EventFile.Kind.DOCUMENT and notice.size == len(PDF)
    assert photo.history.first().history_change_reason == "file added"


def test_a_renamed_program_a_large_file_and_another_office_are_refused(settings):
    event = training()
    with pytest.raises(ValidationError) as bad:
        services.event_file_add(
            event=event, upload=SimpleUploadedFile("photo.jpg", b"MZ\x90\x00"), actor=None
        )
    assert bad.value.code == "bad_type"
    settings.UDBHABON_MAX_UPLOAD_BYTES = 10
    with pytest.raises(ValidationError) as big:
        services.event_file_add(event=event, upload=SimpleUploadedFile("a.pdf", PDF), actor=None)
    assert big.value.code == "too_large"
    settings.UDBHABON_MAX_UPLOAD_BYTES = 10_000
    with pytest.raises(permissions.PermissionDenied):
        services.event_file_add(
            event=event,
            upload=SimpleUploadedFile("a.pdf", PDF),
            actor=None,
            post=post_of("khulna.io"),
        )
    assert not EventFile.objects.exists()


def test_no_files_for_a_cancelled_event():
    event = training()
    services.event_cancel(event=event, reason="বন্যা", actor=None)
    with pytest.raises(ValidationError):
        services.event_file_add(event=event, upload=SimpleUploadedFile("a.pdf", PDF), actor=None)
    assert not EventFile.objects.exists()


def test_the_page_shows_the_photo_and_only_those_who_see_the_event_read_it(login):
    event = training()
    client = login("dhaka.io")
    response = client.post(
        f"/events/{event.pk}/files/",
        {"file": SimpleUploadedFile("day.png", PNG, content_type="image/png"), "caption": "দিন"},
    )
    assert response.status_code == 302
    item = event.files.get()
    url = f"/events/{event.pk}/files/{item.pk}/"
    page = client.get(f"/events/{event.pk}/").content.decode()
    assert f'<img src="{url}"' in page
    shown = login("dhakadiv.io").get(url)
    assert shown.status_code == 200 and shown.content == PNG
    assert shown["Content-Type"] == "image/png" and shown["Content-Disposition"].startswith(
        "inline"
    )
    assert login("khulna.io").get(url).status_code == 403
    assert login("dhakadiv.io").post(f"{url}remove/").status_code == 403
    assert client.post(f"{url}remove/").status_code == 302
    assert not EventFile.objects.exists()


def test_a_bad_upload_says_why_and_saves_nothing(login):
    event = training()
    client = login("dhaka.io")
    client.post(
        f"/events/{event.pk}/files/",
        {"file": SimpleUploadedFile("virus.pdf", b"MZ\x90\x00", content_type="application/pdf")},
    )
    page = client.get(f"/events/{event.pk}/").content.decode()
    assert "virus.pdf" in page
    assert not EventFile.objects.exists()
