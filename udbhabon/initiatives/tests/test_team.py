"""The team of an initiative: added, removed and made public only by its office's
editors; bad input is refused in Bengali and saves nothing."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from udbhabon.initiatives import services
from udbhabon.initiatives.models import Initiative, InitiativeMember
from udbhabon.initiatives.services.team import MAX_MEMBERS
from udbhabon.initiatives.tests.conftest import actor_of, initiative_of


def image_bytes(fmt: str = "PNG", **save) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(out, fmt, **save)
    return out.getvalue()


PNG = image_bytes()


def png(name: str = "face.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PNG, "image/png")


def add(made: Initiative, name: str, username: str = "jashore.io", **fields) -> InitiativeMember:
    user, post = actor_of(username)
    return services.member_add(initiative=made, name=name, actor=user, post=post, **fields)


def refused_in_bengali(call) -> str:
    with translation.override("bn"), pytest.raises(ValidationError) as caught:
        call()
    text = " ".join(caught.value.messages)
    assert any("\u0980" <= ch <= "\u09ff" for ch in text), text
    return text


@pytest.fixture
def made(idea):
    return initiative_of(idea)


def test_a_member_is_added_with_a_photo_and_the_history_names_it(made):
    member = add(made, "  সালমা   বেগম ", designation="সহকারী কমিশনার", role="leader", photo=png())
    assert member.name == "সালমা বেগম" and member.position == 1
    assert member.photo.name.startswith("initiatives/team/") and member.photo.name.endswith(".png")
    row = member.history.get()
    assert row.history_change_reason == "team member added"
    assert row.history_user.username == "jashore.io"
    assert add(made, "করিম").position == 2


@pytest.mark.parametrize(
    ("name", "fields"),
    [
        ("   ", {}),
        ("রহিম", {"photo": SimpleUploadedFile("x.html", b"<script>", "text/html")}),
        ("রহিম", {"photo": SimpleUploadedFile("x.png", b"MZ\x90\x00 renamed", "image/png")}),
        ("রহিম", {"photo": SimpleUploadedFile("x.png", PNG, "text/html")}),
        ("রহিম", {"photo": SimpleUploadedFile("x.png", PNG[:16] + b"\0" * 40, "image/png")}),
        ("রহিম", {"role": "chief"}),
    ],
    ids=[
        "empty name",
        "not an image",
        "renamed program",
        "declared not an image",
        "only the header of an image",
        "bad role",
    ],
)
def test_bad_input_is_refused_in_bengali_and_nothing_saved(made, name, fields):
    refused_in_bengali(lambda: add(made, name, **fields))
    assert not InitiativeMember.objects.exists()
    assert not InitiativeMember.history.exists()


def test_a_photos_metadata_is_never_kept(made):
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"  # Make
    exif[0x8825] = {2: (23.0, 45.0, 0.0)}  # GPSInfo: latitude
    taken = image_bytes("JPEG", exif=exif.tobytes())
    assert b"Exif" in taken
    member = add(made, "সালমা বেগম", photo=SimpleUploadedFile("face.jpg", taken, "image/jpeg"))
    with member.photo.open("rb") as handle:
        stored = handle.read()
    assert stored.startswith(b"\xff\xd8\xff") and b"Exif" not in stored
    assert not Image.open(io.BytesIO(stored)).getexif()


def test_a_name_twice_is_refused(made):
    add(made, "সালমা বেগম")
    text = refused_in_bengali(lambda: add(made, "সালমা  বেগম", designation="অন্য"))
    assert "সালমা বেগম" in text
    assert InitiativeMember.objects.count() == 1


def test_a_team_has_at_most_twenty_members(made):
    InitiativeMember.objects.bulk_create(
        InitiativeMember(initiative=made, name=f"সদস্য {i}", position=i) for i in range(MAX_MEMBERS)
    )
    text = refused_in_bengali(lambda: add(made, "একুশতম"))
    assert "২০" in text
    assert InitiativeMember.objects.count() == MAX_MEMBERS


def test_another_districts_officer_cannot_add_remove_or_toggle(made):
    member = add(made, "সালমা বেগম")
    user, post = actor_of("dhaka.io")
    with pytest.raises(PermissionDenied):
        services.member_add(initiative=made, name="করিম", actor=user, post=post)
    with pytest.raises(PermissionDenied):
        services.member_remove(member=member, actor=user, post=post)
    with pytest.raises(PermissionDenied):
        services.team_set_public(initiative=made, public=True, actor=user, post=post)
    # The supervising division sees the initiative but does not edit its team.
    user, post = actor_of("khulnadiv.io")
    with pytest.raises(PermissionDenied):
        services.team_set_public(initiative=made, public=True, actor=user, post=post)
    made.refresh_from_db()
    assert not made.team_public and InitiativeMember.objects.count() == 1


def test_remove_and_toggle_keep_history(made):
    member = add(made, "সালমা বেগম", photo=png())
    user, post = actor_of("jashore.io")
    services.member_remove(member=member, actor=user, post=post)
    assert not InitiativeMember.objects.exists()
    assert InitiativeMember.history.latest("history_id").history_change_reason == (
        "team member removed"
    )
    before = made.version
    services.team_set_public(initiative=made, public=True, actor=user, post=post)
    assert made.team_public and made.version == before + 1
    assert made.history.latest("history_id").history_change_reason == "team made public"
    services.team_set_public(initiative=made, public=False, actor=user, post=post)
    assert made.history.latest("history_id").history_change_reason == "team hidden"
    assert not Initiative.objects.get(pk=made.pk).team_public


def test_the_pages_add_remove_toggle_and_show_the_photo_to_viewers_only(login, made):
    client = login("jashore.io")
    page = f"/initiatives/{made.pk}/"
    answer = client.post(f"{page}team/", {"name": "সালমা বেগম", "role": "innovator", "photo": png()})
    assert answer.status_code == 302
    member = InitiativeMember.objects.get()
    photo_url = f"{page}team/{member.pk}/photo/"
    assert photo_url in client.get(page).content.decode()
    shown = client.get(photo_url)
    assert shown.status_code == 200 and shown["Content-Type"] == "image/png"
    assert shown.content.startswith(b"\x89PNG") and Image.open(io.BytesIO(shown.content)).size == (
        4,
        4,
    )
    assert login("khulnadiv.io").get(photo_url).status_code == 200  # the supervising office
    assert login("dhaka.io").get(photo_url).status_code == 403
    assert login("dhaka.io").post(f"{page}team/public/", {"public": "on"}).status_code == 403
    client.post(f"{page}team/public/", {"public": "on"})
    assert Initiative.objects.get(pk=made.pk).team_public
    client.post(f"{page}team/{member.pk}/remove/")
    assert not InitiativeMember.objects.exists()


def test_a_bad_photo_through_the_page_saves_nothing(login, made):
    client = login("jashore.io")
    bad = SimpleUploadedFile("face.png", b"<html>", "image/png")
    answer = client.post(
        f"/initiatives/{made.pk}/team/",
        {"name": "সালমা", "role": "member", "photo": bad},
        follow=True,
    )
    assert not InitiativeMember.objects.exists()
    assert "জেপিজি" in answer.content.decode()


def test_the_initiatives_page_queries_do_not_grow_with_the_team(
    login, made, django_assert_max_num_queries
):
    client = login("jashore.io")
    page = f"/initiatives/{made.pk}/"
    add(made, "সদস্য ০", photo=png())
    with django_assert_max_num_queries(200) as ctx:
        client.get(page)
    one = len(ctx.captured_queries)
    for i in range(1, 5):
        add(made, f"সদস্য {i}", photo=png())
    with django_assert_max_num_queries(one):
        answer = client.get(page)
    assert answer.content.decode().count("/photo/") == 5
