"""Responsibility across offices for a plan row.

Seed rows name more than posts of the plan's own office: the UNOs of every
upazila ("সংশ্লিষ্ট উপজেলা নির্বাহী অফিসার"), an officer of another office in
support ("সহযোগিতায়- … জেলা শিক্ষা অফিসার"), or the whole team ("জেলা ইনোভেশন
টিম"). `ItemResponsibility` holds each such share, lead or supporting: one post
(of any office), every office below of a level ("upazila") or kind ("ac-land",
offices.Office.kind), or the team of the plan's office and year.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


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
