"""Initiatives (উদ্যোগ): innovations an office pilots and implements, the citizen
services they simplify, and what they save citizens in time, cost and visits.

An initiative comes from an approved idea, a plan item, a priority service or a
superior's instruction. Its stage moves pilot → evaluated → implemented → scaled
up, or is dropped with a reason, only through the paper workflow
(services.INITIATIVE); its before/after figures are verified by the supervising
office (services.VERIFICATION). What it saves is worked out by savings.py.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from udbhabon.core.versioning import Versioned
from udbhabon.initiatives.savings import FIGURE_FIELDS, Tcv
from udbhabon.offices.models import Bilingual


class ServiceArea(models.TextChoices):
    LAND = "land", _("Land")
    CERTIFICATE = "certificate", _("Certificates")
    LICENCE = "licence", _("Licences")
    ALLOWANCE = "allowance", _("Allowances")
    GRIEVANCE = "grievance", _("Grievances")
    OTHER = "other", _("Other")


class Service(Versioned, Bilingual):
    """A citizen service: the common catalogue (no office) or an office's own.

    What the Citizen Charter prints per service: the steps, the documents needed,
    the fee and how it is paid, the time limit and the responsible post. An
    initiative implemented for a service revises the office's entry
    (services.charter_revise): a common service gets an office row of the same
    code, which the office's charter shows instead of the common one.
    """

    office = models.ForeignKey(
        "offices.Office",
        verbose_name=_("office"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="services",
        help_text=_("Empty: a service of the common catalogue every office gives."),
    )
    code = models.SlugField(_("code"), max_length=40)
    area = models.CharField(
        _("area"), max_length=16, choices=ServiceArea.choices, default=ServiceArea.OTHER
    )
    steps = models.TextField(_("steps"), blank=True)
    documents_needed = models.TextField(_("documents needed"), blank=True)
    fee = models.CharField(_("fee and how it is paid"), max_length=255, blank=True)
    time_limit_days = models.PositiveSmallIntegerField(
        _("time limit (days)"), null=True, blank=True
    )
    responsible_post = models.CharField(_("responsible post"), max_length=255, blank=True)
    contact = models.CharField(_("phone and e-mail"), max_length=255, blank=True)
    # What the citizen spends and how often they come, once an initiative simplified it.
    cost_taka = models.PositiveIntegerField(_("citizen's cost (taka)"), null=True, blank=True)
    visits = models.PositiveSmallIntegerField(_("visits to the office"), null=True, blank=True)
    revised_on = models.DateField(_("charter revised on"), null=True, blank=True)
    revised_by = models.ForeignKey(
        "Initiative",
        verbose_name=_("revised by the initiative"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("citizen service")
        verbose_name_plural = _("citizen services")
        ordering = ["area", "name_bn", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=Q(office__isnull=True), name="service_common_code"
            ),
            models.UniqueConstraint(fields=["office", "code"], name="service_office_code"),
        ]


class Origin(models.TextChoices):
    IDEA = "idea", _("An approved idea")
    PLAN_ITEM = "plan_item", _("A plan item")
    PRIORITY_SERVICE = "priority_service", _("A priority service")
    INSTRUCTION = "instruction", _("A superior's instruction")
    REPLICATION = "replication", _("Another office's initiative, adopted")


class Stage(models.TextChoices):
    PILOT = "pilot", _("Piloting")
    EVALUATED = "evaluated", _("Pilot evaluated")
    IMPLEMENTED = "implemented", _("Implemented")
    SCALED_UP = "scaled_up", _("Scaled up")
    DROPPED = "dropped", _("Dropped")


# Stages in which the simplified service runs for citizens (their savings count).
RUNNING_STAGES = (Stage.IMPLEMENTED, Stage.SCALED_UP)
STAGE_STATUS = {
    Stage.PILOT: "wait",
    Stage.EVALUATED: "wait",
    Stage.IMPLEMENTED: "ok",
    Stage.SCALED_UP: "ok",
    Stage.DROPPED: "none",
}


class Verification(models.TextChoices):
    UNVERIFIED = "unverified", _("Not yet verified")
    VERIFIED = "verified", _("Verified")
    RETURNED = "returned", _("Returned with a note")


# What the impact ledger counts (portal.ledger): a service running for citizens whose
# figures the supervising office verified and are complete; and an adoption that counts.
COUNTED = Q(stage__in=RUNNING_STAGES, verification=Verification.VERIFIED) & Q(
    **{f"{name}__isnull": False for name in FIGURE_FIELDS}
)
ADOPTION = Q(lineage_root__isnull=False) & ~Q(stage=Stage.DROPPED)


class Initiative(Versioned, models.Model):
    office = models.ForeignKey(
        "offices.Office",
        verbose_name=_("office"),
        on_delete=models.PROTECT,
        related_name="initiatives",
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("what changes"), blank=True)
    origin = models.CharField(_("comes from"), max_length=20, choices=Origin.choices)
    idea = models.ForeignKey(
        "ideas.Idea",
        verbose_name=_("idea"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="initiatives",
    )
    plan_item = models.ForeignKey(
        "plans.PlanItem",
        verbose_name=_("plan item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="initiatives",
    )
    instruction = models.CharField(_("instruction (memo, date)"), max_length=255, blank=True)
    # A replication is a whole initiative of the adopting office (its own dates, figures and
    # verification); these say whose it copied and which lineage it belongs to. The root is
    # kept beside the direct source so a lineage is one indexed lookup, however deep.
    adopted_from = models.ForeignKey(
        "self",
        verbose_name=_("adopted from"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="adoptions",
    )
    lineage_root = models.ForeignKey(
        "self",
        verbose_name=_("origin of the lineage"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lineage",
    )
    service = models.ForeignKey(
        Service,
        verbose_name=_("service"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="initiatives",
    )

    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices, default=Stage.PILOT)
    pilot_started_on = models.DateField(_("pilot started on"), default=timezone.localdate)
    evaluated_at = models.DateTimeField(_("pilot evaluated at"), null=True, blank=True)
    implemented_on = models.DateField(_("launched on"), null=True, blank=True)
    scaled_up_at = models.DateTimeField(_("scaled up at"), null=True, blank=True)
    dropped_at = models.DateTimeField(_("dropped at"), null=True, blank=True)
    drop_reason = models.TextField(_("why it was dropped"), blank=True)

    # Time (hours), cost (taka) and visits of one service instance, before and after.
    hours_before = models.PositiveIntegerField(_("time before (hours)"), null=True, blank=True)
    hours_after = models.PositiveIntegerField(_("time after (hours)"), null=True, blank=True)
    taka_before = models.PositiveIntegerField(_("cost before (taka)"), null=True, blank=True)
    taka_after = models.PositiveIntegerField(_("cost after (taka)"), null=True, blank=True)
    visits_before = models.PositiveSmallIntegerField(_("visits before"), null=True, blank=True)
    visits_after = models.PositiveSmallIntegerField(_("visits after"), null=True, blank=True)
    recipients = models.PositiveIntegerField(_("recipients a year"), null=True, blank=True)

    verification = models.CharField(
        _("verification"),
        max_length=16,
        choices=Verification.choices,
        default=Verification.UNVERIFIED,
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verification_note = models.TextField(_("verifier's note"), blank=True)
    evaluation_note = models.TextField(_("pilot evaluation and decision"), blank=True)
    # db_default too: the national generator writes initiatives in bulk SQL.
    team_public = models.BooleanField(
        _("show the team's names and photos on the public page"), default=False, db_default=False
    )

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["office", "stage"], name="initiative_office_stage"),
            models.Index(fields=["stage", "implemented_on"], name="initiative_stage_launched"),
            # A division's or the country's list, newest first, walked in order to a page.
            models.Index(fields=["-created_at", "-id"], name="initiative_newest"),
            # The ledger's sums read only the counted rows' figures (PostgreSQL).
            models.Index(
                fields=["office"],
                include=FIGURE_FIELDS,
                condition=COUNTED,
                name="initiative_counted",
            ),
            # The adoptions of each origin, counted for the most-replicated lists.
            models.Index(fields=["lineage_root"], condition=ADOPTION, name="initiative_adoptions"),
        ]
        constraints = [
            # An office adopts a lineage once; the origin's own office never adopts it.
            models.UniqueConstraint(
                fields=["office", "lineage_root"],
                condition=Q(lineage_root__isnull=False),
                name="initiative_adopt_once",
            ),
            models.CheckConstraint(
                condition=Q(adopted_from__isnull=True, lineage_root__isnull=True)
                | Q(adopted_from__isnull=False, lineage_root__isnull=False, origin="replication"),
                name="initiative_replication_has_source",
            ),
            # An idea becomes one initiative (its replications elsewhere are their own records).
            models.UniqueConstraint(
                fields=["idea"], condition=Q(idea__isnull=False), name="initiative_one_per_idea"
            ),
            models.CheckConstraint(
                condition=~Q(stage="dropped") | ~Q(drop_reason=""), name="initiative_dropped_reason"
            ),
            models.CheckConstraint(
                condition=~Q(stage__in=["implemented", "scaled_up"])
                | Q(implemented_on__isnull=False),
                name="initiative_launched_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def stage_status(self) -> str:
        return STAGE_STATUS[Stage(self.stage)]

    @property
    def has_tcv(self) -> bool:
        return None not in (
            self.hours_before,
            self.hours_after,
            self.taka_before,
            self.taka_after,
            self.visits_before,
            self.visits_after,
        )

    def tcv(self, when: str) -> Tcv:
        return Tcv(
            getattr(self, f"hours_{when}") or 0,
            getattr(self, f"taka_{when}") or 0,
            getattr(self, f"visits_{when}") or 0,
        )

    @property
    def is_loss(self) -> bool:
        if not self.has_tcv:
            return False
        diff = self.tcv("before") - self.tcv("after")
        return diff.hours < 0 or diff.taka < 0 or diff.visits < 0

    @property
    def launched(self) -> dt.date | None:
        return self.implemented_on if self.stage in RUNNING_STAGES else None


class ProcessStep(models.Model):
    """One step of the service as a citizen goes through it, before or after.

    When an initiative has steps on a side, that side's time, cost and visits are
    their sums (services.initiative_set_tcv); without steps they are typed.
    """

    class Side(models.TextChoices):
        BEFORE = "before", _("Before")
        AFTER = "after", _("After")

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="steps", verbose_name=_("initiative")
    )
    side = models.CharField(_("side"), max_length=8, choices=Side.choices)
    position = models.PositiveSmallIntegerField(_("serial"))
    description = models.CharField(_("step"), max_length=255)
    hours = models.PositiveIntegerField(_("hours"), default=0)
    taka = models.PositiveIntegerField(_("taka"), default=0)
    visits = models.PositiveSmallIntegerField(_("visits"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("process step")
        verbose_name_plural = _("process steps")
        ordering = ["side", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "side", "position"], name="process_step_position"
            ),
        ]

    def __str__(self) -> str:
        return self.description


class TeamRole(models.TextChoices):
    LEADER = "leader", _("Team leader")
    MEMBER = "member", _("Team member")
    INNOVATOR = "innovator", _("Innovator")


class InitiativeMember(models.Model):
    """One of the initiative's team: public only when the office set team_public."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="team", verbose_name=_("initiative")
    )
    name = models.CharField(_("name"), max_length=120)
    designation = models.CharField(_("designation"), max_length=120, blank=True)
    office_name = models.CharField(_("office"), max_length=200, blank=True)
    post = models.ForeignKey(
        "offices.Post",
        verbose_name=_("post"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    role = models.CharField(
        _("role"), max_length=12, choices=TeamRole.choices, default=TeamRole.MEMBER
    )
    position = models.PositiveSmallIntegerField(_("serial"), default=0)
    photo = models.FileField(_("photo"), upload_to="initiatives/team/%Y/", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "name"], name="initiative_member_once"),
        ]

    def __str__(self) -> str:
        return self.name


