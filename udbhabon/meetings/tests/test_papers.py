"""Minutes as filed (issue 16, item 2): the attendance annex, the draft mark, the notice
of an agenda-only meeting, two signatures and two copy lists with their purposes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from udbhabon.documents.reader import read_document
from udbhabon.documents.writers import write_document
from udbhabon.documents.writers.extraction import extract_pdftotext
from udbhabon.meetings import services
from udbhabon.meetings.document import meeting_as_document
from udbhabon.meetings.models import DistributionEntry, Meeting
from udbhabon.meetings.queries import meeting_page
from udbhabon.meetings.tests.conftest import decide
from udbhabon.offices import services as offices

pytestmark = pytest.mark.django_db

CHAIR = {"name": "মোঃ আশরাফুল ইসলাম", "designation": "অতিরিক্ত জেলা প্রশাসক (সার্বিক), নাটোর।"}
SECRETARY = {"name": "সাঈফ-উল-আরিফিন", "designation": "সহকারী কমিশনার, আইসিটি শাখা"}


def _docx_text(data: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()


@pytest.fixture
def decided(make_meeting, io, io_user, natore):
    offices.form_settings_save(
        office=natore,
        post=io,
        actor=io_user,
        signatories=[
            {"role": "chair", **CHAIR},
            {"role": "member_secretary", **SECRETARY},
        ],
    )
    meeting = make_meeting()
    team = services.team_posts(natore)
    services.attendance_record(
        meeting=meeting,
        present_posts=[p.pk for p in team],
        guests=services.parse_guests("জনাব করিম, উপ-পরিচালক, জেলা সমাজসেবা কার্যালয়, নাটোর"),
        actor=io_user,
        post=io,
    )
    decide(meeting, io_user, io, {1: ("সেবা সহজ করতে হবে।", "সহকারী কমিশনার (আইসিটি)")})
    return meeting


def _download(client, meeting, fmt="pdf"):
    return client.get(reverse("meetings:download", kwargs={"pk": meeting.pk, "fmt": fmt}))


def test_it_marks_unsigned_minutes_as_a_draft_and_names_the_file_so(decided, login):
    section = meeting_as_document(meeting_page(decided.pk))["sections"][0]
    assert section["draft"] and not section["notice"]
    response = _download(login("natore.io"), decided)
    assert "minutes-draft-dc-natore" in response["Content-Disposition"]
    assert "খসড়া" in extract_pdftotext(response.content)
    docx = _download(login("natore.io"), decided, "docx")
    assert "খসড়া" in _docx_text(docx.content)


def test_it_prints_the_attendance_annex_it_refers_to(decided):
    doc = meeting_as_document(meeting_page(decided.pk))
    names = [a.name for a in decided.attendance.all() if a.present and a.name]
    assert "জনাব করিম" in names
    text = extract_pdftotext(write_document(doc, "pdf"))
    assert "পরিশিষ্ট “ক” দ্রষ্টব্য" in text
    assert "পরিশিষ্ট" in text.split("দ্রষ্টব্য", 1)[1] and "স্বাক্ষর" in text
    for name in names:
        assert name in text
    assert "জনাব করিম" in _docx_text(write_document(doc, "docx"))
    # the annex and the draft mark are not read back as minutes: the record reads the same
    back = read_document(write_document(doc, "docx"), "m.docx")["sections"][0]
    assert back["signatories"] == doc["sections"][0]["signatories"]
    assert [i["decision"] for i in back["items"]] == [
        i["decision"] for i in doc["sections"][0]["items"]
    ]


def test_it_leaves_the_annex_out_when_the_minutes_name_another_reference(decided, io, io_user):
    decided.attendance_reference = "সংযুক্ত হাজিরা অনুযায়ী"
    decided.save()
    doc = meeting_as_document(meeting_page(decided.pk))
    assert "স্বাক্ষর" not in extract_pdftotext(write_document(doc, "pdf"))


def test_the_usual_sentences_are_offered_as_placeholders_never_saved_or_printed(
    make_meeting, login
):
    """Issue 16: the paper says only what the record says; and the editor's page sent
    back unchanged changes nothing (the fuzz test found the offered text being saved)."""
    from udbhabon.documents.writers.layout import offered

    meeting = make_meeting()
    assert meeting.opening == "" and meeting.closing == ""
    client = login("natore.io")
    url = reverse("meetings:minutes", kwargs={"pk": meeting.pk})
    page = client.get(url).text
    opening = page.split('name="m-opening"')[1].split("</textarea>")[0]
    assert f'placeholder="{offered("bn")["opening"][:40]}' in opening
    assert opening.endswith(">\n")  # no value: the box is empty
    from tests.test_fuzz import form_fields

    # the header as the page shows it, sent back as it is
    header = {k: v.strip() for k, v in form_fields(client, url).items() if k.startswith("m-")}
    assert header["m-opening"] == "" and header["m-closing"] == ""
    assert client.post(url, header).status_code == 302
    meeting.refresh_from_db()
    assert (meeting.opening, meeting.version) == ("", 1)  # nothing changed
    text = extract_pdftotext(write_document(meeting_as_document(meeting_page(meeting.pk)), "pdf"))
    assert "দৃঢ়ীকরণ" not in text
    written = "সভাপতি সবাইকে স্বাগত জানান।"
    assert client.post(url, header | {"m-opening": written}).status_code == 302
    meeting.refresh_from_db()
    assert meeting.opening == written


def test_it_downloads_an_agenda_only_meeting_as_its_notice(make_meeting, login):
    meeting = make_meeting()
    section = meeting_as_document(meeting_page(meeting.pk))["sections"][0]
    assert section["notice"]
    response = _download(login("natore.io"), meeting)
    assert "notice-dc-natore" in response["Content-Disposition"]
    text = extract_pdftotext(response.content)
    assert "সভার নোটিশ" in text and "আলোচনা" not in text.split("সভার নোটিশ", 1)[1]
    assert meeting.items.first().topic.split()[0] in text


def test_it_signs_minutes_by_the_chair_and_the_memo_by_the_member_secretary(
    decided, io, io_user, chair, login
):
    services.minutes_sign_and_send(
        meeting=decided,
        date=decided.date,
        distribution=["বিভাগীয় কমিশনার, রাজশাহী বিভাগ, রাজশাহী।"],
        copies_action=services.default_copies_action(decided),
        actor=io_user,
        post=chair,
    )
    meeting = meeting_page(decided.pk)
    section = meeting_as_document(meeting)["sections"][0]
    assert not section["draft"] and not section["notice"]
    text = extract_pdftotext(write_document({"sections": [section], "warnings": []}, "pdf"))
    assert "খসড়া" not in text
    info = text.index("অনুলিপি সদয় জ্ঞাতার্থে")
    secretary = text.index(SECRETARY["name"], info)
    action = text.index("অনুলিপি জ্ঞাতার্থে/কার্যার্থে")
    assert text.index(CHAIR["name"]) < info < secretary < action
    purposes = [(d.purpose, d.text) for d in meeting.distribution.all()]
    assert purposes[0] == ("information", "বিভাগীয় কমিশনার, রাজশাহী বিভাগ, রাজশাহী।")
    assert {p for p, _ in purposes[1:]} == {"action"} and len(purposes) > 2
    assert all(t.startswith("জনাব ") for _, t in purposes[1:])
    page = login("natore.io").get(reverse("meetings:detail", kwargs={"pk": meeting.pk})).text
    assert page.index("অনুলিপি সদয় জ্ঞাতার্থে") < page.index("অনুলিপি জ্ঞাতার্থে/কার্যার্থে")
    assert "minutes-dc-natore" in _download(login("natore.io"), meeting)["Content-Disposition"]


def test_it_keeps_the_two_copy_lists_of_imported_minutes(natore, io_user):
    from udbhabon.documents import services as documents
    from udbhabon.documents.models import ImportJob

    name = "003_3399e0873caf543a.txt"
    data = (Path(settings.BASE_DIR) / "data" / "seeds" / name).read_bytes()
    job = documents.import_upload(office=natore, actor=io_user, name=name, data=data)
    if job.status == ImportJob.Status.QUEUED:
        job = documents.import_read(job_id=job.pk)
    created = documents.import_confirm(job=job, actor=io_user)
    meeting = Meeting.objects.get(pk=created[0]["id"])
    entries = list(meeting.distribution.all())
    assert [e.purpose for e in entries] == ["information"] * 6 + ["action"]
    assert entries[-1].text == "জনাব, ....., নাটোর"
    assert entries[-1].purpose == DistributionEntry.Purpose.ACTION
    # the paper's own opening and closing are kept, not replaced by stock sentences
    assert meeting.opening.startswith("উপস্থিত সকলকে স্বাগত জানিয়ে সভার কাজ শুরু করা হয়। অতঃপর")
    assert meeting.closing.endswith("সভার সমাপ্তি ঘোষণা করা হয়।")
    section = meeting_as_document(meeting_page(meeting.pk))["sections"][0]
    assert not section["draft"]  # read from a signed paper
    headings = [c["heading"] for c in section["letter"]["copy_lists"]]
    assert headings == ["অনুলিপি সদয় জ্ঞাতার্থে:", "অনুলিপি জ্ঞাতার্থে/কার্যার্থে:"]
    # written out, it reads back to the same flat contract list
    back = read_document(write_document({"sections": [section], "warnings": []}, "docx"), "x.docx")
    assert back["sections"][0]["letter"]["distribution"] == section["letter"]["distribution"]


def test_it_flags_a_wrong_bangla_date_and_prints_the_corrected_one_only_if_accepted(
    natore, io_user, login
):
    from udbhabon.documents import services as documents
    from udbhabon.documents.models import ImportJob

    name = "003_3399e0873caf543a.txt"
    data = (Path(settings.BASE_DIR) / "data" / "seeds" / name).read_bytes()
    job = documents.import_upload(office=natore, actor=io_user, name=name, data=data)
    if job.status == ImportJob.Status.QUEUED:
        job = documents.import_read(job_id=job.pk)
    meeting = Meeting.objects.get(pk=documents.import_confirm(job=job, actor=io_user)[0]["id"])
    assert meeting.memo_bangla_date == {"day": 20, "month": "জ্যৈষ্ঠ", "year": 1426}
    client = login("natore.io")
    page = client.get(reverse("meetings:detail", kwargs={"pk": meeting.pk})).text
    assert "২০ জ্যৈষ্ঠ ১৪২৬" in page and "১৪ জ্যৈষ্ঠ ১৪২৬" in page  # flagged, both shown
    before = extract_pdftotext(_download(client, meeting).content)
    assert "২০ জ্যৈষ্ঠ ১৪২৬" in before and "১৪ জ্যৈষ্ঠ ১৪২৬" not in before  # as written
    url = reverse("meetings:accept_bangla_date", kwargs={"pk": meeting.pk})
    assert client.post(url).status_code == 302
    after = extract_pdftotext(_download(client, meeting).content)
    assert "১৪ জ্যৈষ্ঠ ১৪২৬" in after and "২০ জ্যৈষ্ঠ ১৪২৬" not in after
    assert "২৮ মে ২০১৯" in after  # both calendars
    meeting.refresh_from_db()
    assert meeting.history.first().history_change_reason == "computed Bangla date accepted"
