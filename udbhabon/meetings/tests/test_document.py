"""Minutes in and out: the Natore seed confirmed into a meeting, and written back out."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError

from udbhabon.documents.contract import ITEM_KEYS, LETTER_KEYS, MEETING_KEYS, SECTION_KEYS
from udbhabon.meetings import services
from udbhabon.meetings.document import meeting_as_document, meeting_as_section
from udbhabon.meetings.models import Meeting, MeetingKind
from udbhabon.meetings.queries import meeting_page

pytestmark = pytest.mark.django_db


def _contract(section: dict) -> dict:
    """The section filtered to the contract's keys (the writers' extras dropped)."""
    out = {k: section[k] for k in SECTION_KEYS}
    if out["letter"]:
        out["letter"] = {k: out["letter"][k] for k in LETTER_KEYS}
    out["meeting"] = {k: out["meeting"][k] for k in MEETING_KEYS}
    out["items"] = [{k: i[k] for k in ITEM_KEYS["meeting_minutes"]} for i in out["items"]]
    return out


def test_it_confirms_the_natore_minutes_into_a_meeting(natore, io, io_user, section):
    meeting = services.meeting_import(
        office=natore, section=section, actor=io_user, post=io, source="003_3399e0873caf543a.txt"
    )
    assert meeting.status == Meeting.Status.DRAFTED
    assert meeting.kind == MeetingKind.COMMITTEE
    assert meeting.title == "জেলা ইনোভেশন কমিটির মে, ২০১৯ মাসের সমন্বয় সভার কার্যবিবরণী"
    assert meeting.date == dt.date(2019, 5, 28) and meeting.time == dt.time(10, 10)
    assert meeting.place == "জেলা প্রশাসকের সম্মেলন কক্ষ, নাটোর।"
    assert meeting.chair_text.startswith("মোঃ আশরাফুল ইসলাম")
    assert meeting.memo_number == "০৫.৪৩.৬৯০০.০২৩.০৬.০০২.১৬.৭৩"
    assert meeting.memo_date == dt.date(2019, 5, 28)
    items = list(meeting.items.order_by("serial"))
    assert len(items) == 7
    assert items[4].topic == "সোশ্যাল মিডিয়ার ব্যবহার"
    assert items[6].decision == "জেলার উন্নাবনী প্রকল্প পরিদর্শন করতে হবে।"
    assert {i.implementer_text for i in items} == {"সংশ্লিষ্ট দপ্তর প্রধান (সকল), নাটোর।"}
    assert meeting.distribution.count() == 7
    assert meeting.history.first().history_change_reason == "imported"


def test_it_writes_an_imported_meeting_back_as_the_same_contract_section(
    natore, io, io_user, section
):
    meeting = services.meeting_import(office=natore, section=section, actor=io_user, post=io)
    out = meeting_as_section(meeting_page(meeting.pk))
    expected = _contract(section)
    got = _contract(out)
    # The paper's mistaken Bangla date ("২০ জ্যোতি" for 28 May 2019) is printed as the
    # paper wrote it until the officer accepts the computed one (issue 16, item 3).
    written = expected["letter"].pop("bangla_date")
    assert got["letter"].pop("bangla_date") == written and written["day"] == 20
    assert got == expected
    services.meeting_accept_bangla_date(meeting=meeting, actor=io_user, post=io)
    accepted = meeting_as_section(meeting_page(meeting.pk))
    assert accepted["letter"]["bangla_date"] == {"day": 14, "month": "জ্যৈষ্ঠ", "year": 1426}
    # The writers' extras: the letterhead of the office.
    assert out["header"]["office"] == "জেলা প্রশাসকের কার্যালয়, নাটোর"


def test_it_refuses_to_import_the_same_minutes_twice_or_a_plan(natore, io, io_user, section):
    services.meeting_import(office=natore, section=section, actor=io_user, post=io)
    with pytest.raises(ValidationError):
        services.meeting_import(office=natore, section=section, actor=io_user, post=io)
    with pytest.raises(ValidationError):
        services.meeting_import(
            office=natore, section={**section, "kind": "action_plan"}, actor=io_user, post=io
        )
    assert Meeting.objects.filter(office=natore).count() == 1


def test_it_saves_nothing_when_an_import_fails_halfway(natore, io, io_user, section):
    # The eighth item is not text: the seven before it and the meeting are not kept.
    broken = {**section, "items": [*section["items"], {"serial": 8, "topic": ["ক"]}]}
    with pytest.raises(ValidationError):
        services.meeting_import(office=natore, section=broken, actor=io_user, post=io)
    assert not Meeting.objects.filter(office=natore).exists()


def test_it_lets_only_the_offices_editors_import(natore, io_user, section):
    from django.core.exceptions import PermissionDenied

    from conftest import post_of

    with pytest.raises(PermissionDenied):
        services.meeting_import(
            office=natore, section=section, actor=io_user, post=post_of("rajshahidiv.io")
        )


def test_it_writes_the_minutes_as_pdf_and_docx(make_meeting, io, io_user, chair):
    from docx import Document
    from pypdf import PdfReader

    from udbhabon.documents.writers import write_document
    from udbhabon.meetings.tests.conftest import decide, send

    meeting = make_meeting()
    decide(meeting, io_user, io, {1: ("সেবা সহজ করতে হবে।", "সহকারী কমিশনার (আইসিটি)")})
    send(meeting, io_user, chair)
    doc = meeting_as_document(meeting_page(meeting.pk))
    pdf = write_document(doc, "pdf")
    assert pdf.startswith(b"%PDF") and PdfReader(BytesIO(pdf)).attachments
    docx = Document(BytesIO(write_document(doc, "docx")))
    text = "\n".join(c.text for t in docx.tables for r in t.rows for c in r.cells)
    text += "\n".join(p.text for p in docx.paragraphs)
    assert "সেবা সহজ করতে হবে।" in text
    assert meeting.memo_number in text.replace(" ", "")


def test_it_saves_minutes_confirmed_through_the_upload_pipeline(natore, io_user):
    """documents.importing.SAVERS names services.meeting_import for minutes."""
    from pathlib import Path

    from django.conf import settings

    from udbhabon.documents import services as documents
    from udbhabon.documents.models import ImportJob

    name = "003_3399e0873caf543a.txt"
    data = (Path(settings.BASE_DIR) / "data" / "seeds" / name).read_bytes()
    job = documents.import_upload(office=natore, actor=io_user, name=name, data=data)
    if job.status == ImportJob.Status.QUEUED:
        job = documents.import_read(job_id=job.pk)
    created = documents.import_confirm(job=job, actor=io_user)
    assert [c["model"] for c in created] == ["meetings.Meeting"]
    meeting = Meeting.objects.get(pk=created[0]["id"])
    assert meeting.source == name and meeting.items.count() == 7
    assert meeting.status == Meeting.Status.DRAFTED
