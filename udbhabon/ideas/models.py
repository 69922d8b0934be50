"""Ideas from staff and citizens, from intake to scale-up, and who gave them.

An idea belongs to the office that received it. It moves through the funnel
(Stage) only by services.idea_transition, which writes an IdeaTransition row
for every step: that log is the idea's public history for the citizen (the
stages and answers) and the full history for officers (with internal notes),
and it gives the time spent in each stage (queries.stage_report).

Similar-idea search (queries.similar_ideas) reads IdeaSearch (the folded
words of title and problem, see similarity.py) and the vocabulary IdeaWord
with document frequencies. On PostgreSQL a migration adds a generated column
of word hashes with a GIN index to IdeaSearch (0002_postgres_search).
IdeaSearch, IdeaWord and SimilarPair are derived from the ideas (rebuilt by
`manage.py reindex_ideas`), so they keep no history of their own.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from udbhabon.core.lang import current_lang
from udbhabon.core.versioning import Versioned


class Stage(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    AWAITING_VETTING = "awaiting_vetting", _("Awaiting vetting")
    CLARIFICATION = "clarification", _("Needs clarification")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    APPROVED = "approved", _("Approved")
    PILOTING = "piloting", _("Piloting")
    IMPLEMENTED = "implemented", _("Implemented")
    SCALED_UP = "scaled_up", _("Scaled up / replicated")
    REJECTED = "rejected", _("Not accepted")
    MERGED = "merged", _("Merged with a similar idea")


# How a stage is shown (the status--* classes of app.css: words and colour).
STAGE_STATUS: dict[str, str] = {
    Stage.SUBMITTED: "wait",
    Stage.AWAITING_VETTING: "wait",
    Stage.CLARIFICATION: "wait",
    Stage.SHORTLISTED: "ok",
    Stage.APPROVED: "ok",
    Stage.PILOTING: "ok",
    Stage.IMPLEMENTED: "ok",
    Stage.SCALED_UP: "ok",
    Stage.REJECTED: "none",
    Stage.MERGED: "none",
}
# Stages that wait for the monthly meeting's vetting (the "unvetted" flag).
UNVETTED_STAGES = (Stage.SUBMITTED, Stage.AWAITING_VETTING)
# Stages an idea never leaves.
FINAL_STAGES = (Stage.SCALED_UP, Stage.REJECTED, Stage.MERGED)
# Stages the public showcase lists (implemented, and taken elsewhere).
SHOWCASE_STAGES = (Stage.IMPLEMENTED, Stage.SCALED_UP)
# Stages at or beyond approval (innovator profiles; supervision's "approved").
APPROVED_STAGES = (Stage.APPROVED, Stage.PILOTING, Stage.IMPLEMENTED, Stage.SCALED_UP)


class Channel(models.TextChoices):
    STAFF_ONLINE = "staff_online", _("Staff, online")
    CITIZEN_ONLINE = "citizen_online", _("Citizen, online")
    IDEA_BOX = "idea_box", _("Idea box")
    FACEBOOK = "facebook", _("Facebook")
    WORKSHOP = "workshop", _("Workshop")
    MEETING = "meeting", _("Meeting")
    OTHER = "other", _("Other")


class Category(models.TextChoices):
    SERVICE_SIMPLIFICATION = "service_simplification", _("Service simplification")
    E_SERVICE = "e_service", _("E-service and digital service")
    INTERNAL_PROCESS = "internal_process", _("Internal office process")
    CITIZEN_ENGAGEMENT = "citizen_engagement", _("Citizen engagement and social media")
    OTHER = "other", _("Other")


class Kind(models.TextChoices):
    IDEA = "idea", _("An idea")
    PROBLEM = "problem", _("A service problem")


class Innovator(models.Model):
    """Someone who gives ideas: an officer (with an account) or a citizen.

    Citizens are recognised again by their phone number or e-mail address, so
    one person's ideas across offices make one profile (the seeds' "1000
    innovators database"). `office` is where they were first seen, and decides
    who may see the profile (the permission rule of the spine).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="innovator",
    )
    name = models.CharField(_("name"), max_length=255)
    phone = models.CharField(_("mobile number"), max_length=32, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    language = models.CharField(
        _("language"), max_length=8, default="bn", choices=[("bn", "বাংলা"), ("en", "English")]
    )
    office = models.ForeignKey(
        "offices.Office",
        verbose_name=_("office"),
        on_delete=models.PROTECT,
        related_name="innovators",
    )
    created_at = models.DateTimeField(_("first idea"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("innovator")
        verbose_name_plural = _("innovators")
        ordering = ["name", "id"]
        indexes = [
            models.Index(fields=["phone"], name="innovator_phone"),
            models.Index(fields=["email"], name="innovator_email"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(phone="") | ~Q(email=""),
                name="innovator_reachable",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.user is not None:
            return self.user.display_name
        return self.name


class Idea(Versioned, models.Model):
    office = models.ForeignKey(
        "offices.Office",
        verbose_name=_("office"),
        on_delete=models.PROTECT,
        related_name="ideas",
    )
    code = models.CharField(_("tracking code"), max_length=8, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.IDEA)
    channel = models.CharField(_("received through"), max_length=16, choices=Channel.choices)
    category = models.CharField(
        _("category"), max_length=32, choices=Category.choices, default=Category.OTHER
    )
    # Provenance: who typed it in, when the office received it, the original.
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("typed in by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    received_on = models.DateField(_("received on"), default=timezone.localdate)
    source_link = models.URLField(_("link to the original"), max_length=500, blank=True)
    source_photo = models.FileField(
        _("photo or scan of the original"), upload_to="ideas/originals/%Y/", blank=True
    )

    title = models.CharField(_("title"), max_length=200)
    problem = models.TextField(_("problem identified"))
    solution = models.TextField(_("proposed solution"), blank=True)
    service = models.CharField(_("service concerned"), max_length=200, blank=True)
    beneficiaries = models.CharField(_("who benefits"), max_length=200, blank=True)
    # Time, cost and visits a citizen spends on the service, before and after.
    days_before = models.PositiveIntegerField(_("days, before"), null=True, blank=True)
    days_after = models.PositiveIntegerField(_("days, after"), null=True, blank=True)
    cost_before = models.PositiveIntegerField(_("cost in taka, before"), null=True, blank=True)
    cost_after = models.PositiveIntegerField(_("cost in taka, after"), null=True, blank=True)
    visits_before = models.PositiveSmallIntegerField(_("visits, before"), null=True, blank=True)
    visits_after = models.PositiveSmallIntegerField(_("visits, after"), null=True, blank=True)

    submitter = models.ForeignKey(
        Innovator,
        verbose_name=_("submitted by"),
        on_delete=models.PROTECT,
        related_name="ideas",
    )

    stage = models.CharField(
        _("stage"), max_length=20, choices=Stage.choices, default=Stage.SUBMITTED
    )
    stage_since = models.DateTimeField(_("in this stage since"), default=timezone.now)
    # Where a clarified idea goes back to (the stage it was asked from).
    resume_stage = models.CharField(max_length=20, choices=Stage.choices, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="duplicates",
    )
    created_at = models.DateTimeField(_("submitted at"), default=timezone.now)

    history = HistoricalRecords()

    # Not columns: what the queries set on an idea for the pages that show it.
    viewable: bool
    similar_hidden: int
    has_duplicate: bool
    review_summary: Any
    overdue: bool
    due_on: dt.date | None  # ideas.queries.mark_due: the next step's day, if one is due
    late: bool  # ideas.queries.mark_due: that day has passed

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["office", "stage"], name="idea_office_stage"),
            models.Index(fields=["stage", "received_on"], name="idea_stage_received"),
            # The Idea Bank: MIN and MAX for its year filter, newest first without a sort.
            models.Index(fields=["received_on", "id"], name="idea_received"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(stage="merged") | Q(merged_into__isnull=False),
                name="idea_merged_has_target",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.display_code} {self.title}"

    @property
    def display_code(self) -> str:
        """The tracking code as people read it aloud: 'K7Q4-M9TZ'."""
        return f"{self.code[:4]}-{self.code[4:]}"

    @property
    def is_final(self) -> bool:
        return self.stage in FINAL_STAGES

    @property
    def stage_status(self) -> str:
        return STAGE_STATUS[self.stage]

    @property
    def has_tcv(self) -> bool:
        return any(
            getattr(self, f"{what}_{when}") is not None
            for what in ("days", "cost", "visits")
            for when in ("before", "after")
        )


class IdeaAttachment(models.Model):
    idea = models.ForeignKey(
        Idea, verbose_name=_("idea"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to="ideas/attachments/%Y/")
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    added_at = models.DateTimeField(_("added"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["added_at", "id"]

    def __str__(self) -> str:
        return self.caption or (self.file.name or "").rsplit("/", 1)[-1]

    @property
    def filename(self) -> str:
        return (self.file.name or "").rsplit("/", 1)[-1]


class IdeaTransition(models.Model):
    """One step of an idea through the funnel: the log and the public history.

    `answer` is what the submitter is told (public on the status page);
    `note` is for officers only. Vetting decisions carry the meeting where
    they were taken: the meetings app's `agenda_item` (referenced by name, so
    this app imports nothing of meetings), or a readable `meeting_ref`, with
    the `meeting_date`.
    """

    idea = models.ForeignKey(
        Idea, verbose_name=_("idea"), on_delete=models.CASCADE, related_name="transitions"
    )
    # Contexts: other apps use "from", "to" and "by" for dates, addressees, authors.
    from_stage = models.CharField(
        pgettext_lazy("stage of an idea", "from"), max_length=20, choices=Stage.choices, blank=True
    )
    to_stage = models.CharField(
        pgettext_lazy("stage of an idea", "to"), max_length=20, choices=Stage.choices
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("who changed an idea", "by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    by_post = models.ForeignKey(
        "offices.Post", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    by_submitter = models.BooleanField(default=False)
    answer = models.TextField(_("answer to the submitter"), blank=True)
    note = models.TextField(_("internal note"), blank=True)
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem",
        verbose_name=_("agenda item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    meeting_ref = models.CharField(_("meeting"), max_length=200, blank=True)
    meeting_date = models.DateField(_("meeting date"), null=True, blank=True)
    # Time the idea spent in `from_stage`, for time-in-stage figures.
    seconds_in_stage = models.PositiveBigIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["from_stage", "at"], name="transition_from_at")]

    def __str__(self) -> str:
        return f"{self.idea_id}: {self.from_stage} → {self.to_stage}"

    @property
    def to_status(self) -> str:
        return STAGE_STATUS[self.to_stage]

    @property
    def is_vetting(self) -> bool:
        """A decision taken at a meeting (shown as "at the meeting of ...")."""
        return bool(self.meeting_date or self.meeting_ref or self.agenda_item_id)

    @property
    def is_return(self) -> bool:
        return self.from_stage == Stage.CLARIFICATION


class Criterion(models.Model):
    """One line of the review rubric; the system administrator keeps the list."""

    code = models.SlugField(_("code"), max_length=32, unique=True)
    name_bn = models.CharField(_("name (Bengali)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    help_bn = models.CharField(_("guidance (Bengali)"), max_length=255, blank=True)
    help_en = models.CharField(_("guidance (English)"), max_length=255, blank=True)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)
    max_score = models.PositiveSmallIntegerField(_("highest score"), default=5)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("review criterion")
        verbose_name_plural = _("review criteria")
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(max_score__gte=1), name="criterion_max_score")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if current_lang() == "en" and self.name_en else self.name_bn

    @property
    def help(self) -> str:
        return self.help_en if current_lang() == "en" and self.help_en else self.help_bn


class Review(Versioned, models.Model):
    """A reviewer (a post at the idea's office) asked to score an idea."""

    idea = models.ForeignKey(
        Idea, verbose_name=_("idea"), on_delete=models.CASCADE, related_name="reviews"
    )
    reviewer = models.ForeignKey(
        "offices.Post", verbose_name=_("reviewer"), on_delete=models.PROTECT, related_name="+"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    assigned_at = models.DateTimeField(_("assigned"), default=timezone.now)
    submitted_at = models.DateTimeField(_("scored"), null=True, blank=True)
    # Private: seen by the reviewer and by the office's head and innovation officer.
    notes = models.TextField(_("private notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["assigned_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["idea", "reviewer"], name="one_review_per_reviewer")
        ]

    def __str__(self) -> str:
        return f"{self.idea_id} / {self.reviewer_id}"


class ReviewScore(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(_("score"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="one_score_per_criterion")
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.score}"


class SimilarPair(models.Model):
    """Similar ideas found when an idea was submitted or vetted, kept both ways.

    The vetting queue shows them for many ideas at once with one prefetch,
    where running the search per row would cost queries per idea.
    """

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="similar_pairs")
    other = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    found_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-score", "id"]
        constraints = [
            models.UniqueConstraint(fields=["idea", "other"], name="one_pair_per_direction")
        ]

    def __str__(self) -> str:
        return f"{self.idea_id} ~ {self.other_id} ({self.score:.2f})"


class IdeaSearch(models.Model):
    """The search row of an idea: narrow on purpose, so the similar-idea
    candidates of a query (thousands of rows at national scale) are read from
    a small table instead of the wide Idea rows. On PostgreSQL it also has the
    generated column `terms` (int[] of word hashes, GIN-indexed) and `scope`
    (int[]: the ids of the office and its ancestors, set by triggers on insert
    and when an office's path changes; GIN-indexed with `terms` so the Idea
    Bank searches a subtree inside the index: migration 0005).
    """

    idea = models.OneToOneField(
        Idea, on_delete=models.CASCADE, primary_key=True, related_name="search"
    )
    # Indexed with `active` below (office first), which serves the foreign key too.
    office = models.ForeignKey(
        "offices.Office", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    # False once merged into another idea: not suggested any more.
    active = models.BooleanField(default=True)
    # similarity.similarity_key(title, problem), each word once.
    text = models.TextField(default="")

    class Meta:
        indexes = [models.Index(fields=["office", "active"], name="ideasearch_office")]

    def __str__(self) -> str:
        return self.text


class IdeaWord(models.Model):
    """The vocabulary of IdeaSearch.text with each word's document frequency.

    similar_ideas starts from the query's rarest words (lowest `df`) so its
    candidate set stays small however many ideas share the common words.
    """

    term = models.CharField(max_length=100, primary_key=True)
    df = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("word")
        verbose_name_plural = _("words")

    def __str__(self) -> str:
        return f"{self.term} ({self.df})"


# The seeds' rule (data/seeds/002, 004): an idea shortlisted at a month's meeting
# is approved by the 5th of the next month; the pilot starts soon after.
APPROVAL_DAY = 5
PILOT_DAYS = 30


class FunnelDeadline(models.Model):
    """How long an office gives each step after vetting (funnel_deadline_set)."""

    office = models.OneToOneField(
        "offices.Office", verbose_name=_("office"), on_delete=models.CASCADE, related_name="+"
    )
    approval_day = models.PositiveSmallIntegerField(
        _("approve by this day of the month after the vetting meeting"), default=APPROVAL_DAY
    )
    pilot_days = models.PositiveSmallIntegerField(
        _("start the pilot within this many days of approval"), default=PILOT_DAYS
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("deadline in the funnel")
        verbose_name_plural = _("deadlines in the funnel")
        constraints = [
            models.CheckConstraint(
                condition=Q(approval_day__gte=1, approval_day__lte=28)
                & Q(pilot_days__gte=1, pilot_days__lte=365),
                name="funnel_deadline_sensible",
            )
        ]

    def __str__(self) -> str:
        return f"{self.office_id}: {self.approval_day}, {self.pilot_days}"
