"""Supervision of subordinate offices: deadlines, reminders, and the aggregate table.

* ``Deadline`` — when papers are due for a fiscal year, set by a supervising
  office for every office below it (``office`` is the setter), or the global
  default (``office`` empty). The nearest setter above an office wins
  (deadlines.resolve).
* ``OfficeYearStats`` — one row per office × fiscal year with every indicator
  of the supervision page, computed from the domain apps by the indicator
  sources (indicators/) and rolled up by the office path range. Kept as a table
  of its own, as DHIS2 keeps its analytics tables, so the national page reads
  20,000 small rows instead of a million domain rows (docs/ARCHITECTURE.md).
* ``Reminder`` — one reminder sent to an office about one paper and one
  period; ``key`` is unique, so the same reminder can never go out twice.
* ``DigestSubscription`` — a post that wants the weekly digest instead of
  (or as well as) the single reminders.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from udbhabon.core.versioning import Versioned


class PaperKind(models.TextChoices):
    """The reports whose reporting rates are computed (DHIS2's data sets)."""

    PLAN = "plan", _("Annual action plan")
    REPORT = "report", _("Half-yearly implementation report")
    MINUTES = "minutes", _("Minutes of the monthly meeting")


# What a reminder may be about: the papers, and an idea's next step after vetting.
REMINDER_SUBJECTS = [*PaperKind.choices, ("idea", _("The next step of an idea"))]


class PlanState(models.TextChoices):
    NONE = "none", _("Not started")
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", pgettext_lazy("status of a paper", "Submitted")
    RETURNED = "returned", _("Returned with comments")
    ACCEPTED = "accepted", _("Accepted")


class Deadline(Versioned, models.Model):
    """Due dates of one fiscal year for every office below ``office``."""

    office = models.ForeignKey(
        "offices.Office",
        verbose_name=_("set by"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    # The fiscal year by the year it starts in: 2017 is 2017-18.
    year = models.PositiveSmallIntegerField(_("fiscal year"))
    plan_due = models.DateField(_("action plan due by"))
    report1_due = models.DateField(_("first half-yearly report due by"))
    report2_due = models.DateField(_("second half-yearly report due by"))
    minutes_days = models.PositiveSmallIntegerField(
        _("minutes due, days after the meeting's month"), default=15
    )
    remind_before_days = models.PositiveSmallIntegerField(
        _("remind this many days before the due date"), default=7
    )
    escalate_after_days = models.PositiveSmallIntegerField(
        _("tell the office above this many days after the due date"), default=14
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        constraints = [
            models.UniqueConstraint(
                fields=["office", "year"],
                condition=Q(office__isnull=False),
                name="deadline_one_per_office_year",
            ),
            models.UniqueConstraint(
                fields=["year"], condition=Q(office__isnull=True), name="deadline_one_default"
            ),
            models.CheckConstraint(
                condition=Q(report1_due__gt=models.F("plan_due"))
                & Q(report2_due__gt=models.F("report1_due")),
                name="deadline_dates_in_order",
            ),
            models.CheckConstraint(
                condition=Q(minutes_days__lte=120)
                & Q(remind_before_days__lte=60)
                & Q(escalate_after_days__gte=1)
                & Q(escalate_after_days__lte=120),
                name="deadline_days_sensible",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.office_id or '*'}"


class OfficeYearStats(models.Model):
    """The indicators of one office for one fiscal year (the aggregate table).

    Path, level and depth are copied from the office so that roll-ups are one
    range scan on (year, path) without a join. The *_expected / *_actual /
    *_timely columns are DHIS2's reporting-rate counts, ready to be summed;
    the month masks hold one bit per month of the fiscal year (bit 0 = July).
    """

    office = models.ForeignKey(
        "offices.Office", on_delete=models.CASCADE, related_name="year_stats"
    )
    year = models.PositiveSmallIntegerField()
    path = models.CharField(max_length=255)
    level = models.CharField(max_length=16)
    depth = models.PositiveSmallIntegerField()

    # The annual plan (plans app).
    plan_state = models.CharField(max_length=16, choices=PlanState.choices, default="none")
    plan_sent_on = models.DateField(null=True)  # first submission
    plan_decided_on = models.DateField(null=True)  # accepted or returned
    plan_expected = models.PositiveSmallIntegerField(default=0)
    plan_actual = models.PositiveSmallIntegerField(default=0)
    plan_timely = models.PositiveSmallIntegerField(default=0)
    # Half-yearly implementation reports (plans app): state and first sending.
    report1_state = models.CharField(max_length=16, choices=PlanState.choices, default="none")
    report1_sent_on = models.DateField(null=True)
    report2_state = models.CharField(max_length=16, choices=PlanState.choices, default="none")
    report2_sent_on = models.DateField(null=True)
    reports_expected = models.PositiveSmallIntegerField(default=0)
    reports_actual = models.PositiveSmallIntegerField(default=0)
    reports_timely = models.PositiveSmallIntegerField(default=0)
    # Plan items (plans app).
    items_total = models.PositiveIntegerField(default=0)
    items_done = models.PositiveIntegerField(default=0)
    items_overdue = models.PositiveIntegerField(default=0)
    # Monthly meetings and minutes (meetings app).
    meetings_mask = models.PositiveIntegerField(default=0)  # a meeting was held
    minutes_timely_mask = models.PositiveIntegerField(default=0)  # minutes sent on time
    minutes_late_mask = models.PositiveIntegerField(default=0)  # minutes sent late
    meetings_held = models.PositiveSmallIntegerField(default=0)
    minutes_expected = models.PositiveSmallIntegerField(default=0)
    minutes_actual = models.PositiveSmallIntegerField(default=0)
    minutes_timely = models.PositiveSmallIntegerField(default=0)
    actions_open = models.PositiveIntegerField(default=0)
    actions_overdue = models.PositiveIntegerField(default=0)
    # Ideas (ideas app) and what initiatives saved citizens.
    ideas_received = models.PositiveIntegerField(default=0)
    ideas_vetted = models.PositiveIntegerField(default=0)
    ideas_approved = models.PositiveIntegerField(default=0)
    ideas_implemented = models.PositiveIntegerField(default=0)
    # Shortlisted or approved ideas past their next step's deadline (ideas.queries.deadlines).
    ideas_overdue = models.PositiveIntegerField(default=0)
    # What initiatives saved citizens this year (initiatives app): signed (a loss is
    # negative); saved_* count verified figures, unverified_* the rest, shown apart.
    saved_days = models.BigIntegerField(default=0)
    saved_taka = models.BigIntegerField(default=0)
    saved_visits = models.BigIntegerField(default=0)
    unverified_days = models.BigIntegerField(default=0)
    unverified_taka = models.BigIntegerField(default=0)
    unverified_visits = models.BigIntegerField(default=0)
    initiatives_pilot = models.PositiveIntegerField(default=0)
    initiatives_implemented = models.PositiveIntegerField(default=0)
    initiatives_dropped = models.PositiveIntegerField(default=0)
    priority_selected = models.PositiveIntegerField(default=0)
    priority_launched = models.PositiveIntegerField(default=0)
    # Share of the expected papers (plan, reports, minutes) that came on time, 0-100.
    compliance = models.PositiveSmallIntegerField(default=0)
    refreshed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("office indicators")
        verbose_name_plural = _("office indicators")
        indexes = [
            models.Index(fields=["year", "path"], name="stats_year_path"),
            models.Index(fields=["year", "level", "path"], name="stats_year_level_path"),
            models.Index(
                fields=["year", "level", "compliance"], name="stats_year_level_compliance"
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["office", "year"], name="stats_one_per_office_year"),
            models.CheckConstraint(
                condition=Q(plan_actual__lte=models.F("plan_expected"))
                & Q(plan_timely__lte=models.F("plan_actual"))
                & Q(reports_timely__lte=models.F("reports_actual"))
                & Q(minutes_timely__lte=models.F("minutes_actual"))
                & Q(compliance__lte=100),
                name="stats_counts_consistent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.office_id} {self.year}"


class Reminder(models.Model):
    """A reminder to an office about one paper of one period, sent once.

    ``key`` names what the reminder is about and at which stage:
    "plan:2017:before", "minutes:2017-08:after", "report:2017-1:escalated";
    with the office it is unique, so a second run of the job (or a second
    click) cannot send it again.
    """

    class Stage(models.TextChoices):
        BEFORE = "before", _("Before the due date")
        AFTER = "after", _("After the due date")
        ESCALATED = "escalated", _("Told the office above")
        MANUAL = "manual", _("Sent by a supervisor")

    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("fiscal year"))
    paper = models.CharField(_("paper"), max_length=16, choices=REMINDER_SUBJECTS)
    period = models.CharField(_("period"), max_length=16)  # "2017", "2017-1", "2017-08"
    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices)
    key = models.CharField(max_length=64)
    due_on = models.DateField(_("due by"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    # Who was told: the office's own posts, or for an escalation the parent's.
    told_office = models.ForeignKey(
        "offices.Office", on_delete=models.CASCADE, related_name="+", verbose_name=_("told")
    )
    sent_by = models.ForeignKey(
        "offices.Post",
        verbose_name=_("sent by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recipients = models.PositiveSmallIntegerField(_("people told"), default=0)
    # The job run that inserted the row: after a bulk insert that skips rows
    # already there, the run notifies exactly the rows it inserted.
    run = models.CharField(max_length=32, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-sent_at", "-id"]
        indexes = [models.Index(fields=["office", "year"], name="reminder_office_year")]
        constraints = [
            models.UniqueConstraint(fields=["office", "key"], name="reminder_sent_once"),
            models.CheckConstraint(
                condition=Q(paper__in=["plan", "report", "minutes", "idea"]),
                name="reminder_paper_valid",
            ),
            models.CheckConstraint(
                condition=Q(stage__in=["before", "after", "escalated", "manual"]),
                name="reminder_stage_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.office_id} {self.key}"


class DigestSubscription(models.Model):
    """A post that receives the weekly digest of what is due and late below it."""

    post = models.OneToOneField(
        "offices.Post", verbose_name=_("post"), on_delete=models.CASCADE, related_name="+"
    )
    # The ISO week last sent ("2017-W35"), so a digest goes once a week at most.
    last_week = models.CharField(max_length=10, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("weekly digest")
        verbose_name_plural = _("weekly digests")

    def __str__(self) -> str:
        return f"{self.post_id} {self.last_week}"


class SubtreeYearStats(models.Model):
    """Indicators summed over everything below one office, per level, for one year.

    The second layer of the aggregate tables (DHIS2 keeps one per org-unit
    level): the supervision page's summary line and each row's "offices below"
    read a few of these rows instead of summing thousands of OfficeYearStats
    rows on every view. Rebuilt from OfficeYearStats by stats.rollups_refresh.
    """

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    level = models.CharField(max_length=16)  # the level of the offices counted
    offices = models.PositiveIntegerField(default=0)
    accepted = models.PositiveIntegerField(default=0)
    plan_expected = models.PositiveIntegerField(default=0)
    plan_actual = models.PositiveIntegerField(default=0)
    plan_timely = models.PositiveIntegerField(default=0)
    reports_expected = models.PositiveIntegerField(default=0)
    reports_actual = models.PositiveIntegerField(default=0)
    reports_timely = models.PositiveIntegerField(default=0)
    minutes_expected = models.PositiveIntegerField(default=0)
    minutes_actual = models.PositiveIntegerField(default=0)
    minutes_timely = models.PositiveIntegerField(default=0)
    meetings_held = models.PositiveIntegerField(default=0)
    items_total = models.PositiveIntegerField(default=0)
    items_done = models.PositiveIntegerField(default=0)
    items_overdue = models.PositiveIntegerField(default=0)
    actions_overdue = models.PositiveIntegerField(default=0)
    ideas_received = models.PositiveIntegerField(default=0)
    ideas_vetted = models.PositiveIntegerField(default=0)
    ideas_approved = models.PositiveIntegerField(default=0)
    ideas_implemented = models.PositiveIntegerField(default=0)
    # Shortlisted or approved ideas past their next step's deadline (ideas.queries.deadlines).
    ideas_overdue = models.PositiveIntegerField(default=0)
    saved_days = models.BigIntegerField(default=0)
    saved_taka = models.BigIntegerField(default=0)
    saved_visits = models.BigIntegerField(default=0)
    unverified_days = models.BigIntegerField(default=0)
    unverified_taka = models.BigIntegerField(default=0)
    unverified_visits = models.BigIntegerField(default=0)
    initiatives_pilot = models.PositiveIntegerField(default=0)
    initiatives_implemented = models.PositiveIntegerField(default=0)
    initiatives_dropped = models.PositiveIntegerField(default=0)
    priority_selected = models.PositiveIntegerField(default=0)
    priority_launched = models.PositiveIntegerField(default=0)
    # Per month of the fiscal year (July first): offices that held a meeting,
    # whose minutes came on time, late — for the chart.
    months_held = models.JSONField(default=list)
    months_timely = models.JSONField(default=list)
    months_late = models.JSONField(default=list)

    class Meta:
        verbose_name = _("indicators below an office")
        verbose_name_plural = _("indicators below offices")
        constraints = [
            models.UniqueConstraint(
                fields=["office", "year", "level"], name="rollup_one_per_office_year_level"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.office_id} {self.year} {self.level}"
