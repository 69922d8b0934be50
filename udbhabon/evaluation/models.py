"""The evaluation framework in the Annual Performance Agreement layout, and what it scores.

A Framework is issued by the Cabinet Division for one fiscal year and one office
level; a revision is the next edition, in force from its `effective_from` day
(`queries.framework_in_force`). Objectives (with weights totalling 100) hold
activities, activities hold indicators (unit, direction, weight, five grade
targets, where the achievement comes from). A division adds an objective of its
own (`added_by`) inside the share the framework allows; its offices' Cabinet
weights are scaled down by that objective's weight, so every total stays out of 100.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from udbhabon.core.versioning import Versioned
from udbhabon.evaluation.scoring import Direction
from udbhabon.plans.metrics import Unit


class Level(models.TextChoices):
    DIVISION = "division", _("Divisional Commissioner's office")
    DISTRICT = "district", _("Deputy Commissioner's office")
    UPAZILA = "upazila", _("Upazila Nirbahi Officer's office")
    DEPARTMENT = "department", _("Departmental office")


class DirectionChoice(models.TextChoices):
    HIGHER = Direction.HIGHER.value, _("Higher is better")
    LOWER = Direction.LOWER.value, _("Lower (earlier) is better")


class Framework(Versioned, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ISSUED = "issued", _("Issued")

    year = models.PositiveSmallIntegerField(_("fiscal year"))
    level = models.CharField(_("office level"), max_length=16, choices=Level.choices)
    edition = models.PositiveSmallIntegerField(_("edition"), default=1)
    effective_from = models.DateField(_("in force from"))
    title = models.CharField(_("title"), max_length=255, blank=True)
    issued_by = models.ForeignKey(
        "offices.Office", verbose_name=_("issued by"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    issued_at = models.DateTimeField(_("issued"), null=True, blank=True)
    # The points of the 100 a division may give to indicators of its own.
    division_share = models.PositiveSmallIntegerField(_("share a division may add"), default=0)
    # Scores frozen on this day (set and cleared only by the issuing office).
    frozen_on = models.DateField(_("scores frozen on"), null=True, blank=True)
    # The day every scored office's live total was last stored in ScoreTotal
    # (evaluation/totals.py); a league reads those rows when it is today.
    totals_on = models.DateField(_("totals computed on"), null=True, blank=True)
    # The paper that issued it down the tree (documents/workflow.py).
    letter = models.ForeignKey(
        "documents.Letter",
        verbose_name=_("issuing letter"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords(excluded_fields=["totals_on"])

    class Meta:
        verbose_name = _("evaluation framework")
        verbose_name_plural = _("evaluation frameworks")
        ordering = ["-year", "level", "-edition"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "level", "edition"], name="framework_edition_unique"
            ),
            models.CheckConstraint(
                condition=Q(division_share__lte=100), name="framework_share_max"
            ),
        ]

    def __str__(self) -> str:
        """ "জেলা প্রশাসকের কার্যালয় ২০১৭-১৮ (১)": digits in the reader's language."""
        from bangla.digits import localize_digits
        from bangla.fiscal import format_fiscal_year
        from udbhabon.core.lang import current_lang

        lang = current_lang()
        edition = localize_digits(str(self.edition), lang)
        return f"{self.get_level_display()} {format_fiscal_year(self.year, lang)} ({edition})"


