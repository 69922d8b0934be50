"""Sending up and reviewing a plan, comparing its versions, the review queue.

Reports reuse the forwarding letter (letter_defaults).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bangla.digits import with_words
from udbhabon.core.concurrency import VERSION, conflict_status, save_or_conflict
from udbhabon.core.errors import error_text, errors_to_form
from udbhabon.core.templatetags.bn import date_bn, digits
from udbhabon.offices import permissions
from udbhabon.offices.access import SignedInRequest, acting_post
from udbhabon.offices.models import Post
from udbhabon.offices.queries import form_settings_for
from udbhabon.plans import access, display, periods, quality, queries, services
from udbhabon.plans.forms import (
    LetterForm,
    ReviewForm,
)
from udbhabon.plans.models import (
    ActionPlan,
    ProgressReport,
    ReviewStatus,
)
from udbhabon.plans.views.common import plan_context


def letter_defaults(paper: ActionPlan | ProgressReport, post: Post, posts: list[Post]) -> dict:
    """A forwarding letter as offices write it, in Bengali (letters are in Bengali)."""
    office = paper.office
    period = display.paper_period(paper)
    parent = office.parent
    # What goes out as approved is signed by the head of office (queries.signatory).
    plan = paper if isinstance(paper, ActionPlan) else paper.plan
    year = plan.year if plan is not None else None
    head = queries.signatory(office=office, year=year, act=queries.Act.APPROVAL)
    approver = next((p for p in posts if head is not None and p.pk == head.pk), None)
    with translation.override("bn"):
        if isinstance(paper, ActionPlan):
            subject = _("Annual innovation action plan %(period)s of %(office)s.") % {
                "period": period,
                "office": office.name_bn,
            }
            body = _(
                "The annual innovation action plan %(period)s of this office is sent herewith "
                "for your kind information and necessary action."
            ) % {"period": period}
        else:
            subject = _(
                "Implementation report %(period)s of the innovation action plan of %(office)s."
            ) % {"period": period, "office": office.name_bn}
            body = _(
                "The implementation report %(period)s of this office's innovation action plan "
                "is sent herewith for your kind information and necessary action."
            ) % {"period": period}
        # the attachment line with what is sent: the paper and its number of items
        count = (
            paper.items.filter(deleted_at__isnull=True).count()
            if isinstance(paper, ActionPlan)
            else paper.items.count()
        )
        attachments = _("%(paper)s (%(count)s activities)") % {
            "paper": _("Annual innovation action plan")
            if isinstance(paper, ActionPlan)
            else _("Implementation report"),
            "count": with_words(count),
        }
        office_copy = _("Office copy")
    grandparent = parent.parent if parent else None
    # the office's usual copy list (its form settings), else the grandparent office
    distribution = form_settings_for(office).distribution or (
        [grandparent.name_bn] if grandparent else []
    )
    if office_copy not in distribution:
        distribution = [*distribution, office_copy]
    return {
        "subject": subject,
        "date": timezone.localdate(),
        "signatory_post": (approver or post).pk,
        "addressee": parent.name_bn if parent else "",
        "body": body,
        "attachments": attachments,
        "distribution": "\n".join(distribution),
    }


@login_required
@require_http_methods(["GET", "POST"])
def submit(request: SignedInRequest, pk: int) -> HttpResponse:
    plan = access.plan_for_edit(request, pk)
    post = acting_post(request)
    posts = queries.office_posts(plan.office)
    pending = services.pending_warnings(plan)
    defaults = letter_defaults(plan, post, posts)
    data: Any = request.POST or None
    if data is not None and data.get("as_drafted"):
        # One click from the plan page: the drafted letter as it is, when no warning
        # waits to be checked; otherwise the letter's form with the warnings.
        data = None if pending else _drafted(defaults, data.get(VERSION) or "")
    form = LetterForm(
        data,
        initial=defaults,
        posts=[p for p in posts if p.role in permissions.SIGN_ROLES] or posts,
        needs_ack=bool(pending),
        version=plan.record_version,
    )
    submission = None
    if data is not None and form.is_valid():
        cleaned = form.cleaned_data
        try:
            submission = save_or_conflict(
                form,
                lambda version: services.plan_submit(
                    plan=plan,
                    actor=request.user,
                    post=post,
                    acknowledge_warnings=bool(cleaned.get("acknowledge")),
                    expected_version=version,
                    **form.letter(),
                ),
                None,
            )
        except ValidationError as exc:
            errors_to_form(form, exc)
        if submission is not None:
            messages.success(
                request,
                _("The plan was sent up with memo number %(memo)s.")
                % {"memo": submission.letter.memo_number if submission.letter else ""},
            )
            return redirect("plans:detail", pk=plan.pk)
    return render(
        request,
        "plans/submit.html",
        plan_context(
            request,
            plan,
            form=form,
            pending=pending,
            paper=plan,
            kind="plan",
            findings=quality.plan_quality(plan),
        ),
        status=conflict_status(form) if data is not None else 200,
    )


def _drafted(defaults: dict[str, Any], version: str) -> dict[str, str]:
    """The drafted letter as the form's data."""
    data = {
        name: value.isoformat() if hasattr(value, "isoformat") else str(value)
        for name, value in defaults.items()
    }
    data[VERSION] = version
    return data


