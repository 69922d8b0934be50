"""Forming a priority service's simplification committee issues an office order: a
memo-numbered letter of the office listing the members, as PDF/DOCX."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from udbhabon.documents.models import Letter
from udbhabon.initiatives import services
from udbhabon.initiatives.models import ChainRecord, ChainStep, PriorityService
from udbhabon.initiatives.tests.conftest import actor_of
from udbhabon.initiatives.tests.test_charter import docx_text, needs_poppler, pdf_text
from udbhabon.initiatives.tests.test_priority import _selected
from udbhabon.plans import services as plans
from udbhabon.plans.models import HeadApproval

pytestmark = pytest.mark.django_db
MEMBERS = "মোঃ আব্দুল করিম, অতিরিক্ত জেলা প্রশাসক (রাজস্ব)\nসহকারী কমিশনার (ভূমি), সদস্য সচিব"


def approved(office) -> PriorityService:
    first = _selected(office)[0]
    approval = HeadApproval.objects.get(ref=services.selection_ref(first.office, first.year))
    dc_user, dc = actor_of("jashore.dc")
    plans.approval_decide(approval=approval, action="approve", actor=dc_user, post=dc)
    user, post = actor_of("jashore.io")
    services.priority_step(
        priority=first, step=ChainStep.APPROVED, done_on=timezone.localdate(), actor=user, post=post
    )
    return first


def test_forming_the_committee_issues_an_office_order_listing_the_members(office):
    first = approved(office)
    user, post = actor_of("jashore.io")
    record = services.priority_step(
        priority=first,
        step=ChainStep.COMMITTEE,
        done_on=timezone.localdate(),
        members=MEMBERS,
        actor=user,
        post=post,
    )
    order = record.letter
    assert order is not None and order.kind == Letter.Kind.ORDER
    assert order.office.code == "dc-jashore" and order.date == timezone.localdate()
    assert record.evidence == order.memo_number  # the order is the step's evidence
    assert "অফিস আদেশ" in order.subject and first.service.name_bn in order.subject
    assert "১. মোঃ আব্দুল করিম, অতিরিক্ত জেলা প্রশাসক (রাজস্ব)" in order.body
    assert "২. সহকারী কমিশনার (ভূমি), সদস্য সচিব" in order.body
    assert order.distribution == MEMBERS.splitlines()
    assert order.signatory_post.role == "head"  # the head signs the office's order
    assert record.members == MEMBERS


def test_a_committee_without_members_is_refused_and_nothing_issued(office):
    first = approved(office)
    user, post = actor_of("jashore.io")
    with translation.override("bn"), pytest.raises(ValidationError) as refused:
        services.priority_step(
            priority=first,
            step=ChainStep.COMMITTEE,
            done_on=timezone.localdate(),
            members="শুধু একজন",
            evidence="অফিস আদেশ",
            actor=user,
            post=post,
        )
    assert "সদস্য" in refused.value.message_dict["members"][0]
    assert not Letter.objects.filter(kind=Letter.Kind.ORDER).exists()
    assert not ChainRecord.objects.filter(step=ChainStep.COMMITTEE).exists()
    assert PriorityService.objects.get(pk=first.pk).step == ChainStep.APPROVED


@needs_poppler
def test_the_priorities_page_records_it_and_links_the_order_as_pdf_and_docx(login, office):
    first = approved(office)
    client = login("jashore.io")
    page = client.get("/initiatives/priorities/").content.decode()
    assert 'name="members"' in page
    client.post(
        f"/initiatives/priorities/{first.pk}/step/",
        {"step": "committee", "done_on": timezone.localdate().isoformat(), "members": MEMBERS},
    )
    order = Letter.objects.get(kind=Letter.Kind.ORDER)
    page = client.get("/initiatives/priorities/").content.decode()
    assert order.memo_number in page and f"/documents/letters/{order.pk}/docx/" in page
    text = pdf_text(client.get(f"/documents/letters/{order.pk}/pdf/").content)
    assert "অফিস আদেশ" in text and "সদস্য সচিব" in text
    docx = docx_text(client.get(f"/documents/letters/{order.pk}/docx/").content)
    assert order.memo_number in docx and "মোঃ আব্দুল করিম" in docx