class Objective(models.Model):
    framework = models.ForeignKey(
        Framework, verbose_name=_("framework"), on_delete=models.CASCADE, related_name="objectives"
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("strategic objective"), max_length=500)
    weight = models.DecimalField(_("weight"), max_digits=6, decimal_places=2)
    # A division's own objective (null: the Cabinet Division's).
    added_by = models.ForeignKey(
        "offices.Office",
        verbose_name=_("added by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


class Activity(models.Model):
    objective = models.ForeignKey(
        Objective, verbose_name=_("objective"), on_delete=models.CASCADE, related_name="activities"
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("activity"), max_length=500)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


class Indicator(models.Model):
    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="indicators"
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("performance indicator"), max_length=500)
    unit = models.CharField(_("unit"), max_length=16, choices=Unit.choices)
    direction = models.CharField(
        _("direction"), max_length=8, choices=DirectionChoice.choices, default="higher"
    )
    weight = models.DecimalField(_("weight"), max_digits=6, decimal_places=2)
    # The five grade targets (100, 90, 80, 70, 60) as text: ISO dates, decimals, "yes".
    targets = models.JSONField(_("grade targets"), default=list)
    previous_achievement = models.CharField(
        _("previous year's achievement"), max_length=64, blank=True
    )
    projection = models.CharField(_("next year's projection"), max_length=64, blank=True)
    # Where the achievement comes from: a metric of the registry, or (blank) a figure
    # the office enters with evidence.
    metric_key = models.CharField(_("measured by"), max_length=64, blank=True)
    metric_params = models.JSONField(default=dict, blank=True)
    # The day the indicator falls due: an office created after it is not scored on it.
    due_on = models.DateField(_("due on"), null=True, blank=True)
    mandatory = models.BooleanField(_("every plan must have a row for it"), default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("performance indicator")
        verbose_name_plural = _("performance indicators")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(unit__in=["number", "percent", "date", "yesno"]),
                name="indicator_unit_valid",
            ),
            models.CheckConstraint(
                condition=Q(direction__in=["higher", "lower"]), name="indicator_direction_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class EnteredFigure(Versioned, models.Model):
    """An office's own figure for an indicator not measured from records, with evidence."""

    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.CASCADE, related_name="+"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="figures"
    )
    value = models.CharField(_("achievement"), max_length=64)
    evidence = models.FileField(_("evidence"), upload_to="evaluation/%Y/", blank=True)
    evidence_note = models.CharField(_("evidence named"), max_length=500, blank=True)
    entered_at = models.DateTimeField(_("entered"), auto_now=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("entered figure")
        verbose_name_plural = _("entered figures")
        constraints = [
            models.UniqueConstraint(fields=["office", "indicator"], name="figure_one_per_office")
        ]

    def __str__(self) -> str:
        return f"{self.indicator} — {self.value}"


class Moderation(Versioned, models.Model):
    """The superior's score for one indicator of one office, with its reason and the answer."""

    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.CASCADE, related_name="+"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="+"
    )
    score = models.DecimalField(_("moderated score"), max_digits=5, decimal_places=2)
    reason = models.TextField(_("reason"))
    answer = models.TextField(_("the office's answer"), blank=True)
    by = models.ForeignKey(
        "offices.Office", verbose_name=_("moderated by"), on_delete=models.PROTECT, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("moderation")
        verbose_name_plural = _("moderations")
        constraints = [
            models.UniqueConstraint(
                fields=["office", "indicator"], name="moderation_one_per_office"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=0) & Q(score__lte=100), name="moderation_score_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} — {self.score}"


class FrozenScore(models.Model):
    """An office's scores as they stood when the framework's scores were frozen."""

    framework = models.ForeignKey(
        Framework, verbose_name=_("framework"), on_delete=models.CASCADE, related_name="frozen"
    )
    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.CASCADE, related_name="+"
    )
    total = models.DecimalField(_("total"), max_digits=6, decimal_places=2)
    detail = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("frozen score")
        verbose_name_plural = _("frozen scores")
        constraints = [
            models.UniqueConstraint(fields=["framework", "office"], name="frozen_one_per_office")
        ]

    def __str__(self) -> str:
        return f"{self.office} — {self.total}"


class IndicatorLink(models.Model):
    """A plan row that serves an indicator (an office's plan items link to indicators)."""

    item = models.ForeignKey(
        "plans.PlanItem", verbose_name=_("plan row"), on_delete=models.CASCADE, related_name="+"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="links"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("row serving an indicator")
        verbose_name_plural = _("rows serving indicators")
        constraints = [
            models.UniqueConstraint(fields=["item", "indicator"], name="indicator_link_unique")
        ]

    def __str__(self) -> str:
        return f"{self.item} — {self.indicator}"


class ScoreTotal(models.Model):
    """An office's live total under one edition, as computed on `computed_on`: the rows a
    league reads in one query (evaluation/totals.py keeps them current)."""

    framework = models.ForeignKey(
        Framework, verbose_name=_("framework"), on_delete=models.CASCADE, related_name="totals"
    )
    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.CASCADE, related_name="+"
    )
    total = models.DecimalField(_("total"), max_digits=6, decimal_places=2)
    computed_on = models.DateField(_("computed on"))

    class Meta:
        verbose_name = _("score total")
        verbose_name_plural = _("score totals")
        constraints = [
            models.UniqueConstraint(fields=["framework", "office"], name="total_one_per_office")
        ]
        indexes = [models.Index(fields=["framework", "-total"], name="total_rank_idx")]

    def __str__(self) -> str:
        return f"{self.office} — {self.total}"
