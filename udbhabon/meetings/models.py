"""Innovation meetings: schedules, meetings, agenda items, attendance, minutes, action items.

The paper these replace (data/seeds/003_3399e0873caf543a.txt, the Natore minutes):
a title, a header block (সভাপতি / স্থান / তারিখ / সময় / উপস্থিত সদস্যবৃন্দ), an
opening paragraph, the agenda table (ক্রম, আলোচ্য বিষয়, আলোচনা, সিদ্ধান্ত,
বাস্তবায়নকারী), a closing paragraph, the signature, and a forwarding memo with a
memo number, both-calendar date and the অনুলিপি (distribution) list; Annex A
(পরিশিষ্ট “ক”) lists who attended.

What the paper cannot do and this app must: keep each decision alive as an
ActionItem until it is closed with a note, carrying it onto every next agenda.

Links to records of other apps (plan items, ideas) are kept as (origin_type,
origin_id) pairs rather than foreign keys: those apps land on main after this
one, one pair serves every kind of origin without a migration per app, and the
pair is indexed; a later migration can turn them into nullable foreign keys.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from udbhabon.core.versioning import Versioned


class MeetingKind(models.TextChoices):
    TEAM_MONTHLY = "team_monthly", _("Innovation team monthly meeting")
    COMMITTEE = "committee", _("Innovation committee meeting")
    CIRCLE = "circle", _("Innovation circle")
    OTHER = "other", _("Other meeting")


class Origin(models.TextChoices):
    """Where an agenda item came from (AgendaProposal.kind in agenda.py)."""

    MINUTES = "minutes", _("Confirmation of the previous minutes")
    ACTION = "action", _("Decision carried forward")
    PLAN_ITEM = "plan_item", _("Action plan item due")
    IDEA = "idea", _("Idea waiting for vetting")
    STANDARD = "standard", _("Standard topic")


class MeetingSchedule(models.Model):
    """An office's recurring meetings, written the way officers write them.

    `text` is what was typed ("প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার"); `rule` is
    bangla.schedules.parse_schedule's SCHEDULE object for it over
    starts_on..ends_on (e.g. {"kind": "recurring", "rrule": "FREQ=MONTHLY;BYDAY=+2MO"}).
    """

    office = models.ForeignKey(
        "offices.Office",
        verbose_name=_("office"),
        on_delete=models.PROTECT,
        related_name="meeting_schedules",
    )
    kind = models.CharField(
        _("kind of meeting"),
        max_length=16,
        choices=MeetingKind.choices,
        default=MeetingKind.TEAM_MONTHLY,
    )
    text = models.CharField(_("when (as written)"), max_length=255)
    rule = models.JSONField(_("understood as"), default=dict)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    time = models.TimeField(_("time"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255, blank=True)
    chair_post = models.ForeignKey(
        "offices.Post",
        verbose_name=_("chair"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meeting schedule")
        verbose_name_plural = _("meeting schedules")
        ordering = ["office", "-starts_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="schedule_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.text


class Meeting(Versioned, models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        DRAFTED = "drafted", _("Minutes drafted")
        SENT = "sent", _("Minutes signed and sent")

    office = models.ForeignKey(
        "offices.Office",
        verbose_name=_("office"),
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    schedule = models.ForeignKey(
        MeetingSchedule,
        verbose_name=_("schedule"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
    )
    kind = models.CharField(
        _("kind of meeting"),
        max_length=16,
        choices=MeetingKind.choices,
        default=MeetingKind.TEAM_MONTHLY,
    )
    title = models.CharField(_("title"), max_length=500)
    date = models.DateField(_("date"))
    time = models.TimeField(_("time"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255, blank=True)
    chair_post = models.ForeignKey(
        "offices.Post",
        verbose_name=_("chair"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # The chair as written on the paper ("মোঃ আশরাফুল ইসলাম, অতিরিক্ত জেলা
    # প্রশাসক (সার্বিক), নাটোর।"); filled from chair_post when empty.
    chair_text = models.CharField(_("chair (as written)"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PLANNED
    )
    attendance_reference = models.CharField(
        _("members present (reference)"), max_length=255, blank=True
    )
    opening = models.TextField(_("opening paragraph"), blank=True)
    closing = models.TextField(_("closing paragraph"), blank=True)
    # Letter that sent the minutes: memo number and both-calendar date. Set from
    # documents.Letter when sent here, or as read from an imported paper.
    letter = models.ForeignKey(
        "documents.Letter",
        verbose_name=_("forwarding letter"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    memo_number = models.CharField(_("memo number"), max_length=96, blank=True)
    memo_date = models.DateField(_("memo date"), null=True, blank=True)
    # The memo's Bangla date as the paper wrote it ({"day", "month", "year"}); printed as
    # written until the officer accepts the date computed from memo_date instead.
    memo_bangla_date = models.JSONField(_("Bangla date as written"), null=True, blank=True)
    memo_bangla_corrected = models.BooleanField(
        _("computed Bangla date accepted"), default=False, db_default=False
    )
    # The signature blocks as printed ([{"name", "designation"}], paper order).
    signatories = models.JSONField(_("signatories"), default=list, blank=True)
    signed_by = models.ForeignKey(
        "offices.Post",
        verbose_name=_("signed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    signed_at = models.DateTimeField(_("signed"), null=True, blank=True)
    # When the minutes reached the parent office (first sending); the deadline
    # rule that judges it is supervision's (see queries.minutes_deadline).
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # How many times the minutes have been sent (1 + corrections).
    minutes_version = models.PositiveSmallIntegerField(_("minutes version"), default=0)
    correction_reason = models.TextField(_("reason for the correction"), blank=True)
    # Where an imported meeting came from (file name), for the history.
    source = models.CharField(_("source"), max_length=255, blank=True)
    # The upload it was read from: the page links to the original file.
    source_job = models.ForeignKey(
        "documents.ImportJob",
        verbose_name=_("read in from"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-date", "-id"]
        indexes = [
            models.Index(fields=["office", "date"], name="meeting_office_date"),
            models.Index(fields=["status", "sent_at"], name="meeting_status_sent"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["schedule", "date"],
                condition=Q(schedule__isnull=False),
                name="one_meeting_per_schedule_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="sent") | Q(sent_at__isnull=False),
                name="sent_meeting_has_sent_at",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", args=[self.pk])

    @property
    def is_sent(self) -> bool:
        return self.status == self.Status.SENT

    @property
    def is_editable(self) -> bool:
        """Minutes can be typed until they are signed and sent."""
        return self.status != self.Status.SENT


class AgendaItem(Versioned, models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="items"
    )
    serial = models.PositiveSmallIntegerField(_("serial"))
    topic = models.TextField(_("agenda item"))
    discussion = models.TextField(_("discussion"), blank=True)
    decision = models.TextField(_("decision"), blank=True)
    # The implementers as written ("সংশ্লিষ্ট দপ্তর প্রধান (সকল), নাটোর।");
    # the posts and offices recognised in it are linked below.
    implementer_text = models.TextField(_("implementer"), blank=True)
    implementer_posts = models.ManyToManyField(
        "offices.Post", verbose_name=_("implementing posts"), blank=True, related_name="+"
    )
    implementer_offices = models.ManyToManyField(
        "offices.Office", verbose_name=_("implementing offices"), blank=True, related_name="+"
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    origin_type = models.CharField(
        _("comes from"), max_length=16, choices=Origin.choices, blank=True
    )
    origin_id = models.PositiveBigIntegerField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "serial", "id"]
        indexes = [models.Index(fields=["origin_type", "origin_id"], name="agenda_origin")]

    def __str__(self) -> str:
        return self.topic


class Attendance(models.Model):
    """One line of Annex A (পরিশিষ্ট “ক”): invited and/or present."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendance"
    )
    serial = models.PositiveSmallIntegerField(_("serial"), default=0)
    post = models.ForeignKey(
        "offices.Post",
        verbose_name=_("post"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=255, blank=True)
    designation = models.CharField(_("designation"), max_length=255, blank=True)
    office_text = models.CharField(_("office"), max_length=255, blank=True)
    is_guest = models.BooleanField(_("guest"), default=False)
    invited = models.BooleanField(_("invited"), default=True)
    present = models.BooleanField(_("present"), default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["meeting", "is_guest", "serial", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "post"],
                condition=Q(post__isnull=False),
                name="one_attendance_per_post",
            )
        ]

    def __str__(self) -> str:
        return self.name or self.designation


