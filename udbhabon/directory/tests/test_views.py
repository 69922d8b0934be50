"""The directory's pages: the period's counts, making the paper in the background with
the documents' progress page, and a division nominating initiatives for its edition."""

from __future__ import annotations

import pytest
from django.urls import reverse

from udbhabon.directory.models import Nomination
from udbhabon.directory.tests.conftest import this_year
from udbhabon.documents.models import ExportJob
from udbhabon.offices.models import FormSettings, Office

pytestmark = pytest.mark.django_db


def page(code: str) -> str:
    return reverse("directory:page", args=[code])


def test_the_page_counts_the_sections_in_bounded_queries(
    jashore, login, django_assert_max_num_queries
):
    client = login("jashore.io")
    client.get(page("dc-jashore"))  # a warm session
    with django_assert_max_num_queries(12):
        response = client.get(page("dc-jashore"))
    text = response.content.decode()
    assert response.status_code == 200
    assert "ইনোভেশন ডিরেক্টরি" in text and "প্রাপ্ত আইডিয়া: ৪" in text
    assert "বাস্তবায়িত উদ্যোগ: ১" in text


def test_making_it_runs_in_the_background_and_offers_the_file(
    jashore, login, django_capture_on_commit_callbacks
):
    client = login("jashore.io")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page("dc-jashore"), {"period": this_year().key, "fmt": "pdf"})
    job = ExportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("documents:export_status", args=[job.pk])
    assert job.status == ExportJob.Status.DONE, job.error  # the immediate backend ran it
    status = client.get(response["Location"]).content.decode()
    assert reverse("documents:export_file", args=[job.pk]) in status
    file = client.get(reverse("documents:export_file", args=[job.pk]))
    assert b"".join(file.streaming_content)[:5] == b"%PDF-"
    assert job.args["office_id"] == Office.objects.get(code="dc-jashore").pk


def test_a_bad_period_or_format_is_refused_with_a_message_and_makes_nothing(jashore, login):
    client = login("jashore.io")
    for data in ({"period": "1999", "fmt": "pdf"}, {"period": this_year().key, "fmt": "odt"}):
        response = client.post(page("dc-jashore"), data)
        assert response.status_code == 400
        text = response.content.decode()
        assert "দেওয়া সময়কালগুলোর একটি বেছে নিন" in text or "PDF অথবা DOCX বেছে নিন" in text
    assert not ExportJob.objects.exists()


def test_an_office_makes_its_own_and_those_below_only(jashore, login):
    assert login("jashore.io").get(page("dc-jashore--secondary-education")).status_code == 200
    assert login("jashore.deo").get(page("dc-jashore")).status_code == 403
    assert login("khulna.io").get(page("dc-jashore")).status_code == 403
    assert login("khulnadiv.io").get(page("dc-jashore")).status_code == 200


def test_a_half_yearly_office_is_offered_halves(jashore, login):
    FormSettings.objects.create(
        office=Office.objects.get(code="dc-jashore"), directory_period="half_yearly"
    )
    text = login("jashore.io").get(page("dc-jashore")).content.decode()
    assert "জুলাই-ডিসেম্বর" in text or "জানুয়ারি-জুন" in text
    assert "অর্থবছর" not in text.split("<main")[-1].split("</form>")[0].split("filters")[1]


def test_a_division_nominates_an_initiative_below_it_and_withdraws_it(jashore, login):
    client = login("khulnadiv.io")
    url = reverse("directory:nominations", args=["div-khulna"])
    assert jashore.title in client.get(url).content.decode()  # a candidate
    response = client.post(url, {"initiative": jashore.pk})
    assert response.status_code == 302
    nomination = Nomination.objects.get()
    assert nomination.edition.code == "div-khulna" and nomination.initiative == jashore
    assert nomination.history.count() == 1
    again = client.post(url, {"initiative": jashore.pk})
    assert again.status_code == 400
    assert "ইতোমধ্যে মনোনীত" in again.content.decode()
    assert Nomination.objects.count() == 1
    client.post(reverse("directory:withdraw", args=[nomination.pk]))
    assert not Nomination.objects.exists()


