"""Trainings, workshops, seminars, innovation circles, public hearings, dialogues,
fairs and study tours: the events an office's plan is half made of.

An event is scheduled → held (on a date) → its report written, or cancelled with a
reason. Its audience may span offices at several levels; its participants are posts
(the holder on the day is recorded) or guests (name, designation, office, phone).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from udbhabon.core.versioning import Versioned


class EventKind(models.TextChoices):
    TRAINING = "training", _("Training")
    WORKSHOP = "workshop", _("Workshop")
    SEMINAR = "seminar", _("Seminar")
    CIRCLE = "circle", _("Innovation circle")
    HEARING = "hearing", _("Public hearing")
    DIALOGUE = "dialogue", _("Social-media dialogue")
    SHOWCASE = "showcase", _("Showcasing / fair")
    STUDY_TOUR = "study_tour", _("Study tour")
    OTHER = "other", _("Other event")


class EventSeries(models.Model):
    """Recurring events, written the way plans write them ("প্রতি তিন মাসে একবার"),
    understood by bangla.schedules (`rule` is its SCHEDULE object)."""

    office = models.ForeignKey(
        "offices.Office",
        verbose_name=_("organising office"),
        on_delete=models.PROTECT,
        related_name="event_series",
    )
    kind = models.CharField(_("kind of event"), max_length=16, choices=EventKind.choices)
    title = models.CharField(_("title"), max_length=500)
    text = models.CharField(_("when (as written)"), max_length=255)
    rule = models.JSONField(_("understood as"), default=dict)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("event series")
        verbose_name_plural = _("event series")
        ordering = ["office", "-starts_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="series_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Event(Versioned, models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        HELD = "held", _("Held")
        REPORTED = "reported", _("Report written")
        CANCELLED = "cancelled", _("Cancelled")

    office = models.ForeignKey(
        "offices.Office",
        verbose_name=_("organising office"),
        on_delete=models.PROTECT,
        related_name="events",
    )
    kind = models.CharField(_("kind of event"), max_length=16, choices=EventKind.choices)
    title = models.CharField(_("title"), max_length=500)
    subject = models.CharField(
        _("subject"),
        max_length=255,
        blank=True,
        help_text=_("What is taught or discussed; used to invite those not trained before."),
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    audience = models.ManyToManyField(
        "offices.Office", verbose_name=_("audience offices"), blank=True, related_name="+"
    )
    resource_persons = models.TextField(_("resource persons"), blank=True)
    agenda = models.TextField(_("agenda or syllabus"), blank=True)
    budget = models.DecimalField(
        _("budget (taka)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    series = models.ForeignKey(
        EventSeries,
        verbose_name=_("series"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    # A cascading workshop draws its participants from a training's.
    follows = models.ForeignKey(
        "self",
        verbose_name=_("cascades from"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cascades",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.SCHEDULED
    )
    held_on = models.DateField(_("held on"), null=True, blank=True)
    report = models.TextField(_("report"), blank=True)
    reported_at = models.DateTimeField(_("report written"), null=True, blank=True)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-starts_on", "-id"]
        indexes = [
            models.Index(fields=["office", "starts_on"], name="event_office_start"),
            # The lists of a division or the country, newest first: walked in order,
            # stopping at a page, instead of sorting a subtree's every event.
            models.Index(fields=["-starts_on", "-id"], name="event_newest"),
            models.Index(fields=["status", "held_on", "kind"], name="event_held_kind"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["held", "reported"]) | Q(held_on__isnull=False),
                name="event_held_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="cancelled") | ~Q(cancel_reason=""),
                name="event_cancel_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", args=[self.pk])

    @property
    def is_held(self) -> bool:
        return self.status in (self.Status.HELD, self.Status.REPORTED)


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Third gender")


class Participant(models.Model):
    """One line of the attendance sheet: a post (with its holder on the day) or a guest."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="participants"
    )
    post = models.ForeignKey(
        "offices.Post",
        verbose_name=_("post"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # The officer who held the post on the event's day (None for a vacant post or a guest).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="event_participations",
    )
    name = models.CharField(_("name"), max_length=255, blank=True)
    designation = models.CharField(_("designation"), max_length=255, blank=True)
    office_text = models.CharField(_("office"), max_length=255, blank=True)
    phone = models.CharField(_("mobile number"), max_length=32, blank=True)
    # Where given (a guest's form or the uploaded list); the totals count it.
    gender = models.CharField(_("gender"), max_length=8, choices=Gender.choices, blank=True)
    invited = models.BooleanField(_("invited"), default=True)
    present = models.BooleanField(_("present"), default=False)
    # The certificate's serial: random, unguessable, set when first issued.
    certificate_serial = models.CharField(max_length=32, blank=True, db_index=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["event", "id"]
        indexes = [models.Index(fields=["event", "present"], name="participant_present")]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "post"],
                condition=Q(post__isnull=False),
                name="one_participation_per_post",
            ),
            models.UniqueConstraint(
                fields=["event", "phone"],
                condition=~Q(phone=""),
                name="one_participation_per_phone",
            ),
            models.UniqueConstraint(
                fields=["certificate_serial"],
                condition=~Q(certificate_serial=""),
                name="certificate_serial_unique",
            ),
            models.CheckConstraint(
                condition=Q(post__isnull=False) | ~Q(name=""), name="participant_has_a_name"
            ),
        ]

    def __str__(self) -> str:
        return self.name or self.designation


class EventFile(models.Model):
    """A photo or a document of an event (the notice, the attendance sheet as signed,
    the photos of the day). Checked by size and by content on the way in; read only
    through the event's page, so whoever sees the event sees its files."""

    class Kind(models.TextChoices):
        PHOTO = "photo", _("Photo")
        DOCUMENT = "document", _("Document")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="files"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to="events/%Y/", max_length=300)
    filename = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=128)
    size = models.PositiveIntegerField(_("size"))
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("event file")
        verbose_name_plural = _("event files")
        ordering = ["event", "added_at", "id"]

    def __str__(self) -> str:
        return self.caption or self.filename

    @property
    def is_photo(self) -> bool:
        return self.kind == self.Kind.PHOTO


class TrainedList(Versioned, models.Model):
    """The list of officers trained in a period, sent up as a paper with a memo number
    (to the office above, the Cabinet Division or a2i). The rows are frozen when sent:
    the paper says what it said that day."""

    class To(models.TextChoices):
        PARENT = "parent", _("The office above")
        CABINET = "cabinet", _("Cabinet Division")
        A2I = "a2i", _("a2i (Aspire to Innovate)")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENT = "sent", _("Sent")

    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    to = models.CharField(_("sent to"), max_length=16, choices=To.choices)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("until"))
    rows = models.JSONField(_("trained officers"), default=list)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    letter = models.ForeignKey(
        "documents.Letter",
        verbose_name=_("letter"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("list of trained officers")
        verbose_name_plural = _("lists of trained officers")
        ordering = ["-period_end", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="trained_list_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.office_id}: {self.period_start} – {self.period_end}"

    def get_absolute_url(self) -> str:
        return reverse("events:trained_list", args=[self.pk])
