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
from udbhabon.documents import workflow
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
from udbhabon.plans.services.common import live_items


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
    from udbhabon.core.figures import figures_changed

    figures_changed(office=paper.office, on=paper.period_start)


# ---------------------------------------------------------------------------
# The paper loop, declared once (documents/workflow.py): the office sends a plan
# or a report up with a numbered letter, the office above returns it with
# comments or accepts it, the office reopens an accepted plan as its next version.


def _may_edit(post: Post | None, paper: ActionPlan | ProgressReport) -> bool:
    return permissions.can_edit(post, paper.office)


def _may_review(post: Post | None, paper: ActionPlan | ProgressReport) -> bool:
    return permissions.can_review(post, paper.office)


def _check_sendable(step: workflow.Step) -> None:
    """ValidationError unless the paper may go up now, signed by a post of its office."""
    paper = step.paper
    if paper.office.parent_id is None:
        raise ValidationError(
            _("This office has no supervising office to send it to."), code="no_parent"
        )
    signatory_post = step.letter_fields.get("signatory_post")
    if signatory_post is not None and signatory_post.office_id != paper.office_id:
        raise ValidationError(
            _("The signatory must hold a post of this office."), code="foreign_signatory"
        )


def _record_submission(step: workflow.Step) -> Submission:
    """The sending as a Submission: the letter and a frozen copy of the rows."""
    paper = step.paper
    key = "plan" if isinstance(paper, ActionPlan) else "report"
    revision = Submission.objects.filter(**{key: paper}, version=paper.version).count()
    assert step.at is not None  # the workflow stamps every step
    return save_with_history(
        Submission(
            **{key: paper},
            version=paper.version,
            revision=revision + 1,
            letter=step.letter,
            snapshot=PAPERS[type(paper)]["snapshot"](paper),
            submitted_at=step.at,
            submitted_by=step.actor,
            submitted_post=step.post,
        ),
        actor=step.actor,
        reason=gettext_noop("sent up"),
    )


def _commented_rows(step: workflow.Step) -> None:
    """The comments on rows, checked against the paper's rows (plan items or report rows)."""
    paper = step.paper
    item_comments = {
        int(k): normalize(v) for k, v in step.data["item_comments"].items() if normalize(v)
    }
    if step.transition.name == "return" and not step.comment and not item_comments:
        raise ValidationError(
            _("Write what should change: a comment on the whole or on an item."),
            code="comment_required",
        )
    ids = list(item_comments)
    if isinstance(paper, ActionPlan):
        rows = {i.pk: i for i in live_items(paper).filter(pk__in=ids)}
    else:
        rows = {r.pk: r for r in paper.items.filter(pk__in=ids)}
    if set(item_comments) - set(rows):
        raise ValidationError(_("A comment names an item of another paper."), code="foreign_item")
    step.data["rows"] = [(rows[pk], text) for pk, text in item_comments.items()]


def _record_decision(step: workflow.Step) -> Submission | None:
    """The comments, and the outcome on the pending submission."""
    paper, actor = step.paper, step.actor
    key, row_key = ("plan", "item") if isinstance(paper, ActionPlan) else ("report", "report_item")
    submission = (
        Submission.objects.select_for_update()
        .filter(**{key: paper}, outcome=Submission.Outcome.PENDING)
        .order_by("-submitted_at", "-id")
        .first()
    )
    texts: list[tuple[Any, str]] = [(None, step.comment)] if step.comment else []
    for row, text in [*texts, *step.data["rows"]]:
        save_with_history(
            ReviewComment(
                **{key: paper, row_key: row},
                submission=submission,
                text=text,
                author=actor,
                author_post=step.post,
            ),
            actor=actor,
            reason=gettext_noop("commented"),
        )
    if submission is not None:
        submission.outcome = step.to_state  # "returned" / "accepted"
        submission.decided_at = step.at
        submission.decided_by = actor
        save_with_history(submission, actor=actor, reason=submission.outcome)
    return submission


def _notice_params(step: workflow.Step) -> dict[str, Any]:
    params = {"period": paper_period(step.paper), "office": step.paper.office.name_bn}
    if step.transition.name in ("return", "accept"):
        params["reviewer"] = step.post.office.name_bn if step.post is not None else ""
    return params


def _figures(step: workflow.Step) -> None:
    figures_changed(step.paper)


def _next_edition(step: workflow.Step) -> None:
    step.paper.version += 1


