"""`make run` prints e-mails as a person reads them, Bengali included."""

from __future__ import annotations

import io

from django.core.mail import EmailMessage
from django.core.mail.backends.console import EmailBackend as DjangoConsole

from udbhabon.notifications.mail import ReadableConsoleBackend

BODY = "আপনার কর্মপরিকল্পনা ফেরত পাঠানো হয়েছে। মন্তব্য দেখে আবার পাঠান।"


def _printed(backend_class: type) -> str:
    stream = io.StringIO()
    message = EmailMessage("কর্মপরিকল্পনা ফেরত", BODY, "udbhabon@localhost", ["io@example.gov.bd"])
    message.attach("plan.pdf", b"%PDF-1.7", "application/pdf")
    backend_class(stream=stream).send_messages([message])
    return stream.getvalue()


def test_it_prints_the_bengali_text_not_base64():
    printed = _printed(ReadableConsoleBackend)
    assert BODY in printed and "Subject: কর্মপরিকল্পনা ফেরত" in printed
    assert "base64" not in printed and "Attachments: plan.pdf" in printed
    # Django's own console backend is what made it unreadable.
    assert BODY not in _printed(DjangoConsole)


def test_it_is_the_development_default():
    # pytest-django swaps the mailer for locmem during tests; the file says the default.
    from pathlib import Path

    text = (Path(__file__).resolve().parents[3] / "config" / "settings.py").read_text()
    assert '"DJANGO_EMAIL_BACKEND", "udbhabon.notifications.mail.ReadableConsoleBackend"' in text
