"""Responsibility across offices for a plan row.

Seed rows name more than posts of the plan's own office: the UNOs of every
upazila ("সংশ্লিষ্ট উপজেলা নির্বাহী অফিসার"), an officer of another office in
support ("সহযোগিতায়- … জেলা শিক্ষা অফিসার"), or the whole team ("জেলা ইনোভেশন
টিম"). `ItemResponsibility` holds each such share, lead or supporting: one post
(of any office), every office below of a level ("upazila") or kind ("ac-land",
offices.Office.kind), or the team of the plan's office and year. `ItemPart` is
what each such office records of its share, half-year by half-year.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from udbhabon.plans.models.choices import ItemStatus, choices_q


class ItemResponsibility(models.Model):
    class Share(models.TextChoices):
        LEAD = "lead", _("Lead")
        SUPPORTING = "supporting", _("Supporting")

    item = models.ForeignKey(
        "plans.PlanItem",
        verbose_name=_("plan row"),
        on_delete=models.CASCADE,
        related_name="responsibilities",
    )
    share = models.CharField(_("share"), max_length=16, choices=Share.choices)
    post = models.ForeignKey(
        "offices.Post",
        verbose_name=_("post"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # "Every office of a kind below": an office level ("upazila") or a kind of
    # departmental office ("ac-land") under the plan's office.
    every_below = models.SlugField(_("every office below of"), max_length=32, blank=True)
    team = models.BooleanField(_("the team"), default=False)

    class Meta:
        verbose_name = _("responsibility")
        verbose_name_plural = _("responsibilities")
        constraints = [
            models.CheckConstraint(
                condition=(Q(post__isnull=False) & Q(every_below="") & Q(team=False))
                | (Q(post__isnull=True) & ~Q(every_below="") & Q(team=False))
                | (Q(post__isnull=True) & Q(every_below="") & Q(team=True)),
                name="responsibility_is_one_thing",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item_id}: {self.post_id or self.every_below or 'team'}"


class ItemPart(models.Model):
    """One responsible office's part of a shared row's progress in a half-year: each
    office the row names (an upazila of "every UNO", a supporting office) records
    its own, and the row shows the parts and their total (queries.item_parts)."""

    item = models.ForeignKey(
        "plans.PlanItem", verbose_name=_("plan row"), on_delete=models.CASCADE, related_name="parts"
    )
    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    # The half-year of the part, by its first day (as ProgressUpdate.half_start).
    half_start = models.DateField(_("half-year"))
    status = models.CharField(_("status"), max_length=16, choices=ItemStatus.choices)
    percent = models.PositiveSmallIntegerField(_("percent done"), default=0)
    achieved = models.DecimalField(
        _("achieved"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    done_text = models.TextField(_("what was done"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    author_post = models.ForeignKey(
        "offices.Post", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("office's part")
        verbose_name_plural = _("offices' parts")
        constraints = [
            models.UniqueConstraint(
                fields=["item", "office", "half_start"], name="one_part_per_office_per_half"
            ),
            models.CheckConstraint(condition=choices_q("status", ItemStatus), name="part_status"),
            models.CheckConstraint(condition=Q(percent__lte=100), name="part_percent_max"),
            models.CheckConstraint(
                condition=Q(achieved__isnull=True) | Q(achieved__gte=0),
                name="part_achieved_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item_id}: {self.office_id} {self.half_start} {self.percent}%"
