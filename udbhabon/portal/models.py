"""What the public portal keeps itself: citizens' feedback on public initiative pages.

A comment waits (PENDING) until the office that runs the initiative approves it
(shown on the page) or hides it; every change is in its history. No phone number or
e-mail address is asked, so none can be shown; the name is optional.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from udbhabon.core.versioning import Versioned

NAME_MAX = 100
TEXT_MAX = 2000


class FeedbackStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting the office")
    APPROVED = "approved", _("Shown")
    HIDDEN = "hidden", _("Hidden")


class Feedback(Versioned, models.Model):
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="public_feedback",
    )
    # The initiative's office (it never changes), kept here so an office's queue is
    # one indexed lookup.
    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=NAME_MAX, blank=True)
    text = models.TextField(_("comment"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=FeedbackStatus.choices,
        default=FeedbackStatus.PENDING,
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now)
    moderated_at = models.DateTimeField(_("shown or hidden at"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("shown or hidden by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("public feedback")
        verbose_name_plural = _("public feedback")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["office", "status", "created_at"], name="feedback_office_queue"),
            models.Index(fields=["initiative", "status"], name="feedback_initiative_shown"),
        ]

    def __str__(self) -> str:
        return self.text[:60]
