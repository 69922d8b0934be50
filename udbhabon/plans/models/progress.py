"""Progress per item per half-year and the evidence that proves it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from udbhabon.plans.models.choices import (
    EvidenceKind,
    ItemStatus,
    choices_q,
)
from udbhabon.plans.models.plans import PlanItem


class ProgressUpdate(models.Model):
    """What an officer reported about an item in a half-year; the newest is ``is_latest``."""

    item = models.ForeignKey(
        PlanItem, verbose_name=_("plan item"), on_delete=models.CASCADE, related_name="updates"
    )
    # The half-year the update belongs to, by its first day (1 July / 1 January).
    half_start = models.DateField(_("half-year"))
    status = models.CharField(_("status"), max_length=16, choices=ItemStatus.choices)
    percent = models.PositiveSmallIntegerField(_("percent done"), default=0)
    achieved = models.DecimalField(
        _("achieved"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    done_text = models.TextField(_("what was done"), blank=True)
    reason = models.TextField(_("reason"), blank=True)
    date = models.DateField(_("date"))
    is_latest = models.BooleanField(default=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    author_post = models.ForeignKey(
        "offices.Post", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["half_start", "is_latest"], name="update_half_latest")]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "half_start"],
                condition=Q(is_latest=True),
                name="one_latest_update_per_half",
            ),
            models.CheckConstraint(
                condition=choices_q("status", ItemStatus), name="update_status_valid"
            ),
            models.CheckConstraint(condition=Q(percent__lte=100), name="update_percent_max"),
            models.CheckConstraint(
                condition=~Q(status="dropped") | ~Q(reason=""), name="dropped_has_reason"
            ),
            models.CheckConstraint(
                condition=Q(achieved__isnull=True) | Q(achieved__gte=0),
                name="update_achieved_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.half_start} {self.status} {self.percent}%"


def evidence_path(instance: Evidence, filename: str) -> str:
    """Random stored names: the original name is kept in ``filename``, never trusted."""
    import uuid

    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"plans/evidence/{instance.item_id}/{uuid.uuid4().hex}.{ext}"


class Evidence(models.Model):
    Kind = EvidenceKind

    item = models.ForeignKey(
        PlanItem, verbose_name=_("plan item"), on_delete=models.CASCADE, related_name="evidence"
    )
    update = models.ForeignKey(
        ProgressUpdate, on_delete=models.SET_NULL, null=True, blank=True, related_name="evidence"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=EvidenceKind.choices)
    file = models.FileField(_("file"), upload_to=evidence_path, blank=True, max_length=255)
    filename = models.CharField(_("file name"), max_length=255, blank=True)
    content_type = models.CharField(max_length=128, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    url = models.URLField(_("link"), max_length=1000, blank=True)
    # Another record that proves the work, e.g. "meeting:42" (meetings app).
    ref = models.CharField(_("reference"), max_length=128, blank=True)
    title = models.CharField(_("title"), max_length=255, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("added on"), auto_now_add=True)
    deleted_at = models.DateTimeField(_("removed"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=choices_q("kind", EvidenceKind), name="evidence_kind_valid"
            ),
            models.CheckConstraint(
                condition=~Q(kind="file") | ~Q(file=""), name="file_evidence_has_file"
            ),
            models.CheckConstraint(
                condition=~Q(kind="link") | ~Q(url=""), name="link_evidence_has_url"
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=["meeting", "record"]) | ~Q(ref=""),
                name="record_evidence_has_ref",
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.filename or self.url or self.ref

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")