class DistributionEntry(models.Model):
    """One recipient of the minutes (অনুলিপি), in the order printed."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="distribution"
    )

    class Purpose(models.TextChoices):
        # The two copy lists of minutes (seed 003): for kind information, then for
        # information/action (one line per member, filled in per member).
        INFORMATION = "information", _("For kind information")
        ACTION = "action", _("For information/action")

    serial = models.PositiveSmallIntegerField(_("serial"))
    text = models.TextField(_("recipient"))
    purpose = models.CharField(
        _("copy list"),
        max_length=16,
        choices=Purpose.choices,
        default=Purpose.INFORMATION,
        db_default=Purpose.INFORMATION,
    )
    # Set when the recipient is an office in Udbhabon (the parent office).
    office = models.ForeignKey(
        "offices.Office",
        verbose_name=_("office"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("distribution entry")
        verbose_name_plural = _("distribution list")
        ordering = ["meeting", "serial", "id"]

    def __str__(self) -> str:
        return self.text


class MinutesVersion(models.Model):
    """The minutes as sent, one row per sending (the first, then each correction)."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    # meeting_as_document(meeting) at sending, plus "attendance" (Annex A rows).
    snapshot = models.JSONField()
    memo_number = models.CharField(_("memo number"), max_length=96, blank=True)
    sent_at = models.DateTimeField(_("sent"))
    sent_by = models.ForeignKey(
        "offices.Post",
        verbose_name=_("signed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.TextField(_("reason for the correction"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("minutes version")
        verbose_name_plural = _("minutes versions")
        ordering = ["meeting", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="one_minutes_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.meeting} v{self.number}"


class ActionItem(Versioned, models.Model):
    """A decision followed to done: open until closed with a note.

    The decision's text, topic and implementers live on its agenda item (one
    source of truth, corrected with the minutes); this row holds the follow-up.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("In progress")
        CLOSED = "closed", _("Done")
        # A later meeting took a new decision on it (typed on its carried-over row).
        SUPERSEDED = "superseded", _("Replaced by a new decision")

    OPEN_STATUSES = (Status.OPEN, Status.IN_PROGRESS)

    office = models.ForeignKey(
        "offices.Office",
        verbose_name=_("office"),
        on_delete=models.PROTECT,
        related_name="action_items",
    )
    agenda_item = models.OneToOneField(
        AgendaItem,
        verbose_name=_("decision"),
        on_delete=models.PROTECT,
        related_name="action",
    )
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="actions"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.OPEN
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        "offices.Post",
        verbose_name=_("closed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    closing_note = models.TextField(_("closing note"), blank=True)
    superseded_by = models.OneToOneField(
        "self",
        verbose_name=_("replaced by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="supersedes",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["due_date", "id"]
        indexes = [models.Index(fields=["office", "status"], name="action_office_status")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="closed") | (Q(closed_at__isnull=False) & ~Q(closing_note="")),
                name="closed_action_has_note",
            ),
            models.CheckConstraint(
                condition=~Q(status="superseded") | Q(superseded_by__isnull=False),
                name="superseded_action_names_its_successor",
            ),
        ]

    def __str__(self) -> str:
        return self.agenda_item.decision

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES


class ActionNote(models.Model):
    """A follow-up on a decision: typed on the action items page, or the discussion of
    a later meeting where the decision was carried forward."""

    action = models.ForeignKey(
        ActionItem, verbose_name=_("action item"), on_delete=models.CASCADE, related_name="notes"
    )
    text = models.TextField(_("follow-up note"))
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    author_post = models.ForeignKey(
        "offices.Post",
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("follow-up note")
        verbose_name_plural = _("follow-up notes")
        ordering = ["action", "created_at", "id"]

    def __str__(self) -> str:
        return self.text[:80]
