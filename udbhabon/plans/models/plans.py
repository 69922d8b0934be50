"""The annual action plan, its rows (items) and their dated occurrences."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from udbhabon.core.versioning import Versioned, version_field
from udbhabon.plans.models.categories import Category
from udbhabon.plans.models.choices import (
    ItemStatus,
    ReviewStatus,
    ScheduleKind,
    YearKind,
    choices_q,
    plain_number,
)


class Reviewable(models.Model):
    """Abstract: the review lifecycle a plan and a report share, with timestamps.

    Supervision (issue 9) queries these in bulk: when a paper was last
    submitted, returned or accepted.

    `version` is the paper's edition (a reopened plan is the next one); the
    record version every write raises (core/versioning.py) is `record_version`.
    """

    VERSION_FIELD = "record_version"

    status = models.CharField(
        _("status"), max_length=16, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT
    )
    submitted_at = models.DateTimeField(_("sent up on"), null=True, blank=True)
    returned_at = models.DateTimeField(_("returned"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    record_version = version_field()
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    # Where an imported paper came from (file name or upload) and what the
    # reader found that has no column here (its letter, signatories, period label).
    source = models.CharField(_("source"), max_length=255, blank=True)
    source_meta = models.JSONField(default=dict, blank=True)
    # The upload it was read from: the page links to the original file.
    source_job = models.ForeignKey(
        "documents.ImportJob",
        verbose_name=_("read in from"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        abstract = True

    @property
    def status_css(self) -> str:
        return {
            ReviewStatus.DRAFT: "none",
            ReviewStatus.SUBMITTED: "wait",
            ReviewStatus.RETURNED: "late",
            ReviewStatus.ACCEPTED: "ok",
        }[ReviewStatus(self.status)]


def reviewable_constraints(prefix: str) -> list[models.BaseConstraint]:
    return [
        models.CheckConstraint(
            condition=choices_q("status", ReviewStatus), name=f"{prefix}_status_valid"
        ),
        # A status names the transition that led to it, so its timestamp exists.
        models.CheckConstraint(
            condition=~Q(status="submitted") | Q(submitted_at__isnull=False),
            name=f"{prefix}_submitted_has_time",
        ),
        models.CheckConstraint(
            condition=~Q(status="returned") | Q(returned_at__isnull=False),
            name=f"{prefix}_returned_has_time",
        ),
        models.CheckConstraint(
            condition=~Q(status="accepted") | Q(accepted_at__isnull=False),
            name=f"{prefix}_accepted_has_time",
        ),
    ]


class ActionPlan(Reviewable):
    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="plans"
    )
    # The year the plan starts in: fiscal 2017 is 2017-18 (1 July 2017 – 30 June
    # 2018); calendar 2016 is 2016.
    year = models.PositiveSmallIntegerField(_("year"))
    year_kind = models.CharField(
        _("kind of year"), max_length=16, choices=YearKind.choices, default=YearKind.FISCAL
    )
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("until"))
    period_label = models.CharField(_("period as written"), max_length=128, blank=True)
    # Reopening an accepted plan starts the next version (services.plan_reopen).
    version = models.PositiveSmallIntegerField(_("version"), default=1)

    history = HistoricalRecords(excluded_fields=["updated_at", "source_meta"])

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["-year", "office__path"]
        indexes = [models.Index(fields=["year", "status"], name="plan_year_status")]
        constraints = [
            models.UniqueConstraint(fields=["office", "year"], name="one_plan_per_office_year"),
            models.CheckConstraint(
                condition=Q(period_start__lte=F("period_end")), name="plan_period_in_order"
            ),
            models.CheckConstraint(
                condition=choices_q("year_kind", YearKind), name="plan_year_kind_valid"
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="plan_version_positive"),
            *reviewable_constraints("plan"),
        ]

    def __str__(self) -> str:
        return f"{self.office} — {self.year_label}"

    def get_absolute_url(self) -> str:
        return reverse("plans:detail", args=[self.pk])

    @property
    def year_label(self) -> str:
        from udbhabon.plans.periods import year_label

        return year_label(self.year, self.year_kind)


class PlanItem(Versioned, models.Model):
    plan = models.ForeignKey(
        ActionPlan, verbose_name=_("action plan"), on_delete=models.CASCADE, related_name="items"
    )
    # The row's place in the table; unique among live rows (services renumber).
    position = models.PositiveIntegerField(_("order"))
    serial = models.PositiveIntegerField(_("serial no."))
    label = models.CharField(_("sub-label"), max_length=8, blank=True)  # ক, খ, গ ...
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # The category as written when it is not (or not exactly) the standard name:
    # kept so an imported plan prints back as it was read.
    category_text = models.CharField(_("category as written"), max_length=500, blank=True)
    activity = models.TextField(_("activity"), blank=True)
    # The schedule as the officer typed it (the paper's two cells) ...
    start_text = models.CharField(_("start as written"), max_length=1000, blank=True)
    end_text = models.CharField(_("end as written"), max_length=1000, blank=True)
    # ... and as understood: the import contract's SCHEDULE dict, its kind, and
    # its first and last day for indexed queries (calendars, overdue, due items).
    schedule = models.JSONField(_("implementation period as understood"), default=dict, blank=True)
    schedule_kind = models.CharField(
        _("kind of schedule"),
        max_length=16,
        choices=ScheduleKind.choices,
        default=ScheduleKind.UNPARSED,
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    responsible_posts = models.ManyToManyField(
        "offices.Post", verbose_name=_("responsible posts"), blank=True, related_name="+"
    )
    responsible_text = models.CharField(_("responsible (as written)"), max_length=500, blank=True)
    # An imported row's posts were matched from its responsible cell: the paper prints the
    # cell as written (the record), the posts only link the row to people.
    responsible_from_text = models.BooleanField(default=False, db_default=False)
    expected_outcome = models.TextField(_("expected outcome"), blank=True)
    indicator = models.TextField(_("measurement indicator"), blank=True)
    target_value = models.DecimalField(
        _("target"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target_unit = models.CharField(_("unit of the target"), max_length=64, blank=True)
    # Warning codes the officer has looked at and accepted (warnings.py).
    acknowledged_warnings = models.JSONField(default=list, blank=True)
    # The latest progress, mirrored from ProgressUpdate by services.
    status = models.CharField(
        _("progress"), max_length=16, choices=ItemStatus.choices, default=ItemStatus.NOT_STARTED
    )
    percent = models.PositiveSmallIntegerField(_("percent done"), default=0)
    achieved = models.DecimalField(
        _("achieved"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    status_at = models.DateTimeField(_("progress updated"), null=True, blank=True)
    copied_from = models.ForeignKey(
        "self",
        verbose_name=_("copied from"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # What the item measures itself by (plans/metrics.py; e.g. "events.held" with
    # {"kind": "training"}), confirmed by an officer; counted over the item's schedule,
    # for the plan's office (and its subtree with metric_subtree). A figure typed by
    # hand overrides the measured one, with its reason, and is shown as such.
    # (db defaults too: the generator COPYs rows without these columns)
    metric_key = models.CharField(
        _("measured by"), max_length=64, blank=True, default="", db_default=""
    )
    metric_params = models.JSONField(
        _("measured with"),
        default=dict,
        blank=True,
        db_default=models.Value({}, output_field=models.JSONField()),
    )
    metric_subtree = models.BooleanField(
        _("count the offices below too"), default=False, db_default=False
    )
    manual_value = models.DecimalField(
        _("figure given by hand"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    manual_reason = models.TextField(
        _("why the figure is given by hand"), blank=True, db_default=""
    )
    # Removal is recoverable: a removed row keeps everything and can be restored.
    deleted_at = models.DateTimeField(_("removed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    history = HistoricalRecords(
        m2m_fields=[responsible_posts], excluded_fields=["updated_at", "status_at"]
    )

    class Meta:
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")
        ordering = ["position", "id"]
        indexes = [
            models.Index(fields=["plan", "deleted_at", "position"], name="item_plan_order"),
            models.Index(fields=["end_date", "status"], name="item_end_status"),
            models.Index(fields=["start_date"], name="item_start"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "position"],
                condition=Q(deleted_at__isnull=True),
                name="item_position_unique",
            ),
            models.CheckConstraint(condition=Q(serial__gte=1), name="item_serial_positive"),
            # Both ends of the schedule are known, or neither (count/unparsed).
            models.CheckConstraint(
                condition=Q(start_date__isnull=True, end_date__isnull=True)
                | Q(start_date__isnull=False, end_date__isnull=False),
                name="item_dates_both_or_neither",
            ),
            models.CheckConstraint(
                condition=choices_q("schedule_kind", ScheduleKind), name="item_schedule_kind_valid"
            ),
            models.CheckConstraint(
                condition=choices_q("status", ItemStatus), name="item_status_valid"
            ),
            models.CheckConstraint(condition=Q(percent__lte=100), name="item_percent_max"),
            models.CheckConstraint(
                condition=Q(target_value__isnull=True) | Q(target_value__gte=0),
                name="item_target_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(achieved__isnull=True) | Q(achieved__gte=0),
                name="item_achieved_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(manual_value__isnull=True)
                | (Q(manual_value__gte=0) & ~Q(manual_reason="")),
                name="item_manual_figure_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.serial}{self.label} {self.activity[:60]}"

    @property
    def target_number(self) -> int | Decimal | None:
        """The target without trailing zeros (20, not 20.00), for |number."""
        return plain_number(self.target_value)

    @property
    def achieved_number(self) -> int | Decimal | None:
        return plain_number(self.achieved)

    @property
    def responsible(self) -> str:
        """The responsible cell in one line (posts, then the free text); uses prefetched posts."""
        if self.responsible_from_text and self.responsible_text:
            return self.responsible_text
        names = [p.title for p in self.responsible_posts.all()]
        return ", ".join([*names, self.responsible_text] if self.responsible_text else names)

    @property
    def category_display(self) -> str:
        """The category as the paper shows it: as written, else the standard name."""
        if self.category_text:
            return self.category_text
        return self.category.name if self.category else ""


class Occurrence(models.Model):
    """One dated event of an item ("১৯/০৯/২০১৭ ঠাকুরগাঁও সদর"), ticked off when held."""

    item = models.ForeignKey(
        PlanItem, verbose_name=_("plan item"), on_delete=models.CASCADE, related_name="occurrences"
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    start = models.DateField(_("from"), null=True, blank=True)
    end = models.DateField(_("until"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255, blank=True)
    label = models.CharField(_("name"), max_length=255, blank=True)
    done_at = models.DateTimeField(_("took place on"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ticked by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("occurrence")
        verbose_name_plural = _("occurrences")
        ordering = ["position", "id"]
        indexes = [models.Index(fields=["start"], name="occurrence_start")]

    def __str__(self) -> str:
        return f"{self.start} {self.place or self.label}".strip()