def test_nominating_refuses_what_is_not_below_or_not_implemented(jashore, login):
    from udbhabon.directory.tests.conftest import adopt

    client = login("khulnadiv.io")
    url = reverse("directory:nominations", args=["div-khulna"])
    savar = adopt(jashore, "uno-dhaka-savar", stage="implemented")  # not below Khulna
    pilot = adopt(jashore, "dc-jashore--secondary-education")  # below, but a pilot
    for initiative, message in ((savar, "নিচের দপ্তরের"), (pilot, "বাস্তবায়িত উদ্যোগই")):
        response = client.post(url, {"initiative": initiative.pk})
        assert response.status_code == 400 and message in response.content.decode()
    assert client.post(url, {"initiative": "abc"}).status_code == 400
    assert not Nomination.objects.exists()
    # A district's directory is not a curated edition; a district may not nominate.
    assert (
        login("jashore.io").get(reverse("directory:nominations", args=["dc-jashore"])).status_code
        == 404
    )
    assert login("khulnadiv.commissioner").post(url, {"initiative": jashore.pk}).status_code == 302


def test_the_period_is_an_office_setting_and_a_bad_one_saves_nothing(db):
    from django.core.exceptions import ValidationError

    from conftest import post_of
    from udbhabon.offices.queries import form_settings_for
    from udbhabon.offices.services import form_settings_save

    post = post_of("jashore.io")
    jashore = Office.objects.get(code="dc-jashore")
    with pytest.raises(ValidationError) as refused:
        form_settings_save(office=jashore, post=post, actor=None, directory_period="monthly")
    assert "বার্ষিক বা ষাণ্মাসিক" in " ".join(refused.value.messages)
    assert not FormSettings.objects.exists()
    form_settings_save(office=jashore, post=post, actor=None, directory_period="half_yearly")
    assert form_settings_for(jashore).directory_period == "half_yearly"


def test_a_district_cannot_nominate(jashore):
    from django.core.exceptions import ValidationError

    from conftest import post_of
    from udbhabon.directory.services import nominate

    post = post_of("jashore.io")
    user = post.holdings.get(ended_on__isnull=True).user
    edition = Office.objects.get(code="dc-jashore")
    with pytest.raises(ValidationError):
        nominate(edition=edition, initiative=jashore, actor=user, post=post)
    assert not Nomination.objects.exists()


def test_the_initiatives_page_links_to_the_office_directory(db, login):
    text = login("jashore.io").get(reverse("initiatives:list")).content.decode()
    assert page("dc-jashore") in text and "ইনোভেশন ডিরেক্টরি" in text


def test_the_office_form_sets_the_period(db, login):
    from udbhabon.offices.queries import form_settings_for

    client = login("jashore.io")
    url = reverse("offices:form_settings", args=["dc-jashore"])
    assert client.post(url, {"directory_period": "monthly"}).status_code == 400
    assert not FormSettings.objects.exists()
    assert client.post(url, {"directory_period": "half_yearly"}).status_code == 302
    jashore = Office.objects.get(code="dc-jashore")
    assert form_settings_for(jashore).directory_period == "half_yearly"


def test_the_nominations_page_is_bounded_in_queries(jashore, login, django_assert_max_num_queries):
    from udbhabon.directory.tests.conftest import adopt

    division = Office.objects.get(code="div-khulna")
    Nomination.objects.create(edition=division, initiative=jashore)
    client = login("khulnadiv.io")
    url = reverse("directory:nominations", args=["div-khulna"])
    client.get(url)
    with django_assert_max_num_queries(10) as few:
        client.get(url)
    # Three more nominated and three more candidates cost no more queries.
    for code in ("dc-satkhira", "dc-jhenaidah", "dc-kushtia"):
        Nomination.objects.create(
            edition=division, initiative=adopt(jashore, code, stage="implemented")
        )
    for code in ("dc-bagerhat", "dc-narail", "dc-magura"):
        adopt(jashore, code, stage="implemented")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    text = response.content.decode()
    assert response.status_code == 200 and text.count('name="initiative"') == 3