def _submit(papers: dict[str, Any]) -> workflow.Transition:
    """The office sends the paper up with a numbered forwarding letter."""
    return workflow.Transition(
        name="submit",
        sources=EDITABLE,
        target=ReviewStatus.SUBMITTED,
        allowed=_may_edit,
        reason=gettext_noop("sent up"),
        refused=gettext_noop("This has already been sent up."),
        refused_code="not_editable",
        comment="none",
        stamp="submitted_at",
        check=_check_sendable,
        issues=workflow.Issue(kind=papers["letter_kind"]),
        record=_record_submission,
        notify=lambda step: reviewers_of(step.paper.office),
        message=papers["submitted"],
        notice_kind=f"{papers['letter_kind']}_submitted",
        after=_figures,
    )


def _decide(
    papers: dict[str, Any], name: str, outcome: str, reason: str, stamp: str
) -> workflow.Transition:
    """The office above returns the paper with comments, or accepts it."""
    return workflow.Transition(
        name=name,
        sources=(ReviewStatus.SUBMITTED,),
        target=outcome,
        allowed=_may_review,
        reason=reason,
        refused=gettext_noop("Only a submitted paper can be reviewed."),
        refused_code="not_submitted",
        stamp=stamp,
        check=_commented_rows,
        record=_record_decision,
        notify=lambda step: editors_of(step.paper.office),
        message=papers[outcome],
        notice_kind=f"{papers['letter_kind']}_{outcome}",
        after=_figures,
    )


REOPEN = workflow.Transition(
    name="reopen",
    sources=(ReviewStatus.ACCEPTED,),
    target=ReviewStatus.DRAFT,
    allowed=_may_edit,
    reason=gettext_noop("reopened as a new version"),
    refused=gettext_noop("Only an accepted plan can be reopened."),
    refused_code="not_accepted",
    comment="none",
    execute=_next_edition,
    notify=lambda step: reviewers_of(step.paper.office),
    message=gettext_noop(
        "The innovation action plan %(period)s of %(office)s was reopened for changes."
    ),
    notice_kind="plan_reopened",
)


def _review_kind(model: type[ActionPlan] | type[ProgressReport]) -> workflow.PaperKind:
    papers = PAPERS[model]
    transitions = [
        _submit(papers),
        _decide(
            papers,
            "return",
            ReviewStatus.RETURNED,
            gettext_noop("returned with comments"),
            "returned_at",
        ),
        _decide(papers, "accept", ReviewStatus.ACCEPTED, gettext_noop("accepted"), "accepted_at"),
    ]
    if model is ActionPlan:
        transitions.append(REOPEN)
    return workflow.PaperKind(
        name=papers["letter_kind"],
        model=model,
        states=ReviewStatus.values,
        transitions=transitions,
        lock_related=("office",),
        url_of=paper_url,
        params=_notice_params,
        clock=lambda: common.now(),
    )


PLAN = _review_kind(ActionPlan)
REPORT = _review_kind(ProgressReport)
KINDS = {ActionPlan: PLAN, ProgressReport: REPORT}


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
    expected_version: int | None = None,
) -> Submission:
    letter = {
        "subject": normalize(subject),
        "date": date,
        "signatory_post": signatory_post,
        "reference": normalize(reference),
        "body": body.strip(),
        "attachments": normalize(attachments),
        "addressee": normalize(addressee),
        "distribution": [normalize(d) for d in distribution if normalize(d)],
    }
    step = workflow.perform(
        KINDS[type(paper)],
        paper,
        "submit",
        actor=actor,
        post=post,
        letter=letter,
        expected_version=expected_version,
    )
    return step.record


def decide_paper(
    paper: ActionPlan | ProgressReport,
    *,
    outcome: str,
    actor: User | None,
    post: Post | None,
    comment: str,
    item_comments: dict[int, str],
    expected_version: int | None = None,
) -> Submission:
    name = "return" if outcome == Submission.Outcome.RETURNED else "accept"
    step = workflow.perform(
        KINDS[type(paper)],
        paper,
        name,
        actor=actor,
        post=post,
        comment=comment,
        item_comments=item_comments,
        expected_version=expected_version,
    )
    return step.record


def reopen_plan(*, plan: ActionPlan, actor: User | None, post: Post | None) -> ActionPlan:
    return workflow.perform(PLAN, plan, "reopen", actor=actor, post=post).paper
