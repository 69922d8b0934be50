"""The participant totals: by office, by gender and by the office's level where given;
the gender travels through the XLSX list both ways, and a wrong one refuses the list."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook, load_workbook

from conftest import post_of
from udbhabon.events import queries, services, sheets
from udbhabon.events.models import Event, Gender, Participant
from udbhabon.offices.models import Office, Post

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 3, 10)


def training() -> Event:
    return services.event_create(
        office=Office.objects.get(code="dc-dhaka"),
        kind="training",
        title="ইনোভেশন বিষয়ে প্রশিক্ষণ",
        starts_on=DAY,
        actor=None,
    )


def book(rows: list[list[str]]) -> bytes:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_totals_by_office_gender_and_level():
    event = training()
    savar = post_of("savar.uno").office
    services.participants_invite_posts(
        event=event, posts=Post.objects.filter(office=savar, is_active=True), actor=None
    )
    a = services.participant_add_guest(
        event=event, name="রোকেয়া", office_text="যুব উন্নয়ন", gender="female", actor=None
    )
    services.participant_add_guest(
        event=event, name="করিম", office_text="যুব উন্নয়ন", gender="পুরুষ", actor=None
    )
    services.event_mark_held(event=event, held_on=DAY, actor=None)
    services.attendance_mark(event=event, present_ids=[a.pk], actor=None)
    rows = queries.participants(event)
    totals = queries.totals(rows)
    posts = Post.objects.filter(office=savar, is_active=True).count()
    by_office = {t.label: (t.invited, t.present) for t in totals["by_office"]}
    assert by_office == {savar.name: (posts, 0), "যুব উন্নয়ন": (2, 1)}
    by_gender = {t.label: (t.invited, t.present) for t in totals["by_gender"]}
    assert by_gender == {str(Gender.FEMALE.label): (1, 1), str(Gender.MALE.label): (1, 0)}
    [level] = totals["by_level"]
    assert (level.label, level.invited) == (str(savar.get_level_display()), posts)


def test_a_wrong_gender_is_refused_with_its_line_and_nothing_saved():
    event = training()
    with pytest.raises(ValidationError):
        services.participant_add_guest(event=event, name="ক", gender="unknown", actor=None)
    rows = sheets.read_guests(book([["নাম", "লিঙ্গ"], ["রোকেয়া", "নারী"], ["করিম", "অজানা"]]))
    with pytest.raises(ValidationError) as exc:
        services.participants_import(event=event, rows=rows, actor=None)
    assert any("3" in m for m in exc.value.messages)
    assert not Participant.objects.exists()


def test_the_gender_goes_out_and_comes_back_through_the_list(login):
    event = training()
    rows = sheets.read_guests(book([["নাম", "লিঙ্গ"], ["রোকেয়া", "নারী"], ["করিম", "male"]]))
    assert services.participants_import(event=event, rows=rows, actor=None) == 2
    assert sorted(event.participants.values_list("gender", flat=True)) == ["female", "male"]
    sheet = login("dhaka.io").get(f"/events/{event.pk}/participants.xlsx")
    got = list(load_workbook(io.BytesIO(sheet.content)).active.iter_rows(values_only=True))
    assert "লিঙ্গ" in got[0] and "নারী" in got[1]
    page = login("dhaka.io").get(f"/events/{event.pk}/").content.decode()
    assert "নারী" in page and "পুরুষ" in page
