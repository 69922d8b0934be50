"""Channels and the complaint log: received → acted → closed, days to close; closing
before receipt (or before the action) refused with nothing saved; a channel's monitor
is a post of the office."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from udbhabon.readiness import services
from udbhabon.readiness.models import Channel, Complaint
from udbhabon.readiness.tests.conftest import actor_of, channel_of, days_ago

pytestmark = pytest.mark.django_db


def test_a_channel_has_a_full_address_and_a_monitor_of_the_office():
    user, post = actor_of("dhaka.io")
    channel = channel_of()
    assert channel.monitored_by == post and channel.history.count() == 1
    with pytest.raises(ValidationError) as bad_url:
        services.channel_add(
            office=post.office, kind="web", name="ওয়েব", url="dhaka.gov.bd", actor=user, post=post
        )
    assert "url" in bad_url.value.error_dict
    khulna = actor_of("khulna.io")[1]
    with pytest.raises(ValidationError) as monitor:
        services.channel_add(
            office=post.office, kind="community", name="ইনোভেশন সার্কেল",
            url="https://facebook.com/groups/circle", monitored_by=khulna, actor=user, post=post,
        )  # fmt: skip
    assert "monitored_by" in monitor.value.error_dict
    assert Channel.objects.count() == 1


def test_a_complaint_is_received_acted_on_and_closed_with_its_days():
    user, post = actor_of("dhaka.io")
    complaint = services.complaint_log(
        channel=channel_of(), subject="নামজারিতে দেরি", received_on=days_ago(10),
        sender="রহিম", actor=user, post=post,
    )  # fmt: skip
    assert complaint.state == "received" and complaint.office == post.office
    with pytest.raises(ValidationError):  # closed before any action
        services.complaint_close(complaint=complaint, closed_on=days_ago(2), actor=user, post=post)
    services.complaint_act(
        complaint=complaint, acted_on=days_ago(8), action="এসি ল্যান্ডকে পাঠানো হয়েছে",
        actor=user, post=post,
    )  # fmt: skip
    services.complaint_close(complaint=complaint, closed_on=days_ago(3), actor=user, post=post)
    complaint.refresh_from_db()
    assert complaint.state == "closed" and complaint.days_to_close == 7
    assert complaint.version == 3 and complaint.history.count() == 3


def test_closing_before_receipt_is_refused_and_nothing_changes():
    user, post = actor_of("dhaka.io")
    complaint = services.complaint_log(
        channel=channel_of(), subject="সনদ পাইনি", received_on=days_ago(5), actor=user, post=post
    )
    with pytest.raises(ValidationError) as early:
        services.complaint_act(
            complaint=complaint, acted_on=days_ago(6), action="দেখা হয়েছে", actor=user, post=post
        )
    assert "acted_on" in early.value.error_dict
    services.complaint_act(
        complaint=complaint, acted_on=days_ago(5), action="দেখা হয়েছে", actor=user, post=post
    )
    with pytest.raises(ValidationError) as before:
        services.complaint_close(complaint=complaint, closed_on=days_ago(7), actor=user, post=post)
    assert "closed_on" in before.value.error_dict
    assert "প্রাপ্তির তারিখের আগে" in str(before.value)
    complaint.refresh_from_db()
    assert complaint.closed_on is None and complaint.version == 2


def test_another_office_cannot_log_on_this_office_s_channel():
    channel = channel_of()
    for username in ("khulna.io", "dhaka.member", "dhakadiv.io"):
        user, post = actor_of(username)
        with pytest.raises(PermissionDenied):
            services.complaint_log(
                channel=channel, subject="অভিযোগ", received_on=days_ago(1), actor=user, post=post
            )
    assert not Complaint.objects.exists()
