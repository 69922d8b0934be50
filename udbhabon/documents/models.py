"""Letters: memo-numbered official letters that carry papers up the tree.

A memo number is the office's prefix (স্মারক নম্বরের প্রথমাংশ, e.g.
০৫.৫৫.৯৪০০.০১২.০১.০০২), the two-digit year and a yearly serial:
০৫.৫৫.৯৪০০.০১২.০১.০০২.১৭.৬৬. MemoCounter hands out serials one at a time
under a row lock, and a unique constraint keeps two letters from sharing one.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class MemoCounter(models.Model):
    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["office", "year"], name="one_counter_per_office_year")
        ]


class Letter(models.Model):
    class Kind(models.TextChoices):
        PLAN = "plan", _("Forwarding of the annual action plan")
        REPORT = "report", _("Forwarding of the half-yearly report")
        MINUTES = "minutes", _("Forwarding of meeting minutes")
        REMINDER = "reminder", _("Reminder")
        OTHER = "other", _("Other letter")

    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="letters"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    serial = models.PositiveIntegerField(_("serial"))
    memo_number = models.CharField(_("memo number"), max_length=96)
    date = models.DateField(_("date"))
    subject = models.TextField(_("subject"))
    reference = models.TextField(_("reference"), blank=True)
    body = models.TextField(_("body"), blank=True)
    attachments = models.CharField(_("attachments"), max_length=128, blank=True)
    addressee = models.TextField(_("to"), blank=True)
    distribution = models.JSONField(_("copy to"), default=list, blank=True)
    signatory_post = models.ForeignKey(
        "offices.Post",
        verbose_name=_("signatory"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Snapshot at issue: the letter keeps the name it was signed with even
    # after the post changes hands.
    signatory_name = models.CharField(_("signatory's name"), max_length=255, blank=True)
    signatory_designation = models.CharField(
        _("signatory's designation"), max_length=255, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        ordering = ["-date", "-serial"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "year", "serial"], name="one_memo_number_per_serial"
            )
        ]

    def __str__(self) -> str:
        return self.memo_number
