"""The innovation directory's one table: the initiatives nominated for an edition.

A district's or an upazila's directory lists its own records and those of the offices
below it. A division's or the nation's edition is a curated selection instead: the
initiatives its editors nominated from the offices below (services.nominate), never
every record of the country. The nomination lives here, not on the initiative, because
it is the edition's choice, not a fact of the initiative.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Nomination(models.Model):
    edition = models.ForeignKey(
        "offices.Office",
        verbose_name=_("edition of"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("nominated at"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("nomination for the directory")
        verbose_name_plural = _("nominations for the directory")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "initiative"], name="nominated_once"),
        ]

    def __str__(self) -> str:
        return f"{self.edition_id}: {self.initiative_id}"
