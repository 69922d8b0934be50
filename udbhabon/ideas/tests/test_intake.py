"""Intake on every channel, provenance, submitters and tracking codes."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st

from conftest import post_of
from udbhabon.ideas import codes, services
from udbhabon.ideas.models import Channel, Idea, Innovator
from udbhabon.ideas.tests.conftest import citizen_idea
from udbhabon.offices.models import Office, User

TITLE = "ইউনিয়ন ডিজিটাল সেন্টার থেকে নামজারি আবেদন"
PROBLEM = "নামজারির আবেদন করতে উপজেলা ভূমি অফিসে তিনবার যেতে হয়"


def _submit(username: str, **fields):
    post = post_of(username)
    return services.idea_submit(
        actor=post.holdings.get(ended_on__isnull=True).user,
        post=post,
        title=fields.pop("title", TITLE),
        problem=fields.pop("problem", PROBLEM),
        **fields,
    )


@pytest.mark.django_db
def test_an_officer_own_idea_belongs_to_the_office_and_names_them():
    idea = _submit("dhaka.member", channel=Channel.STAFF_ONLINE, days_before=90, days_after=7)
    member = User.objects.get(username="dhaka.member")
    assert idea.office.code == "dc-dhaka"
    assert idea.submitter.user == member and idea.entered_by == member
    assert (idea.days_before, idea.days_after) == (90, 7)
    assert idea.received_on == dt.date.today()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "channel",
    [Channel.IDEA_BOX, Channel.FACEBOOK, Channel.WORKSHOP, Channel.MEETING, Channel.OTHER],
)
def test_an_idea_typed_in_keeps_its_provenance(channel):
    photo = SimpleUploadedFile("slip.jpg", b"\xff\xd8\xff\xe0 photo", content_type="image/jpeg")
    idea = _submit(
        "dhaka.member",
        channel=channel,
        received_on=dt.date(2017, 9, 28),
        source_link="https://facebook.com/dcdhaka/posts/1",
        source_photo=photo,
        submitter_name="মোঃ করিম",
        submitter_phone="০১৭১১-২২৩৩৪৪",
    )
    idea.refresh_from_db()
    assert idea.channel == channel
    assert idea.received_on == dt.date(2017, 9, 28)
    assert idea.entered_by.username == "dhaka.member"
    assert idea.source_link.endswith("/posts/1") and idea.source_photo.name.endswith(".jpg")
    assert idea.submitter.user is None
    assert (idea.submitter.name, idea.submitter.phone) == ("মোঃ করিম", "01711223344")


@pytest.mark.django_db
def test_a_typed_in_idea_needs_someone_to_answer():
    with pytest.raises(ValidationError):
        _submit("dhaka.member", channel=Channel.IDEA_BOX, submitter_name="মোঃ করিম")
    with pytest.raises(ValidationError):
        _submit("dhaka.member", channel=Channel.IDEA_BOX, submitter_phone="01711223344")
    assert not Idea.objects.filter(title=TITLE).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["admin"])
def test_a_viewer_post_cannot_type_in_ideas(username):
    with pytest.raises(PermissionDenied):
        _submit(username, channel=Channel.STAFF_ONLINE)


@pytest.mark.django_db
def test_a_citizen_is_one_innovator_across_offices_by_phone_or_email():
    a = citizen_idea("dc-dhaka", TITLE, PROBLEM, phone="+8801812345678", name="সালমা")
    b = citizen_idea("dc-jashore", TITLE, PROBLEM, phone="01812345678", email="salma@example.com")
    c = citizen_idea("dc-khulna", TITLE, PROBLEM, phone="", email="SALMA@example.com")
    assert a.submitter == b.submitter == c.submitter
    innovator = Innovator.objects.get(pk=a.submitter.pk)
    assert innovator.office.code == "dc-dhaka"  # where they were first seen
    assert innovator.email == "salma@example.com"
    with pytest.raises(ValidationError):
        citizen_idea("dc-dhaka", TITLE, PROBLEM, phone="", email="")


@pytest.mark.django_db
def test_an_idea_needs_a_title_and_a_problem():
    with pytest.raises(ValidationError):
        citizen_idea("dc-dhaka", "   ", "")


@pytest.mark.django_db
def test_an_inactive_office_takes_no_ideas():
    office = Office.objects.get(code="dc-natore")
    Office.objects.filter(pk=office.pk).update(is_active=False)
    office.refresh_from_db()
    with pytest.raises(ValidationError):
        citizen_idea(office, TITLE, PROBLEM)


@pytest.mark.django_db
def test_it_stores_text_in_one_unicode_form():
    idea = citizen_idea("dc-dhaka", "নামজারি\u09df   সহজ", "সমস্যা\u200b  আছে")
    assert idea.title == "নামজারি\u09af\u09bc সহজ" and idea.problem == "সমস্যা আছে"


# --- Tracking codes ---------------------------------------------------------------------


def test_codes_are_short_unambiguous_and_not_in_sequence():
    drawn = [codes.new_code() for _ in range(5000)]
    assert len(set(drawn)) == len(drawn)
    assert all(len(c) == 8 and not set(c) & set("01OI") for c in drawn)
    # Consecutive codes share no structure: no common prefix beyond chance.
    same_prefix = sum(a[:3] == b[:3] for a, b in itertools.pairwise(drawn))
    assert same_prefix < 5


@given(st.text(alphabet=codes.ALPHABET, min_size=8, max_size=8))
def test_a_code_reads_back_however_it_is_typed(code):
    shown = codes.display(code)
    assert codes.parse_code(shown) == code
    assert codes.parse_code(shown.lower()) == code
    assert codes.parse_code(" ".join(code)) == code
    bengali = shown.translate(str.maketrans("23456789", "২৩৪৫৬৭৮৯"))
    assert codes.parse_code(bengali) == code


@given(st.text(max_size=12))
def test_text_with_0_o_1_or_i_is_never_a_code(text):
    parsed = codes.parse_code(text)
    if any(ch in text.upper() for ch in "01OI") or parsed is None:
        assert parsed is None or not set(parsed) & set("01OI")
    if parsed is not None:
        assert len(parsed) == 8 and set(parsed) <= set(codes.ALPHABET)


@pytest.mark.django_db
def test_every_idea_gets_its_own_code():
    ideas = [citizen_idea("dc-dhaka", f"{TITLE} {n}", PROBLEM) for n in range(20)]
    assert len({i.code for i in ideas}) == 20
    assert all(codes.parse_code(i.display_code) == i.code for i in ideas)
