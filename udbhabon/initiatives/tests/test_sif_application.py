"""The SIF application as a paper: a memo-numbered letter to a2i (outside the office
tree) with the initiative's title, problem, solution, TCV, budget and duration, as
PDF/DOCX; a2i's answers recorded; the yearly ceiling a setting, refused beyond it."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from udbhabon.documents.models import Letter
from udbhabon.initiatives import services
from udbhabon.initiatives.models import Grant, GrantStatus
from udbhabon.initiatives.tests.conftest import actor_of, initiative_of, with_figures
from udbhabon.initiatives.tests.test_charter import docx_text, needs_poppler, pdf_text

pytestmark = pytest.mark.django_db
YEAR = 2026


def apply(initiative, requested=2_00_000, months=12, **extra):
    user, post = actor_of("jashore.io")
    return services.grant_add(
        initiative=initiative,
        source="sif",
        year=YEAR,
        requested=requested,
        duration_months=months,
        actor=user,
        post=post,
        **extra,
    )


def test_the_application_is_sent_as_a_memo_numbered_letter_to_a2i(idea):
    made = with_figures(initiative_of(idea))
    grant = apply(made, solution="অনলাইনে আবেদন, ডাকযোগে নকল")
    letter = grant.letter
    assert letter is not None and letter.office.code == "dc-jashore"
    assert letter.kind == Letter.Kind.OTHER and letter.memo_number.endswith(".১")
    assert "এটুআই" in letter.addressee and "সার্ভিস ইনোভেশন ফান্ড" in letter.subject
    for words in (
        made.title,
        idea.problem,
        "অনলাইনে আবেদন, ডাকযোগে নকল",
        "৯০ দিন, ৫,৫০০ টাকা, ৫ বার",  # before
        "৭ দিন, ১২০ টাকা, ০ বার",  # after
        "২,০০,০০০ টাকা",
        "১২ মাস",
        "১,২০০",
    ):
        assert words in letter.body, words
    # Signed by the office's head, as the office sends it.
    assert letter.signatory_post.role == "head"
    assert grant.status == GrantStatus.APPLIED and grant.history.count() == 1


def test_the_solution_defaults_to_the_ideas_and_a_second_one_takes_the_next_number(idea):
    made = initiative_of(idea)
    first = apply(made, requested=1_00_000)
    second = apply(made, requested=50_000, months=3)
    assert idea.solution in first.letter.body and "এখনও মাপা হয়নি" in first.letter.body
    assert second.letter.serial == first.letter.serial + 1


def test_above_the_yearly_ceiling_is_refused_in_bengali_and_nothing_is_sent(idea, settings):
    settings.UDBHABON_SIF_CEILING_TAKA = 3_00_000
    made = initiative_of(idea)
    apply(made)
    with translation.override("bn"), pytest.raises(ValidationError) as refused:
        apply(made, requested=1_50_000)
    message = refused.value.message_dict["requested"][0]
    assert "৩,০০,০০০" in message and "১,০০,০০০" in message and "১,৫০,০০০" in message
    assert Grant.objects.count() == 1 and Letter.objects.count() == 1


def test_an_application_needs_a_duration_and_an_amount(idea):
    made = initiative_of(idea)
    with translation.override("bn"), pytest.raises(ValidationError) as refused:
        apply(made, months=None)
    assert "মাস" in refused.value.message_dict["duration_months"][0]
    with pytest.raises(ValidationError) as refused:
        apply(made, months=61)
    with pytest.raises(ValidationError) as refused:
        apply(made, requested=0)
    assert "requested" in refused.value.message_dict
    assert not Grant.objects.exists() and not Letter.objects.exists()


def test_a2is_rejection_frees_the_ceiling_and_an_approval_is_released_and_used(idea, settings):
    settings.UDBHABON_SIF_CEILING_TAKA = 3_00_000
    made = initiative_of(idea)
    user, post = actor_of("jashore.io")
    rejected = apply(made, requested=3_00_000)
    services.grant_answer(grant=rejected, approved=0, actor=user, post=post, note="এটুআই: নয়")
    assert Grant.objects.get(pk=rejected.pk).status == GrantStatus.REJECTED
    grant = apply(made, requested=2_50_000)
    services.grant_answer(grant=grant, approved=2_00_000, actor=user, post=post, note="এটুআই ১২")
    services.grant_release(grant=grant, amount=2_00_000, actor=user, post=post)
    services.grant_utilise(grant=grant, amount=1_80_000, actor=user, post=post, note="প্রতিবেদন")
    grant.refresh_from_db()
    assert (grant.status, grant.released, grant.utilised) == (GrantStatus.UTILISED, 200000, 180000)


@needs_poppler
def test_the_page_sends_it_and_links_the_letter_as_pdf_and_docx(login, idea):
    made = with_figures(initiative_of(idea))
    client = login("jashore.io")
    answer = client.post(
        f"/initiatives/{made.pk}/grant/",
        {"source": "sif", "requested": "200000", "duration_months": "9", "problem": ""},
    )
    assert answer.status_code == 302
    grant = Grant.objects.get()
    page = client.get(f"/initiatives/{made.pk}/").content.decode()
    assert grant.letter.memo_number in page
    assert f"/documents/letters/{grant.letter_id}/pdf/" in page
    pdf = client.get(f"/documents/letters/{grant.letter_id}/pdf/")
    text = pdf_text(pdf.content)
    assert "সার্ভিস ইনোভেশন ফান্ড" in text and "এটুআই" in text and "৯ মাস" in text
    docx = docx_text(client.get(f"/documents/letters/{grant.letter_id}/docx/").content)
    assert grant.letter.memo_number in docx and made.title in docx
    # Another office's editor sends nothing in Jashore's name.
    refused = login("khulnadiv.io").post(
        f"/initiatives/{made.pk}/grant/",
        {"source": "sif", "requested": "1", "duration_months": "1"},
    )
    assert refused.status_code == 403 and Letter.objects.count() == 1


def test_the_page_refuses_a_missing_duration_with_a_message(login, idea):
    made = initiative_of(idea)
    answer = login("jashore.io").post(
        f"/initiatives/{made.pk}/grant/", {"source": "sif", "requested": "200000"}
    )
    assert answer.status_code == 400 and "৬০" in answer.content.decode()
    assert not Grant.objects.exists()
