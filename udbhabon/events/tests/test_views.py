"""The event pages: a new event refused when it ends before it starts, attendance on a
phone-sized form, the certificate PDF and its public verification (name and event only),
the attendance sheet with its signature column."""

from __future__ import annotations

import datetime as dt

import pytest

from udbhabon.events import services
from udbhabon.events.models import Event
from udbhabon.offices.models import Office

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 3, 10)


def held_training():
    event = services.event_create(
        office=Office.objects.get(code="dc-dhaka"),
        kind="training",
        title="ইনোভেশন বিষয়ে প্রশিক্ষণ",
        starts_on=DAY,
        actor=None,
    )
    guest = services.participant_add_guest(
        event=event, name="মোছাঃ রোকেয়া খাতুন", phone="01711000002", actor=None
    )
    services.event_mark_held(event=event, held_on=DAY, actor=None)
    return event, guest


def test_it_refuses_a_new_event_that_ends_before_it_starts(login):
    response = login("dhaka.io").post(
        "/events/office/dc-dhaka/new/",
        {"kind": "training", "title": "x", "starts_on": "2026-03-10", "ends_on": "2026-03-01"},
    )
    assert response.status_code == 400
    assert "অনুষ্ঠান শুরুর আগে শেষ হতে পারে না" in response.content.decode()
    assert not Event.objects.exists()


def test_it_marks_attendance_and_lists_the_event_in_the_offices_list(login):
    event, guest = held_training()
    client = login("dhaka.io")
    page = client.get(f"/events/{event.pk}/").content.decode()
    assert f'name="present" value="{guest.pk}"' in page
    client.post(f"/events/{event.pk}/attendance/", {"present": [str(guest.pk)]})
    guest.refresh_from_db()
    assert guest.present
    listing = login("dhakadiv.io").get("/events/office/dc-dhaka/?kind=training")
    assert event.title in listing.content.decode()


def test_a_certificate_downloads_and_its_serial_verifies_publicly(login, client):
    event, guest = held_training()
    services.attendance_mark(event=event, present_ids=[guest.pk], actor=None)
    response = login("dhaka.io").get(f"/events/{event.pk}/certificate/{guest.pk}.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    guest.refresh_from_db()
    assert len(guest.certificate_serial) == 16
    page = client.get(f"/events/certificates/{guest.certificate_serial}/")
    text = page.content.decode()
    assert page.status_code == 200 and guest.name in text and event.title in text
    assert "01711000002" not in text
    assert client.get("/events/certificates/0000000000000000/").status_code == 404


def test_no_certificate_for_someone_who_did_not_attend(login):
    event, guest = held_training()
    response = login("dhaka.io").get(f"/events/{event.pk}/certificate/{guest.pk}.pdf")
    assert response.status_code == 302
    guest.refresh_from_db()
    assert guest.certificate_serial == ""


def test_the_attendance_sheet_is_a_pdf(login):
    event, _guest = held_training()
    response = login("dhaka.io").get(f"/events/{event.pk}/attendance.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_events_appear_on_the_offices_calendar_and_in_its_feed(login):
    event, _guest = held_training()
    client = login("dhaka.io")
    month = client.get("/plans/office/dc-dhaka/calendar/?month=2026-03").content.decode()
    assert f"/events/{event.pk}/" in month
    feed = client.get("/plans/office/dc-dhaka/calendar.ics").content.decode()
    assert f"UID:event-{event.pk}@udbhabon" in feed and "DTSTART;VALUE=DATE:20260310" in feed


def test_the_calendar_source_is_wired_by_the_events_app():
    from udbhabon.events.queries import calendar_entries
    from udbhabon.plans.queries.calendar import SOURCES

    assert calendar_entries in SOURCES


def test_supervision_counts_events_by_kind_people_trained_and_circles_against_schedule(
    login,
):
    from conftest import post_of

    savar = post_of("savar.uno").office
    event = services.event_create(
        office=savar, kind="training", title="প্রশিক্ষণ", starts_on=DAY, actor=None
    )
    row = services.participant_add_guest(event=event, name="ক", actor=None)
    services.event_mark_held(event=event, held_on=DAY, actor=None)
    services.attendance_mark(event=event, present_ids=[row.pk], actor=None)
    services.event_create(office=savar, kind="circle", title="সার্কেল", starts_on=DAY, actor=None)
    from udbhabon.events.queries import supervision_figures

    division = Office.objects.get(code="div-dhaka")
    dhaka = Office.objects.get(code="dc-dhaka")
    [district, total] = supervision_figures(
        division, [dhaka], dt.date(2025, 7, 1), dt.date(2026, 6, 30)
    )
    assert district.held_by_kind == {"training": 1} and district.people_trained == 1
    assert (district.circles_held, district.circles_planned) == (0, 1)
    assert total.held == 1
    page = login("dhakadiv.io").get("/supervision/div-dhaka/events/?year=2025")
    assert page.status_code == 200 and "০/১" in page.content.decode()


def _xlsx(rows):
    import io

    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    out.name = "list.xlsx"
    return out


def test_participants_export_and_import_as_xlsx_all_or_nothing(login):
    import io

    from openpyxl import load_workbook

    event, guest = held_training()
    client = login("dhaka.io")
    sheet = client.get(f"/events/{event.pk}/participants.xlsx")
    rows = list(load_workbook(io.BytesIO(sheet.content)).active.iter_rows(values_only=True))
    assert rows[0][0] == "নাম" and rows[1][0] == guest.name
    bad = _xlsx([["নাম", "মোবাইল নম্বর"], ["করিম", "01711000003"], ["", ""], ["রহিম", "01711000002"]])
    client.post(f"/events/{event.pk}/participants/upload/", {"file": bad})
    assert event.participants.count() == 1  # line 4 repeats a number: nothing saved
    good = _xlsx([["name", "mobile number"], ["করিম", "০১৭১১০০০০০৩"], ["রহিম", ""]])
    client.post(f"/events/{event.pk}/participants/upload/", {"file": good})
    assert event.participants.count() == 3
    assert event.participants.filter(phone="01711000003").exists()
    junk = io.BytesIO(b"not a workbook")
    junk.name = "x.xlsx"
    client.post(f"/events/{event.pk}/participants/upload/", {"file": junk})
    assert event.participants.count() == 3
