"""The choices the plans models share, and the helpers their constraints and cells use."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


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


class TeamRole(models.TextChoices):
    """The roles the papers name on a team or committee (seeds 001 and 003)."""

    # The chair (সভাপতি) presides and signs the minutes; not necessarily the
    # head of office (Natore's committee is chaired by the ADC (General)).
    CHAIR = "chair", _("Chair")
    CONVENER = "convener", _("Convener")
    MEMBER_SECRETARY = "member_secretary", _("Member secretary")
    MEMBER = "member", _("Member")
    # An officer of this or another office who supports the team's work.
    SUPPORTING = "supporting", _("Supporting officer")
    MENTOR = "mentor", _("Mentor")
    # A member of a named working group (`TeamMember.group`), such as the
    # citizen-charter working group.
    WORKING_GROUP = "working_group", _("Working group member")


class EvidenceKind(models.TextChoices):
    FILE = "file", _("File")
    LINK = "link", _("Link")
    MEETING = "meeting", _("Meeting")
    RECORD = "record", _("Record in Udbhabon")


def plain_number(value: Decimal | None) -> int | Decimal | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else value


def choices_q(field: str, choices: type[models.TextChoices]) -> Q:
    return Q(**{f"{field}__in": list(choices.values)})
