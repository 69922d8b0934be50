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

from udbhabon.core.lang import current_lang
from udbhabon.core.versioning import Versioned


class MemoCounter(models.Model):
    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["office", "year"], name="one_counter_per_office_year")
        ]

    def __str__(self) -> str:
        return f"{self.office_id}/{self.year}: {self.last}"


class Letter(Versioned, models.Model):
    class Kind(models.TextChoices):
        PLAN = "plan", _("Forwarding of the annual action plan")
        REPORT = "report", _("Forwarding of the half-yearly report")
        MINUTES = "minutes", _("Forwarding of meeting minutes")
        REMINDER = "reminder", _("Reminder")
        # Papers issued down or across, and approvals inside an office (documents/workflow.py).
        ORDER = "order", _("Office order")
        FRAMEWORK = "framework", _("Framework")
        NOTE = "note", _("Approval note")
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


def _import_path(job: ImportJob, filename: str) -> str:
    return f"imports/{job.office_id}/{job.sha256[:2]}/{job.sha256}-{filename[-80:]}"


class ImportJob(models.Model):
    """One uploaded paper on its way in: read in the background, reviewed, confirmed.

    The reading (`result`, the import contract's object) and the reader's trace
    (`trace`, original cell texts per field) are kept so the review screen can
    show what was read beside what was written; `corrections` holds the
    officer's edits until confirmation applies them in one transaction.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be read")
        READING = "reading", _("Being read")
        READ = "read", _("Read — waiting for your review")
        FAILED = "failed", _("Could not be read")
        CONFIRMED = "confirmed", _("Confirmed and saved")

    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    uploaded_by = models.ForeignKey(
        "offices.User", verbose_name=_("uploaded by"), on_delete=models.PROTECT, related_name="+"
    )
    file = models.FileField(_("file"), upload_to=_import_path, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(_("checksum"), max_length=64, db_index=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    result = models.JSONField(null=True, blank=True)
    trace = models.JSONField(null=True, blank=True)
    corrections = models.JSONField(_("corrections"), default=dict, blank=True)
    error_code = models.CharField(_("error"), max_length=32, blank=True)
    error_message = models.TextField(_("error message"), blank=True)
    # What confirmation created: [{"kind": "plan", "id": 7}, ...]
    created_records = models.JSONField(_("records created"), default=list, blank=True)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    # The reading itself is large and kept on the row; history keeps the steps.
    history = HistoricalRecords(excluded_fields=["result", "trace", "progress"])

    class Meta:
        verbose_name = _("imported document")
        verbose_name_plural = _("imported documents")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="import_progress_is_a_percent"
            )
        ]

    def __str__(self) -> str:
        return self.original_name

    @property
    def error_text(self) -> str:
        """The reader's message in the active language (both are stored)."""
        bn, _, en = self.error_message.partition("\n")
        return en if current_lang() == "en" and en else bn


class ExportJob(models.Model):
    """A paper being written out in the background (large plans, national tables).

    Small papers are written during the request; a large one becomes a job the
    worker writes while the page shows a progress bar, then offers the file.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        WRITING = "writing", _("Being written")
        DONE = "done", _("Ready to download")
        FAILED = "failed", _("Could not be written")

    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.CASCADE, related_name="+"
    )
    requested_by = models.ForeignKey(
        "offices.User", verbose_name=_("requested by"), on_delete=models.CASCADE, related_name="+"
    )
    # The name of a builder registered in exports.BUILDERS: `builder(**args) -> document`.
    builder = models.CharField(max_length=200)
    args = models.JSONField(default=dict)
    # The forwarding letter alone (to print and sign), not the whole paper.
    letter_only = models.BooleanField(default=False)
    fmt = models.CharField(_("format"), max_length=8)
    filename = models.CharField(_("file name"), max_length=200)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.QUEUED
    )
    file = models.FileField(_("file"), upload_to="exports/%Y/%m/", blank=True, max_length=300)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("document being written")
        verbose_name_plural = _("documents being written")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.filename
