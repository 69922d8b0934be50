"""What the plan views share: error text, breadcrumbs, a plan page's flags and context."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from udbhabon.offices import permissions
from udbhabon.offices.access import SignedInRequest, acting_post
from udbhabon.offices.models import Office, Post
from udbhabon.offices.queries import crumbs as office_crumbs
from udbhabon.plans import access, periods, queries
from udbhabon.plans.forms import (
    RESPONSIBLE_PHRASES,
)
from udbhabon.plans.models import (
    ActionPlan,
    ProgressReport,
    ReviewStatus,
)


def crumbs(request: HttpRequest, office: Office) -> list[Office]:
    """offices.queries.crumbs for the acting post."""
    return office_crumbs(office, acting_post(request))


def open_rows(request: HttpRequest) -> list[str]:
    """Rows being edited in the browser (sent by the sheet's hx-vals) to keep as they are."""
    raw = request.POST.get("open") or request.GET.get("open") or ""
    return [part for part in raw.split(",") if part]


def plan_flags(post: Post | None, plan: ActionPlan) -> dict[str, bool]:
    own = permissions.can_edit(post, plan.office)
    return {
        "editing": access.can_edit_plan(post, plan),
        "can_submit": own and plan.status in access.EDITABLE and plan.office.parent_id is not None,
        "can_review": permissions.can_review(post, plan.office)
        and plan.status == ReviewStatus.SUBMITTED,
        "can_reopen": own and plan.status == ReviewStatus.ACCEPTED,
        "can_progress": plan.submitted_at is not None
        and permissions.can_contribute(post, plan.office),
    }


def plan_context(request: SignedInRequest, plan: ActionPlan, **extra: Any) -> dict[str, Any]:
    post = request.acting_post
    flags = plan_flags(post, plan)
    context: dict[str, Any] = {
        "plan": plan,
        "crumbs": crumbs(request, plan.office),
        "halves": periods.halves(plan.year, plan.year_kind),
        "current_half": periods.half_containing(plan.year, plan.year_kind, timezone.localdate()),
        "today": timezone.localdate(),
        **flags,
    }
    if flags["editing"]:
        context["categories"] = queries.categories()
        context["phrases"] = RESPONSIBLE_PHRASES
    context.update(extra)
    return context


def bangla_disagreement(paper: ActionPlan | ProgressReport) -> dict[str, str] | None:
    """The imported letter's Bangla date as written and as computed, when they differ."""
    from udbhabon.documents.writers.text import format_bangla_date, format_date

    found = queries.source_letter_bangla_disagreement(paper)
    if found is None:
        return None
    written, computed, day = found
    return {
        "written": format_bangla_date(written, "bn"),  # type: ignore[arg-type]
        "computed": format_bangla_date(computed, "bn"),  # type: ignore[arg-type]
        "gregorian": format_date(day.isoformat(), "bn"),
    }
