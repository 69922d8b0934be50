"""Innovation awards: a scheme of an office for a year (best innovation, best
innovator, best team, best service point ...), its criteria and jury, the
nominations from the office and those below it, each juror's scores, and the
awards given (ranked by total score, ties broken by the chair).

An award may also be recorded without a scheme (a crest given at a fair, the
awards recorded before schemes existed: the old ideas.Award rows moved here).

Nominees of other apps (initiatives, ideas, innovators, digital centres) are named
by string, so this app imports none of them and sits just below events (whose
supervision figures count its awards).
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from udbhabon.core.versioning import Versioned

MAX_SCORE_LIMIT = 100


class Level(models.TextChoices):
    OFFICE = "office", _("Office")
    DISTRICT = "district", _("District")
    DIVISION = "division", _("Division")
    NATIONAL = "national", _("National")


class Category(models.TextChoices):
    INNOVATION = "innovation", _("Best innovation")
    INNOVATOR = "innovator", _("Best innovator")
    TEAM = "team", _("Best innovation team")
    SERVICE_POINT = "service_point", _("Best service point")
    OTHER = "other", _("Other award")


class NomineeKind(models.TextChoices):
    INITIATIVE = "initiative", _("Initiative")
    IDEA = "idea", _("Idea")
    PERSON = "person", _("Innovator")
    OFFICE = "office", _("Office")
    CENTRE = "centre", _("Digital centre")
    TEAM = "team", _("Team")


class Scheme(Versioned, models.Model):
    """An award scheme: open for nominations → the jury scores → decided → published."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open for nominations")
        SCORING = "scoring", _("Jury scoring")
        DECIDED = "decided", _("Decided")
        PUBLISHED = "published", _("Published")

    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    category = models.CharField(_("category"), max_length=16, choices=Category.choices)
    nominee_kind = models.CharField(
        _("what is nominated"), max_length=16, choices=NomineeKind.choices
    )
    title = models.CharField(_("title"), max_length=255)
    places = models.PositiveSmallIntegerField(_("number of awards"), default=1)
    crest = models.BooleanField(_("a crest is given"), default=True)
    jurors = models.ManyToManyField(
        "offices.Post", verbose_name=_("jury"), related_name="award_juries"
    )
    chair = models.ForeignKey(
        "offices.Post",
        verbose_name=_("chair of the jury"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.OPEN
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    order_letter = models.ForeignKey(
        "documents.Letter",
        verbose_name=_("office order"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("award scheme")
        verbose_name_plural = _("award schemes")
        ordering = ["-year", "office__path", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "year", "title"], name="award_scheme_once_a_year"
            ),
            models.CheckConstraint(condition=Q(places__gte=1), name="award_scheme_places"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("awards:scheme", args=[self.pk])


class Criterion(models.Model):
    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=255)
    max_score = models.PositiveSmallIntegerField(_("highest score"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class Nomination(Versioned, models.Model):
    """One nominee of a scheme, nominated by the scheme's office or one below it."""

    scheme = models.ForeignKey(Scheme, on_delete=models.PROTECT, related_name="nominations")
    nominated_by = models.ForeignKey(
        "offices.Office",
        verbose_name=_("nominated by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The office the nominee belongs to (the subtree rule is checked on it).
    nominee_office = models.ForeignKey(
        "offices.Office",
        verbose_name=_("office of the nominee"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="award_nominations",
    )
    idea = models.ForeignKey(
        "ideas.Idea",
        verbose_name=_("idea"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="award_nominations",
    )
    innovator = models.ForeignKey(
        "ideas.Innovator",
        verbose_name=_("innovator"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="award_nominations",
    )
    centre = models.ForeignKey(
        "readiness.DigitalCentre",
        verbose_name=_("digital centre"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="award_nominations",
    )
    # The nominee as named (the team's name, or the record's title when nominated).
    name = models.CharField(_("nominee"), max_length=255)
    statement = models.TextField(_("why"), blank=True)
    total = models.PositiveIntegerField(_("total score"), null=True, blank=True)
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["rank", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "initiative"],
                condition=Q(initiative__isnull=False),
                name="nominated_once_initiative",
            ),
            models.UniqueConstraint(
                fields=["scheme", "idea"],
                condition=Q(idea__isnull=False),
                name="nominated_once_idea",
            ),
            models.UniqueConstraint(
                fields=["scheme", "innovator"],
                condition=Q(innovator__isnull=False),
                name="nominated_once_innovator",
            ),
            models.UniqueConstraint(
                fields=["scheme", "centre"],
                condition=Q(centre__isnull=False),
                name="nominated_once_centre",
            ),
            models.UniqueConstraint(
                fields=["scheme", "nominee_office", "name"], name="nominated_once_named"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Score(models.Model):
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="scores")
    juror = models.ForeignKey(
        "offices.Post", verbose_name=_("juror"), on_delete=models.PROTECT, related_name="+"
    )
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    score = models.PositiveSmallIntegerField(_("score"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(
                fields=["nomination", "juror", "criterion"], name="award_score_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.score}"


class Award(models.Model):
    """Recognition given (পুরস্কার / স্বীকৃতি / ক্রেস্ট): a scheme's winner, or one
    recorded on its own (to an innovator, as ideas' awards were)."""

    office = models.ForeignKey(
        "offices.Office", verbose_name=_("given by"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("award"), max_length=200)
    given_on = models.DateField(_("date"))
    scheme = models.ForeignKey(
        Scheme, on_delete=models.PROTECT, null=True, blank=True, related_name="awards"
    )
    nomination = models.OneToOneField(
        Nomination, on_delete=models.PROTECT, null=True, blank=True, related_name="award"
    )
    place = models.PositiveSmallIntegerField(_("place"), null=True, blank=True)
    recipient = models.CharField(_("recipient"), max_length=255, blank=True)
    innovator = models.ForeignKey(
        "ideas.Innovator",
        verbose_name=_("innovator"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="awards",
    )
    idea = models.ForeignKey(
        "ideas.Idea",
        verbose_name=_("for the idea"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="awards",
    )
    crest = models.BooleanField(_("crest"), default=False)
    thanks_letter = models.ForeignKey(
        "documents.Letter",
        verbose_name=_("letter of thanks"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        ordering = ["-given_on", "place", "-id"]
        indexes = [
            models.Index(fields=["office", "given_on"], name="award_office_given"),
            # the public showcase's newest winners, walked in order (not every award sorted)
            models.Index(fields=["-given_on", "place", "-id"], name="award_newest"),
        ]

    def __str__(self) -> str:
        return self.title
