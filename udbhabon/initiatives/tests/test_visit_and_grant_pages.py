"""The pages that record a site visit and a grant (issue 19, items 6 and 7)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from udbhabon.initiatives.models import Grant, GrantStatus, SiteVisit, VisitKind
from udbhabon.initiatives.tests.conftest import initiative_of

pytestmark = pytest.mark.django_db


def test_it_records_a_superiors_site_visit_from_the_initiatives_page(login, idea):
    made = initiative_of(idea)
    client = login("khulnadiv.io")
    assert (
        f"/initiatives/{made.pk}/visit/" in client.get(f"/initiatives/{made.pk}/").content.decode()
    )
    answer = client.post(
        f"/initiatives/{made.pk}/visit/",
        {"visited_on": "০১/০৭/২০২৫", "findings": "আবেদনকারীরা ডাকযোগে কপি পাচ্ছেন", "follow_up": ""},
    )
    assert answer.status_code == 302 and answer["Location"].endswith("#visits")
    visit = SiteVisit.objects.get(initiative=made)
    assert visit.kind == VisitKind.SUPERIOR and visit.visitor_office.code == "div-khulna"
    page = login("jashore.io").get(f"/initiatives/{made.pk}/").content.decode()
    assert "আবেদনকারীরা ডাকযোগে কপি পাচ্ছেন" in page


def test_a_visit_without_findings_is_refused_and_nothing_saved(login, idea):
    made = initiative_of(idea)
    answer = login("jashore.io").post(
        f"/initiatives/{made.pk}/visit/", {"visited_on": "01/07/2025", "findings": "   "}
    )
    assert answer.status_code == 400 and not SiteVisit.objects.exists()


def test_it_records_a_grant_and_a_sif_application(login, idea):
    made = initiative_of(idea)
    client = login("jashore.io")
    answer = client.post(
        f"/initiatives/{made.pk}/grant/",
        {"source": "own_fund", "approved": "50000", "order": "স্মারক ৩৩"},
    )
    assert answer.status_code == 302 and answer["Location"].endswith("#grants")
    client.post(
        f"/initiatives/{made.pk}/grant/",
        {"source": "sif", "requested": "300000", "duration_months": "12"},
    )
    own, sif = Grant.objects.order_by("id")
    assert (own.status, own.approved, own.office.code) == (
        GrantStatus.APPROVED,
        50000,
        "dc-jashore",
    )
    assert (sif.status, sif.requested, sif.approved) == (GrantStatus.APPLIED, 300000, 0)
    page = client.get(f"/initiatives/{made.pk}/").content.decode()
    assert "স্মারক ৩৩" in page


def test_a_grant_is_recorded_only_by_the_offices_editors(login, idea):
    made = initiative_of(idea)
    answer = login("khulnadiv.io").post(
        f"/initiatives/{made.pk}/grant/", {"source": "own_fund", "approved": "100"}
    )
    assert answer.status_code == 403 and not Grant.objects.exists()


def test_a2is_answer_a_release_and_utilisation_are_recorded_never_above(login, idea):
    made = initiative_of(idea)
    client = login("jashore.io")
    client.post(
        f"/initiatives/{made.pk}/grant/",
        {"source": "sif", "requested": "300000", "duration_months": "12"},
    )
    sif = Grant.objects.get()
    step = f"/initiatives/grants/{sif.pk}/step/"
    client.post(step, {"action": "answer", "amount": "250000", "note": "এটুআই পত্র ১২"})
    client.post(step, {"action": "release", "amount": "260000"})  # above the approval
    sif.refresh_from_db()
    assert (sif.status, sif.approved, sif.released) == (GrantStatus.APPROVED, 250000, 0)
    answer = client.post(step, {"action": "release", "amount": "200000"}, follow=True)
    client.post(step, {"action": "utilise", "amount": "150000", "note": "ব্যয় প্রতিবেদন"})
    sif.refresh_from_db()
    assert (sif.released, sif.utilised, sif.status) == (200000, 150000, GrantStatus.UTILISED)
    assert answer.redirect_chain[-1][0].endswith("#grants")
    assert login("khulnadiv.io").post(step, {"action": "utilise", "amount": "1"}).status_code == 403


def test_a_visit_keeps_its_photo_and_refuses_a_file_that_is_no_photo(login, idea):
    made = initiative_of(idea)
    client = login("jashore.io")
    fields = {"visited_on": "01/07/2025", "findings": "পাইলট চলছে"}
    script = SimpleUploadedFile("notes.html", b"<script>alert(1)</script>", "text/html")
    refused = client.post(f"/initiatives/{made.pk}/visit/", fields | {"photo": script})
    assert refused.status_code == 400 and not SiteVisit.objects.exists()
    photo = SimpleUploadedFile("site.png", b"\x89PNG\r\n\x1a\n", "image/png")
    client.post(f"/initiatives/{made.pk}/visit/", fields | {"photo": photo})
    visit = SiteVisit.objects.get()
    assert visit.kind == VisitKind.SELF and visit.photo.name.endswith(".png")


def test_the_list_shows_the_years_money_per_source_and_the_sif_left(login, idea, settings):
    settings.UDBHABON_SIF_CEILING_TAKA = 5_00_000
    made = initiative_of(idea)
    client = login("jashore.io")
    client.post(f"/initiatives/{made.pk}/grant/", {"source": "own_fund", "approved": "75000"})
    client.post(
        f"/initiatives/{made.pk}/grant/",
        {"source": "sif", "requested": "200000", "duration_months": "12"},
    )
    money = client.get("/initiatives/").content.decode().split('id="money"')[1]
    assert "৭৫,০০০" in money and "৩,০০,০০০" in money  # approved; the SIF left
    # The division sees its subtree's money, Dhaka none of it.
    assert "৭৫,০০০" in login("khulnadiv.io").get("/initiatives/").content.decode()
    assert "৭৫,০০০" not in login("dhaka.io").get("/initiatives/").content.decode()
