"""Checks `manage.py check --deploy` adds to Django's own (README, Configuration (production))."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Tags, Warning, register

# Mailers that deliver nothing to anyone: fine for development, a silent failure in
# production (password-reset links, reminders and the digest would never arrive).
UNDELIVERED = (
    "console.EmailBackend",
    "locmem.EmailBackend",
    "dummy.EmailBackend",
    "filebased.EmailBackend",
    "udbhabon.notifications.mail.ReadableConsoleBackend",
)


@register(Tags.security, deploy=True)
def check_email_backend(app_configs: Any = None, **kwargs: Any) -> list[Warning]:
    backends = [m.get("BACKEND", "") for m in getattr(settings, "MAILERS", {}).values()]
    backends.append(getattr(settings, "EMAIL_BACKEND", "") or "")
    stuck = [b for b in backends if b and b.endswith(UNDELIVERED)]
    if settings.DEBUG or not stuck:
        return []
    return [
        Warning(
            f"E-mail is not delivered ({stuck[0]}): password-reset links, reminders and "
            "digests would never reach anyone.",
            hint="Set DJANGO_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend "
            "and DJANGO_EMAIL_HOST, DJANGO_EMAIL_PORT ... (deploy/env.example).",
            id="udbhabon.W001",
        )
    ]
