"""The head of office's approval as a recorded act.

Eight rows of seeds 000 and 004 ask, as their evidence, for "জেলা প্রশাসক
মহোদয়ের অনুমোদন গ্রহণ সংক্রান্ত দলিল": the team proposes, the head approves (or
returns it with a note), and the approval is a numbered note that prints. An
office chooses the steps that need it (`HeadApprovalRule`); each proposal is a
`HeadApproval` moved by the paper workflow (plans/approvals.py: HEAD_APPROVAL).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from udbhabon.core.versioning import Versioned


class ApprovalStep(models.TextChoices):
    APPROVE_IDEA = "approve_idea", _("Approving an idea")
    PRIORITY_SERVICES = "priority_services", _("Selecting the priority services")
    FORM_COMMITTEE = "form_committee", _("Forming a committee")
    EFILING_BRANCH = "efiling_branch", _("Choosing a branch for e-filing")


class HeadApprovalRule(models.Model):
    """This office's head approves this step."""

    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.CASCADE, related_name="+"
    )
    step = models.CharField(_("step"), max_length=32, choices=ApprovalStep.choices)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("step the head approves")
        verbose_name_plural = _("steps the head approves")
        constraints = [
            models.UniqueConstraint(fields=["office", "step"], name="one_rule_per_office_step")
        ]

    def __str__(self) -> str:
        return f"{self.office} — {self.get_step_display()}"


class HeadApproval(Versioned, models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed to the head")
        APPROVED = "approved", _("Approved by the head")
        RETURNED = "returned", _("Returned with a note")

    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    step = models.CharField(_("step"), max_length=32, choices=ApprovalStep.choices)
    # What is proposed, in a line ("আইডিয়া ইউ-১২: অনলাইন লাইসেন্স") and in full.
    subject = models.CharField(_("subject"), max_length=500)
    body = models.TextField(_("proposal"), blank=True)
    # The record it is about, "idea:12"; empty for a step with no record.
    ref = models.CharField(_("about"), max_length=64, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PROPOSED
    )
    proposed_by = models.ForeignKey(
        "offices.Post",
        verbose_name=_("proposed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        "offices.Post",
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    note = models.TextField(_("head's note"), blank=True)
    # The numbered approval note (documents.Letter, kind "note") that prints.
    letter = models.ForeignKey(
        "documents.Letter",
        verbose_name=_("approval note"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("head's approval")
        verbose_name_plural = _("head's approvals")
        ordering = ["-proposed_at", "-id"]
        indexes = [models.Index(fields=["office", "status"], name="approval_office_status")]

    def __str__(self) -> str:
        return self.subject
