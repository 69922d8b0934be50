"""An office's digital service readiness and outreach (issue 23).

E-filing adoption: the branches an office takes onto e-Nothi (proposed by the
office's officer, approved by its head), each branch's steps dated with evidence, and
the month's share of incoming dak and files settled electronically. The service
checklist (front desk, web portal, e-forms) and the digital centres that are its
service points. The channels citizens reach the office through (web page, Facebook
pages and groups, online communities) and the complaints and applications that
arrive on them (received → acted → closed). Partners, their contact and MoU log, and
the initiatives and events they support; and where an initiative or event was
published.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from udbhabon.core.versioning import Versioned

OFFICE = "offices.Office"


class BranchStep(models.TextChoices):
    """A branch's way onto e-Nothi (seed 004): chosen (the head approves) → server and
    front-desk e-service prepared → staff trained → committee formed → files settled."""

    PROPOSED = "proposed", _("Proposed to the head")
    CHOSEN = "chosen", _("Branch chosen")
    PREPARED = "prepared", _("Server and front-desk e-service prepared")
    TRAINED = "trained", _("Staff trained")
    COMMITTEE = "committee", _("Committee formed")
    SETTLING = "settling", _("Files settled through e-Nothi")


CHAIN = [s for s in BranchStep.values if s != BranchStep.PROPOSED]


class EfilingBranch(Versioned, models.Model):
    office = models.ForeignKey(
        OFFICE, verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("branch"), max_length=255)
    step = models.CharField(
        _("step"), max_length=16, choices=BranchStep.choices, default=BranchStep.PROPOSED
    )
    proposed_by = models.ForeignKey(
        "offices.Post",
        verbose_name=_("proposed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("e-filing branch")
        verbose_name_plural = _("e-filing branches")
        ordering = ["office", "name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["office", "name"], name="one_efiling_branch_name")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def next_step(self) -> str | None:
        if self.step == BranchStep.PROPOSED:
            return BranchStep.CHOSEN
        at = CHAIN.index(self.step)
        return CHAIN[at + 1] if at + 1 < len(CHAIN) else None


class EfilingRecord(models.Model):
    """One dated step of a branch, with its evidence (an order, minutes, a link) and,
    for the staff's training, the training event."""

    branch = models.ForeignKey(
        EfilingBranch, verbose_name=_("branch"), on_delete=models.CASCADE, related_name="records"
    )
    step = models.CharField(_("step"), max_length=16, choices=BranchStep.choices)
    done_on = models.DateField(_("done on"))
    evidence = models.CharField(_("evidence"), max_length=500, blank=True)
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("training"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("e-filing step")
        verbose_name_plural = _("e-filing steps")
        ordering = ["branch", "done_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["branch", "step"], name="one_efiling_step_per_branch")
        ]

    def __str__(self) -> str:
        return f"{self.get_step_display()} {self.done_on}"


class EfilingMonth(Versioned, models.Model):
    """The share of the month's incoming dak and files settled through e-Nothi."""

    office = models.ForeignKey(
        OFFICE, verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    month = models.DateField(_("month"))  # the first day of the month
    share = models.DecimalField(
        _("share settled electronically (%)"), max_digits=5, decimal_places=2
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("month's e-filing share")
        verbose_name_plural = _("months' e-filing shares")
        ordering = ["office", "-month"]
        constraints = [
            models.UniqueConstraint(fields=["office", "month"], name="one_efiling_share_a_month"),
            models.CheckConstraint(
                condition=Q(share__gte=0, share__lte=100), name="efiling_share_a_percent"
            ),
            models.CheckConstraint(condition=Q(month__day=1), name="efiling_month_first_day"),
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.share}%"


class Checklist(Versioned, models.Model):
    """The office's service-delivery readiness: front desk, web portal, e-forms."""

    office = models.OneToOneField(
        OFFICE, verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    front_desk = models.BooleanField(_("front desk"), default=False)
    front_desk_since = models.DateField(_("front desk since"), null=True, blank=True)
    portal_updated_on = models.DateField(_("web portal last updated"), null=True, blank=True)
    eforms = models.PositiveIntegerField(_("e-forms published"), default=0)
    note = models.CharField(_("note"), max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("readiness checklist")
        verbose_name_plural = _("readiness checklists")
        constraints = [
            models.CheckConstraint(
                condition=Q(front_desk=True) | Q(front_desk_since__isnull=True),
                name="front_desk_since_only_with_desk",
            )
        ]

    def __str__(self) -> str:
        return str(self.office_id)


class DigitalCentre(Versioned, models.Model):
    """A union or municipal digital centre: a service point under its upazila."""

    class Kind(models.TextChoices):
        UNION = "union", _("Union digital centre")
        MUNICIPAL = "municipal", _("Municipal digital centre")
        CITY = "city", _("City digital centre")

    office = models.ForeignKey(
        OFFICE, verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind of centre"), max_length=16, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=255)
    services = models.TextField(_("services offered"), blank=True)
    entrepreneurs = models.CharField(_("entrepreneurs"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("digital centre")
        verbose_name_plural = _("digital centres")
        ordering = ["office", "name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["office", "name"], name="one_digital_centre_name")
        ]

    def __str__(self) -> str:
        return self.name


class Channel(Versioned, models.Model):
    """Where citizens reach the office: its web page, Facebook pages and groups,
    named online communities ("Innovation Circle, Jessore")."""

    class Kind(models.TextChoices):
        WEB = "web", _("Web page")
        FACEBOOK_PAGE = "facebook_page", _("Facebook page")
        FACEBOOK_GROUP = "facebook_group", _("Facebook group")
        COMMUNITY = "community", _("Online community")

    office = models.ForeignKey(
        OFFICE, verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind of channel"), max_length=16, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=255)
    url = models.URLField(_("address (URL)"), max_length=500)
    monitored_by = models.ForeignKey(
        "offices.Post",
        verbose_name=_("monitored by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("channel")
        verbose_name_plural = _("channels")
        ordering = ["office", "kind", "name", "id"]
        constraints = [models.UniqueConstraint(fields=["office", "url"], name="one_channel_url")]

    def __str__(self) -> str:
        return self.name


class Complaint(Versioned, models.Model):
    """A complaint or application a citizen sent through a channel, kept apart from
    ideas: received → acted → closed."""

    class Kind(models.TextChoices):
        COMPLAINT = "complaint", _("Complaint")
        APPLICATION = "application", _("Application")

    office = models.ForeignKey(
        OFFICE, verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    channel = models.ForeignKey(
        Channel, verbose_name=_("channel"), on_delete=models.PROTECT, related_name="complaints"
    )
    kind = models.CharField(
        _("complaint or application"), max_length=16, choices=Kind.choices, default=Kind.COMPLAINT
    )
    subject = models.CharField(_("subject"), max_length=500)
    sender = models.CharField(_("sent by"), max_length=255, blank=True)
    received_on = models.DateField(_("received on"))
    acted_on = models.DateField(_("acted on"), null=True, blank=True)
    action = models.CharField(_("action taken"), max_length=500, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("complaint or application")
        verbose_name_plural = _("complaints and applications")
        ordering = ["office", "-received_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(acted_on__isnull=True) | Q(acted_on__gte=F("received_on")),
                name="complaint_acted_after_receipt",
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True)
                | Q(acted_on__isnull=False, closed_on__gte=F("acted_on")),
                name="complaint_closed_after_action",
            ),
        ]

    def __str__(self) -> str:
        return self.subject

    @property
    def days_to_close(self) -> int | None:
        if self.closed_on is None:
            return None
        return (self.closed_on - self.received_on).days

    @property
    def state(self) -> str:
        if self.closed_on is not None:
            return "closed"
        return "acted" if self.acted_on is not None else "received"


class PartnerKind(models.TextChoices):
    ELECTED = "elected", _("Elected representative")
    A2I = "a2i", _("a2i")
    NGO = "ngo", _("NGO")
    EDUCATION = "education", _("Educational institution")
    PRIVATE = "private", _("Private firm")
    OTHER = "other", _("Other partner")


class Partner(Versioned, models.Model):
    office = models.ForeignKey(
        OFFICE, verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind of partner"), max_length=16, choices=PartnerKind.choices)
    contact = models.CharField(_("contact"), max_length=255, blank=True)
    areas = models.TextField(_("areas of cooperation"), blank=True)
    initiatives = models.ManyToManyField(
        "initiatives.Initiative",
        verbose_name=_("initiatives supported"),
        blank=True,
        related_name="+",
    )
    events = models.ManyToManyField(
        "events.Event", verbose_name=_("events supported"), blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["office", "name", "id"]
        constraints = [models.UniqueConstraint(fields=["office", "name"], name="one_partner_name")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("readiness:partner", args=[self.pk])


class PartnerContact(models.Model):
    """A dated contact with a partner, or an MoU signed."""

    class Kind(models.TextChoices):
        CONTACT = "contact", _("Contact")
        MOU = "mou", _("MoU signed")

    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="contacts"
    )
    kind = models.CharField(_("kind of entry"), max_length=16, choices=Kind.choices)
    on = models.DateField(_("date"))
    note = models.CharField(_("what was agreed or discussed"), max_length=500)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("partner contact")
        verbose_name_plural = _("partner contacts")
        ordering = ["partner", "-on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.on}"


def first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)


class Publication(models.Model):
    """Where an initiative or an event of the office was published: on which of its
    channels, the link, the day."""

    office = models.ForeignKey(
        OFFICE, verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    channel = models.ForeignKey(
        Channel, verbose_name=_("channel"), on_delete=models.PROTECT, related_name="publications"
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    url = models.URLField(_("link"), max_length=500)
    published_on = models.DateField(_("published on"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["office", "-published_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(initiative__isnull=False, event__isnull=True)
                | Q(initiative__isnull=True, event__isnull=False),
                name="publication_of_one_record",
            )
        ]

    def __str__(self) -> str:
        return self.url


class Inspection(models.Model):
    """An inspection of NESS, a union digital centre or web-portal work (seed 004), by
    an office of its own or of an office below it, with what it found."""

    class Kind(models.TextChoices):
        NESS = "ness", _("NESS (national e-service system)")
        UDC = "udc", _("Union digital centre")
        PORTAL = "portal", _("Web portal")

    office = models.ForeignKey(
        OFFICE, verbose_name=_("inspecting office"), on_delete=models.PROTECT, related_name="+"
    )
    inspected = models.ForeignKey(
        OFFICE, verbose_name=_("inspected office"), on_delete=models.PROTECT, related_name="+"
    )
    centre = models.ForeignKey(
        DigitalCentre,
        verbose_name=_("digital centre"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(_("kind of inspection"), max_length=16, choices=Kind.choices)
    inspected_on = models.DateField(_("inspected on"))
    findings = models.TextField(_("findings"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        ordering = ["-inspected_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.inspected_on}"


class FollowUp(Versioned, models.Model):
    """A follow-up action an inspection asks for: due on a day, open until done."""

    class Status(models.TextChoices):
        OPEN = "open", _("Not yet done")
        DONE = "done", _("Done")

    inspection = models.ForeignKey(
        Inspection,
        verbose_name=_("inspection"),
        on_delete=models.CASCADE,
        related_name="follow_ups",
    )
    action = models.CharField(_("follow-up action"), max_length=500)
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.OPEN
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")
        ordering = ["due_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(done_on__isnull=True) | Q(status="done"), name="follow_up_done_on"
            )
        ]

    def __str__(self) -> str:
        return self.action
