"""The meetings pages through the test client: forms, the autosave endpoint, htmx partials."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from udbhabon.meetings import services
from udbhabon.meetings.models import ActionItem, AgendaItem, Attendance, Meeting, MeetingSchedule
from udbhabon.meetings.tests.conftest import decide, send

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


def _item_data(item: AgendaItem, **changes) -> dict:
    data = {
        "topic": item.topic,
        "discussion": item.discussion,
        "decision": item.decision,
        "implementer_text": item.implementer_text,
        "due_date": item.due_date.isoformat() if item.due_date else "",
        "version": item.version,
    }
    data.update(changes)
    return {f"i{item.pk}-{k}": v for k, v in data.items()}


def test_it_creates_a_meeting_with_its_agenda(login, natore, chair):
    client = login("natore.io")
    response = client.post(
        reverse("meetings:new", kwargs={"code": "dc-natore"}),
        {
            "kind": "team_monthly",
            "date": "2019-05-28",
            "time": "10:10",
            "place": "সম্মেলন কক্ষ",
            "chair_post": chair.pk,
        },
    )
    meeting = Meeting.objects.get(office=natore)
    assert response.status_code == 302 and response["Location"] == reverse(
        "meetings:detail", kwargs={"pk": meeting.pk}
    )
    assert meeting.items.count() == 8 and meeting.chair_post == chair
    page = client.get(response["Location"]).content.decode()
    assert "দপ্তরের সেবা সহজীকরণ" in page and "সভাপতি" in page


def test_it_keeps_what_was_typed_when_a_new_meeting_is_refused(login):
    response = login("natore.io").post(
        reverse("meetings:new", kwargs={"code": "dc-natore"}),
        {"kind": "team_monthly", "place": "কক্ষ ৩"},
    )
    assert response.status_code == 400
    assert 'value="কক্ষ ৩"' in response.content.decode()


def test_it_autosaves_one_item_and_answers_with_its_new_version(login, make_meeting):
    meeting = make_meeting()
    item = meeting.items.get(serial=1)
    url = reverse("meetings:minutes", kwargs={"pk": meeting.pk})
    response = login("natore.io").post(url, _item_data(item, decision="সিদ্ধান্ত ১"), headers=HTMX)
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.decision == "সিদ্ধান্ত ১" and item.version == 2
    body = response.content.decode()
    assert f'name="i{item.pk}-version" value="2"' in body and 'hx-swap-oob="true"' in body
    assert 'data-state="saved"' in body


def test_it_answers_409_with_their_text_when_the_version_is_stale(login, make_meeting):
    meeting = make_meeting()
    item = meeting.items.get(serial=1)
    url = reverse("meetings:minutes", kwargs={"pk": meeting.pk})
    client = login("natore.io")
    client.post(url, _item_data(item, decision="আগের জনের লেখা"), headers=HTMX)
    stale = _item_data(item, decision="আমার লেখা")  # still version 1
    response = client.post(url, stale, headers=HTMX)
    assert response.status_code == 409
    body = response.content.decode()
    assert "আগের জনের লেখা" in body and "data-keep-mine" in body
    assert AgendaItem.objects.get(pk=item.pk).decision == "আগের জনের লেখা"
    # Without JavaScript: the page comes back with the typed text and the newer
    # version, so that saving again keeps it on purpose.
    response = client.post(url, stale)
    assert response.status_code == 409
    body = response.content.decode()
    assert "আমার লেখা" in body and "আগের জনের লেখা" in body
    assert f'name="i{item.pk}-version" value="2"' in body


def test_it_saves_the_whole_form_without_javascript(login, make_meeting):
    meeting = make_meeting()
    data = {
        "m-title": "মাসিক সভা",
        "m-date": "2019-05-28",
        "m-time": "",
        "m-place": "",
        "m-chair_text": "",
        "m-attendance_reference": "",
        "m-opening": "",
        "m-closing": "",
        "m-version": meeting.version,
    }
    for item in meeting.items.all():
        data.update(_item_data(item, decision=f"সিদ্ধান্ত {item.serial}"))
    response = login("natore.io").post(reverse("meetings:minutes", kwargs={"pk": meeting.pk}), data)
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.title == "মাসিক সভা" and meeting.date == dt.date(2019, 5, 28)
    assert set(meeting.items.values_list("decision", flat=True)) == {
        f"সিদ্ধান্ত {n}" for n in range(1, 9)
    }


def test_it_refuses_an_empty_topic_next_to_the_field(login, make_meeting):
    meeting = make_meeting()
    item = meeting.items.get(serial=1)
    response = login("natore.io").post(
        reverse("meetings:minutes", kwargs={"pk": meeting.pk}),
        _item_data(item, topic=""),
        headers=HTMX,
    )
    assert response.status_code == 400
    assert "partstate--error" in response.content.decode()
    assert AgendaItem.objects.get(pk=item.pk).topic == item.topic


def test_it_saves_typed_text_before_moving_an_item(login, make_meeting):
    meeting = make_meeting()
    first = meeting.items.get(serial=1)
    data = _item_data(first, discussion="না হারানো লেখা")
    data["op"] = f"down:{first.pk}"
    response = login("natore.io").post(reverse("meetings:agenda", kwargs={"pk": meeting.pk}), data)
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.discussion == "না হারানো লেখা" and first.serial == 2


def test_it_adds_and_removes_agenda_items(login, make_meeting):
    meeting = make_meeting()
    client = login("natore.io")
    url = reverse("meetings:agenda", kwargs={"pk": meeting.pk})
    client.post(url, {"op": "add", "new_topic": "ই-নথি বাস্তবায়ন"})
    added = meeting.items.get(topic="ই-নথি বাস্তবায়ন")
    client.post(url, {"op": f"remove:{added.pk}"})
    assert not meeting.items.filter(pk=added.pk).exists()
    assert client.post(url, {"op": "nonsense"}).status_code == 404


def test_it_takes_attendance_from_the_team_and_guest_lines(login, make_meeting, chair, io):
    meeting = make_meeting()
    url = reverse("meetings:attendance", kwargs={"pk": meeting.pk})
    client = login("natore.io")
    page = client.get(url).content.decode()
    assert "মোঃ আশরাফুল ইসলাম" in page
    response = client.post(
        url,
        {
            "present": [chair.pk, io.pk],
            "guests": "জনাব ক, প্রধান শিক্ষক, নাটোর সরকারি বালক উচ্চ বিদ্যালয়\nজনাব খ, সাংবাদিক",
        },
    )
    assert response.status_code == 302
    rows = Attendance.objects.filter(meeting=meeting)
    assert rows.filter(present=True, is_guest=False).count() == 2
    assert rows.filter(is_guest=True).count() == 2


def test_it_signs_sends_and_shows_the_parent_the_received_minutes(login, make_meeting, io, io_user):
    meeting = make_meeting()
    decide(meeting, io_user, io, {1: ("ক করতে হবে।", "")})
    client = login("natore.adc")
    form = client.get(reverse("meetings:send", kwargs={"pk": meeting.pk})).content.decode()
    assert "বিভাগীয় কমিশনারের কার্যালয়, রাজশাহী" in form  # the parent office, by default
    response = client.post(
        reverse("meetings:send", kwargs={"pk": meeting.pk}),
        {"date": "2019-05-28", "distribution": "বিভাগীয় কমিশনার, রাজশাহী\nমন্ত্রিপরিষদ বিভাগ"},
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.is_sent and meeting.distribution.count() == 2
    assert meeting.distribution.get(serial=1).office.code == "div-rajshahi"
    received = login("rajshahidiv.io").get(
        reverse("meetings:received", kwargs={"code": "div-rajshahi"})
    )
    body = received.content.decode()
    assert meeting.title in body and "মে, ২০১৯" in body and "বিলম্বে" in body
    # Cabinet sees it too (everything below); Khulna's district does not.
    assert (
        meeting.title
        in login("cabinet.io")
        .get(reverse("meetings:received", kwargs={"code": "cabinet"}))
        .content.decode()
    )
    assert (
        login("khulna.io").get(reverse("meetings:detail", kwargs={"pk": meeting.pk})).status_code
        == 403
    )


def test_it_refuses_edits_to_sent_minutes(login, make_meeting, io, io_user, chair):
    meeting = make_meeting()
    decide(meeting, io_user, io, {1: ("ক", "")})
    send(meeting, io_user, chair)
    item = meeting.items.get(serial=1)
    url = reverse("meetings:minutes", kwargs={"pk": meeting.pk})
    client = login("natore.io")
    assert client.post(url, _item_data(item, decision="বদল"), headers=HTMX).status_code == 409
    assert client.get(url).status_code == 302
    assert AgendaItem.objects.get(pk=item.pk).decision == "ক"


def test_it_corrects_sent_minutes_as_a_new_version(login, make_meeting, io, io_user, chair):
    meeting = make_meeting()
    decide(meeting, io_user, io, {1: ("ক", "")})
    send(meeting, io_user, chair)
    client = login("natore.adc")
    response = client.post(
        reverse("meetings:correct", kwargs={"pk": meeting.pk}), {"reason": "বানান"}
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.DRAFTED
    page = client.get(reverse("meetings:version", kwargs={"pk": meeting.pk, "number": 1}))
    assert page.status_code == 200 and "ক" in page.content.decode()
    assert (
        client.get(reverse("meetings:version", kwargs={"pk": meeting.pk, "number": 9})).status_code
        == 404
    )


@pytest.mark.parametrize(("fmt", "start"), [("pdf", b"%PDF"), ("docx", b"PK")])
def test_it_downloads_the_minutes(login, make_meeting, io, io_user, fmt, start):
    meeting = make_meeting()
    decide(meeting, io_user, io, {1: ("ক", "")})
    response = login("natore.io").get(
        reverse("meetings:download", kwargs={"pk": meeting.pk, "fmt": fmt})
    )
    assert response.status_code == 200 and response.content.startswith(start)
    assert "attachment" in response["Content-Disposition"]


def test_it_closes_a_decision_from_the_action_items_page(login, make_meeting, io, io_user, chair):
    meeting = make_meeting()
    decide(
        meeting, io_user, io, {1: ("ক করতে হবে।", "সহকারী কমিশনার (আইসিটি)"), 2: ("খ করতে হবে।", "")}
    )
    send(meeting, io_user, chair)
    client = login("natore.io")
    page = client.get(reverse("meetings:actions", kwargs={"code": "dc-natore"})).content.decode()
    assert "ক করতে হবে।" in page and "সহকারী কমিশনার (আইসিটি)" in page
    action = ActionItem.objects.get(agenda_item__serial=1, meeting=meeting)
    url = reverse("meetings:action_close", kwargs={"pk": action.pk})
    refused = client.post(url, {"note": " "}, headers=HTMX)
    assert refused.status_code == 400 and "field__error" in refused.content.decode()
    done = client.post(url, {"note": "সফটওয়্যার চালু।"}, headers=HTMX)
    assert done.status_code == 200 and "সফটওয়্যার চালু।" in done.content.decode()
    action.refresh_from_db()
    assert not action.is_open
    # The implementer sees what is assigned to the post.
    mine = client.get(reverse("meetings:my_actions") + "?status=closed").content.decode()
    assert "ক করতে হবে।" in mine
    assert "খ করতে হবে।" not in client.get(reverse("meetings:my_actions")).content.decode()


def test_it_previews_and_plans_a_schedule(login, natore):
    client = login("natore.io")
    url = reverse("meetings:schedule", kwargs={"code": "dc-natore"})
    preview = client.get(
        url,
        {
            "text": "প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার",
            "starts_on": "2019-07-01",
            "ends_on": "2020-06-30",
        },
        headers=HTMX,
    ).content.decode()
    assert "প্রতি মাসের দ্বিতীয় সোমবার" in preview and "০৮ জুলাই ২০১৯" in preview.replace(
        "৮ জুলাই", "০৮ জুলাই"
    )
    response = client.post(
        url,
        {
            "text": "প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার",
            "starts_on": "2019-07-01",
            "ends_on": "2020-06-30",
            "kind": "team_monthly",
        },
    )
    assert response.status_code == 302
    assert MeetingSchedule.objects.get(office=natore).meetings.count() == 12
    refused = client.post(
        url,
        {
            "text": "প্রয়োজনমত",
            "starts_on": "2019-07-01",
            "ends_on": "2020-06-30",
            "kind": "team_monthly",
        },
    )
    assert refused.status_code == 400 and "প্রয়োজনমত" in refused.content.decode()


def test_it_shows_the_meetings_panel_on_the_home_page(login, make_meeting):
    make_meeting(dt.date.today() + dt.timedelta(days=3))
    page = login("natore.io").get(reverse("core:home")).content.decode()
    assert "উদ্ভাবন বিষয়ক সভা" in page and "পরবর্তী সভা" in page
    assert "অধঃস্তন দপ্তর থেকে" in login("rajshahidiv.io").get(reverse("core:home")).content.decode()


def test_it_lists_the_offices_meetings(login, make_meeting):
    meeting = make_meeting()
    page = (
        login("natore.io")
        .get(reverse("meetings:office", kwargs={"code": "dc-natore"}))
        .content.decode()
    )
    assert meeting.title in page and "নতুন সভা" in page
    other = (
        login("rajshahidiv.io")
        .get(reverse("meetings:office", kwargs={"code": "dc-natore"}))
        .content.decode()
    )
    assert meeting.title in other and "নতুন সভা" not in other


def test_it_shows_who_changed_the_minutes_on_the_meeting_page(login, make_meeting, io, io_user):
    meeting = make_meeting()
    decide(meeting, io_user, io, {3: ("প্রথম সিদ্ধান্ত", "")})
    item = meeting.items.get(serial=3)
    services.agenda_item_update(
        item=item,
        fields={"decision": "বদলানো সিদ্ধান্ত"},
        base_version=item.version,
        actor=io_user,
        post=io,
    )
    page = (
        login("natore.io")
        .get(reverse("meetings:detail", kwargs={"pk": meeting.pk}))
        .content.decode()
    )
    history = page[page.index('class="card history"') :]
    assert "৩ — সিদ্ধান্ত" in history and "বদলানো সিদ্ধান্ত" in history and "সাঈফ-উল-আরিফিন" in history
