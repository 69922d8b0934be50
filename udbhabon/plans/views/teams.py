"""The office's innovation team for a year."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from udbhabon.core.concurrency import conflict_status, save_or_conflict
from udbhabon.offices import permissions
from udbhabon.offices.access import SignedInRequest, office_for_view
from udbhabon.plans import periods, queries, services
from udbhabon.plans.forms import (
    TeamForm,
)
from udbhabon.plans.models import (
    InnovationTeam,
    TeamRole,
)
from udbhabon.plans.views.common import crumbs


def team_values(team: InnovationTeam) -> dict[str, Any]:
    """The team as its form shows it (the form's initial; the saved side of a conflict)."""
    by_role: dict[str, list] = {}
    for m in team.members.order_by("position"):
        by_role.setdefault(m.role, []).append(m)
    return {
        "convener": next((m.post_id for m in by_role.get(TeamRole.CONVENER, [])), None),
        "member_secretary": next(
            (m.post_id for m in by_role.get(TeamRole.MEMBER_SECRETARY, [])), None
        ),
        "members": [m.post_id for m in by_role.get(TeamRole.MEMBER, []) if m.post_id],
        "others": "\n".join(m.name for m in by_role.get(TeamRole.MEMBER, []) if not m.post_id),
        "order_memo_number": team.order_memo_number,
        "order_date": team.order_date,
    }


@login_required
@require_http_methods(["GET", "POST"])
def team(request: SignedInRequest, code: str, year: int) -> HttpResponse:
    office = office_for_view(request, code)
    post = request.acting_post
    can_edit = permissions.can_edit(post, office)
    current = InnovationTeam.objects.filter(office=office, year=year).first()
    members = (
        list(current.members.select_related("post", "post__office").order_by("position"))
        if current
        else []
    )
    posts = queries.office_posts(office)
    initial, version = (team_values(current), current.version) if current else ({}, None)
    form: TeamForm | None = TeamForm(
        request.POST or None, initial=initial, posts=posts, version=version
    )
    form = form if can_edit else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            saved = save_or_conflict(
                form,
                lambda version: services.team_save(
                    office=office,
                    year=year,
                    convener=data["convener"],
                    member_secretary=data["member_secretary"],
                    members=list(data["members"]),
                    others=form.others_list(),
                    order_memo_number=data["order_memo_number"],
                    order_date=data["order_date"],
                    actor=request.user,
                    post=post,
                    expected_version=version,
                ),
                team_values,
                drawn_values=lambda _team, _version: None,  # members are not in its history
            )
            if saved is not None:
                messages.success(request, _("The innovation team was saved."))
                return redirect("plans:team", code=office.code, year=year)
    return render(
        request,
        "plans/team.html",
        {
            "office": office,
            "crumbs": crumbs(request, office),
            "year": year,
            "year_label": periods.year_label(year, "fiscal"),
            "team": current,
            "members": members,
            "form": form,
        },
        status=conflict_status(form) if request.method == "POST" else 200,
    )
