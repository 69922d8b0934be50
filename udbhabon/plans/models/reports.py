"""The half-yearly implementation report and its rows."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from udbhabon.core.versioning import Versioned
from udbhabon.plans.models.categories import Category
from udbhabon.plans.models.plans import ActionPlan, PlanItem, Reviewable, reviewable_constraints


class ProgressReport(Reviewable):
    """The half-yearly implementation report: a snapshot in the standard columns."""

    office = models.ForeignKey(
        "offices.Office",
        verbose_name=_("office"),
        on_delete=models.PROTECT,
        related_name="progress_reports",
    )
    plan = models.ForeignKey(
        ActionPlan,
        verbose_name=_("action plan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
    )
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("until"))
    period_label = models.CharField(_("period as written"), max_length=128, blank=True)
    version = models.PositiveSmallIntegerField(_("version"), default=1)

    history = HistoricalRecords(excluded_fields=["updated_at", "source_meta"])

    class Meta:
        verbose_name = _("implementation report")
        verbose_name_plural = _("implementation reports")
        ordering = ["-period_start", "office__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "period_start"], name="one_report_per_office_half"
            ),
            models.CheckConstraint(
                condition=Q(period_start__lte=F("period_end")), name="report_period_in_order"
            ),
            *reviewable_constraints("report"),
        ]

    def __str__(self) -> str:
        return f"{self.office} — {self.period_label}"

    def get_absolute_url(self) -> str:
        return reverse("plans:report_detail", args=[self.pk])


class ReportItem(Versioned, models.Model):
    report = models.ForeignKey(
        ProgressReport, verbose_name=_("report"), on_delete=models.CASCADE, related_name="items"
    )
    position = models.PositiveIntegerField(_("order"))
    serial = models.PositiveIntegerField(_("serial no."))
    label = models.CharField(_("sub-label"), max_length=8, blank=True)
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    category_text = models.CharField(_("category as written"), max_length=500, blank=True)
    activity = models.TextField(_("steps taken"), blank=True)
    schedule = models.JSONField(null=True, blank=True)
    progress = models.TextField(_("implementation progress"), blank=True)
    remarks = models.TextField(_("remarks"), blank=True)
    plan_item = models.ForeignKey(
        PlanItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="report_items"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("report row")
        verbose_name_plural = _("report rows")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["report", "position"], name="report_row_unique"),
            models.CheckConstraint(condition=Q(serial__gte=1), name="report_serial_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.serial}{self.label} {self.activity[:60]}"

    @property
    def category_display(self) -> str:
        if self.category_text:
            return self.category_text
        return self.category.name if self.category else ""
