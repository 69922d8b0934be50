"""Review of a plan or a report: frozen copies, sending up with a letter, the decision.

A plan and a report go through the same steps; the differences (letter kind,
what is frozen, the words of the notifications) are in PAPERS.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.text import normalize
from udbhabon.core.history import save_with_history
from udbhabon.core.services import notify
from udbhabon.documents.services import letter_issue
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post, User
from udbhabon.plans.access import EDITABLE
from udbhabon.plans.display import paper_period, responsible_display, target_display
from udbhabon.plans.models import (
    ActionPlan,
    PlanItem,
    ProgressReport,
    ReviewComment,
    ReviewStatus,
    Submission,
)
from udbhabon.plans.services import common
from udbhabon.plans.services.common import authorise, live_items, lock_paper


def item_snapshot(item: PlanItem) -> dict[str, Any]:
    """An item's cells frozen as text (Submission.snapshot rows; compare.py reads them)."""
    return {
        "id": item.pk,
        "copied_from": item.copied_from_id,
        "serial": item.serial,
        "label": item.label,
        "category": item.category_text or (item.category.name_bn if item.category else ""),
        "activity": item.activity,
        "start": item.start_text,
        "end": item.end_text,
        "responsible": responsible_display(item),
        "expected_outcome": item.expected_outcome,
        "indicator": item.indicator,
        "target": target_display(item.target_value, item.target_unit),
    }


def plan_snapshot(plan: ActionPlan) -> list[dict[str, Any]]:
    items = (
        live_items(plan)
        .select_related("category")
        .prefetch_related("responsible_posts")
        .order_by("position", "id")
    )
    return [item_snapshot(i) for i in items]


def report_snapshot(report: ProgressReport) -> list[dict[str, Any]]:
    return [
        {
            "id": row.pk,
            "copied_from": row.plan_item_id,
            "serial": row.serial,
            "label": row.label,
            "category": row.category_display,
            "activity": row.activity,
            "progress": row.progress,
            "remarks": row.remarks,
        }
        for row in report.items.select_related("category").order_by("position", "id")
    ]


PAPERS: dict[type, dict[str, Any]] = {
    ActionPlan: {
        "letter_kind": "plan",
        "snapshot": plan_snapshot,
        "url": "plans:detail",
        "submitted": gettext_noop(
            "The innovation action plan %(period)s of %(office)s was submitted for your review."
        ),
        "returned": gettext_noop(
            "Your innovation action plan %(period)s was returned with comments by %(reviewer)s."
        ),
        "accepted": gettext_noop(
            "Your innovation action plan %(period)s was accepted by %(reviewer)s."
        ),
    },
    ProgressReport: {
        "letter_kind": "report",
        "snapshot": report_snapshot,
        "url": "plans:report_detail",
        "submitted": gettext_noop(
            "The implementation report %(period)s of %(office)s was submitted for your review."
        ),
        "returned": gettext_noop(
            "Your implementation report %(period)s was returned with comments by %(reviewer)s."
        ),
        "accepted": gettext_noop(
            "Your implementation report %(period)s was accepted by %(reviewer)s."
        ),
    },
}


def reviewers_of(office: Office) -> list[Post]:
    if office.parent_id is None:
        return []
    return list(
        Post.objects.filter(
            office_id=office.parent_id, role__in=permissions.REVIEW_ROLES, is_active=True
        )
    )


def editors_of(office: Office) -> list[Post]:
    return list(Post.objects.filter(office=office, role__in=permissions.EDIT_ROLES, is_active=True))


def paper_url(paper: ActionPlan | ProgressReport) -> str:
    return reverse(PAPERS[type(paper)]["url"], args=[paper.pk])


def figures_changed(paper: ActionPlan | ProgressReport) -> None:
    """Supervision's figures of the office follow a sending or a decision."""
    from udbhabon.monitoring.services import figures_changed

    figures_changed(office=paper.office, on=paper.period_start)


def _check_sendable(paper: ActionPlan | ProgressReport, signatory_post: Post | None) -> None:
    """ValidationError unless the paper may go up now, signed by a post of its office."""
    if paper.status not in EDITABLE:
        raise ValidationError(_("This has already been sent up."), code="not_editable")
    if paper.office.parent_id is None:
        raise ValidationError(
            _("This office has no supervising office to send it to."), code="no_parent"
        )
    if signatory_post is not None and signatory_post.office_id != paper.office_id:
        raise ValidationError(
            _("The signatory must hold a post of this office."), code="foreign_signatory"
        )


def _notify(
    paper: ActionPlan | ProgressReport, event: str, *, posts: list[Post], **params: str
) -> None:
    """Tell ``posts`` that the paper was submitted, returned or accepted."""
    papers = PAPERS[type(paper)]
    notify(
        posts=posts,
        kind=f"{papers['letter_kind']}_{event}",
        msgid=papers[event],
        params={"period": paper_period(paper), "office": paper.office.name_bn, **params},
        url=paper_url(paper),
    )


