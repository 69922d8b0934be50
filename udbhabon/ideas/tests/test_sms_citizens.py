"""A citizen who gave only a mobile number hears back by SMS, in one message."""

from __future__ import annotations

import io

import pytest

from udbhabon.ideas.models import Stage as S
from udbhabon.ideas.tests.conftest import citizen_idea, move
from udbhabon.notifications import sms

pytestmark = pytest.mark.django_db


@pytest.fixture
def outbox(monkeypatch) -> io.StringIO:
    """The console backend (the default), writing to a buffer instead of stdout."""
    out = io.StringIO()
    monkeypatch.setattr(sms, "get_backend", lambda: sms.ConsoleBackend(out))
    return out


def test_a_stage_change_reaches_a_phone_only_citizen_in_one_bengali_sms(
    outbox, django_capture_on_commit_callbacks
):
    idea = citizen_idea("dc-jashore", "অনলাইন লাইসেন্স", phone="০১৭১২৩৪৫৬৭৮", email="")
    with django_capture_on_commit_callbacks(execute=True):
        move(idea, S.AWAITING_VETTING, "jashore.io")
    text = outbox.getvalue()
    assert "SMS to 8801712345678" in text
    message = text.split("\n", 1)[1].strip()
    assert message.startswith("উদ্ভাবন: আপনার আইডিয়া") and idea.display_code in message
    assert "যাচাই" in message or S.AWAITING_VETTING.label in message
    assert sms.parts(message) == 1, message


def test_a_citizen_with_an_e_mail_address_gets_no_sms(outbox, django_capture_on_commit_callbacks):
    idea = citizen_idea("dc-jashore", "অনলাইন লাইসেন্স", email="rahima@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        move(idea, S.AWAITING_VETTING, "jashore.io")
    assert outbox.getvalue() == ""
