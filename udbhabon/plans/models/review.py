"""Sending a plan or report up (Submission) and the reviewer's comments."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from udbhabon.plans.models.plans import ActionPlan, PlanItem


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