def _commented_rows(
    paper: ActionPlan | ProgressReport, item_comments: dict[int, str]
) -> dict[int, Any]:
    """The paper's rows the comments name (plan items or report rows), by id."""
    ids = list(item_comments)
    if isinstance(paper, ActionPlan):
        rows = {i.pk: i for i in live_items(paper).filter(pk__in=ids)}
    else:
        rows = {r.pk: r for r in paper.items.filter(pk__in=ids)}
    if set(item_comments) - set(rows):
        raise ValidationError(_("A comment names an item of another paper."), code="foreign_item")
    return rows


def submit_paper(
    paper: ActionPlan | ProgressReport,
    *,
    actor: User | None,
    post: Post | None,
    subject: str,
    date: dt.date,
    signatory_post: Post | None,
    reference: str,
    addressee: str,
    distribution: Sequence[str],
    body: str,
    attachments: str,
) -> Submission:
    post = authorise(actor, post, paper.office, permissions.can_edit)
    paper = lock_paper(paper)
    _check_sendable(paper, signatory_post)
    papers = PAPERS[type(paper)]
    letter = letter_issue(
        office=paper.office,
        kind=papers["letter_kind"],
        subject=normalize(subject),
        date=date,
        actor=actor,
        signatory_post=signatory_post,
        reference=normalize(reference),
        body=body.strip(),
        attachments=normalize(attachments),
        addressee=normalize(addressee),
        distribution=[normalize(d) for d in distribution if normalize(d)],
    )
    version = paper.version
    revision = Submission.objects.filter(
        **{"plan" if isinstance(paper, ActionPlan) else "report": paper}, version=version
    ).count()
    now = common.now()
    submission = save_with_history(
        Submission(
            plan=paper if isinstance(paper, ActionPlan) else None,
            report=paper if isinstance(paper, ProgressReport) else None,
            version=version,
            revision=revision + 1,
            letter=letter,
            snapshot=papers["snapshot"](paper),
            submitted_at=now,
            submitted_by=actor,
            submitted_post=post,
        ),
        actor=actor,
        reason=gettext_noop("sent up"),
    )
    paper.status = ReviewStatus.SUBMITTED
    paper.submitted_at = now
    save_with_history(paper, actor=actor, reason=gettext_noop("sent up"))
    _notify(paper, "submitted", posts=reviewers_of(paper.office))
    figures_changed(paper)
    return submission


def decide_paper(
    paper: ActionPlan | ProgressReport,
    *,
    outcome: str,
    actor: User | None,
    post: Post | None,
    comment: str,
    item_comments: dict[int, str],
) -> Submission:
    post = authorise(actor, post, paper.office, permissions.can_review)
    paper = lock_paper(paper)
    if paper.status != ReviewStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted paper can be reviewed."), code="not_submitted")
    item_comments = {int(k): normalize(v) for k, v in item_comments.items() if normalize(v)}
    comment = (comment or "").strip()
    if outcome == Submission.Outcome.RETURNED and not comment and not item_comments:
        raise ValidationError(
            _("Write what should change: a comment on the whole or on an item."),
            code="comment_required",
        )
    is_plan = isinstance(paper, ActionPlan)
    rows = _commented_rows(paper, item_comments)
    submission = (
        Submission.objects.select_for_update()
        .filter(**{"plan" if is_plan else "report": paper}, outcome=Submission.Outcome.PENDING)
        .order_by("-submitted_at", "-id")
        .first()
    )
    now = common.now()
    base = {"plan": paper} if is_plan else {"report": paper}
    texts: list[tuple[Any, str]] = [(None, comment)] if comment else []
    texts += [(rows[pk], text) for pk, text in item_comments.items()]
    for row, text in texts:
        extra = {"item": row} if is_plan else {"report_item": row}
        save_with_history(
            ReviewComment(
                **base, **extra, submission=submission, text=text, author=actor, author_post=post
            ),
            actor=actor,
            reason=gettext_noop("commented"),
        )
    if submission is not None:
        submission.outcome = outcome
        submission.decided_at = now
        submission.decided_by = actor
        save_with_history(submission, actor=actor, reason=outcome)  # "returned"/"accepted"
    if outcome == Submission.Outcome.RETURNED:
        paper.status, paper.returned_at = ReviewStatus.RETURNED, now
        reason = gettext_noop("returned with comments")
    else:
        paper.status, paper.accepted_at = ReviewStatus.ACCEPTED, now
        reason = gettext_noop("accepted")
    save_with_history(paper, actor=actor, reason=reason)
    reviewer = post.office.name_bn if post is not None else ""
    _notify(paper, outcome, posts=editors_of(paper.office), reviewer=reviewer)
    figures_changed(paper)
    return submission  # type: ignore[return-value]