class GrantSource(models.TextChoices):
    OWN_FUND = "own_fund", _("Own fund")
    SUB_ALLOCATION = "sub_allocation", _("Sub-allocation (e.g. TR)")
    MINISTRY = "ministry", _("Ministry")
    LOCAL_COUNCIL = "local_council", _("Local council")
    SIF = "sif", _("Service Innovation Fund (a2i)")


class GrantStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    RELEASED = "released", _("Released")
    UTILISED = "utilised", _("Utilisation reported")


class Grant(Versioned, models.Model):
    """Money for an initiative from any source: approved, released (never above the
    approval), utilised (never above the release). A SIF application is addressed to
    a2i, outside the tree: the office records a2i's answers."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.PROTECT, related_name="grants", verbose_name=_("initiative")
    )
    office = models.ForeignKey(
        "offices.Office", on_delete=models.PROTECT, related_name="grants", verbose_name=_("office")
    )
    source = models.CharField(_("source"), max_length=16, choices=GrantSource.choices)
    year = models.PositiveSmallIntegerField(_("fiscal year"))
    requested = models.PositiveBigIntegerField(_("amount asked (taka)"), default=0)
    approved = models.PositiveBigIntegerField(_("amount approved (taka)"), default=0)
    released = models.PositiveBigIntegerField(_("amount released (taka)"), default=0)
    utilised = models.PositiveBigIntegerField(_("amount utilised (taka)"), default=0)
    order = models.CharField(_("order (memo number, date)"), max_length=255, blank=True)
    duration_months = models.PositiveSmallIntegerField(
        _("duration (months)"), null=True, blank=True
    )
    # The SIF application as sent to a2i (documents.letter_issue).
    letter = models.ForeignKey(
        "documents.Letter",
        verbose_name=_("application letter"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=GrantStatus.choices, default=GrantStatus.APPLIED
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("grant")
        verbose_name_plural = _("grants")
        ordering = ["-year", "-created_at", "-id"]
        indexes = [models.Index(fields=["office", "year"], name="grant_office_year")]
        constraints = [
            models.CheckConstraint(
                condition=Q(released__lte=models.F("approved")), name="grant_released_approved"
            ),
            models.CheckConstraint(
                condition=Q(utilised__lte=models.F("released")), name="grant_utilised_released"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_source_display()} {self.approved}"


class VisitKind(models.TextChoices):
    SELF = "self", _("By the office itself")
    PEER = "peer", _("By a peer office")
    SUPERIOR = "superior", _("By a superior office")


class SiteVisit(models.Model):
    """A visit to where the initiative runs: what was found, photos, what follows."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="visits", verbose_name=_("initiative")
    )
    visitor_office = models.ForeignKey(
        "offices.Office", on_delete=models.PROTECT, related_name="+", verbose_name=_("visited by")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=VisitKind.choices)
    visited_on = models.DateField(_("visited on"))
    findings = models.TextField(_("findings"))
    follow_up = models.TextField(_("follow-up actions"), blank=True)
    photo = models.FileField(_("photo"), upload_to="initiatives/visits/%Y/", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("site visit")
        verbose_name_plural = _("site visits")
        ordering = ["-visited_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.visited_on}"


class ChainStep(models.TextChoices):
    """The simplification chain of a priority service (seed 000 rows 1–9, 004 rows 1–5)."""

    SELECTED = "selected", _("Selected")
    APPROVED = "approved", _("Approved by the head")
    COMMITTEE = "committee", _("Committee formed")
    RULE_REVIEW = "rule_review", _("Rules reviewed, amendment recommended")
    PILOTED = "piloted", _("Piloted")
    REVISED = "revised", _("Revised")
    LAUNCHED = "launched", _("Launched")


CHAIN = list(ChainStep.values)


class PriorityService(Versioned, models.Model):
    """One of the services an office simplifies this year, ranked by recipients."""

    office = models.ForeignKey(
        "offices.Office", on_delete=models.PROTECT, related_name="+", verbose_name=_("office")
    )
    year = models.PositiveSmallIntegerField(_("fiscal year"))
    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, related_name="priorities", verbose_name=_("service")
    )
    recipients = models.PositiveIntegerField(_("recipients a year"))
    rank = models.PositiveSmallIntegerField(_("rank"))
    step = models.CharField(
        _("step"), max_length=16, choices=ChainStep.choices, default=ChainStep.SELECTED
    )
    initiative = models.ForeignKey(
        Initiative,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="priorities",
        verbose_name=_("initiative"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("priority service")
        verbose_name_plural = _("priority services")
        ordering = ["office", "-year", "rank", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "year", "service"], name="priority_service_once_a_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rank}. {self.service}"

    @property
    def next_step(self) -> str | None:
        at = CHAIN.index(self.step)
        return CHAIN[at + 1] if at + 1 < len(CHAIN) else None


class ChainRecord(models.Model):
    """A step of the chain: its day and its evidence (an order, minutes, a link); the
    rule review also its recommendation, addressee and status."""

    priority = models.ForeignKey(
        PriorityService, on_delete=models.CASCADE, related_name="records", verbose_name=_("service")
    )
    step = models.CharField(_("step"), max_length=16, choices=ChainStep.choices)
    done_on = models.DateField(_("date"))
    evidence = models.TextField(_("evidence"), blank=True)
    recommendation = models.TextField(_("recommendation"), blank=True)
    addressee = models.CharField(_("addressed to"), max_length=255, blank=True)
    recommendation_status = models.CharField(
        _("status of the recommendation"), max_length=255, blank=True
    )
    # The committee: its members (one a line) and the office order that formed it.
    members = models.TextField(_("members"), blank=True)
    letter = models.ForeignKey(
        "documents.Letter",
        verbose_name=_("office order"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("step of the simplification chain")
        verbose_name_plural = _("steps of the simplification chain")
        ordering = ["priority", "done_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["priority", "step"], name="chain_record_once"),
        ]

    def __str__(self) -> str:
        return f"{self.get_step_display()} {self.done_on}"
