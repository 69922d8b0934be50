"""Annual innovation action plans, their items, progress and half-yearly reports.

The paper loop in the seeds (data/seeds/): an office's বার্ষিক উদ্ভাবন কর্মপরিকল্পনা
in eight columns is sent up with a forwarding letter, reviewed, and reported on
every half-year (বাস্তবায়িত কর্মপরিকল্পনার প্রতিবেদন). The shapes here:

* ``Category`` / ``CategoryAlias`` — the standard bilingual list of activity
  categories, with the spellings real plans use as aliases (loaded by migration
  0002 from every category seen in the seeds).
* ``InnovationTeam`` / ``TeamMember`` — an office's team for a year.
* ``ActionPlan`` — one per office per year (fiscal, or calendar for older
  plans), with its review status, version and transition timestamps.
* ``PlanItem`` — one row of the eight columns. The schedule is the import
  contract's SCHEDULE dict (``schedule``) plus indexed ``start_date`` /
  ``end_date`` for queries; dated occurrences are ``Occurrence`` rows that can
  be ticked off. ``status``/``percent`` mirror the item's latest progress so
  "overdue" is one indexed condition (queries.overdue_q).
* ``Submission`` — each time a plan or report goes up: the letter and a frozen
  copy of the items, so any two versions can be compared item by item.
* ``ReviewComment`` — the reviewer's comments on a plan/report or one item.
* ``ProgressUpdate`` / ``Evidence`` — progress per item per half-year (a
  timeline; ``is_latest`` marks the current one) and what proves it.
* ``ProgressReport`` / ``ReportItem`` — the half-yearly implementation report,
  a snapshot in the standard columns, reviewed like the plan.

Rules that must always hold are database constraints; rules a draft may break
for a while (end before start, missing cells) are warnings (warnings.py).
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class YearKind(models.TextChoices):
    FISCAL = "fiscal", _("Fiscal year")
    CALENDAR = "calendar", _("Calendar year")


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", pgettext_lazy("status of a paper", "Submitted")
    RETURNED = "returned", _("Returned with comments")
    ACCEPTED = "accepted", _("Accepted")


class ItemStatus(models.TextChoices):
    # The same codes as the progress sheet (documents/writers/progress.py).
    NOT_STARTED = "not_started", _("Not started")
    ONGOING = "ongoing", _("Ongoing")
    DONE = "done", _("Done")
    DELAYED = "delayed", _("Delayed")
    DROPPED = "dropped", _("Dropped")


class ScheduleKind(models.TextChoices):
    RANGE = "range", _("Date range")
    OCCURRENCES = "occurrences", _("Dated occurrences")
    RECURRING = "recurring", _("Recurring")
    COUNT = "count", _("Number of times")
    UNPARSED = "unparsed", _("As written")


def _plain(value: Decimal | None) -> int | Decimal | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else value


def _choices_q(field: str, choices: type[models.TextChoices]) -> Q:
    return Q(**{f"{field}__in": list(choices.values)})


class Category(models.Model):
    """A standard category of activity (the বিষয় column)."""

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name_bn = models.CharField(_("name (Bengali)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    # The categories of the standard plan template, in its order: "start from the
    # standard skeleton" makes one item for each.
    in_skeleton = models.BooleanField(_("in the standard skeleton"), default=False)
    is_active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name_bn


class CategoryAlias(models.Model):
    """A spelling of a category seen in real plans; matched by bangla.text.loose_key."""

    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.CASCADE, related_name="aliases"
    )
    text = models.CharField(_("as written"), max_length=255)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("category spelling")
        verbose_name_plural = _("category spellings")
        constraints = [models.UniqueConstraint(fields=["text"], name="category_alias_unique")]

    def __str__(self) -> str:
        return self.text


class InnovationTeam(models.Model):
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
                condition=_choices_q("year_kind", YearKind), name="team_year_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.office} {self.year}"


class TeamRole(models.TextChoices):
    CONVENER = "convener", _("Convener")
    MEMBER_SECRETARY = "member_secretary", _("Member secretary")
    MEMBER = "member", _("Member")


class TeamMember(models.Model):
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
                condition=_choices_q("role", TeamRole), name="team_member_role_valid"
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
                fields=["team", "post"], condition=Q(post__isnull=False), name="post_once_per_team"
            ),
        ]

    def __str__(self) -> str:
        return self.name or str(self.post)


class Reviewable(models.Model):
    """Abstract: the review lifecycle a plan and a report share, with timestamps.

    Supervision (issue 9) queries these in bulk: when a paper was last
    submitted, returned or accepted.
    """

    status = models.CharField(
        _("status"), max_length=16, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT
    )
    submitted_at = models.DateTimeField(_("sent up on"), null=True, blank=True)
    returned_at = models.DateTimeField(_("returned"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
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
        }[self.status]


def _reviewable_constraints(prefix: str) -> list[models.BaseConstraint]:
    return [
        models.CheckConstraint(
            condition=_choices_q("status", ReviewStatus), name=f"{prefix}_status_valid"
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
                condition=_choices_q("year_kind", YearKind), name="plan_year_kind_valid"
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="plan_version_positive"),
            *_reviewable_constraints("plan"),
        ]

    def __str__(self) -> str:
        return f"{self.office} — {self.year_label}"

    @property
    def year_label(self) -> str:
        from udbhabon.plans.periods import year_label

        return year_label(self.year, self.year_kind)


class PlanItem(models.Model):
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
                condition=_choices_q("schedule_kind", ScheduleKind), name="item_schedule_kind_valid"
            ),
            models.CheckConstraint(
                condition=_choices_q("status", ItemStatus), name="item_status_valid"
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
        ]

    def __str__(self) -> str:
        return f"{self.serial}{self.label} {self.activity[:60]}"

    @property
    def target_number(self) -> int | Decimal | None:
        """The target without trailing zeros (20, not 20.00), for |number."""
        return _plain(self.target_value)

    @property
    def achieved_number(self) -> int | Decimal | None:
        return _plain(self.achieved)

    @property
    def responsible(self) -> str:
        """The responsible cell in one line (posts, then the free text); uses prefetched posts."""
        names = [p.title for p in self.responsible_posts.all()]
        return ", ".join([*names, self.responsible_text] if self.responsible_text else names)

    @property
    def category_display(self) -> str:
        """The category as the paper shows it: as written, else the standard name."""
        if self.category_text:
            return self.category_text
        return self.category.name if self.category_id else ""


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


class Submission(models.Model):
    """One sending-up of a plan or a report: its letter and a frozen copy of the items.

    ``version`` is the plan's version; ``revision`` counts the submissions within
    it (a returned plan resubmitted is revision 2). ``outcome`` is the review's.
    """

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Awaiting review")
        RETURNED = "returned", _("Returned with comments")
        ACCEPTED = "accepted", _("Accepted")

    plan = models.ForeignKey(
        ActionPlan, on_delete=models.CASCADE, null=True, blank=True, related_name="submissions"
    )
    report = models.ForeignKey(
        "ProgressReport",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="submissions",
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    revision = models.PositiveSmallIntegerField(_("submission"), default=1)
    letter = models.ForeignKey(
        "documents.Letter",
        verbose_name=_("the forwarding letter"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    snapshot = models.JSONField(default=list, blank=True)
    submitted_at = models.DateTimeField(_("sent up on"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    submitted_post = models.ForeignKey(
        "offices.Post", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    outcome = models.CharField(
        _("outcome"), max_length=16, choices=Outcome.choices, default=Outcome.PENDING
    )
    decided_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["submitted_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(plan__isnull=False, report__isnull=True)
                | Q(plan__isnull=True, report__isnull=False),
                name="submission_of_one_paper",
            ),
            models.UniqueConstraint(
                fields=["plan", "version", "revision"],
                condition=Q(plan__isnull=False),
                name="plan_submission_unique",
            ),
            models.UniqueConstraint(
                fields=["report", "version", "revision"],
                condition=Q(report__isnull=False),
                name="report_submission_unique",
            ),
            models.CheckConstraint(
                condition=Q(outcome="pending") | Q(decided_at__isnull=False),
                name="submission_decided_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.version}.{self.revision} {self.submitted_at:%Y-%m-%d}"


class ReviewComment(models.Model):
    """A reviewer's comment on a plan or report as a whole, or on one of its items."""

    plan = models.ForeignKey(
        ActionPlan, on_delete=models.CASCADE, null=True, blank=True, related_name="comments"
    )
    report = models.ForeignKey(
        "ProgressReport",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="comments",
    )
    item = models.ForeignKey(
        PlanItem, on_delete=models.CASCADE, null=True, blank=True, related_name="comments"
    )
    report_item = models.ForeignKey(
        "ReportItem", on_delete=models.CASCADE, null=True, blank=True, related_name="comments"
    )
    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, null=True, blank=True, related_name="comments"
    )
    text = models.TextField(_("comment"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    author_post = models.ForeignKey(
        "offices.Post", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(plan__isnull=False, report__isnull=True, report_item__isnull=True)
                | Q(plan__isnull=True, report__isnull=False, item__isnull=True),
                name="comment_on_one_paper",
            ),
            models.CheckConstraint(condition=~Q(text=""), name="comment_not_empty"),
        ]

    def __str__(self) -> str:
        return self.text[:60]


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
                condition=_choices_q("status", ItemStatus), name="update_status_valid"
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


class EvidenceKind(models.TextChoices):
    FILE = "file", _("File")
    LINK = "link", _("Link")
    MEETING = "meeting", _("Meeting")
    RECORD = "record", _("Record in Udbhabon")


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
                condition=_choices_q("kind", EvidenceKind), name="evidence_kind_valid"
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
            *_reviewable_constraints("report"),
        ]

    def __str__(self) -> str:
        return f"{self.office} — {self.period_label}"


class ReportItem(models.Model):
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
        return self.category.name if self.category_id else ""
