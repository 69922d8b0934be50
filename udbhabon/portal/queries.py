"""The portal's reads of its own records: the feedback shown on an initiative's public
page and an office's moderation queue (bounded queries)."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db.models import Count

from udbhabon.initiatives.models import Initiative
from udbhabon.offices.models import Office
from udbhabon.portal.models import Feedback, FeedbackStatus

SHOWN = 50
QUEUE_PAGE = 25


def shown_feedback(initiative: Initiative) -> list[Feedback]:
    """The approved comments of an initiative, newest first (one query)."""
    rows = Feedback.objects.filter(initiative=initiative, status=FeedbackStatus.APPROVED)
    return list(rows.only("id", "name", "text", "created_at").order_by("-created_at")[:SHOWN])


def moderation_queue(
    office: Office, *, status: str, page: int | str = 1
) -> tuple[Page[Feedback], dict[str, int]]:
    """The comments on the office's own initiatives in `status`, oldest waiting first,
    and the counts by status (three queries)."""
    rows = Feedback.objects.filter(office=office)
    counts = {r["status"]: r["n"] for r in rows.order_by().values("status").annotate(n=Count("id"))}
    if status not in FeedbackStatus.values:
        status = FeedbackStatus.PENDING
    order = "created_at" if status == FeedbackStatus.PENDING else "-moderated_at"
    listed = (
        rows.filter(status=status)
        .select_related("initiative", "moderated_by")
        .order_by(order, "id")
    )
    return Paginator(listed, QUEUE_PAGE).get_page(page), counts


def feedback_page(pk: int) -> Feedback:
    """One comment with its initiative and office (Feedback.DoesNotExist if none)."""
    return Feedback.objects.select_related("initiative", "office", "moderated_by").get(pk=pk)
