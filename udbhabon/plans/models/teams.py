"""An office's innovation team for a year."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from udbhabon.core.versioning import Versioned
from udbhabon.plans.models.choices import (
    TeamRole,
    YearKind,
    choices_q,
)


class InnovationTeam(Versioned, models.Model):
    """An office's innovation team for a year, formed by an office order."""

    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    year_kind = models.CharField(
        _("kind of year"), max_length=16, choices=YearKind.choices, default=YearKind.FISCAL
    )
    order_memo_number = models.CharField(_("office order memo number"), max_length=96, blank=True)
    order_date = models.DateField(_("office order date"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("innovation team")
        verbose_name_plural = _("innovation teams")
        constraints = [
            models.UniqueConstraint(fields=["office", "year"], name="one_team_per_office_year"),
            models.CheckConstraint(
                condition=choices_q("year_kind", YearKind), name="team_year_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.office} {self.year}"


class TeamMember(Versioned, models.Model):
    Role = TeamRole

    team = models.ForeignKey(
        InnovationTeam, verbose_name=_("team"), on_delete=models.CASCADE, related_name="members"
    )
    role = models.CharField(_("role in the team"), max_length=16, choices=TeamRole.choices)
    post = models.ForeignKey(
        "offices.Post",
        verbose_name=_("post"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Members from outside the office's posts ("সভাপতি, উপজেলা প্রেসক্লাব").
    name = models.CharField(_("name or designation"), max_length=255, blank=True)
    # The working group a WORKING_GROUP member belongs to ("সিটিজেন চার্টার
    # ওয়ার্কিং গ্রুপ"); empty for every other role.
    group = models.CharField(_("working group"), max_length=255, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(post__isnull=False) | ~Q(name=""), name="team_member_is_someone"
            ),
            models.CheckConstraint(
                condition=choices_q("role", TeamRole), name="team_member_role_valid"
            ),
            models.UniqueConstraint(
                fields=["team"], condition=Q(role="convener"), name="one_convener_per_team"
            ),
            models.UniqueConstraint(
                fields=["team"],
                condition=Q(role="member_secretary"),
                name="one_member_secretary_per_team",
            ),
            models.UniqueConstraint(
                fields=["team"], condition=Q(role="chair"), name="one_chair_per_team"
            ),
            # A post once on the team, and once more in each working group.
            models.UniqueConstraint(
                fields=["team", "post", "group"],
                condition=Q(post__isnull=False),
                name="post_once_per_team_group",
            ),
            models.CheckConstraint(
                condition=Q(role="working_group", group__gt="")
                | (~Q(role="working_group") & Q(group="")),
                name="team_member_group_iff_working_group",
            ),
        ]

    def __str__(self) -> str:
        return self.name or str(self.post)
