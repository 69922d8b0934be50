"""The development mailer: e-mails printed as a person reads them.

Django's console backend prints the raw MIME message, and a Bengali body is
base64 there: unreadable in `make run`'s console. This one prints who, what
and the text itself (production sends through SMTP: config/settings.py).
"""

from __future__ import annotations

from typing import Any

from django.core.mail import EmailMessage
from django.core.mail.backends.console import EmailBackend


class ReadableConsoleBackend(EmailBackend):
    def write_message(self, message: Any) -> None:
        assert isinstance(message, EmailMessage)
        lines = [
            f"From: {message.from_email}",
            f"To: {', '.join(message.to)}",
            f"Subject: {message.subject}",
            "",
            str(message.body).rstrip(),
        ]
        names = [a.filename if hasattr(a, "filename") else a[0] for a in message.attachments]
        if names:
            lines += ["", "Attachments: " + ", ".join(str(n) for n in names)]
        self.stream.write("\n".join(lines) + "\n" + "-" * 79 + "\n")
