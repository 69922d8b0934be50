"""Partners: kinds, the contact and MoU log, links to the office's own initiatives and
events — a link to another office's refused with a clear message."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from udbhabon.events import services as events
from udbhabon.readiness import services
from udbhabon.readiness.models import Partner, PartnerContact
from udbhabon.readiness.tests.conftest import actor_of, days_ago

pytestmark = pytest.mark.django_db


def _partner(username: str = "dhaka.io") -> Partner:
    user, post = actor_of(username)
    return services.partner_add(
        office=post.office, name="ব্র্যাক", kind="ngo", contact="০১৭১১০০০০০০",
        areas="ডিজিটাল সেন্টারে প্রশিক্ষণ", actor=user, post=post,
    )  # fmt: skip


def test_a_partner_has_a_kind_and_a_dated_log():
    user, post = actor_of("dhaka.io")
    partner = _partner()
    with pytest.raises(ValidationError):
        services.partner_add(office=post.office, name="ব্র্যাক", kind="ngo", actor=user, post=post)
    with pytest.raises(ValidationError):
        services.partner_add(office=post.office, name="অন্য", kind="bank", actor=user, post=post)
    services.partner_contact(
        partner=partner, kind="mou", on=days_ago(3), note="সমঝোতা স্মারক স্বাক্ষর", actor=user,
        post=post,
    )  # fmt: skip
    with pytest.raises(ValidationError):  # in the future
        services.partner_contact(
            partner=partner, kind="contact", on=days_ago(-2), note="সভা", actor=user, post=post
        )
    assert [c.kind for c in partner.contacts.all()] == ["mou"]
    assert Partner.objects.count() == 1


def test_a_partner_links_only_to_its_own_office_s_events():
    user, post = actor_of("dhaka.io")
    partner = _partner()
    own = events.event_create(
        office=post.office, kind="workshop", title="কর্মশালা", starts_on=days_ago(1), actor=None
    )
    other = events.event_create(
        office=actor_of("khulna.io")[1].office, kind="workshop", title="কর্মশালা",
        starts_on=days_ago(1), actor=None,
    )  # fmt: skip
    services.partner_link(partner=partner, event=own, actor=user, post=post)
    with pytest.raises(ValidationError) as refused:
        services.partner_link(partner=partner, event=other, actor=user, post=post)
    assert "নিজ দপ্তরের অনুষ্ঠানের" in str(refused.value)
    assert list(partner.events.all()) == [own]
    assert PartnerContact.objects.count() == 0


def test_a_partner_links_only_to_its_own_office_s_initiatives():
    from udbhabon.initiatives.tests.conftest import approved_idea, initiative_of

    jashore = initiative_of(approved_idea())
    user, post = actor_of("dhaka.io")
    partner = _partner()
    with pytest.raises(ValidationError) as refused:
        services.partner_link(partner=partner, initiative=jashore, actor=user, post=post)
    assert "initiative" in refused.value.error_dict
    assert not partner.initiatives.exists()
    juser, jpost = actor_of("jashore.io")
    theirs = services.partner_add(
        office=jpost.office, name="যশোর বিশ্ববিদ্যালয়", kind="education", actor=juser, post=jpost
    )
    services.partner_link(partner=theirs, initiative=jashore, actor=juser, post=jpost)
    assert list(theirs.initiatives.all()) == [jashore]


def test_a_partner_is_changed_and_a_stale_change_refused(login):
    partner = _partner()
    client = login("dhaka.io")
    url = f"/readiness/partner/{partner.pk}/edit/"
    data = {"name": "ব্র্যাক", "kind": "ngo", "contact": "০১৮১১", "areas": "", "version": "1"}
    assert client.post(url, data).status_code == 302
    stale = client.post(url, data | {"contact": "০১৯১১"})
    assert stale.status_code == 409
    partner.refresh_from_db()
    assert partner.contact == "০১৮১১" and partner.version == 2
    assert login("dhakadiv.io").post(url, data | {"version": "2"}).status_code == 403