@login_required
@require_http_methods(["GET", "POST"])
def review(request: SignedInRequest, pk: int) -> HttpResponse:
    plan = access.plan_for_view(request, pk)
    permissions.require_review(request.acting_post, plan.office)
    if plan.status != ReviewStatus.SUBMITTED:
        messages.warning(request, _("This plan is not waiting for review."))
        return redirect("plans:detail", pk=plan.pk)
    page = queries.plan_page(plan)
    form = ReviewForm(
        request.POST or None, item_ids=[r.item.pk for r in page.rows], version=plan.record_version
    )
    decided = None
    if request.method == "POST" and form.is_valid():
        action = (
            services.plan_accept
            if form.cleaned_data["decision"] == "accept"
            else (services.plan_return)
        )
        try:
            decided = save_or_conflict(
                form,
                lambda version: action(
                    plan=plan,
                    actor=request.user,
                    post=request.acting_post,
                    comment=form.cleaned_data["comment"],
                    item_comments=form.item_comments(),
                    expected_version=version,
                ),
                None,
            )
        except ValidationError as exc:
            errors_to_form(form, exc)
        if decided is not None:
            messages.success(
                request,
                _("The plan was accepted.")
                if form.cleaned_data["decision"] == "accept"
                else _("The plan was returned with your comments."),
            )
            return redirect("plans:queue")
    rows = [(r, form.item_field(r.item.pk)) for r in page.rows]
    return render(
        request,
        "plans/review.html",
        plan_context(
            request,
            plan,
            page=page,
            form=form,
            rows=rows,
            paper=plan,
            kind="plan",
            findings=quality.plan_quality(plan),
        ),
        status=conflict_status(form) if request.method == "POST" else 200,
    )


@login_required
@require_POST
def reopen(request: SignedInRequest, pk: int) -> HttpResponse:
    plan = access.plan_for_view(request, pk)
    permissions.require_edit(request.acting_post, plan.office)
    try:
        services.plan_reopen(plan=plan, actor=request.user, post=request.acting_post)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("The plan is open for changes as a new version."))
    return redirect("plans:detail", pk=plan.pk)


def _first_different(keys: list[str], b: str, snapshot: Any) -> str:
    """The newest version that differs from `b` (the page never opens on two equal
    versions), else last year's plan, else the one before `b`."""
    later = snapshot(b)
    for key in reversed([k for k in keys if k != b]):
        if any(d.state != "same" for d in queries.compare(snapshot(key), later)):
            return key
    return keys[0] if keys[0] != b else keys[-1]


@login_required
@require_GET
def compare(request: SignedInRequest, pk: int) -> HttpResponse:
    """Any two versions item by item: submitted copies, the current rows, last year's plan."""
    plan = access.plan_for_view(request, pk)
    submissions = list(plan.submissions.select_related("letter").order_by("submitted_at", "id"))
    choices: list[tuple[str, str, list[dict[str, Any]]]] = []
    previous = queries.latest_plan_before(plan.office, plan.year)
    if previous is not None:
        choices.append(
            ("last", _("Last year's plan (%(year)s)") % {"year": previous.year_label}, [])
        )
    for s in submissions:
        # The page's digits and the Dhaka date (submitted_at is UTC).
        label = _("Version %(version)s, sent %(date)s") % {
            "version": digits(s.version),
            "date": date_bn(s.submitted_at),
        }
        choices.append((f"s{s.pk}", label, s.snapshot))
    choices.append(("current", _("As it is now"), []))

    def snapshot(key: str) -> list[dict[str, Any]]:
        if key == "current":
            return services.plan_snapshot(plan)
        if key == "last" and previous is not None:
            return services.plan_snapshot(previous)
        return next((snap for k, _label, snap in choices if k == key), [])

    keys = [k for k, _label, _snap in choices]
    asked_a, asked_b = request.GET.get("a"), request.GET.get("b")
    b = asked_b if asked_b is not None and asked_b in keys else "current"
    a = asked_a if asked_a is not None and asked_a in keys else _first_different(keys, b, snapshot)
    differences = queries.compare(snapshot(a), snapshot(b))
    return render(
        request,
        "plans/compare.html",
        plan_context(
            request,
            plan,
            choices=[(k, label) for k, label, _snap in choices],
            a=a,
            b=b,
            differences=differences,
            changed=sum(d.state != "same" for d in differences),
        ),
    )


@login_required
@require_GET
def queue(request: SignedInRequest) -> HttpResponse:
    post = acting_post(request)
    if not access.can_review_queue(post):
        raise PermissionDenied
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = periods.current_fiscal_year(timezone.localdate())
    result = queries.review_queue(post, year)
    return render(
        request,
        "plans/queue.html",
        {
            "queue": result,
            "office": post.office,
            "year_label": periods.year_label(year, "fiscal"),
            "years": [
                (y, periods.year_label(y, "fiscal"))
                for y in range(periods.current_fiscal_year() + 1, 2014, -1)
            ],
        },
    )
