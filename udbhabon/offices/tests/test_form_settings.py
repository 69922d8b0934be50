"""The office's form settings: set once by its innovation officer, with history and a
version, and printed by every paper the office writes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from conftest import post_of
from udbhabon.core.versioning import StaleRecord
from udbhabon.documents import services as documents
from udbhabon.documents.queries import letter_document
from udbhabon.documents.writers import write_document
from udbhabon.offices import services
from udbhabon.offices.models import FormSettings, Office, User
from udbhabon.offices.queries import form_settings_for

pytestmark = pytest.mark.django_db

LINES = "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার\nজেলা প্রশাসকের কার্যালয়, ঢাকা\nআইসিটি শাখা\nwww.dhaka.gov.bd"


def _save(**kw):
    io_post = post_of("dhaka.io")
    values = {
        "office": io_post.office,
        "post": io_post,
        "actor": User.objects.get(username="dhaka.io"),
        "letterhead": LINES,
        "memo_prefix": "০৫.৪২.২৬০০.০১৫.১৬.০০১",
        "signatories": [
            {"role": "chair", "name": "মোঃ আব্দুর রহিম", "designation": "অতিরিক্ত জেলা প্রশাসক"},
            {"role": "member_secretary", "name": "সালমা খাতুন", "designation": "সহকারী কমিশনার"},
            {"role": "head", "name": "", "designation": ""},
        ],
        "distribution": "বিভাগীয় কমিশনার, ঢাকা\n\nজেলা প্রশাসক, ঢাকা",
        "closing": "সভাপতি সকলকে ধন্যবাদ জানিয়ে সভার সমাপ্তি ঘোষণা করেন।",
    }
    values.update(kw)
    return services.form_settings_save(**values)


def test_it_gives_the_usual_form_while_nothing_is_set(office):
    dhaka = office("dc-dhaka")
    form = form_settings_for(dhaka)
    assert not form.is_set
    assert form.letterhead[:2] == ["গণপ্রজাতন্ত্রী বাংলাদেশ সরকার", dhaka.name_bn]
    assert form.signatory("chair") is None and form.distribution == []


def test_it_saves_the_settings_with_history_and_a_version():
    settings = _save()
    assert settings.version == 1
    form = form_settings_for(settings.office)
    assert form.letterhead == LINES.splitlines()
    assert form.signatory("chair") == {
        "name": "মোঃ আব্দুর রহিম",
        "designation": "অতিরিক্ত জেলা প্রশাসক",
    }
    assert form.signatory("head") is None  # an empty block is left out
    assert form.distribution == ["বিভাগীয় কমিশনার, ঢাকা", "জেলা প্রশাসক, ঢাকা"]
    again = _save(memo_prefix="০৫.৪২.২৬০০.০১৫.১৬.০০২", expected_version=1)
    assert again.version == 2
    history = list(again.history.order_by("history_date"))
    assert [h.memo_prefix for h in history] == ["০৫.৪২.২৬০০.০১৫.১৬.০০১", "০৫.৪২.২৬০০.০১৫.১৬.০০২"]
    assert history[-1].history_user.username == "dhaka.io"


def test_it_refuses_a_form_drawn_from_an_older_version():
    _save()
    _save(expected_version=1)
    with pytest.raises(StaleRecord):
        _save(closing="অন্য কথা", expected_version=1)
    assert FormSettings.objects.get().closing.startswith("সভাপতি")


def test_it_lets_only_the_head_or_innovation_officer_set_them():
    member = post_of("dhaka.member")
    with pytest.raises(PermissionDenied):
        _save(post=member)
    with pytest.raises(PermissionDenied):
        _save(post=post_of("khulna.io"))


def test_it_prints_the_letterhead_and_memo_prefix_on_the_office_letters():
    settings = _save()
    letter = documents.letter_issue(
        office=settings.office,
        kind="plan",
        subject="কর্মপরিকল্পনা প্রেরণ",
        date=dt.date(2026, 7, 20),
        actor=None,
    )
    assert letter.memo_number.startswith("০৫.৪২.২৬০০.০১৫.১৬.০০১.")
    doc = letter_document(letter.pk)
    assert doc["sections"][0]["header"]["lines"] == LINES.splitlines()
    docx = write_document(doc, "docx")
    xml = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode()
    assert "আইসিটি শাখা" in xml and "www.dhaka.gov.bd" in xml
    pdf = write_document(doc, "pdf")
    from udbhabon.documents.writers.extraction import extract_pdftotext

    assert "আইসিটি শাখা" in extract_pdftotext(pdf)


def test_it_shows_the_settings_page_and_saves_the_form(login):
    client = login("dhaka.io")
    url = reverse("offices:form_settings", kwargs={"code": "dc-dhaka"})
    page = client.get(url)
    assert page.status_code == 200 and "name_chair" in page.text
    detail = client.get(reverse("offices:detail", kwargs={"code": "dc-dhaka"}))
    assert url in detail.text
    response = client.post(
        url,
        {
            "letterhead": LINES,
            "memo_prefix": "০৫.৪২",
            "name_chair": "মোঃ আব্দুর রহিম",
            "designation_chair": "অতিরিক্ত জেলা প্রশাসক",
            "distribution": "",
            "closing": "",
        },
    )
    assert response.status_code == 302
    form = form_settings_for(Office.objects.get(code="dc-dhaka"))
    assert form.memo_prefix == "০৫.৪২" and form.signatory("chair")["name"] == "মোঃ আব্দুর রহিম"
    assert "আইসিটি শাখা" in client.get(url).text


def test_it_offers_the_usual_copy_list_on_a_plan_letter(login):
    from udbhabon.plans.tests.factories import make_plan

    _save()
    plan = make_plan()
    page = login("dhaka.io").get(reverse("plans:submit", kwargs={"pk": plan.pk})).text
    assert "বিভাগীয় কমিশনার, ঢাকা" in page and "জেলা প্রশাসক, ঢাকা" in page


def test_a_stale_form_shows_the_saved_value_beside_the_typed_one_and_saves_the_choice(login):
    """Issue 13, item 2: two officers on the same settings; the older form is refused
    field by field (409), nothing changes, and saving again keeps what was chosen."""
    _save(memo_prefix="০৫.৪২")  # version 1, which both open
    client = login("dhaka.io")
    url = reverse("offices:form_settings", kwargs={"code": "dc-dhaka"})
    assert 'name="version" value="1"' in client.get(url).text
    _save(memo_prefix="০৫.৪৩", expected_version=1)  # the other officer, first: version 2
    typed = {"letterhead": LINES, "memo_prefix": "০৫.৯৯", "distribution": "", "closing": "",
             "version": "1"}  # fmt: skip
    refused = client.post(url, typed)
    assert refused.status_code == 409
    assert "০৫.৪৩" in refused.text and "০৫.৯৯" in refused.text  # saved beside typed
    office = Office.objects.get(code="dc-dhaka")
    assert form_settings_for(office).memo_prefix == "০৫.৪৩"
    assert FormSettings.objects.get(office=office).version == 2
    # Saved again from the refused form, keeping the saved prefix for that field.
    again = client.post(url, {**typed, "version": "2", "keep-memo_prefix": "theirs"})
    assert again.status_code == 302
    assert form_settings_for(office).memo_prefix == "০৫.৪৩"
    assert FormSettings.objects.get(office=office).version == 3
